"""`anonymize detect`: the JSON Lines contract the scorer and scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from anonymize.cli import main

from .helpers import NOTE_A, make_notes

KEYS = {"start", "end", "type", "text", "score", "recognizer"}


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_json_lines_one_object_per_file_with_valid_offsets(tmp_path):
    src = make_notes(tmp_path)
    result = CliRunner().invoke(main, ["detect", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    objects = _lines(result.output)
    assert sorted(o["path"] for o in objects) == sorted(
        [str(src / "a.md"), str(src / "2025" / "mars" / "b.txt")]
    )
    for obj in objects:
        text = Path(obj["path"]).read_text(encoding="utf-8")
        assert obj["entities"], obj["path"]
        previous_end = 0
        for e in obj["entities"]:
            assert set(e) == KEYS
            assert text[e["start"] : e["end"]] == e["text"]
            assert e["start"] >= previous_end, "entities must not overlap"
            previous_end = e["end"]
            assert 0 < e["score"] <= 1


def test_types_found_in_a_typical_note():
    result = CliRunner().invoke(main, ["detect", "-", "--format", "json"], input=NOTE_A)
    (obj,) = _lines(result.output)
    assert obj["path"] == "-"
    found = {(e["type"], e["text"]) for e in obj["entities"]}
    assert ("PERSON", "Julien Marchand") in found
    assert ("EMAIL", "julien.marchand@gmail.com") in found
    assert ("PHONE", "06 39 98 12 34") in found


def test_names_propagate_across_the_files_of_one_run(tmp_path):
    src = make_notes(tmp_path)
    result = CliRunner().invoke(main, ["detect", str(src), "--format", "json"])
    b = next(o for o in _lines(result.output) if o["path"].endswith("b.txt"))
    texts = {e["text"] for e in b["entities"]}
    # "Marchand" alone in b.txt is known from the full name in a.md
    assert "Marchand" in texts


def test_table_format_shows_the_entities(tmp_path):
    result = CliRunner().invoke(main, ["detect", "-", "--format", "table"], input=NOTE_A)
    assert result.exit_code == 0
    assert "PERSON" in result.output and "Julien Marchand" in result.output


def test_missing_path_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["detect", str(tmp_path / "absent")])
    assert result.exit_code == 2


def test_a_bad_file_is_reported_and_the_others_still_printed(tmp_path):
    src = make_notes(tmp_path)
    (src / "casse.md").write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["detect", str(src), "--format", "json"])
    assert result.exit_code == 1
    assert "casse.md" in result.stderr
    assert len(_lines(result.stdout)) == 2

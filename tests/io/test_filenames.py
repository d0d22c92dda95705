"""File and folder names in `batch` output: anonymized with the notes' own mapping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize.cli import main
from anonymize.config import Config
from anonymize.io.filenames import _deduplicate, fold, rename
from anonymize.pipeline import Pipeline

NOTE = (
    "Séance avec Julien Marchand, à Annecy. Sa femme Claire Marchand l'accompagne.\n"
    "Julien veut quitter Salomon.\n"
)


@pytest.fixture(scope="module")
def pseudonym_batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("names")
    src = root / "notes"
    (src / "Julien Marchand").mkdir(parents=True)
    (src / "2025-03-14 Julien Marchand.md").write_text(NOTE, encoding="utf-8")
    (src / "2025-03-21 Julien Marchand.md").write_text("Julien revient.\n", encoding="utf-8")
    (src / "Julien Marchand" / "julien_marchand_bilan.txt").write_text(NOTE, encoding="utf-8")
    (src / "annecy.md").write_text("Rien à signaler.\n", encoding="utf-8")
    (src / "a.md").write_text("Séance sans nom.\n", encoding="utf-8")
    dst, report = root / "out", root / "report.json"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--report", str(report)])
    assert result.exit_code == 0, result.output
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    return dst, {f["source"]: f["output"] for f in files}


def test_dates_coarsened_and_names_replaced_with_the_note_pseudonym(pseudonym_batch):
    dst, outputs = pseudonym_batch
    out = outputs["2025-03-14 Julien Marchand.md"]
    assert re.fullmatch(r"2025-03 [^/\d]+\.md", out), out
    pseudonym = out[len("2025-03 ") : -len(".md")]
    assert "Julien" not in pseudonym and "Marchand" not in pseudonym
    text = (dst / out).read_text(encoding="utf-8")
    assert f"Séance avec {pseudonym}," in text, "the file name uses the note's pseudonym"


def test_collisions_get_a_number_and_the_report_maps_every_source(pseudonym_batch):
    dst, outputs = pseudonym_batch
    first, second = (
        outputs["2025-03-14 Julien Marchand.md"],
        outputs["2025-03-21 Julien Marchand.md"],
    )
    assert second == first[: -len(".md")] + " (2).md"
    assert len(set(outputs.values())) == len(outputs)
    for output in outputs.values():
        assert (dst / output).is_file()
    on_disk = sorted(str(p.relative_to(dst)) for p in dst.rglob("*") if p.is_file())
    assert on_disk == sorted([*outputs.values(), ".anonymize-output"])


def test_folders_and_underscored_lower_case_names_are_anonymized(pseudonym_batch):
    _, outputs = pseudonym_batch
    nested = outputs["Julien Marchand/julien_marchand_bilan.txt"]
    folder, name = nested.split("/")
    assert folder == outputs["2025-03-14 Julien Marchand.md"][len("2025-03 ") : -len(".md")]
    assert name.endswith("_bilan.txt") and "marchand" not in name.lower()
    assert " " not in name, "underscores stay underscores"
    assert outputs["annecy.md"] != "annecy.md" and outputs["annecy.md"].islower()
    assert outputs["a.md"] == "a.md"


@pytest.mark.parametrize(
    ("name", "dates", "expected"),
    [
        ("2025-03-14 séance", "month", "2025-03 séance"),
        ("20250314_seance", "month", "202503_seance"),
        ("14.03.2025 bilan", "month", "03.2025 bilan"),
        ("2025-03-14 séance", "year", "2025 séance"),
        ("2025-03-14 séance", "season", "2025-printemps séance"),
        ("2025-03-14 séance", "remove", "séance"),
        ("2025-03-14 séance", "keep", "2025-03-14 séance"),
        ("2025-13-40 numéro", "month", "2025-13-40 numéro"),
    ],
)
def test_dates_follow_the_dates_setting(name, dates, expected):
    assert rename(name, [], [], dates, shifted=False) == expected


def test_same_identity_as_the_text_in_redact_style():
    pipeline = Pipeline(style="redact")
    sources = [Path("MARCHAND Julien.md"), Path("julien-marchand.md"), Path("Notes/bilan.md")]
    results, names = pipeline.anonymize_folder([NOTE, NOTE, "Rien.\n"], sources)
    label = re.match(r"Séance avec (\[PERSONNE_\d+\])", results[0].text).group(1)
    # "MARCHAND Julien" and "julien-marchand" are the person of the note, in both
    assert str(names[0]) == f"{label}.md"
    assert str(names[1]) == f"{label} (2).md"
    assert str(names[2]) == "Notes/bilan.md"


def test_a_file_name_of_ordinary_words_stays_as_it_is():
    pipeline = Pipeline(Config(seed=1))
    _, names = pipeline.anonymize_folder(
        ["Compte rendu du conseil.\n", "Rien.\n"],
        [Path("board_minutes.txt"), Path("Partner review.md")],
    )
    assert [str(n) for n in names] == ["board_minutes.txt", "Partner review.md"]


def test_case_insensitive_collisions_and_files_named_like_folders():
    assert [
        str(p) for p in _deduplicate([Path("A.md"), Path("a.md"), Path("x/y.md"), Path("x")])
    ] == [
        "A.md",
        "a (2).md",
        "x/y.md",
        "x (2)",
    ]


def test_fold_keeps_offsets():
    assert fold("Élodie_MARCHAND") == "elodie_marchand"
    assert len(fold("Straße Œuvre")) == len("Straße Œuvre")

"""`anonymize check`: the publishing gate, on raw notes, on our output, with a mapping."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from anonymize.cli import main
from anonymize.config import Config
from anonymize.io.marker import OUTPUT_MARKER, load_known
from anonymize.publish.check import Gate
from anonymize.replace.mapping import PASSPHRASE_ENV, Mapping, save_mapping

from ..helpers import NOTE_A

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FINDING = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+) (?P<type>[A-Z]+) (?P<text>.+)$")


def _check(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["check", *args], env=env)


def _findings(output: str) -> list[dict]:
    return [m.groupdict() for line in output.splitlines() if (m := FINDING.match(line))]


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory) -> dict[str, Path]:
    """`batch` over samples/ in the default style and in redact style."""
    root = tmp_path_factory.mktemp("gate")
    outputs = {}
    for style in ("pseudonym", "redact"):
        dst = root / style
        result = CliRunner().invoke(main, ["batch", str(SAMPLES), "-o", str(dst), "--style", style])
        assert result.exit_code == 0, result.output
        outputs[style] = dst
    return outputs


def test_a_raw_note_fails_with_masked_locations(tmp_path):
    note = tmp_path / "seance.md"
    note.write_text("# Séance\n\n" + NOTE_A, encoding="utf-8")
    result = _check(str(note))
    assert result.exit_code == 1
    found = _findings(result.stdout)
    assert {"PERSON", "EMAIL", "PHONE"} <= {f["type"] for f in found}
    person = next(f for f in found if f["type"] == "PERSON")
    assert (person["line"], person["col"]) == ("3", str(NOTE_A.index("Julien") + 1))
    assert set(person["text"]) == {"•"} and len(person["text"]) == len("Julien Marchand")
    for secret in ("Julien", "Marchand", "julien.marchand@gmail.com", "06 39 98"):
        assert secret not in result.output


def test_show_prints_the_text_and_a_clean_file_passes(tmp_path):
    note = tmp_path / "seance.txt"
    note.write_text(NOTE_A, encoding="utf-8")
    shown = _check(str(note), "--show")
    assert f"{note}:1:{NOTE_A.index('Julien') + 1} PERSON Julien Marchand" in shown.stdout
    clean = tmp_path / "clean.md"
    clean.write_text("La séance a porté sur la confiance et la délégation.\n", encoding="utf-8")
    result = _check(str(clean))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "clean" in result.stderr


def test_deny_listed_terms_are_flagged_anywhere_even_in_file_names(tmp_path):
    (tmp_path / "anonymize.toml").write_text('[lists]\ndeny = ["Bichette"]\n', encoding="utf-8")
    note = tmp_path / "suivi-BICHETTE.md"
    note.write_text("Elle se fait appeler bichette au travail.\n", encoding="utf-8")
    result = _check(str(note), "--show")
    assert result.exit_code == 1
    found = [(f["line"], f["type"], f["text"]) for f in _findings(result.stdout)]
    assert ("1", "DENY", "bichette") in found
    assert ("0", "DENY", "BICHETTE") in found, "line 0 is the file name"


def test_mapping_originals_are_flagged_and_its_replacements_are_not(tmp_path, monkeypatch):
    mapping = Mapping(seed=1)
    mapping.record("Julien Marchand", "PERSON", "Gabriel Morin")
    mapping.record("Rose", "PERSON", "Agathe")
    path = tmp_path / "secret" / "mapping.bin"
    save_mapping(path, mapping, "correct horse")
    public = tmp_path / "public"
    public.mkdir()
    note = public / "cas.md"
    note.write_text(
        "Gabriel Morin a repris confiance. Agathe lui offre une rose.\n"
        "Plus tard, JULIEN MARCHAND relit le compte rendu.\n",
        encoding="utf-8",
    )
    env = {PASSPHRASE_ENV: "correct horse"}
    result = _check(str(note), "--mapping", str(path), "--show", env=env)
    assert result.exit_code == 1
    found = [(f["line"], f["type"], f["text"]) for f in _findings(result.stdout)]
    assert ("2", "MAPPING", "JULIEN MARCHAND") in found
    assert not any("Gabriel" in t or "Agathe" in t or t == "rose" for _, _, t in found), found
    wrong = _check(str(note), "--mapping", str(path), env={PASSPHRASE_ENV: "wrong"})
    assert wrong.exit_code == 1 and "wrong passphrase" in wrong.output


@pytest.mark.parametrize("style", ["pseudonym", "redact"])
def test_the_output_of_batch_over_samples_is_clean(sample_outputs, style):
    dst = sample_outputs[style]
    assert load_known(dst / OUTPUT_MARKER), "batch records what it wrote"
    result = _check(str(dst), "--show")
    assert result.exit_code == 0, result.stdout
    assert "clean" in result.stderr


def test_a_leak_added_to_the_output_is_caught_despite_the_marker(sample_outputs, tmp_path):
    dst = tmp_path / "public"
    shutil.copytree(sample_outputs["pseudonym"], dst)
    note = sorted(dst.glob("*.md"))[0]
    lines = note.read_text(encoding="utf-8").count("\n")
    with note.open("a", encoding="utf-8") as handle:
        handle.write("\nPost-scriptum : Élodie Charbonnier m'a rappelé au 06 39 98 27 41.\n")
    result = _check(str(dst), "--show")
    assert result.exit_code == 1
    found = {(f["line"], f["type"], f["text"]) for f in _findings(result.stdout)}
    assert (str(lines + 2), "PERSON", "Élodie Charbonnier") in found
    assert (str(lines + 2), "PHONE", "06 39 98 27 41") in found
    # the edited file still has its own pseudonyms excused: only the new line is reported
    assert {line for line, _, _ in found} == {str(lines + 2)}


def test_a_pseudonym_excuses_nothing_outside_the_file_it_was_written_in(tmp_path):
    src, dst = tmp_path / "notes", tmp_path / "public"
    src.mkdir()
    (src / "a.md").write_text("Séance avec Julien Marchand à Annecy.\n", encoding="utf-8")
    (src / "b.md").write_text("La séance a porté sur la délégation.\n", encoding="utf-8")
    batch = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--seed", "7"])
    assert batch.exit_code == 0, batch.output
    assert _check(str(dst)).exit_code == 0
    written = (dst / "a.md").read_text(encoding="utf-8")
    pseudonym = re.match(r"Séance avec (.+?) à ", written).group(1)
    # a real person who happens to share that name, missed and left in another note
    with (dst / "b.md").open("a", encoding="utf-8") as handle:
        handle.write(f"Ensuite {pseudonym} m'a appelé.\n")
    result = _check(str(dst), "--show")
    assert result.exit_code == 1
    assert [Path(f["path"]).name for f in _findings(result.stdout)] == ["b.md"]


def test_a_second_batch_into_the_same_folder_keeps_the_records_of_the_first(tmp_path):
    first, second, dst = tmp_path / "n1", tmp_path / "n2", tmp_path / "public"
    first.mkdir()
    second.mkdir()
    (first / "a.md").write_text("Séance avec Julien Marchand à Annecy.\n", encoding="utf-8")
    (second / "b.md").write_text("Séance avec Claire Dupont à Rennes.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["batch", str(first), "-o", str(dst)]).exit_code == 0
    # DST holds notes now: a second batch into it needs --force, and keeps the first's files
    assert CliRunner().invoke(main, ["batch", str(second), "-o", str(dst)]).exit_code == 2
    forced = CliRunner().invoke(main, ["batch", str(second), "-o", str(dst), "--force"])
    assert forced.exit_code == 0
    assert (dst / "a.md").is_file()
    marker = json.loads((dst / OUTPUT_MARKER).read_text(encoding="utf-8"))
    assert sorted(marker["files"]) == ["a.md", "b.md"]
    assert _check(str(dst)).exit_code == 0
    (dst / "a.md").unlink()
    assert (
        CliRunner().invoke(main, ["batch", str(second), "-o", str(dst), "--force"]).exit_code == 0
    )
    marker = json.loads((dst / OUTPUT_MARKER).read_text(encoding="utf-8"))
    assert sorted(marker["files"]) == ["b.md"], "a vanished file's record goes"


def test_pseudonyms_need_the_marker_or_known(sample_outputs, tmp_path):
    """Why the marker exists: a pseudonym is detected like a real name."""
    dst = sample_outputs["pseudonym"]
    blog = tmp_path / "blog"
    blog.mkdir()
    for note in dst.glob("0*"):
        shutil.copy(note, blog / note.name)

    def where(result) -> set[tuple[str, str, str]]:
        return {(Path(f["path"]).name, f["line"], f["col"]) for f in _findings(result.stdout)}

    in_place = where(_check(*[str(p) for p in sorted(dst.glob("0*"))]))
    alone = _check(str(blog))
    assert alone.exit_code == 1 and len(where(alone) - in_place) >= 5
    known = _check(str(blog), "--known", str(dst / OUTPUT_MARKER))
    assert where(known) == in_place, "--known excuses exactly what the marker excuses"


def test_unreadable_files_fail_the_gate_and_empty_ones_pass(tmp_path):
    (tmp_path / "vide.md").write_text("", encoding="utf-8")
    assert _check(str(tmp_path / "vide.md")).exit_code == 0
    (tmp_path / "casse.md").write_bytes(b"\x00\x01\x02" * 50)
    result = _check(str(tmp_path))
    assert result.exit_code == 1
    assert "casse.md: binary file" in result.stderr


def test_placeholders_and_masks_are_never_findings():
    gate = Gate(Config())
    from anonymize.io.reader import Note

    text = "[PERSONNE_1] a quitté [ORGANISATION_2] pour [LIEU_3] ; appeler █████ le [DATE_1].\n"
    doc = Note(text, "utf-8", path=Path("x.md"))
    assert gate.check_documents([doc], ["x.md"]) == []


def test_pre_commit_hook_runs_check_on_notes():
    hooks = yaml.safe_load((SAMPLES.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "anonymize-check" and hook["entry"] == "anonymize check"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "b.txt", "c.docx"))
    assert not files.search("photo.png")


def test_a_list_item_before_a_pseudonym_is_no_finding(tmp_path):
    # spaCy reads "Profil public d'Anaïs" as one organisation in some contexts;
    # with the name excused, its rest "Profil public" must not fail the gate
    text = (
        "## Contacts\n\n- Assistante de direction, Mme Sonia Lachaux : "
        "s.lachaux@bonnard-mecanique.fr, 04.65.71.52.80.\n"
        "- Profil public d'Anaïs : linkedin.com/in/elodie-charbonnier-prod\n"
    )
    from anonymize.io.reader import Note

    gate = Gate(Config(), known=["Anaïs", "Sonia Lachaux"])
    found = gate.check_documents([Note(text, "utf-8", path=tmp_path / "x.md")], ["x.md"])
    assert not [f for f in found if "Profil" in f.text], found


def test_a_marker_of_an_older_version_keeps_excusing_its_files(tmp_path):
    src, dst = tmp_path / "notes", tmp_path / "public"
    src.mkdir()
    (src / "b.md").write_text("Séance avec Claire Dupont à Rennes.\n", encoding="utf-8")
    dst.mkdir()
    (dst / "old.md").write_text("Séance avec Gabriel Morin à Meudon.\n", encoding="utf-8")
    legacy = {"tool": "anonymize", "replacements": ["Gabriel Morin", "Meudon"]}
    (dst / OUTPUT_MARKER).write_text(json.dumps(legacy), encoding="utf-8")
    assert _check(str(dst)).exit_code == 0
    batch = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--force"])
    assert batch.exit_code == 0
    assert (dst / "old.md").is_file(), "not recorded as this source's output: kept"
    marker = json.loads((dst / OUTPUT_MARKER).read_text(encoding="utf-8"))
    assert marker["replacements"] == ["Gabriel Morin", "Meudon"] and "b.md" in marker["files"]
    result = _check(str(dst), "--show")
    assert result.exit_code == 0, result.stdout


def test_the_roles_style_records_no_empty_span_and_passes_the_gate(tmp_path):
    src, dst = tmp_path / "notes", tmp_path / "public"
    src.mkdir()
    (src / "a.md").write_text(
        "Sa sœur Claire est venue. Julien Marchand aussi.\n", encoding="utf-8"
    )
    batch = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--style", "roles"])
    assert batch.exit_code == 0, batch.output
    record = json.loads((dst / OUTPUT_MARKER).read_text(encoding="utf-8"))["files"]["a.md"]
    assert record["spans"] and all(a < b for a, b in record["spans"])
    assert _check(str(dst)).exit_code == 0

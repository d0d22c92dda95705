"""Unicode tricks and capitals (issue 10, items 1-3), through the real CLI.

A zero-width space, a decomposed accent, full-width letters or a line in
capitals must hide nothing from `text`, `detect` or `check`, and every
character outside a replaced span is kept as it was.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize.cli import main
from anonymize.io.marker import OUTPUT_MARKER
from anonymize.replace.mapping import PASSPHRASE_ENV, Mapping, save_mapping

ZW = "\u200b"
FINDING = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+) (?P<type>[A-Z]+) (?P<text>.+)$")


def _run(*args: str, note: str | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=note, env=env)


def _text(note: str, style: str = "pseudonym") -> str:
    result = _run("text", "-", "--style", style, "--seed", "3", note=note)
    assert result.exit_code == 0, result.output
    return result.output


def _findings(output: str) -> list[tuple[str, str, str]]:
    return [
        (m["line"], m["type"], m["text"])
        for line in output.splitlines()
        if (m := FINDING.match(line))
    ]


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text).replace(ZW, "")
    return {w.casefold() for w in re.findall(r"\w+", text)}


# -- 2. zero-width and format characters ---------------------------------------------


def test_a_phone_with_zero_width_spaces_keeps_no_digit_of_the_real_number():
    note = f"Tél : 06{ZW}12{ZW}34{ZW}56{ZW}78\n"
    assert _text(note, "redact") == "Tél : [TELEPHONE_1]\n"
    digits = re.sub(r"\D", "", _text(note))
    assert all("0612345678"[i : i + 4] not in digits for i in range(1, 7)), digits


def test_an_email_with_a_zero_width_space_is_replaced_whole():
    note = f"Mail : camille.lefe{ZW}bvre@gmail.com\n"
    assert _text(note, "redact") == "Mail : [EMAIL_1]\n"
    out = _text(note)
    assert "lefe" not in out and "camille" not in out and ZW not in out


def test_format_characters_outside_a_replaced_span_are_kept():
    note = f"Séance\u00a0: très bien{ZW}. Ca{ZW}mille Lefebvre est venue\u202f!\n"
    assert _text(note, "redact") == f"Séance\u00a0: très bien{ZW}. [PERSONNE_1] est venue\u202f!\n"


def test_detect_reports_original_offsets_around_invisible_characters(tmp_path):
    note = tmp_path / "n.md"
    text = f"Hier, Ca{ZW}mille Le\u00adfebvre m'a écrit (06{ZW}12{ZW}34{ZW}56{ZW}78).\n"
    note.write_text(text, encoding="utf-8")
    result = _run("detect", "--format", "json", str(note))
    assert result.exit_code == 0, result.output
    entities = json.loads(result.output)["entities"]
    found = {(e["type"], e["text"]) for e in entities}
    assert ("PERSON", f"Ca{ZW}mille Le\u00adfebvre") in found
    assert ("PHONE", f"06{ZW}12{ZW}34{ZW}56{ZW}78") in found
    assert all(text[e["start"] : e["end"]] == e["text"] for e in entities)


# -- 3. decomposed accents -------------------------------------------------------------


def test_a_decomposed_first_name_is_replaced_with_its_surname():
    note = "Séance avec He\u0301le\u0300ne Garnier.\n"
    assert _text(note, "redact") == "Séance avec [PERSONNE_1].\n"
    assert not {"hélène", "garnier"} & _words(_text(note))


# -- 1. ALL-CAPS full names ------------------------------------------------------------

CAPS_LINES = [
    ("CAMILLE LEFEBVRE – SÉANCE 3", ("camille", "lefebvre"), "– SÉANCE 3"),
    ("NOTE : APPELER CAMILLE LEFEBVRE AU 06 12 34 56 78", ("camille", "lefebvre"), "NOTE : "),
    ("RDV AVEC M. DUPONT", ("dupont",), "RDV AVEC M. "),
    ("RAPPEL : ENVOYER LA CONVENTION À MME AUDREY VASSEUR", ("audrey", "vasseur"), "RAPPEL"),
    ("BIEN À VOUS,\nGOULVEN TANGUY\nCOACH CERTIFIÉ", ("goulven", "tanguy"), "COACH CERTIFIÉ"),
]


@pytest.mark.parametrize(("line", "names", "kept"), CAPS_LINES)
def test_full_names_in_capitals_are_replaced(line, names, kept):
    out = _text(line + "\n")
    assert not set(names) & _words(out), out
    assert kept in out
    assert "12 34 56 78" not in out


def test_headings_in_capitals_are_left_as_they_are(tmp_path):
    headings = (
        "BILAN DE FIN D'ACCOMPAGNEMENT\n"
        "COMPTE RENDU\n"
        "COMPTE RENDU - COACHING D'ÉQUIPE DE NUIT\n"
        "OBJECTIFS DE LA SÉANCE\n"
        "PROCHAINE ÉTAPE : POINT À TROIS AVANT LA FIN DU MOIS\n"
        "1. LA DEMANDE\n"
        "IL A ÉTÉ CONVENU CE QUI SUIT :\n"
    )
    assert _text(headings) == headings
    note = tmp_path / "titres.md"
    note.write_text(headings, encoding="utf-8")
    detected = _run("detect", "--format", "json", str(note))
    assert json.loads(detected.output)["entities"] == []
    assert _run("check", str(note)).exit_code == 0


def test_check_flags_names_in_capitals_added_to_a_batch_output(tmp_path):
    src, dst = tmp_path / "notes", tmp_path / "public"
    src.mkdir()
    (src / "seance.md").write_text(
        "Séance avec Julien Marchand, qui prépare sa reprise.\n", encoding="utf-8"
    )
    assert _run("batch", str(src), "-o", str(dst)).exit_code == 0
    (out,) = dst.glob("*.md")
    with out.open("a", encoding="utf-8") as handle:
        handle.write(
            "CAMILLE LEFEBVRE – SÉANCE 3\nNOTE : APPELER CAMILLE LEFEBVRE AU 06 12 34 56 78\n"
        )
    result = _run("check", str(dst), "--known", str(dst / OUTPUT_MARKER), "--show")
    assert result.exit_code == 1, result.output
    found = _findings(result.stdout)
    assert ("2", "PERSON", "CAMILLE LEFEBVRE") in found
    assert ("3", "PERSON", "CAMILLE LEFEBVRE") in found
    assert ("3", "PHONE", "06 12 34 56 78") in found


# -- the gate, with and without a mapping ----------------------------------------------

HIDDEN = [
    (f"Ca{ZW}mille Lefe{ZW}bvre", "PERSON"),
    ("ＣＡＭＩＬＬＥ ＬＥＦＥＢＶＲＥ", "PERSON"),
    ("Camille\u00a0Le\u00adfebvre", "PERSON"),
    ("He\u0301le\u0300ne Garnier", "PERSON"),
    (f"06{ZW}12{ZW}34{ZW}56{ZW}78", "PHONE"),
    ("０６ １２ ３４ ５６ ７８", "PHONE"),
]


@pytest.mark.parametrize(("hidden", "kind"), HIDDEN)
def test_check_flags_identifiers_hidden_by_unicode(tmp_path, hidden, kind):
    note = tmp_path / "public.md"
    note.write_text(f"La séance a bien commencé.\nPost-scriptum : {hidden}.\n", encoding="utf-8")
    result = _run("check", str(note), "--show")
    assert result.exit_code == 1, result.output
    assert ("2", kind, " ".join(hidden.split())) in _findings(result.stdout)


def test_check_with_a_mapping_flags_its_originals_however_they_are_written(tmp_path):
    mapping = Mapping(seed=1)
    mapping.record("Camille Lefebvre", "PERSON", "Gabriel Morin")
    mapping.record("Hélène", "PERSON", "Agathe")
    mapping.record("06 12 34 56 78", "PHONE", "06 39 98 00 11")
    secret = tmp_path / "secret" / "mapping.bin"
    save_mapping(secret, mapping, "correct horse")
    note = tmp_path / "public" / "cas.md"
    note.parent.mkdir()
    lines = [
        "Gabriel Morin et Agathe ont repris confiance.",
        f"Ca{ZW}mille Lefe{ZW}bvre",
        "ＣＡＭＩＬＬＥ ＬＥＦＥＢＶＲＥ",
        "He\u0301le\u0300ne",
        f"06{ZW}12{ZW}34{ZW}56{ZW}78",
        "06.12.34.56.78",
    ]
    note.write_text("\n".join(f"- {line}" for line in lines) + "\n", encoding="utf-8")
    env = {PASSPHRASE_ENV: "correct horse"}
    result = _run("check", str(note), "--mapping", str(secret), "--show", env=env)
    assert result.exit_code == 1, result.output
    mapped = {(line, text) for line, kind, text in _findings(result.stdout) if kind == "MAPPING"}
    for number, line in enumerate(lines[1:], start=2):
        assert (str(number), line) in mapped, (line, mapped)
    assert not any(number == "1" for number, _ in mapped), "replacements are not leaks"


def test_check_flags_a_deny_listed_name_hidden_by_unicode(tmp_path):
    (tmp_path / "anonymize.toml").write_text('[lists]\ndeny = ["Bichette"]\n', encoding="utf-8")
    note = tmp_path / "n.md"
    note.write_text(f"Elle se fait appeler Bi{ZW}chette ou ＢＩＣＨＥＴＴＥ.\n", encoding="utf-8")
    result = _run("check", str(note), "--show")
    found = {(kind, text) for _, kind, text in _findings(result.stdout)}
    assert {("DENY", f"Bi{ZW}chette"), ("DENY", "ＢＩＣＨＥＴＴＥ")} <= found


def test_the_samples_written_in_nfd_and_with_nbsp_are_anonymized_alike(tmp_path):
    """A whole note as macOS writes it gives the same replacements as its NFC form."""
    sample = Path(__file__).resolve().parent.parent / "samples" / "02_reprise_infirmiere.txt"
    text = sample.read_text(encoding="utf-8")
    odd = unicodedata.normalize("NFD", text).replace(" : ", "\u00a0: ")
    plain = _text(text, "redact")
    assert unicodedata.normalize("NFC", _text(odd, "redact")).replace("\u00a0: ", " : ") == plain

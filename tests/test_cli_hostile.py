"""Hostile typography, through the real CLI (`bench/hostile.py` measures it on the corpora).

Each class of disguise that used to let an identifier through: tabs, dash and
apostrophe homoglyphs, a name cut by a hyphen at a line end, Markdown emphasis
inside a name, Windows line endings, a line in capitals naming what the note
writes in mixed case elsewhere, a town after a postal code in capitals. The
replaced span is replaced whole (no invisible or full-width character left inside
a pseudonym); every character outside it is kept as the user wrote it.
"""

from __future__ import annotations

import re
import unicodedata

from click.testing import CliRunner

from anonymize.cli import main

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _text(note: str, style: str = "pseudonym") -> str:
    result = CliRunner().invoke(main, ["text", "-", "--style", style, "--seed", "5"], input=note)
    assert result.exit_code == 0, result.output
    return result.output


def _read(text: str) -> str:
    """The output as a reader reads it: NFKC, no invisible character, plain dashes."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", text)
    return re.sub("[\u2010-\u2015]", "-", text).replace("\u02bc", "'").casefold()


def test_tabs_inside_a_name_and_a_phone_hide_neither():
    note = "Contact :\tMaryline\tde\tKerviler,\tfixe 04\t65\t71\t52\t86.\n"
    out = _text(note, "redact")
    assert out == "Contact :\t[PERSONNE_1],\tfixe [TELEPHONE_1].\n"  # the tabs around are kept
    assert "\t" not in _text(note).split("fixe ")[1], "no tab inside the pseudonym phone"


def test_dash_and_apostrophe_homoglyphs_hide_no_identifier():
    note = (
        "La demande dʼÉlodie Garnier : rappeler Jean–Luc au 06–39–98–21–57 (réf. RH–2025–0563).\n"
    )
    out = _text(note, "redact")
    assert out == (
        "La demande dʼ[PERSONNE_1] : rappeler [PERSONNE_2] au [TELEPHONE_1] "
        "(réf. [IDENTIFIANT_1]).\n"
    )
    pseudonym = _text(note)
    assert not {"élodie", "garnier", "jean-luc", "21-57", "0563"} & set(
        re.findall(r"[\w-]+", _read(pseudonym))
    )
    assert "–" not in pseudonym, "the phone pseudonym takes plain hyphens"
    assert "La demande d'" in pseudonym or "La demande de " in pseudonym, "elided as French wants"


def test_a_name_cut_by_a_hyphen_at_a_line_end_is_replaced_whole():
    note = "Séance avec Julien Mar-\nchand, qui vit à Saint-\nÉtienne avec Jean-\nLuc.\n"
    out = _text(note, "redact")
    assert out == "Séance avec [PERSONNE_1], qui vit à [LIEU_1] avec [PERSONNE_2].\n"


def test_markdown_emphasis_inside_a_name_leaves_neither_the_name_nor_a_dangling_mark():
    note = "Séance avec **Jul**ien Marchand ; M. Mar*chand* a rappelé.\n"
    out = _text(note, "redact")
    assert out == "Séance avec [PERSONNE_1] ; M. [PERSONNE_1] a rappelé.\n"


def test_windows_line_endings_are_kept_and_hide_nothing(tmp_path):
    note = tmp_path / "note.txt"
    note.write_bytes(
        "Orientation vers l'épicerie solidaire Le Panier Rémois.\r\n\r\n"
        "Contact : Mme Segura, à Reims.\r\n".encode()
    )
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(main, ["text", str(note), "--style", "redact", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = out.read_bytes().decode()
    assert re.fullmatch(
        r"Orientation vers l'épicerie solidaire \[[A-Z]+_1\]\.\r\n\r\n"
        r"Contact : Mme \[PERSONNE_1\], à \[LIEU_\d\]\.\r\n",
        written,
    ), repr(written)


def test_invisible_and_full_width_characters_never_end_up_inside_a_pseudonym():
    note = (
        "Mme Élodie Ber\u200bneau travaille chez Ber\u2060neau Expertise (réf. "
        "ＧＥ－４０９６－７１３８), tél. 06\u202f39\u200998\u00a021\u202f57.\n"
    )
    out = _text(note)
    kept = "travaille chez", "tél."
    assert all(k in out for k in kept)
    assert not set(INVISIBLE) & set(out), repr(out)
    assert not re.search("[\uff01-\uff5e]", out), out
    assert not {"élodie", "berneau", "4096", "7138"} & set(re.findall(r"\w+", _read(out)))


def test_characters_outside_replaced_spans_are_kept_as_written():
    note = "Séance\u00a0: très bien\u200b, ré\u00adf. vue.\tJulien\u202fMarchand est venu\u2009!\n"
    assert _text(note, "redact") == (
        "Séance\u00a0: très bien\u200b, ré\u00adf. vue.\t[PERSONNE_1] est venu\u2009!\n"
    )


def test_a_line_in_capitals_reads_names_as_the_note_writes_them_elsewhere():
    note = (
        "Élise promène Biscotte, sa chienne, près du lycée Les Barattes.\n\n"
        "ELLE PASSE SES JOURNÉES AVEC BISCOTTE. SA FILLE VA AU LYCÉE LES BARATTES.\n"
        "PUIS DEUX TOURS DU TAPIS.\n"
    )
    out = _text(note, "redact")
    assert "BISCOTTE" not in out and "BARATTES" not in out, out
    assert "PUIS DEUX TOURS DU TAPIS." in out, "a counted common word stays a common word"


def test_a_town_after_a_postal_code_in_capitals_is_replaced():
    note = "DOMICILE : LIEU-DIT LA BRUYÈRE, 35 850 ROMILLÉ\n"
    out = _text(note, "redact")
    assert "ROMILLÉ" not in out and "35 850" not in out, out


def test_full_width_digits_in_an_amount_are_no_phone():
    note = "Le devis s'élève à １ ２５０ ０００ euros, réglés en ３ fois.\n"
    out = _text(note, "redact")
    assert out == note, out


def test_a_cut_word_outside_any_name_is_left_as_written():
    note = "La séance a porté sur la délé-\ngation et le tra-\nvail de nuit.\n"
    assert _text(note, "redact") == note

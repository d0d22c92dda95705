"""decode_note: the bytes of a note, decoded or refused with a reason that quotes nothing."""

from __future__ import annotations

import codecs

import pytest

from anonymize.errors import NoteError
from anonymize.io.reader import DEFAULT_MAX_BYTES, decode_note, read_note

TEXT = "Séance avec Hélène Lefèvre, née à Besançon ; « ça avance », dit-elle — 3 € payés.\n"


def test_utf8():
    note = decode_note(TEXT.encode("utf-8"))
    assert (note.text, note.encoding, note.bom) == (TEXT, "utf-8", False)


def test_utf8_with_bom_is_decoded_without_it_and_remembered():
    note = decode_note(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (note.text, note.encoding, note.bom) == (TEXT, "utf-8", True)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    note = decode_note(bom + TEXT.encode(codec))
    assert (note.text, note.encoding) == (TEXT, "utf-16")


def test_utf16_cut_in_the_middle_of_a_character_is_refused():
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")[:-1]
    with pytest.raises(NoteError, match="undecodable UTF-16"):
        decode_note(data)


def test_windows_1252_notes_are_read_as_cp1252():
    # "€" and the curly quote exist in cp1252, not in latin-1
    text = "Payé 120 € à l’école de Chloé.\n"
    note = decode_note(text.encode("cp1252"))
    assert (note.text, note.encoding) == (text, "cp1252")


def test_latin1_accents_read_the_same():
    note = decode_note("Réunion à Orléans, déjà.\n".encode("latin-1"))
    assert note.text == "Réunion à Orléans, déjà.\n"


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n"],
    ids=["nothing", "blank", "bom-only", "bom-blank"],
)
def test_empty_notes_are_refused(data):
    with pytest.raises(NoteError, match="empty file"):
        decode_note(data)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\x00\x01\x02 Julien Marchand",
        bytes(range(1, 9)) * 20 + b"Julien Marchand",
        b"PK\x03\x04\x14\x00\x06\x00" + b"Julien Marchand" * 10,
    ],
    ids=["nul-byte", "control-bytes", "zip"],
)
def test_binary_files_are_refused_without_quoting_them(data):
    with pytest.raises(NoteError, match="binary file") as caught:
        decode_note(data)
    assert "Julien" not in str(caught.value)


def test_a_few_control_characters_are_still_text():
    text = "Ligne\x0cpage suivante\x1b avec Julien.\n" * 10
    assert decode_note(text.encode()).text == text


def test_too_large_is_refused_before_decoding():
    with pytest.raises(NoteError, match=r"file too large: 1\.0 MB \(limit 512\.0 KB\)"):
        decode_note(b"a" * 1024 * 1024, max_bytes=512 * 1024)
    assert decode_note(b"a" * 1000, max_bytes=1000).text == "a" * 1000
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_read_note_refuses_what_is_not_a_readable_file(tmp_path):
    with pytest.raises(NoteError, match="file not found"):
        read_note(tmp_path / "absent.txt")
    with pytest.raises(NoteError, match="not a regular file: a folder"):
        read_note(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(NoteError, match="file too large"):
        read_note(big, max_bytes=1024)
    cp = tmp_path / "cp.txt"
    cp.write_bytes("Chloé à l’école".encode("cp1252"))
    assert read_note(cp).text == "Chloé à l’école"

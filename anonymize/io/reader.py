"""Read a note: bytes from disk or stdin, checked, decoded, nothing guessed silently.

Coaches' older notes are often cp1252 or latin-1; the encoding is detected and
reported. Binary, empty and oversized files are refused with a one-line reason
that never quotes the content.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import NoteError

# .docx notes are read through anonymize.io.formats.docx (their text, for detection).
NOTE_SUFFIXES = (".txt", ".md", ".docx")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Control characters that never occur in a text note (tab, LF, CR, FF allowed).
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}


@dataclass(frozen=True)
class Note:
    """A decoded note and how to write it back the way it came."""

    text: str
    encoding: str
    bom: bool = False


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _BINARY_BYTES)
    return controls > max(2, len(sample) // 100)


def decode_note(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Note:
    """Decode raw bytes of a note, or raise NoteError with the reason."""
    if len(data) > max_bytes:
        raise NoteError(
            f"file too large: {len(data) / 1048576:.1f} MB (limit {max_bytes / 1048576:.1f} MB)"
        )
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise NoteError("empty file: nothing to anonymize")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Note(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise NoteError("undecodable UTF-16 file") from None
    if _looks_binary(data):
        raise NoteError("binary file: not a text note")
    try:
        return Note(data.decode("utf-8"), "utf-8", bom)
    except UnicodeDecodeError:
        pass
    # French notes that are not UTF-8 are nearly always Windows-1252 (or its
    # subset latin-1); statistical detection misreads short French texts as
    # cp1250 or mac_roman, so cp1252 is tried first.
    try:
        return Note(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NoteError("cannot detect the text encoding")
    try:
        return Note(data.decode(best.encoding), best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise NoteError(f"cannot decode the file as {best.encoding}") from None


def read_note(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Note:
    """Read and decode one note file."""
    if path.suffix.lower() == ".docx":
        from .formats.docx import read_docx_note

        return read_docx_note(path, max_bytes)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise NoteError("file not found") from None
    except OSError as exc:
        raise NoteError(f"cannot read file ({exc.strerror or exc.__class__.__name__})") from None
    if size > max_bytes:
        raise NoteError(
            f"file too large: {size / 1048576:.1f} MB (limit {max_bytes / 1048576:.1f} MB)"
        )
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise NoteError("is a directory") from None
    except OSError as exc:
        raise NoteError(f"cannot read file ({exc.strerror or exc.__class__.__name__})") from None
    return decode_note(data, max_bytes)


def find_notes(root: Path) -> list[Path]:
    """Every note under a folder, recursively, in a stable order; hidden files skipped."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix.lower() in NOTE_SUFFIXES
        and p.is_file()
        and not p.name.startswith("~$")  # Word's lock file beside an open .docx
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )

"""Read a note: one model for every command, read once, nothing guessed silently.

A `Note` is what `text`, `detect`, `batch`, `check` and `review` work on: the
decoded text, where it came from, how to write it back (encoding, BOM, the
open Word package), how to point at a place in it (`locate`) and which of
its characters are syntax (`protect`). A Word file is opened once: the same
package gives the text to anonymize and takes the replacements back.

Coaches' older notes are often cp1252 or latin-1; the encoding is detected and
reported, and the output is always written as UTF-8 (with the BOM kept when
the note had one). A note that cannot be read raises a `NoteError` subclass
(`EmptyNote`, `BinaryNote`, `NoteTooLarge`, `UnreadableNote`, `NotANote`)
with a one-line reason that never quotes the content. Reading never blocks:
a FIFO or a device is refused before a byte is read.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from ..config import Config
from ..errors import BinaryNote, EmptyNote, NotANote, NoteTooLarge, UnreadableNote
from .formats.markdown import protect as protect_markdown
from .limits import DEFAULT_MAX_BYTES, describe_size, format_size
from .writer import atomic_write

if TYPE_CHECKING:
    from ..entities import Entity
    from ..pipeline import Result
    from .formats.docx import DocxNote

NOTE_SUFFIXES = (".txt", ".md", ".docx")
DOCX_SUFFIX = ".docx"
DOCX_ENCODING = "docx"
# Control characters that never occur in a text note (tab, LF, CR, FF allowed).
_BINARY_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFLNK: "a symbolic link",
}


@dataclass(frozen=True)
class Note:
    """A decoded note, where it came from, and how to write it back the way it came."""

    text: str
    encoding: str  # "utf-8", "cp1252", "utf-16"..., or "docx" for a Word file
    bom: bool = False
    path: Path | None = None  # None for stdin
    docx: DocxNote | None = None  # the open Word package, for a .docx note

    @property
    def is_docx(self) -> bool:
        return self.docx is not None

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1; for Word, the line is the paragraph."""
        if self.docx is not None:
            return self.docx.locate(offset)
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, column

    def protect(self, entities: list[Entity]) -> list[Entity]:
        """Detections with the format's syntax cut out (front-matter keys, tags)."""
        return protect_markdown(self.text, entities)

    def write(self, output: Path, result: Result, config: Config | None = None) -> None:
        """Write `result` (computed on `self.text`) to `output`, atomically.

        A Word note written to a `.docx` keeps its formatting (the replacements
        go into its runs, its metadata is cleared, its comment and revision
        timestamps are coarsened like the text's dates); every other output is
        the text in UTF-8, with the note's BOM if it had one.
        """
        if self.docx is not None and output.suffix.lower() == DOCX_SUFFIX:
            config = config or Config()
            self.docx.apply(result, dates="remove" if config.shift_dates else config.dates)
            self.docx.save(output)
        else:
            atomic_write(output, result.text, bom=self.bom)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _BINARY_BYTES)
    return controls > max(2, len(sample) // 100)


def decode_note(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, path: Path | None = None) -> Note:
    """Decode raw bytes of a text note, or raise a NoteError subclass with the reason."""
    if len(data) > max_bytes:
        raise NoteTooLarge(f"file too large: {describe_size(len(data), max_bytes)}")
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise EmptyNote("empty file: nothing to anonymize")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Note(data.decode("utf-16"), "utf-16", path=path)
        except UnicodeDecodeError:
            raise UnreadableNote("undecodable UTF-16 file") from None
    if _looks_binary(data):
        raise BinaryNote("binary file: not a text note")
    try:
        return Note(data.decode("utf-8"), "utf-8", bom, path=path)
    except UnicodeDecodeError:
        pass
    # French notes that are not UTF-8 are nearly always Windows-1252 (or its
    # subset latin-1); statistical detection misreads short French texts as
    # cp1250 or mac_roman, so cp1252 is tried first.
    try:
        return Note(data.decode("cp1252"), "cp1252", path=path)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableNote("cannot detect the text encoding")
    try:
        return Note(data.decode(best.encoding), best.encoding, path=path)
    except (UnicodeDecodeError, LookupError):
        raise UnreadableNote(f"cannot decode the file as {best.encoding}") from None


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def read_bytes(path: Path, max_bytes: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file, at most `max_bytes`, without ever blocking.

    The file is opened non-blocking and checked with `fstat` on the open
    descriptor: a FIFO, a device or a folder is refused before any read, and
    so is a symbolic link when `follow_symlinks` is false.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise NotANote("dangling symbolic link") from None
        raise UnreadableNote("file not found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise NotANote("a symbolic link (not followed)") from None
        if exc.errno in (errno.ENXIO, errno.EISDIR):  # a socket, a folder
            raise NotANote("not a regular file") from None
        raise UnreadableNote(f"cannot read file ({_reason(exc)})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "an unknown kind of file")
            raise NotANote(f"not a regular file: {kind}")
        if info.st_size > max_bytes:
            raise NoteTooLarge(f"file too large: {describe_size(info.st_size, max_bytes)}")
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise UnreadableNote(f"cannot read file ({_reason(exc)})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while being read
        raise NoteTooLarge(f"file too large: {describe_size(len(data), max_bytes)}")
    return data


def read_note(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, *, follow_symlinks: bool = True
) -> Note:
    """Read and decode one note file (.txt, .md, .docx), or raise a NoteError subclass."""
    data = read_bytes(path, max_bytes, follow_symlinks=follow_symlinks)
    if path.suffix.lower() == DOCX_SUFFIX:
        from .formats.docx import DocxNote

        docx = DocxNote(data, max_bytes)
        if not docx.text.strip():
            raise EmptyNote("empty file: nothing to anonymize")
        return Note(docx.text, DOCX_ENCODING, path=path, docx=docx)
    return decode_note(data, max_bytes, path)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> Note:
    """The note piped on stdin; a closed stdin is a clear error, not a crash."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UnreadableNote("stdin is closed: pipe a note in, or give a file")
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: read on a closed file object
        raise UnreadableNote(f"cannot read stdin ({exc.__class__.__name__})") from None
    if len(data) > max_bytes:
        raise NoteTooLarge(f"stdin too large: over the limit of {format_size(max_bytes)}")
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

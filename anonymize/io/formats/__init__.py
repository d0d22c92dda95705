"""File formats a note can come in: plain text, Markdown, Word.

Every format is reduced to one plain text that the pipeline anonymizes; a
format then knows how to put the anonymized text back (Markdown and text:
as is; Word: into its runs) and how to point at a place in the file
(`locate`: line and column, or paragraph and column for Word).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...entities import Entity
from ..reader import read_note
from .markdown import protect

DOCX_SUFFIX = ".docx"


@dataclass
class Document:
    """The text of one file, whatever its format, and how to locate an offset in it."""

    path: Path
    text: str
    encoding: str
    docx: object | None = None  # the DocxNote for a Word file

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both from 1; for Word, the line is the paragraph."""
        if self.docx is not None:
            return self.docx.locate(offset)  # type: ignore[attr-defined]
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, column

    def protect(self, entities: list[Entity]) -> list[Entity]:
        """Detections with the format's syntax cut out (front-matter keys, tags)."""
        return protect(self.text, entities)


def read_document(path: Path, max_bytes: int) -> Document:
    """Read a .txt, .md or .docx file, or raise NoteError with the reason."""
    if path.suffix.lower() == DOCX_SUFFIX:
        from .docx import open_checked

        note = open_checked(path, max_bytes)
        return Document(path, note.text, "docx", note)
    note = read_note(path, max_bytes)
    return Document(path, note.text, note.encoding)

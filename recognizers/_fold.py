"""Case- and accent-folding that keeps string length, fast enough for lexicons.

Several lookups compare words without case or accents (`Hélène` = `HELENE`)
over tens of thousands of lexicon entries; `str.translate` with a lazily
filled table does this in C, and keeping the length lets offsets found in the
folded text point into the original.
"""

from __future__ import annotations

import unicodedata


def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        return c
    return unicodedata.normalize("NFD", low)[0]


class Folder(dict):
    """A translation table: code point -> folded character, filled on first sight."""

    def __init__(self, extra: dict[str, str] | None = None) -> None:
        super().__init__({ord(k): v for k, v in (extra or {}).items()})

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded

    def fold(self, text: str) -> str:
        return text.translate(self)


APOSTROPHES = {"’": "'", "‘": "'"}
_LETTERS = Folder(APOSTROPHES)


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes straightened."""
    return _LETTERS.fold(text)

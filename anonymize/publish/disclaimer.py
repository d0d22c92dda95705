"""The optional notice at the top of a published note, as case illustrations carry."""

from __future__ import annotations

import re

DEFAULT_TEXT = (
    "Les prénoms, noms, lieux, dates et détails de contexte de ce texte ont été modifiés "
    "afin que les personnes concernées ne puissent pas être reconnues."
)
FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.DOTALL)


def add_disclaimer(
    text: str, notice: str | None = None, markdown: bool = True
) -> tuple[str, int, int]:
    """(new text, where the notice was inserted, its length); after any YAML front matter."""
    notice = (notice or DEFAULT_TEXT).strip()
    newline = "\r\n" if "\r\n" in text else "\n"
    block = (f"> {notice}" if markdown else notice) + newline + newline
    match = FRONT_MATTER.match(text)
    at = match.end() if match else 0
    return text[:at] + block + text[at:], at, len(block)

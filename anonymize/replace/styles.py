"""Styles: how a mention is written once its identity is known.

Every style reads the same identity book (detect/identities.py) and differs
only in how it renders a mention: `pseudonym` (another plausible person,
place, organisation), `roles` (what the text says the person is: "ma
cliente", "sa sœur"), `redact` (numbered placeholders) and `mask` (black
bars). `make_style` picks one by name; `splice.apply` puts the values in the
text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..config import Config
from ..detect.identities import IdentityBook, Mention
from ..entities import Entity

LABELS = {
    "PERSON": "PERSONNE",
    "LOCATION": "LIEU",
    "ORG": "ORGANISATION",
    "ADDRESS": "ADRESSE",
    "EMAIL": "EMAIL",
    "PHONE": "TELEPHONE",
    "URL": "URL",
    "DATE": "DATE",
    "AGE": "AGE",
    "ID": "IDENTIFIANT",
}
MASK = "█████"
# Presidio's replace operator treats "" as "use the entity type": an empty
# replacement travels as this invisible mark and grammar.repair removes it.
EMPTY = "\u2063"


class Style(Protocol):
    """What every style offers the pipeline."""

    name: str

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        """Decide what must be decided for the whole scope before any note is written."""

    def render(self, mention: Mention, text: str) -> str:
        """The replacement of one mention of `text`."""

    def spans(
        self, text: str, mentions: Sequence[Mention], values: Sequence[str]
    ) -> tuple[list[Entity], list[str]]:
        """What is spliced into `text`: by default each mention's span and value; a
        style may widen a mention over the words its value rewrites (a date's
        article, the title before a role) or merge several (the two ends of a range)."""


def as_rendered(
    mentions: Sequence[Mention], values: Sequence[str]
) -> tuple[list[Entity], list[str]]:
    """Each mention's own span and value."""
    return [m.entity for m in mentions], list(values)


class RedactStyle:
    """Typed, numbered placeholders, consistent across the scope: [PERSONNE_1]."""

    name = "redact"

    def __init__(self, book: IdentityBook) -> None:
        self.book = book

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        return None

    def render(self, mention: Mention, text: str) -> str:
        label = LABELS.get(mention.entity.type, mention.entity.type)
        number = mention.identity.number if mention.identity else 0
        return f"[{label}_{number}]"

    def spans(self, text, mentions, values):
        return as_rendered(mentions, values)


class MaskStyle:
    """Black bars: nothing of the original, not even its length."""

    name = "mask"

    def __init__(self, book: IdentityBook) -> None:
        self.book = book

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        return None

    def render(self, mention: Mention, text: str) -> str:
        return MASK

    def spans(self, text, mentions, values):
        return as_rendered(mentions, values)


def make_style(name: str, book: IdentityBook, config: Config, table: dict[str, str]) -> Style:
    """The style called `name`, reading `book`; `table` is the mapping's memory."""
    if name == "redact":
        return RedactStyle(book)
    if name == "mask":
        return MaskStyle(book)
    from .pseudonyms import PseudonymStyle
    from .roles import RolesStyle

    if name == "roles":
        return RolesStyle(book, config, table)
    return PseudonymStyle(book, config, table)

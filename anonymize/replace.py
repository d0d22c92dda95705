"""Replace: each entity becomes its replacement through Presidio's anonymizer.

Replacement strings come from a style (redact, mask, pseudonym, roles); the
splice itself is Presidio's `replace` operator, one operator per entity so
that two mentions of a type can get different values.
"""

from __future__ import annotations

from dataclasses import dataclass

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from .entities import Entity
from .identities import IdentityBook

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


@dataclass(frozen=True)
class Replacement:
    """Where a replacement landed in the output, and what it stands for."""

    start: int
    end: int
    type: str
    text: str
    source: Entity


class RedactStyle:
    """Typed, numbered placeholders, consistent across the scope: [PERSONNE_1]."""

    name = "redact"

    def __init__(self, book: IdentityBook) -> None:
        self.book = book

    def replacement(self, entity: Entity, text: str) -> str:
        identity = self.book.identity_of(entity)
        return f"[{LABELS.get(entity.type, entity.type)}_{identity.number}]"


class MaskStyle:
    """Black bars: nothing of the original, not even its length."""

    name = "mask"

    def __init__(self, book: IdentityBook) -> None:
        self.book = book

    def replacement(self, entity: Entity, text: str) -> str:
        return MASK


_engine = AnonymizerEngine()


def apply(text: str, entities: list[Entity], values: list[str]) -> tuple[str, list[Replacement]]:
    """Splice `values` in place of non-overlapping `entities` of `text`."""
    if not entities:
        return text, []
    results = [RecognizerResult(f"E{i}", e.start, e.end, e.score) for i, e in enumerate(entities)]
    operators = {
        f"E{i}": OperatorConfig("replace", {"new_value": v or EMPTY}) for i, v in enumerate(values)
    }
    engine_result = _engine.anonymize(
        text=text,
        analyzer_results=results,
        operators=operators,
        merge_entities_with_spaces=False,
    )
    placed = []
    for item in engine_result.items:
        source = entities[int(item.entity_type[1:])]
        placed.append(Replacement(item.start, item.end, source.type, item.text, source))
    return engine_result.text, sorted(placed, key=lambda r: r.start)

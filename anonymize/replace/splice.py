"""The splice: each entity becomes its replacement through Presidio's anonymizer.

Replacement strings come from a style (`styles.py`, `pseudonyms.py`); the
splice itself is Presidio's `replace` operator, one operator per entity so
that two mentions of a type can get different values.
"""

from __future__ import annotations

from dataclasses import dataclass

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from ..entities import Entity
from .styles import EMPTY


@dataclass(frozen=True)
class Replacement:
    """Where a replacement landed in the output, and what it stands for."""

    start: int
    end: int
    type: str
    text: str
    source: Entity


_engine = AnonymizerEngine()


# Presidio's text builder rewrites the whole text for each entity; cutting a
# long note into segments keeps the splice linear in its length.
SEGMENT = 8_000


def _segments(text: str, entities: list[Entity]) -> list[tuple[int, int, list[int]]]:
    """(start, end, entity indexes) of consecutive segments; no entity is cut."""
    order = sorted(range(len(entities)), key=lambda i: entities[i].start)
    segments: list[tuple[int, int, list[int]]] = []
    members: list[int] = []
    seg_start = 0
    for i in order:
        e = entities[i]
        if members and e.start - seg_start > SEGMENT:
            segments.append((seg_start, e.start, members))
            seg_start, members = e.start, []
        members.append(i)
    segments.append((seg_start, len(text), members))
    return segments


def apply(text: str, entities: list[Entity], values: list[str]) -> tuple[str, list[Replacement]]:
    """Splice `values` in place of non-overlapping `entities` of `text`."""
    if not entities:
        return text, []
    pieces: list[str] = []
    placed: list[Replacement] = []
    offset = 0
    for seg_start, seg_end, members in _segments(text, entities):
        results = [
            RecognizerResult(
                f"E{i}", entities[i].start - seg_start, entities[i].end - seg_start, 1.0
            )
            for i in members
        ]
        operators = {
            f"E{i}": OperatorConfig("replace", {"new_value": values[i] or EMPTY}) for i in members
        }
        engine_result = _engine.anonymize(
            text=text[seg_start:seg_end],
            analyzer_results=results,
            operators=operators,
            merge_entities_with_spaces=False,
        )
        for item in engine_result.items:
            source = entities[int(item.entity_type[1:])]
            placed.append(
                Replacement(item.start + offset, item.end + offset, source.type, item.text, source)
            )
        pieces.append(engine_result.text)
        offset += len(engine_result.text)
    return "".join(pieces), sorted(placed, key=lambda r: r.start)

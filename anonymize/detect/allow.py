"""The allow-list: terms kept as written, and every detection inside them.

"Christophe André" cited as an author stays, even when an André of another
note makes propagation look for "André" everywhere. Deny-listed terms are
never allowed (see Config.allow_terms) and a deny-list hit is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..entities import Entity

DENY_RECOGNIZER = "DenyListRecognizer"


class AllowList:
    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(terms)
        alternatives = sorted(self.terms, key=len, reverse=True)
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in alternatives)
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])") if body else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._pattern is None:
            return []
        return [m.span() for m in self._pattern.finditer(text)]

    def filter(self, entities: list[Entity], text: str) -> list[Entity]:
        """Entities that are not allowed terms and not inside an allowed occurrence."""
        spans = self.spans(text)
        kept = []
        for e in entities:
            if e.recognizer != DENY_RECOGNIZER and (
                e.text in self.terms or any(s <= e.start and e.end <= t for s, t in spans)
            ):
                continue
            kept.append(e)
        return kept

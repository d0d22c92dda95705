"""The coach's deny-list: names they know must never appear, always caught."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers import LANGUAGE


class DenyListRecognizer(PatternRecognizer):
    """Whole-word, case-insensitive match of every deny-listed term.

    Typed PERSON: deny-lists are mostly the client and relatives; a score of
    1.0 lets a deny-listed term win every overlap.
    """

    def __init__(self, terms: list[str]) -> None:
        import re

        alternatives = "|".join(
            re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True)
        )
        regex = rf"(?i)(?<![\w-])(?:{alternatives})(?![\w-])"
        super().__init__(
            supported_entity="PERSON",
            patterns=[Pattern("deny_list", regex, 1.0)],
            supported_language=LANGUAGE,
            name="DenyListRecognizer",
        )

    @classmethod
    def from_settings(cls, settings: dict) -> DenyListRecognizer | None:
        terms = [t for t in settings.get("deny", []) if t.strip()]
        return cls(terms) if terms else None

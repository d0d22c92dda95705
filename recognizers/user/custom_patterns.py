"""Extra pattern recognizers declared by the coach in `[[recognizers]]`."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

from recognizers import LANGUAGE


class CustomPatternRecognizer(PatternRecognizer):
    """One configured regex, with its context words, as a PatternRecognizer."""

    def __init__(self, name: str, entity: str, regex: str, context=(), score: float = 0.9) -> None:
        super().__init__(
            supported_entity=entity,
            patterns=[Pattern(name, regex, float(score))],
            context=list(context),
            supported_language=LANGUAGE,
            name=f"custom:{name}",
        )

    @classmethod
    def from_settings(cls, settings: dict) -> list[CustomPatternRecognizer]:
        return [cls(**p) for p in settings.get("patterns", [])]

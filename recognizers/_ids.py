"""Shared pieces of the contact and identifier recognizers.

Scoring convention for all of them: a match whose checksum passes is certain
(1.0, via `validate_result` returning True). A match of the right shape whose
checksum fails keeps a low pattern score, below the 0.35 threshold, so it is
only reported when a context word ("SIRET", "IBAN", "n° sécu"...) stands
before it: then it is most likely a mistyped identifier, still worth hiding.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers import LANGUAGE, Named, _data

# Separators written between digit groups: space, no-break spaces, dot, hyphen.
SEP = r"[ .\-\u00a0\u202f]"
# Not glued to a letter, a digit or an underscore on either side.
BEFORE = r"(?<![\w])"
AFTER = r"(?!\w)"


def context_words(key: str) -> list[str]:
    """Context words of one recognizer, from `data/id_context.tsv`."""
    return [word for k, word in _data.table("id_context.tsv") if k == key]


def build_result(
    recognizer: Named, entity: str, start: int, end: int, score: float, why: str
) -> RecognizerResult:
    """A result for a custom `analyze`, with an explanation object.

    Presidio's context enhancer writes into `analysis_explanation` whenever the
    recognizer has context words, so it must never be None.
    """
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=why
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


class _PatternTableRecognizer(PatternRecognizer):
    """A PatternRecognizer declared by its class attributes: the entity, the
    (name, regex, score) patterns, the context words (given, or the key of
    `data/id_context.tsv`) and the name its results carry. `refine` sees
    Presidio's results with the whole text, to trim or drop some."""

    ENTITY = "ID"
    NAME = ""
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_KEY = ""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=[Pattern(*p) for p in self.PATTERNS],
            context=list(self.CONTEXT) if self.CONTEXT else context_words(self.CONTEXT_KEY),
            supported_language=LANGUAGE,
            name=self.NAME,
            global_regex_flags=re.MULTILINE,
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags) or []
        return self.refine(text, results)

    def refine(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Presidio's results, reconsidered with the whole text (kept as they are here)."""
        return results

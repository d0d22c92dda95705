"""Shared base of the recognizers that scan the text themselves.

Dates, ages, addresses, organisations, and the contacts and numbers read in
any grouping (`odd_phone.py`, `digit_run.py`...) decide with the words around
a match (a duration cue before "19 ans", a unit after "13/12"), which a
PatternRecognizer's `validate_result` cannot see: each subclass scans the
text itself and yields (start, end, score, extra metadata) candidates; this
base turns them into RecognizerResults carrying the recognizer's name and id,
as the pipeline expects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers import LANGUAGE

Candidate = tuple[int, int, float, dict[str, str]]


class Claims:
    """Spans taken by a recognizer's earlier, stronger patterns: a later pattern
    may not claim a span overlapping one of them."""

    def __init__(self) -> None:
        self._taken: list[tuple[int, int]] = []

    def claim(self, start: int, end: int) -> bool:
        if any(start < e and end > s for s, e in self._taken):
            return False
        self._taken.append((start, end))
        return True


class _RegexEntityRecognizer(EntityRecognizer):
    """An EntityRecognizer of one entity type fed by `candidates(text)`."""

    ENTITY = ""
    CONTEXT: tuple[str, ...] = ()
    # what Presidio's explanation of a result says (its decision process only)
    WHY = ""
    name: str  # set by EntityRecognizer.__init__

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=LANGUAGE,
            name=type(self).__name__,
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load: lexicons are read lazily from `recognizers/data`."""

    def candidates(self, text: str) -> Iterable[Candidate]:
        raise NotImplementedError

    def explain(self, score: float) -> str:
        """The textual explanation of a result of this score."""
        return self.WHY or f"Detected by `{self.name}`"

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        return list(self._results(text))

    def _results(self, text: str) -> Iterator[RecognizerResult]:
        seen: set[tuple[int, int]] = set()
        for start, end, score, extra in self.candidates(text):
            if (start, end) in seen or start >= end:
                continue
            seen.add((start, end))
            metadata = {
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                **extra,
            }
            yield RecognizerResult(
                self.ENTITY,
                start,
                end,
                score,
                # Presidio's context enhancer writes into the explanation.
                analysis_explanation=AnalysisExplanation(
                    recognizer=self.name,
                    original_score=score,
                    textual_explanation=self.explain(score),
                ),
                recognition_metadata=metadata,
            )

"""Extra pattern recognizers declared by the coach in `[[recognizers]]`.

A coach's regular expression can backtrack without end on an unlucky line
(`(a+)+$` on 5,000 letters): each pattern runs with the `regex` module under
a time budget per note (per chunk of a long note). A pattern that runs out
of it keeps the matches found so far in that note, the other recognizers go
on, and the run counts it: `drain_timeouts` gives the pattern names (never
the text) so that the command can warn about them.
"""

from __future__ import annotations

import time
from collections import Counter

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers import LANGUAGE

# Seconds a pattern may spend on one note (one chunk of a long note).
BUDGET_SECONDS = 1.0

# pattern name -> notes (chunks) where it ran out of time, in this process
_timeouts: Counter[str] = Counter()


def drain_timeouts() -> dict[str, int]:
    """Patterns that ran out of time since the last call, with how many notes each."""
    found = dict(_timeouts)
    _timeouts.clear()
    return found


def timeout_warnings(timeouts: dict[str, int], source: object = None) -> list[str]:
    """One line per pattern that ran out of time; names the pattern, never the note."""
    where = f" of {source}" if source else ""
    return [
        f"pattern '{name}'{where} ran out of its time budget ({BUDGET_SECONDS:g} s) "
        f"in {n} note{'s' if n > 1 else ''}: its matches there may be missing; simplify it"
        for name, n in sorted(timeouts.items())
    ]


class CustomPatternRecognizer(PatternRecognizer):
    """One configured regex, with its context words, run under a time budget."""

    name: str  # set by EntityRecognizer.__init__
    patterns: list[Pattern]  # set by PatternRecognizer.__init__

    def __init__(self, name: str, entity: str, regex: str, context=(), score: float = 0.9) -> None:
        super().__init__(
            supported_entity=entity,
            patterns=[Pattern(name, regex, float(score))],
            context=list(context),
            supported_language=LANGUAGE,
            name=f"custom:{name}",
        )
        self.pattern_name = name

    @classmethod
    def from_settings(cls, settings: dict) -> list[CustomPatternRecognizer]:
        return [cls(**p) for p in settings.get("patterns", [])]

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        flags: int = regex_flags or self.global_regex_flags or 0
        deadline = time.monotonic() + BUDGET_SECONDS
        results: list[RecognizerResult] = []
        for pattern in self.patterns:
            # Presidio leaves Pattern's two cache attributes unannotated (inferred None)
            compiled: regex.Pattern[str] | None = pattern.compiled_regex
            if not compiled or pattern.compiled_with_flags != flags:
                compiled = regex.compile(pattern.regex, flags=flags)
                pattern.compiled_with_flags = flags  # type: ignore[assignment]
                pattern.compiled_regex = compiled  # type: ignore[assignment]
            try:
                remaining = max(deadline - time.monotonic(), 0.001)
                for match in compiled.finditer(text, timeout=remaining):
                    result = self._result(pattern, match.start(), match.end(), flags)
                    if result is not None:
                        results.append(result)
            except TimeoutError:
                _timeouts[self.pattern_name] += 1
        return EntityRecognizer.remove_duplicates(results)

    def _result(
        self, pattern: Pattern, start: int, end: int, flags: int
    ) -> RecognizerResult | None:
        if start == end:
            return None
        explanation = self.build_regex_explanation(
            self.name,
            pattern.name,
            pattern.regex,
            pattern.score,
            None,  # type: ignore[arg-type]  # Presidio annotates bool, passes Optional[bool] itself
            flags,
        )
        return RecognizerResult(
            entity_type=self.supported_entities[0],
            start=start,
            end=end,
            score=pattern.score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )

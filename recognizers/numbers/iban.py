"""IBANs, French (FR76...) and foreign, compact or spaced by four.

The mod-97 check (ISO 13616) and the country's length make a match certain.
The pattern can run into a following group of capitals or digits
("... 7604 325 BIC"), so a failing match is retried without its trailing
groups before being kept at a low, context-only score ("IBAN", "RIB").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers import _data
from recognizers._ids import AFTER, BEFORE, _PatternTableRecognizer
from recognizers.numbers.checksums import compact, iban_ok

_SEP = r"[ \u00a0\u202f-]"
IBAN = (
    rf"{BEFORE}[A-Z]{{2}}\d{{2}}(?:{_SEP}?[A-Z0-9]{{4}}){{2,7}}(?:{_SEP}?[A-Z0-9]{{1,3}})?{AFTER}"
)
_GROUP_START = re.compile(rf"{_SEP}")
MIN_LENGTH = 15


def _lengths() -> dict[str, int]:
    return {cc: int(n) for cc, n in _data.table("iban_lengths.tsv")}


class IbanRecognizer(_PatternTableRecognizer):
    """ID: an IBAN passing mod-97 scores 1.0; a failing one only with context."""

    NAME = "FrIbanRecognizer"
    CONTEXT_KEY = "iban"
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = (("iban", IBAN, 0.3),)

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if iban_ok(pattern_text, _lengths()) else None

    def invalidate_result(self, pattern_text: str) -> bool:
        # Shorter than any country's IBAN: a VAT number or a reference code.
        return len(compact(pattern_text)) < MIN_LENGTH

    def refine(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        return [self._trimmed(text, r) for r in results]

    def _trimmed(self, text: str, result: RecognizerResult) -> RecognizerResult:
        """The longest valid IBAN inside a failing match, cut at a separator."""
        if result.score >= EntityRecognizer.MAX_SCORE:
            return result
        cuts = [m.start() for m in _GROUP_START.finditer(text, result.start, result.end)]
        for cut in reversed(cuts):
            if iban_ok(text[result.start : cut], _lengths()):
                result.end = cut
                result.score = EntityRecognizer.MAX_SCORE
                break
        return result

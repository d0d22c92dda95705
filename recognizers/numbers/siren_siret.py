"""SIREN (9 digits) and SIRET (14 digits) company numbers, Luhn-validated.

Written compact or in groups (`519 472 682 00011`, `519 472 682 000 11`,
`883 051 948`). The SIREN
pattern refuses nine digits that continue into a tenth group, so the SIREN
written inside its SIRET is covered by the SIRET span only; and it refuses
amounts (followed by €, euros, %). A Luhn failure keeps a low score that only
a context word ("SIRET", "SIREN", "RCS") lifts above the threshold.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import RecognizerResult

from recognizers._ids import AFTER, BEFORE, SEP, _PatternTableRecognizer, context_words
from recognizers.numbers.checksums import compact, siren_ok, siret_ok

_S = f"{SEP}?"
_NINE = rf"\d{{3}}{_S}\d{{3}}{_S}\d{{3}}"
_NOT_AMOUNT = r"(?!\s*(?:€|euros?\b|eur\b|k€|m€|%|\$))"
# Not the tail of a longer spaced number ("12 519 472 682").
_NOT_TAIL = rf"(?<!\d{SEP})"
# The NIC (last five digits) is also written "000 11".
_NIC = rf"(?:\d{{5}}|\d{{3}}{SEP}\d\d)"
SIRET = rf"{BEFORE}{_NOT_TAIL}{_NINE}{_S}{_NIC}{AFTER}(?!{SEP}\d){_NOT_AMOUNT}"
SIREN = rf"{BEFORE}{_NOT_TAIL}{_NINE}{AFTER}(?!{SEP}?\d){_NOT_AMOUNT}"


class SirenSiretRecognizer(_PatternTableRecognizer):
    """ID: SIRET and SIREN; 1.0 when Luhn passes, else only with context."""

    NAME = "FrSirenSiretRecognizer"
    CONTEXT_KEY = "siren"
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = (
        ("siret", SIRET, 0.3),
        ("siren", SIREN, 0.1),
    )

    def __init__(self) -> None:
        super().__init__()
        labels = "|".join(re.escape(w) for w in context_words("not_siren"))
        self._not_a_company = re.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{labels})\.?[ \t]*(?:n[ \t]?°|nº|no\.?)?[ \t:|]*$",
            re.IGNORECASE,
        )

    def refine(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Nine or fourteen Luhn-valid digits after a patient's, a file's or a
        practitioner's label ("Patient 105257992", "ADELI 671841484") are that
        number, not a company's: they are left to the digit run, whose fake keeps
        none of their digits (a company's fake SIREN keeps its first three)."""
        return [
            r
            for r in results
            if not self._not_a_company.search(text, max(0, r.start - 40), r.start)
        ]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = compact(pattern_text)
        ok = siret_ok(digits) if len(digits) == 14 else siren_ok(digits)
        return True if ok else None

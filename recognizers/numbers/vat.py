"""Intra-community VAT numbers (numéro de TVA intracommunautaire).

The French one is FR + a 2-character key + the SIREN; a numeric key equals
(12 + 3 * (SIREN mod 97)) mod 97, which makes a match certain. Keys with
letters (newer numbers) cannot be checked offline without the SIREN registry:
they, wrong keys, and other EU countries' numbers (country code + digits) are
reported only with a context word ("TVA", "intracommunautaire", "VAT").
"TVA 20 %" never matches: a number needs the country prefix and 8+ digits.
"""

from __future__ import annotations

from typing import ClassVar

from recognizers._ids import AFTER, BEFORE, _PatternTableRecognizer
from recognizers.numbers.checksums import compact, fr_vat_ok

FR_VAT = rf"{BEFORE}FR ?[0-9A-HJ-NP-Z]{{2}} ?\d{{3}} ?\d{{3}} ?\d{{3}}{AFTER}"
EU_VAT = (
    rf"{BEFORE}(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT"
    rf"|RO|SE|SI|SK|CHE)[ -]?[0-9A-Z]?\d{{7,11}}(?:B\d\d|[A-Z])?{AFTER}"
)


class VatRecognizer(_PatternTableRecognizer):
    """ID: FR VAT number with a valid key (1.0); the rest only with context."""

    NAME = "VatRecognizer"
    CONTEXT_KEY = "vat"
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = (
        ("fr_vat", FR_VAT, 0.3),
        ("eu_vat", EU_VAT, 0.2),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        raw = compact(pattern_text)
        return True if raw.startswith("FR") and fr_vat_ok(raw) else None

"""French social security numbers (NIR, "numéro de sécu").

Structure: sex (1/2, or 3/4/7/8 for provisional numbers), year, month, birth
department (2A/2B for Corsica, 97x overseas) and commune, order number, then
a two-digit key = 97 - (13-digit number mod 97). Spaces are optional between
the groups (`2 84 05 75 115 032 47`, `1 89 12 2A 004 005 62`). The key makes
a match certain; without a valid key (or without key at all) the number is
reported only next to a context word such as "sécu" or "NIR".
"""

from __future__ import annotations

from typing import ClassVar

from recognizers._ids import AFTER, BEFORE, SEP, _PatternTableRecognizer
from recognizers.numbers.checksums import nir_ok

_S = f"{SEP}?"
_BODY = (
    rf"[1-478]{_S}\d\d{_S}\d\d{_S}"
    rf"(?:\d\d{_S}\d{{3}}|2[AB]{_S}\d{{3}}|9[78]\d{_S}\d\d)"
    rf"{_S}\d{{3}}"
)
NIR_WITH_KEY = rf"{BEFORE}{_BODY}{_S}\d\d{AFTER}(?!{SEP}\d)"
NIR_WITHOUT_KEY = rf"{BEFORE}{_BODY}{AFTER}(?!{SEP}?\d)"


class NirRecognizer(_PatternTableRecognizer):
    """ID: NIR with a valid key (1.0); wrong key or no key only with context."""

    NAME = "FrNirRecognizer"
    CONTEXT_KEY = "nir"
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = (
        ("nir_with_key", NIR_WITH_KEY, 0.2),
        ("nir_without_key", NIR_WITHOUT_KEY, 0.15),
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if nir_ok(pattern_text) else None

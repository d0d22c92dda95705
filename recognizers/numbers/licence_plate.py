"""French licence plates: SIV (`AB-123-CD` since 2009) and old FNI (`1234 AB 56`).

SIV letters never use I, O or U, the series "SS" and "WW" (first block) and
"SS" (last block) are not issued, and "000" is not a number: leaving them out
keeps some look-alike codes away. The hyphenated SIV form is distinctive and
scores as a plausible plate on its own; the spaced or compact forms and the
FNI form are shapes shared with other codes, so they count only after a
vehicle word (plaque, voiture, garée, immatriculée, véhicule...). Plates are
written in capitals, so matching is case-sensitive.
"""

from __future__ import annotations

from typing import ClassVar

from recognizers._ids import _PatternTableRecognizer

_L = "[A-HJ-NP-TV-Z]"
_FIRST = rf"(?!SS|WW){_L}{{2}}"
_LAST = rf"(?!SS){_L}{{2}}"
_NUM = r"(?!000)\d{3}"
_B = r"(?<![\w-])"
_E = r"(?![\w-])"
SIV_HYPHEN = rf"{_B}{_FIRST}-{_NUM}-{_LAST}{_E}"
SIV_SPACED = rf"{_B}{_FIRST} {_NUM} {_LAST}{_E}"
SIV_COMPACT = rf"{_B}{_FIRST}{_NUM}{_LAST}{_E}"
# Old FNI: 1-4 digits, 1-3 letters, department (01-95, 2A/2B, 971-976).
FNI = rf"{_B}\d{{1,4}}[ -]?[A-Z]{{1,3}}[ -]?(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]){_E}"


class LicencePlateRecognizer(_PatternTableRecognizer):
    """ID: vehicle registration plates, the weaker shapes only with context."""

    NAME = "LicencePlateRecognizer"
    CONTEXT_KEY = "plate"
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = (
        ("siv_hyphen", SIV_HYPHEN, 0.7),
        ("siv_spaced", SIV_SPACED, 0.3),
        ("siv_compact", SIV_COMPACT, 0.2),
        ("fni", FNI, 0.1),
    )

"""Dates dictated or typed digit by digit: "née le 3 0 0 6 1 9 7 3".

Speech-to-text and hurried typing give birth dates as single digits
("1 1 0 4 2 0 0 0"), with spaced slashes ("0 3 / 0 5 / 2 0 1 3"), as day,
month and year without separators after a date cue ("né le 30 06 1973",
"DDN 30061973"), or unpadded after a birth cue ("né le 12-3-65"). The digits
must make a real calendar day (day, month, a year 1900-2099, or two digits
after a cue); a cue before it (`né le`, `date de naissance`, `DDN`...) raises
the score, and is required for the shapes ordinary numbers also take (pairs,
compact digits, six digits, unpadded groups).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

import regex as re

from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

CUED_SCORE = 0.85
SPELLED_SCORE = 0.6

_SP = r"[ \u00a0\u202f]"
# Single digits, with at most one space or a spaced slash, dot or dash between them.
_DIGIT_BY_DIGIT = re.compile(
    rf"(?<![\w/.-])(?<!\d{_SP})\d(?:(?:{_SP}|{_SP}?[/.\-]{_SP}?)\d){{5,7}}(?![\w/]|{_SP}\d|[.,\-]\d)"
)
# Day, month and year as pairs or glued, after a cue only.
_PAIRS = re.compile(
    rf"(?<![\w/.-])(?<!\d{_SP})\d\d{_SP}?\d\d{_SP}?(?:\d\d)?\d\d(?![\w/]|{_SP}\d|[.,\-]\d)"
)
# Day, month and year with any separator and unpadded ("12-3-65"), after a cue only:
# the date recognizer leaves such shapes alone, which version numbers also take.
_LOOSE = re.compile(
    r"(?<![\w/.-])(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d\d(?:\d\d)?)"
    r"(?![\w/]|[.,\-]\d)"
)
_CUE = re.compile(
    r"(?:\bn[ée]e?s?|\bdate(?:\s+de\s+naissance)?|\bnaissance|\bDDN|\bd[ée]c[ée]d[ée]e?|"
    r"\ble|\bdu|\bau)\s*(?:le\s*)?[:(]?\s*$",
    re.IGNORECASE,
)


# A birth or death cue: a loose shape is a date only after one of these.
_BIRTH_CUE = re.compile(
    r"(?:\bn[ée]e?s?|\bdate\s+de\s+naissance|\bnaissance|\bDDN|\bd[ée]c[ée]d[ée]e?s?)"
    r"\s*(?:le\s*)?[:(]?\s*$",
    re.IGNORECASE,
)


def _is_day(digits: str, cued: bool) -> bool:
    """ddmmyyyy, or ddmmyy after a cue: a real day."""
    if len(digits) == 8:
        day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
        if not 1900 <= year <= 2099:
            return False
    elif len(digits) == 6 and cued:
        day, month, year = int(digits[:2]), int(digits[2:4]), 2000 + int(digits[4:])
    else:
        return False
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1]


class DictatedDateRecognizer(_RegexEntityRecognizer):
    """DATE: a day written digit by digit, or as bare digits after a date cue."""

    ENTITY = "DATE"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for pattern in (_DIGIT_BY_DIGIT, _PAIRS):
            for m in pattern.finditer(text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                cued = bool(_CUE.search(text, max(line_start, m.start() - 30), m.start()))
                digits = re.sub(r"\D", "", m.group())
                if pattern is _PAIRS and not cued:
                    continue
                if _is_day(digits, cued):
                    yield m.start(), m.end(), CUED_SCORE if cued else SPELLED_SCORE, {}
        for m in _LOOSE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not _BIRTH_CUE.search(text, max(line_start, m.start() - 30), m.start()):
                continue
            padded = f"{int(m.group('d')):02d}{int(m.group('m')):02d}{m.group('y')}"
            if _is_day(padded, True):
                yield m.start(), m.end(), CUED_SCORE, {}

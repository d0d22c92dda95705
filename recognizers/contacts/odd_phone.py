"""Phone numbers in any grouping of their digits.

`phone.py` reads the usual layouts (five pairs, +33 ...). Numbers are also
written or dictated otherwise: digit by digit ("0 6 3 5 3 4 6 5 7 7"), with
"(33)" for the country ("(33) 1 02 21 77 12"), with a letter O typed for a zero
("01.42.16.10.O2"), in groups of any size ("06 3998 4577"), or with a doubled
leading zero after a phone cue ("Tel 00 47 50 56 32"). Whatever the grouping,
the run of digit groups is read whole, so a phone number is never cut out of
a longer number (a NIR dictated digit by digit holds ten digits that would
make a phone number), and the digits decide (`_phone_rules.py`).
An extension stays outside the span: "01 99 00 64 18 poste 73389" gives the
number only, as the dev-corpus conventions say.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from recognizers._ids import SEP
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.contacts._phone_rules import (
    FOREIGN_VALID_SCORE,
    cue_before,
    digits_of,
    foreign_score,
    is_french_after_country_code,
    is_french_national,
)

FRENCH_SCORE = 0.8
WITH_CUE_SCORE = 0.9
CUE_ONLY_SCORE = 0.6

_COUNTRY = r"(?:\(\s?\+?\s?33\s?\)|\+\s?33|00[ .\-]?33)(?!\d)"
_TRUNK = r"(?:\s?\(\s?0\s?\))"
_GROUP = r"(?:O?\d[\dO]*)"
_RUN = re.compile(
    rf"(?<![\w+])(?<!\d{SEP})(?:(?P<cc>{_COUNTRY}){SEP}?{_TRUNK}?{SEP}?)?"
    rf"(?P<body>(?>{_GROUP}(?:{SEP}{_GROUP})*))(?![\w@])(?![.,/]\d)"
)


def odd_phones(text: str) -> list[tuple[int, int, float]]:
    """(start, end, score) of every digit run whose digits make a phone number."""
    found = []
    for m in _RUN.finditer(text):
        body = m.group("body")
        digits = digits_of(body)
        if len(digits) < 9:
            continue
        cue = cue_before(text, m.start())
        score = 0.0
        if m.group("cc"):
            if is_french_after_country_code(digits):
                score = WITH_CUE_SCORE if cue else FRENCH_SCORE
        elif is_french_national(digits):
            score = WITH_CUE_SCORE if cue else FRENCH_SCORE
        elif digits.startswith("00") and len(digits) >= 10:
            # an international prefix written 00 and spaced: a number valid for its
            # country, or at least a phone cue before ten digits
            if foreign_score(body) == FOREIGN_VALID_SCORE:
                score = FOREIGN_VALID_SCORE
            elif cue and len(digits) == 10:
                score = CUE_ONLY_SCORE
        if score:
            found.append((m.start(), m.end(), score))
    return found


class OddPhoneRecognizer(_RegexEntityRecognizer):
    """PHONE: numbers dictated digit by digit, with (33), a letter O, or odd groups."""

    ENTITY = "PHONE"
    WHY = "phone number in any grouping"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for start, end, score in odd_phones(text):
            yield start, end, score, {}

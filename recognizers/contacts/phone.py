"""French phone numbers in every usual written form, and foreign numbers with "+".

French numbers are recognised by their structure (0 + digit 1-9 + four pairs),
not by `phonenumbers` validity (see `_phone_rules.py`, shared with the
recognizer of odd groupings, `odd_phone.py`). A separator must repeat
identically between the five pairs, which keeps dates, IBAN groups and amounts
out. Foreign numbers need the "+" (or 00) and a length `phonenumbers` finds
possible for that country.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import RecognizerResult

from recognizers._ids import SEP, _PatternTableRecognizer, build_result
from recognizers.contacts._phone_rules import CUES, foreign_score

# Not glued to a word, a "+" or the end of another digit group ("1 06 12...").
_BEFORE = rf"(?<![\w+])(?<!\d{SEP})"
# Not followed by more digits (a longer number, a decimal) or a letter.
_AFTER = r"(?!\w)(?![.,\-/]\d)"

FR_SEPARATED = rf"{_BEFORE}0[1-9](?P<sep>{SEP}|/)\d\d(?:(?P=sep)\d\d){{3}}{_AFTER}"
FR_COMPACT = rf"{_BEFORE}(?<![.,/-])0[1-9]\d{{8}}{_AFTER}"
# +33 / 0033, an optional "(0)" or "0 ", then the nine digits without the 0.
_TRUNK = rf"(?:\(\s?0\s?\){SEP}?|0{SEP})?"
_PLUS33 = rf"(?:\(\+33\)|(?:\+|00){SEP}?33)"
FR_INTERNATIONAL = rf"{_BEFORE}{_PLUS33}{SEP}?{_TRUNK}[1-9](?:{SEP}?\d\d){{4}}{_AFTER}"
# A foreign number: country code then digit groups (parentheses allowed).
_FOREIGN = re.compile(
    rf"{_BEFORE}(?:\+|00)(?!33)(?P<cc>[1-9]\d{{0,2}})"
    rf"(?P<rest>(?:{SEP}?\(?\d{{1,5}}\)?){{1,6}}){_AFTER}"
)
_GROUP = re.compile(rf"{SEP}?\(?\d{{1,5}}\)?")


class PhoneRecognizer(_PatternTableRecognizer):
    """PHONE: French national and +33 forms, and possible foreign numbers."""

    ENTITY = "PHONE"
    NAME = "FrPhoneRecognizer"
    PATTERNS: ClassVar[tuple[tuple[str, str, float], ...]] = (
        ("fr_phone_separated", FR_SEPARATED, 0.9),
        ("fr_phone_international", FR_INTERNATIONAL, 0.95),
        # Ten bare digits could be some other number: plausible, context helps.
        ("fr_phone_compact", FR_COMPACT, 0.7),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = CUES

    def refine(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        return results + self._foreign(text)

    def _foreign(self, text: str) -> list[RecognizerResult]:
        """Foreign numbers, trimmed of trailing groups that make them impossible.

        "+44 20 7946 0958 12 mars" must give the number without "12": groups
        are dropped from the end until `phonenumbers` accepts the length.
        """
        found = []
        for match in _FOREIGN.finditer(text):
            groups = [g.end() for g in _GROUP.finditer(text, match.start("rest"), match.end())]
            for end in reversed(groups):
                candidate = text[match.start() : end]
                score = foreign_score(candidate)
                if score:
                    found.append(
                        build_result(self, "PHONE", match.start(), end, score, "foreign number")
                    )
                    break
        return found

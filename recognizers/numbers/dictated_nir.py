"""Social security numbers (NIR) in any grouping: dictated digit by digit, or odd groups.

`nir.py` reads the NIR in its printed groups (`2 84 05 75 115 032 57`) or
compact. Dictated or retyped, it comes as single digits ("2 8 4 1 1 8 3 8 0
6 3 3 5"), or in groups that follow no rule ("1 76 10 19900 862"). The whole
run of digit groups is read, whatever its grouping, and its digits decide:
- fifteen digits: a NIR only when the key (the last two digits) is right;
  the checksum is what tells a NIR from any other fifteen digits;
- thirteen digits with a NIR's structure (sex, a birth month, a department):
  a NIR written without its key, as on some forms.
Any run of six or more digits that is not a NIR stays an ID through
`digit_run.py` (fail closed); this recognizer makes a keyed NIR certain.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from recognizers._ids import SEP
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.numbers.checksums import nir_ok

KEYED_SCORE = 1.0
WITHOUT_KEY_SCORE = 0.6

_RUN = re.compile(
    rf"(?<![\w+])(?<!\d{SEP})(?>(?:\d+|2[AB])(?:{SEP}(?:\d+|2[AB]))*)(?![\w@])(?![.,/]\d)"
)
# sex, year, month (01-12, or 20-42 and 50-99 for unknown months), department
_STRUCTURE = re.compile(r"^[1-478]\d\d(?:0[1-9]|1[0-2]|[2-3]\d|4[0-2]|[5-9]\d)(?:\d\d|2[AB])")


def nir_runs(text: str) -> list[tuple[int, int, float]]:
    """(start, end, score) of the digit runs that are a NIR, keyed or not."""
    found = []
    for m in _RUN.finditer(text):
        raw = re.sub(rf"{SEP}", "", m.group())
        if not _STRUCTURE.match(raw):
            continue
        if len(raw) == 15 and nir_ok(raw):
            found.append((m.start(), m.end(), KEYED_SCORE))
        elif len(raw) == 13:
            found.append((m.start(), m.end(), WITHOUT_KEY_SCORE))
    return found


class DictatedNirRecognizer(_RegexEntityRecognizer):
    """ID: a NIR in any grouping; certain with a right key, likely without a key."""

    ENTITY = "ID"
    WHY = "NIR in any grouping"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for start, end, score in nir_runs(text):
            yield start, end, score, {}

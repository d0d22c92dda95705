"""Organisations named with their department's number: `MDPH 33`, `Habitat 76`.

French departmental bodies and associations write the department's number
after their acronym or their business word: `MDPH 33`, `SAMU 22`, `ADMR 29`,
`AMETRA 76`, `Habitat 76`. The number says where the person lives, so the
whole name is an organisation (a public service keeps its name and only its
number changes, see anonymize/replace/organisations.py).

The acronym must be an organisation's: an acronym of care or business prose
(`IMC 24`, `FC 72`, `GIR 3`) or an ordinary word (`COVID 19`) is not; the
number must be a department's and stand alone (`EVA 10/10`, `TA 13,8`,
`IMC 24 kg/m²`, `SpO2 98 %` are measures).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from recognizers._data import lines
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.lexicons import is_common_acronym, is_ordinary_word
from recognizers.places.department_code import DEPARTMENT_NUMBER

SCORE = 0.8
# The name and its number, as the renderer reads them back (organisations.py).
NAME_AND_NUMBER = re.compile(
    rf"(?P<name>[A-ZÀ-Ý]{{3,8}}|[A-ZÀ-Ý][a-zà-ÿ]+)[ \u00a0](?P<code>{DEPARTMENT_NUMBER})"
)
_NAMED = re.compile(
    r"(?<![\w-])"
    + NAME_AND_NUMBER.pattern
    + r"(?![\w/%°²-]|[.,]\d|[ \u00a0]*(?:%|/|ans?\b|kg|mg|mmHg|h\b|min\b|€|euros?))"
)


class DepartmentNumberOrgRecognizer(_RegexEntityRecognizer):
    """ORG: an organisation's acronym or business word, then a department's number."""

    ENTITY = "ORG"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for m in _NAMED.finditer(text):
            name = m.group("name")
            if name.isupper():
                if is_common_acronym(name) or is_ordinary_word(name):
                    continue  # `IMC 24`, `COVID 19`
            elif name not in _business_words():
                continue  # `Habitat 76`, never `Chambre 12`
            yield m.start(), m.end(), SCORE, {}


@cache
def _business_words() -> frozenset[str]:
    """Capitalised business words that open a departmental body's name
    (`Habitat 76`, `Emploi 35`), from the organisation suffixes."""
    return frozenset(w for w in lines("org_suffixes.txt") if " " not in w)

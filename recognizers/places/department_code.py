"""A department's number in brackets after a town (ADDRESS): "Vannes (56)".

The number says where the town is as much as its name does: left alone, it
gives the real department back beside the pseudonym town. It is replaced by
the pseudonym town's department (`anonymize/replace/pseudonyms.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers._gazetteer import lookup
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

# A department's number: 01-95, Corsica's 2A/2B, overseas 971-976.
DEPARTMENT_NUMBER = r"0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]"
# A capitalized town (words, hyphens, apostrophes), then its department's number.
TOWN_THEN_CODE = re.compile(
    r"(?P<town>[A-ZÀ-Ý][\w'’]*"
    r"(?:[ -](?:[A-ZÀ-Ý][\w'’]*|sur|sous|en|lès|les|le|la|de|du|d['’]\w+))*)"
    rf"[ \u00a0]*\((?P<code>{DEPARTMENT_NUMBER})\)"
)


class DepartmentCodeRecognizer(_RegexEntityRecognizer):
    """A department number in brackets right after a town the gazetteer knows."""

    ENTITY = "ADDRESS"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for m in TOWN_THEN_CODE.finditer(text):
            entry = lookup(m.group("town"))
            if entry is None or not any(p.kind == "commune" for p in entry.places):
                continue
            yield m.start("code"), m.end("code"), 0.85, {"kind": "department_code"}

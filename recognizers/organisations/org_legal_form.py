"""Company names next to their legal form: `Pollen Data SAS`, `SARL Dupuis Frères`.

A legal form (SARL, SAS, SCI, GAEC, EURL...) right after or right before a
run of capitalized words is near-certain evidence of a company name; the form
itself stays outside the span (corpus convention). The name is then flagged
wherever else the note mentions it (`Contexte : Pollen Data, 23 personnes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from recognizers._data import lines, table
from recognizers._proper_names import CONNECTOR, LEGAL_FORM, cap_name
from recognizers._regex_entity import _RegexEntityRecognizer
from recognizers.organisations._org_common import Candidate, not_org_names, other_mentions, public

SCORE = 0.9
# Capitalized words that open a line or a field and are no part of the name.
_LEADING_NOISE = frozenset(lines("org_leading_words.txt"))
# `La SCI Les Oliviers`: a determiner before the form is not a name.
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "cette",
        "ce",
        "notre",
        "votre",
        "leur",
        "sa",
        "son",
        "ma",
        "mon",
        "ta",
        "ton",
    ]
)
# Forms that are also ordinary all-capitals words (`SA MAISON`): not before
# an all-capitals name.
_SHORT_FORMS = frozenset(row[0] for row in table("org_legal_forms.tsv") if row[1:] == ("word",))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    name = cap_name(6)
    after = re.compile(
        rf"(?<![\w-])(?P<name>{name})(?:[ \u00a0]+|[ \u00a0]*[,(][ \u00a0]*)(?P<form>{LEGAL_FORM})"
    )
    before = re.compile(
        rf"(?<![\w.-])(?P<form>{LEGAL_FORM})[ \u00a0]+(?:{CONNECTOR}[ \u00a0]*)?(?P<name>{name})"
    )
    return after, before


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading field words (`Entreprise Pollen Data`) from a name span."""
    while True:
        m = re.match(r"(\S+)[ \u00a0]+", text[start:end])
        if not m or m.group(1).rstrip(":") not in _LEADING_NOISE:
            return start, end
        start += m.end()


class OrgLegalFormRecognizer(_RegexEntityRecognizer):
    """ORG: the capitalized name glued to a French legal form, form excluded."""

    ENTITY = "ORG"

    def candidates(self, text: str) -> Iterator[Candidate]:
        found: list[Candidate] = []
        after, before = _patterns()
        for m in after.finditer(text):
            start, end = _trim(text, m.start("name"), m.end("name"))
            found.extend(self._candidate(text, start, end, m.group("form")))
        for m in before.finditer(text):
            name = m.group("name")
            if m.group("form") in _SHORT_FORMS and name.isupper():
                continue
            found.extend(self._candidate(text, m.start("name"), m.end("name"), m.group("form")))
        yield from ((s, e, score, public(x)) for s, e, score, x in found)
        yield from other_mentions(text, found)

    @staticmethod
    def _candidate(text: str, start: int, end: int, form: str) -> Iterator[Candidate]:
        name = text[start:end]
        if start >= end or name in not_org_names() or name.lower() in _DETERMINERS:
            return
        yield start, end, SCORE, {"kind": "company", "legal_form": form, "_name": name}

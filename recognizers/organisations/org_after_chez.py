"""Employers and clients named after `chez`: `dix ans chez Petit Navire`.

`Chez Kalios, on ...` opening a sentence is the same frame: the name without
`Chez` is flagged (mid-sentence, `le food truck Chez Sof'` is a shop's own
name, for the head noun recognizer).

French names a workplace with `chez` (`elle était chez Petit Navire`, `stage
chez Ty Glaz`), and what follows is a brand made of ordinary words that no
head noun, legal form or list gives away. A capitalized name after a
lower-case `chez` is an organisation unless it is a person (a lexicon first
name, a title: `chez Paul`, `chez Mme Roux`, left to the PERSON recognizers)
or a word that is never a name on its own. The score is low: any dedicated
recognizer (a known company, a person, a town) wins an overlap, and so does
spaCy's PERSON: the pipeline counts this one as generic evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers._names import (
    first_name,
    fold,
    is_surname,
    relation_words,
    sentence_start,
    stop_words,
    titles,
)
from recognizers._proper_names import cap_name
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.organisations._org_common import not_org_names

SCORE = 0.6
# First names rarer than this ("Ty" of "Ty Glaz") do not make the name a person.
RARE_TIER = 3
_CHEZ = re.compile(rf"(?<![\w-])(?P<chez>chez|Chez)[ \u00a0]+(?P<name>{cap_name(4)})")
_TITLES = frozenset(fold(t) for t in titles())


class ChezOrgRecognizer(_RegexEntityRecognizer):
    """ORG: the capitalized name after `chez`, when it is not a person."""

    ENTITY = "ORG"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for m in _CHEZ.finditer(text):
            if m.group("chez") == "Chez" and not sentence_start(text, m.start()):
                continue  # `le food truck Chez Sof'`: part of the name (head noun recognizer)
            name = m.group("name")
            head = re.split(r"[ \u00a0'’-]", name, maxsplit=1)[0]
            key = fold(head).rstrip(".")
            if key in _TITLES or key in stop_words() or key in relation_words():
                continue
            person = first_name(head)
            if (person is not None and person.tier <= RARE_TIER) or name in not_org_names():
                continue
            if " " not in name and is_surname(name):
                continue  # `chez Dupont`: the person, left to the PERSON recognizers
            yield m.start("name"), m.end("name"), SCORE, {"kind": "company"}

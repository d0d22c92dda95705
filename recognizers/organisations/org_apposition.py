"""Organisations named in apposition to their kind: `une agence, Pixelune, à Mérignac`.

French introduces a business by what it is, then its name between commas
(`son employeur, Kalios, l'a licenciée`, `l'éditeur de l'ERP, Sygma Gestion,
facture`). The name has no head noun glued to it, no legal form and is on no
list, so only the frame gives it away: a noun of an organisation
(`org_apposition_nouns.txt`) with its determiner, an optional short
complement, a comma, then one to three capitalized words closed by a comma, a
full stop, a bracket or a preposition. A first name, a title, a place of the
gazetteer or a run of ordinary words is not taken (`son employeur, Julien,`
is a person, `une agence, Lyon,` a place, `la banque, Direction,` a heading).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from recognizers._data import lines
from recognizers._gazetteer import lookup
from recognizers._names import first_name, fold, stop_words, titles
from recognizers._proper_names import cap_name
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.lexicons import is_common_acronym, is_ordinary_word
from recognizers.organisations._org_common import not_org_names

SCORE = 0.7
_DETERMINERS = (
    r"(?:un|une|le|la|l['’]|les|son|sa|ses|leur|leurs|notre|nos|votre|vos|mon|ma|mes|"
    r"ton|ta|ce|cet|cette|ancien|ancienne)"
)
# A short complement between the noun and the comma: `de l'ERP`, `d'audit`, `parisienne`,
# `de Barcelone`.
_COMPLEMENT = (
    r"(?:[ \u00a0]+(?:[dl]['’][\w-]+|[a-zà-ÿ][\w'’-]*|[A-Z]{2,6}"
    r"|(?<=\bde[ \u00a0])[A-ZÀ-Ý][\w'’-]+)){0,4}?"  # `une agence de Barcelone, X,`
)
# What may close the name: punctuation, or a preposition or relative word.
_AFTER = (
    r"(?=[ \u00a0]*(?:[,.;:()!?]|$)"
    r"|[ \u00a0]+(?:à|au|aux|en|de|du|des|qui|dont|et|basée?|située?)\b)"
)


@cache
def _pattern() -> re.Pattern:
    nouns = sorted(lines("org_apposition_nouns.txt"), key=len, reverse=True)
    alternation = "|".join(
        re.escape(n).replace(r"\ ", r"[ \u00a0]+").replace("'", "['’]") for n in nouns
    )
    return re.compile(
        rf"(?<![\w-])(?i:{_DETERMINERS}[ \u00a0]*(?:{alternation}))(?![\w-]){_COMPLEMENT}"
        rf"[ \u00a0]*,[ \u00a0]+(?P<name>{cap_name(3)}){_AFTER}"
    )


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold(t) for t in titles())


def _is_name(name: str) -> bool:
    """Capitals that name an organisation, not a person, a place or a heading."""
    if not name[:1].isupper() or name in not_org_names():
        return False
    # `Le Courrier Vosgien`: the article of a title is no word of the test
    bare = re.sub(r"^(?:Le|La|Les|L['’])[ \u00a0]*(?=\w)", "", name)
    first = re.split(r"[ \u00a0'’-]", bare, maxsplit=1)[0]
    key = fold(first).rstrip(".")
    if key in _titles() or key in stop_words() or first_name(first) is not None:
        return False
    if lookup(name) is not None:
        return False
    # one ordinary word (`une agence, Pixel,`) or a department (`Direction
    # Générale`) is no name; several rare words are (`Nimbus Septentrion`)
    words = re.findall(r"[^\W_]+", bare)
    if not all(is_ordinary_word(w) or is_common_acronym(w) for w in words):
        return True
    return len(words) > 1 and not any(w.casefold() in _label_words() for w in words)


@cache
def _label_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lines("org_suffix_stop.txt"))


class OrgAppositionRecognizer(_RegexEntityRecognizer):
    """ORG: the capitalized name set between commas after a noun of an organisation."""

    ENTITY = "ORG"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for m in _pattern().finditer(text):
            name = m.group("name")
            if _is_name(name):
                yield m.start("name"), m.end("name"), SCORE, {"kind": "company"}

"""Well-known organisations from `organisations.txt` (retailers, banks, public
bodies) and `org_institutions.txt` (media, research, libraries, hospitals by
their short names, business districts).

Naming an employer, a client or a funder (`caissière à l'Intermarché`, `arrivé
de Dassault Systèmes`, `financé par l'OPCO`) helps re-identify someone, and
spaCy misses many of these names. The list is matched in one pass on a folded
copy of the text (accents optional, case as listed or all capitals).

Names that are also ordinary words or communes (`Orange`, `Action`, `Free`)
count only near an employment cue (`chez`, `client`, `travaille`); names that
are also surnames (`Leclerc`, `Renault`) not after a title or a first name. A
department or region after the name belongs to it (`Jeunes Agriculteurs de
l'Orne`, `Crédit Agricole Centre-Est`); a town only locates a branch
(`l'Intermarché de Naintré`) and is left to the LOCATION recognizers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import ahocorasick

from recognizers import _place_context as ctx
from recognizers._data import lines, table
from recognizers._gazetteer import department_and_region_names, fold
from recognizers._names import first_name
from recognizers._proper_names import CAP_WORD
from recognizers._regex_entity import _RegexEntityRecognizer
from recognizers.lexicons import is_ordinary_word
from recognizers.organisations._org_common import Candidate, after_person_word, not_org_names

SCORE = 0.88
# an ambiguous name next to an employment cue; above spaCy (0.85), whose same
# span Presidio would keep instead, and then drop as an ordinary word ("Carrefour")
SCORE_CUED = 0.86

# Words around an employer, client or funder (lower-case, as written).
EMPLOYMENT_CUES = frozenset(lines("org_employment_cues.txt"))
_EXTENDED_KINDS = frozenset({"bank", "insurance"})
_CONNECTOR = re.compile(r"[ \u00a0]+(de[ \u00a0]+la|de[ \u00a0]+l['’]|du|des|de|d['’])[ \u00a0]*")
# A model number right after a maker's name: `Peugeot 208`, `Airbus A320`, `Renault 5`.
_MODEL_NUMBER = re.compile(
    r"[ \u00a0]+[A-Z]?\d{1,4}(?![\w%/:-]|[.,]\d|[ \u00a0]*(?:[€%$]|[kM]€|"
    r"(?:ans?|mois|jours?|semaines?|heures?|h|fois|salariée?s|personnes|employée?s)\b))"
)
# `Grenoble INP – Ense3`: a school of a group, after a spaced dash, is part of its name.
_SCHOOL_KINDS = frozenset(
    {"school", "university", "engineering_school", "business_school", "teacher_training"}
)
_SUB_SCHOOL = re.compile(rf"[ \u00a0]+[–—-][ \u00a0]+({CAP_WORD})(?![\w-])")
_CAP_WORDS = re.compile(rf"(?:[ \u00a0]+(?:{CAP_WORD}))+")


@cache
def _region_words() -> frozenset[str]:
    """Words that may extend a bank's or mutual's name with its regional branch."""
    return frozenset(fold(w) for w in lines("org_branch_words.txt"))


@dataclass(frozen=True)
class Org:
    name: str
    kind: str
    flag: str  # "", "word" or "surname"


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


@cache
def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for row in (*table("organisations.txt"), *table("org_institutions.txt")):
        org = Org(row[0], row[1], row[2] if len(row) > 2 else "")
        key = " ".join(fold(org.name).split())
        existing = auto.get(key, None)
        orgs = (*existing[1], org) if existing else (org,)
        auto.add_word(key, (len(key), orgs))
    auto.make_automaton()
    return auto


def _matches_case(surface: str, orgs: tuple[Org, ...]) -> Org | None:
    """The listed org written like `surface` (accents optional), or all capitals."""
    flat = " ".join(_strip_accents(surface).split())
    for org in orgs:
        listed = " ".join(_strip_accents(org.name).split())
        # "la Pitié" opening a sentence: "La Pitié a transmis"
        if flat in (listed, listed[:1].upper() + listed[1:]):
            return org
    if surface.isupper() and len(surface) > 3:
        return orgs[0]
    return None


def known_name_end(text: str, start: int) -> int:
    """The end of the longest listed organisation written from `start`, else -1.

    `l'agence Pôle emploi`: the head noun recognizer leaves a listed name
    (or an allow-listed public service) to this list instead of cutting it."""
    window = text[start : start + 80]
    best = -1
    for end_index, (length, orgs) in _automaton().iter(fold(window)):
        end = end_index + 1
        whole = end - length == 0 and (end == len(window) or not window[end].isalnum())
        if whole and _matches_case(window[:end], orgs):
            best = max(best, start + end)
    return best


class KnownOrgRecognizer(_RegexEntityRecognizer):
    """ORG: listed organisations, with their regional branch name when given."""

    ENTITY = "ORG"

    def candidates(self, text: str) -> Iterator[Candidate]:
        folded = fold(text)
        hits: list[tuple[int, int, Org]] = []
        for end_index, (length, orgs) in _automaton().iter(folded):
            start, end = end_index - length + 1, end_index + 1
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isalnum() or before in "-_" or after.isalnum() or after in "-_":
                continue
            org = _matches_case(text[start:end], orgs)
            if (
                org
                and not self._part_of_tool_name(text, start, end)
                and not (self._generic_use(text, start, end))
            ):
                hits.append((start, end, org))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        last_end = -1
        for start, end, org in hits:
            if start < last_end:
                continue
            last_end = end
            score = self._score(text, start, org)
            if score:
                end = self._extend(text, end, org)
                yield start, end, score, {"kind": org.kind}

    @staticmethod
    def _generic_use(text: str, start: int, end: int) -> bool:
        """`gare SNCF`, `une Renault Clio`, `une Peugeot 208`, `un Airbus A320`:
        a station, a car or a plane model, not an employer."""
        if re.search(r"(?i)\bgare[ \u00a0]+$", text[max(0, start - 6) : start]):
            return True
        if _MODEL_NUMBER.match(text, end):
            return True
        m = re.match(r"[ \u00a0]+([\w-]+)", text[end : end + 30])
        return m is not None and m.group(1) in not_org_names()

    @staticmethod
    def _part_of_tool_name(text: str, start: int, end: int) -> bool:
        """`Google` in `Google Meet`: the platform, not the employer."""
        return any(len(n) > end - start and text.startswith(n, start) for n in not_org_names())

    @staticmethod
    def _score(text: str, start: int, org: Org) -> float:
        if org.flag == "surname" and after_person_word(text, start):
            return 0.0
        if org.flag == "word":
            words = ctx.sentence_words_before(text, start, 8)
            return SCORE_CUED if any(w in EMPLOYMENT_CUES for w in words) else 0.0
        return SCORE

    @staticmethod
    def _extend(text: str, end: int, org: Org) -> int:
        """`... de l'Orne`, `... Centre-Est`: the branch's official name."""
        m = _CONNECTOR.match(text, end)
        if m:
            rest = re.match(rf"{CAP_WORD}", text[m.end() :])
            if rest and " ".join(fold(rest.group(0)).split()) in department_and_region_names():
                return m.end() + rest.end()
        if org.kind in _SCHOOL_KINDS:
            m = _SUB_SCHOOL.match(text, end)
            if m and not is_ordinary_word(m.group(1)) and first_name(m.group(1)) is None:
                return m.end()
        if org.kind in _EXTENDED_KINDS:
            m = _CAP_WORDS.match(text, end)
            if m:
                words = re.findall(r"[^\W\d_]+", fold(m.group(0)))
                if words and all(w in _region_words() for w in words):
                    return m.end()
        return end

"""Names after a role in records: `Interne VAILLANT J.R.`, `Père: JULES PHILIPPE`.

Clinical, social-work and administrative records head their lines with a
role (`Patiente :`, `IDE`, `Mère :`, `Éducateur`) and write the name after it
surname first, often in capitals, where neither the first-name lexicon nor
spaCy sees a name (`MOLIN MICKAEL`, `JULES PHILIPPE`, `Vasseur-Lebon`). The
role is the evidence: right after it, a run of capitals that are not
acronyms nor ordinary words, or a capitalized word no lexicon explains, is a
person. Roles come from data/relation_words.tsv (kin and work, not pets) and
data/person_roles.txt; the role stays outside the span.
"""

from __future__ import annotations

import re
from functools import cache

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    UPPER_PARTICLES,
    NameRecognizer,
    Word,
    caps_elision_start,
    first_name,
    fold,
    initials_after,
    is_acronym,
    is_caps,
    is_surname,
    is_title,
    person_roles,
    person_words,
    relation_words,
    result,
    stop_words,
    titles,
    words,
)
from recognizers.lexicons import is_ordinary_word, place_population
from recognizers.people.title_name import name_end

# What may separate the role from the name: a space, a colon, a dash.
_GAP = re.compile(r"[ \u00a0]*(?:[:–—-][ \u00a0]*)?")
# Determiners before a role used as a common noun (`les patients Alzheimer`).
_DETERMINERS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "de", "ce", "cette", "ces", "au", "aux"}
)
# A capitalized word that is a town of this size is the town, not a surname.
TOWN = 10_000


@cache
def _roles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Roles (as folded word tuples) by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for role in person_words():
        parts = tuple(role.split())
        out.setdefault(parts[0], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


class RoleNameRecognizer(NameRecognizer):
    """PERSON for the name a role heads: `Interne BRUNEAU`, `Père: JULES PHILIPPE`."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        roles = _roles_by_first_word()
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws):
            candidates = roles.get(fold(w.text))
            if not candidates or not self._heads(text, ws, i):
                continue
            k = self._after_role(text, ws, i, candidates)
            if k is None:
                continue
            role = " ".join(fold(x.text) for x in ws[i:k])
            family = relation_words().get(role, ("", ""))[1] in ("family", "address")
            found.extend(self._names(text, ws, k, family))
        return found

    @staticmethod
    def _heads(text: str, ws: list[Word], i: int) -> bool:
        """The role heads a line or a field, or is written as a label: capitalized,
        or in lower case without an article (`interne Vasseur-Lebon`, dictated)."""
        w = ws[i]
        if w.elided:
            return False
        if i > 0 and fold(ws[i - 1].text) in _DETERMINERS:
            return False
        return not (w.text[:1].islower() and fold(w.text) not in person_roles())

    @staticmethod
    def _after_role(
        text: str, ws: list[Word], i: int, candidates: tuple[tuple[str, ...], ...]
    ) -> int | None:
        """Index of the first word after the role and its separator."""
        for parts in candidates:
            if i + len(parts) >= len(ws):
                continue
            if tuple(fold(x.text) for x in ws[i : i + len(parts)]) != parts:
                continue
            last = ws[i + len(parts) - 1]
            nxt = ws[i + len(parts)]
            gap = _GAP.fullmatch(text, last.end, nxt.start)
            if gap is None or last.end == nxt.start or nxt.elided:
                continue
            return i + len(parts)
        return None

    def _names(self, text: str, ws: list[Word], k: int, family: bool) -> list[RecognizerResult]:
        """The name at ws[k], and the next ones of a list (`, ` or ` et `)."""
        found: list[RecognizerResult] = []
        while k < len(ws):
            end = self._name_end(text, ws, k)
            if end is None:
                break
            stop = ws[end - 1].end
            after = initials_after(text, stop)
            start = caps_elision_start(text, ws[k]) if is_caps(ws[k].text) else ws[k].start
            part = "initials" if after else _part(ws[k:end], family)
            found.append(result(self, start, after or stop, 0.8, part=part))
            sep = text[(after or stop) : ws[end].start] if end < len(ws) else ""
            if sep not in (", ", " et "):
                break
            k = end
        return found

    @staticmethod
    def _name_end(text: str, ws: list[Word], k: int) -> int | None:
        w = ws[k]
        if w.text in titles() or fold(w.text) in titles() or fold(w.text) in stop_words():
            return None  # `Mère : Mme Roux`: the title recognizer's
        if is_caps(w.text):
            end = k
            while end < len(ws) and _caps_name_word(ws[end].text):
                end += 1
                if end < len(ws) and text[ws[end - 1].end : ws[end].start] != " ":
                    break
            if end == k or all(fold(x.text) in UPPER_PARTICLES for x in ws[k:end]):
                return None
            alone = end - k == 1 and initials_after(text, ws[k].end) is None
            if alone and len(w.text) < 6 and not (is_surname(w.text) or first_name(w.text)):
                return None  # `IDE : RAS`, `Patient : COMEX`: abbreviations
            # the first name after the capitals (`LE ROUX Armelle`)
            if (
                end < len(ws)
                and text[ws[end - 1].end : ws[end].start] == " "
                and is_title(ws[end].text)
                and first_name(ws[end].text) is not None
            ):
                end += 1
            return end
        if not is_title(w.text) or len(w.text) < 3:
            return None
        if first_name(w.text) is None and (
            is_ordinary_word(w.text) or place_population(w.text) >= TOWN
        ):
            return None
        end = name_end(text, ws, k)
        return max(end, k + 1)


def _caps_name_word(word: str) -> bool:
    """A word of a name in capitals: not an acronym, not an ordinary word."""
    if fold(word) in UPPER_PARTICLES:
        return is_caps(word)
    return (
        is_caps(word)
        and not is_acronym(word)
        and fold(word) not in stop_words()
        and (not is_ordinary_word(word) or first_name(word) is not None)
    )


def _part(name: list[Word], family: bool = False) -> str:
    """`full` when the name holds a first name and another word; after a kin word,
    `first` for a lone first name written as one ("Fils : Pierre", "Fille : Aimée");
    else `last` ("Interne VAILLANT", "Infirmière Martin")."""
    if len(name) > 1:
        return "full" if any(first_name(w.text) for w in name) else "last"
    word = name[0].text if name else ""
    known = word[1:2].islower() and first_name(word) is not None
    return "first" if family and known else "last"

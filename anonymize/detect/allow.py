"""The allow-list: terms kept as written, and every detection inside them.

"Christophe André" cited as an author stays, even when an André of another
note makes propagation look for "André" everywhere. Deny-listed terms are
never allowed (see Config.allow_terms) and a deny-list hit is never dropped.

A person's full name on the list ("Christina Maslach", from the shipped
data/public_figures.txt or the coach's own list) also keeps its surname
alone, but only where the sentence cites it: "selon Maslach", "le triangle
dramatique de Karpman", "comme le dit Rogers", "Rogers (1961)". Never after a
civility ("Mme Rosenberg" may be a client), never when that surname is a
common first name ("Hugo"), and never in a note that also names someone else
with that surname ("Paul Rogers" and "selon Rogers": the client wins, fail
closed). A one-word term after a civility is a person too ("Mme Voltaire").

A person detection, or a statistical one, that runs over an allowed term
("Vœux Parcoursup", "CAF - NOTE DE DOSSIER") loses the term; what is left
is kept unless it is only ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recognizers.lexicons import (
    first_name,
    fold,
    is_country,
    is_ordinary_word,
    is_surname_particle,
)

from ..entities import Entity
from .overlaps import pieces_outside

DENY_RECOGNIZER = "DenyListRecognizer"
STATISTICAL = "SpacyRecognizer"
NAME_TYPES = ("PERSON", "LOCATION", "ORG")
# A first name this common (INSEE tier 1 or 2) is no citation: "selon Hugo" is Hugo.
COMMON_FIRST_NAME_TIER = 2
CIVILITY_BEFORE = re.compile(
    r"(?<![\w.])(?:M|Mr|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Monsieur|Madame|Mademoiselle|Docteur|"
    r"Professeur|Maître|Maitre)\.?\s+$"
)
_LOW = r"a-zàâäçéèêëîïôöùûüÿœæ"
# Words before a surname that cite an author: a verb of saying or reading, a
# preposition of attribution, or a model or a work "de" its author.
CITATION_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:selon|d['’]après|cf\.?|relu|relire|lu|lire|citant|cite|citait|cité|citée|"
    r"inspirée?s?\s+(?:de|par)|à\s+la\s+manière\s+de|au\s+sens\s+de|dixit|disciple\s+de|"
    r"élève\s+de|lecteur\s+de|lectrice\s+de|fan\s+de)"
    rf"|(?<![\w'’])comme\s+(?:(?:le|la|l['’]|l['’]a|l['’]avait)\s*)?(?:[{_LOW}]+\s+)?"
    r"|(?<![\w'’])(?:triangles?|pyramides?|courbes?|modèles?|modeles?|théories?|theories?|lois?|"
    r"matrices?|cercles?|roues?|échelles?|approches?|méthodes?|methodes?|concepts?|notions?|"
    r"travaux|livres?|ouvrages?|grilles?|cycles?|spirales?|tests?|questionnaires?|inventaires?|"
    r"typologies?|principes?|effets?|pédagogies?|écoles?|apports?|visions?|référentiels?|"
    r"hiérarchies?|stades|étapes|phases|niveaux|positions|drivers|jeux|analyses?|conceptions?|"
    r"outils?|schémas?|ancres|citations?|phrases?|formules?|textes?|romans?|albums?|films?|"
    r"chansons?|œuvres?|oeuvres?|tableaux?|biographies?|conférences?|disciples|lecteurs)"
    rf"(?:\s+[{_LOW}'’-]+){{0,4}}?\s+(?:de|d['’]|du|des)\s*"
    r")\s*$",
    re.IGNORECASE,
)
# After a surname: a year of publication, "Rogers (1961)", "(Maslach, 1981)".
CITATION_AFTER = re.compile(r"\s*(?:\(\s*|,\s*)(?:19|20)\d\d\b")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
FIRST_WORD = re.compile(r"\w+")


def _country(term: str) -> bool:
    """A country of the allow-list ("France" is on no country list: it locates no one)."""
    return term == "France" or is_country(term)


def _ordinary(word: str) -> bool:
    """An ordinary word, "œ" and "æ" read as the lexicons write them ("Vœux")."""
    return is_ordinary_word(word) or is_ordinary_word(
        word.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    )


def cited_surnames(terms: Iterable[str]) -> frozenset[str]:
    """The surnames of the persons among `terms`: "Maslach" of "Christina
    Maslach", "Kübler-Ross", "de Shazer" and "Shazer" of "Steve de Shazer"."""
    out: set[str] = set()
    for term in terms:
        words = term.split()
        if len(words) < 2 or not _is_given(words[0]):
            continue
        rest = words[1:]
        while len(rest) > 1 and (_is_given(rest[0]) or re.fullmatch(r"\w\.", rest[0])):
            rest = rest[1:]  # "Carl Gustav Jung", "Edgar H. Schein"
        surname = " ".join(rest)
        forms = {surname}
        if len(rest) > 1 and is_surname_particle(rest[0]) and rest[0].islower():
            forms.add(" ".join(rest[1:]))  # "de Shazer" -> "Shazer"
        for form in forms:
            entry = first_name(form)
            if len(form) >= 3 and not (entry and entry.tier <= COMMON_FIRST_NAME_TIER):
                out.add(form)
    return frozenset(out)


def _is_given(word: str) -> bool:
    """A first name or an initial opening a person's name."""
    return bool(re.fullmatch(r"[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.)*", word)) or first_name(word) is not None


class AllowList:
    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = frozenset(terms)
        # terms by their first word: a note is searched only for the terms whose
        # first word it holds (a thousand alternatives cost a pass each)
        self._by_word: dict[str, list[str]] = {}
        for t in self.terms:
            first = FIRST_WORD.search(t)
            self._by_word.setdefault(first.group() if first else "", []).append(t)
        self._patterns: dict[str, re.Pattern] = {}
        self.cited = cited_surnames(self.terms)
        self._cited_folded = {fold(s): s for s in self.cited}

    def _bucket(self, word: str) -> re.Pattern:
        pattern = self._patterns.get(word)
        if pattern is None:
            alternatives = sorted(self._by_word[word], key=len, reverse=True)
            body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in alternatives)
            # no look-behind first: the search then runs on the literal prefix
            pattern = self._patterns[word] = re.compile(rf"(?:{body})(?![\w-])")
        return pattern

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in `text`, longest first, without overlaps."""
        words = set(FIRST_WORD.findall(text)) | {""}
        found = sorted(
            (m.start(), -m.end())
            for w in words & self._by_word.keys()
            for m in self._bucket(w).finditer(text)
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"))
        )
        spans: list[tuple[int, int]] = []
        for start, neg_end in found:
            if not spans or start >= spans[-1][1]:
                spans.append((start, -neg_end))
        return spans

    def filter(self, entities: list[Entity], text: str) -> list[Entity]:
        """Entities that are not allowed terms, not inside an allowed occurrence and
        not a cited surname; a person running over an allowed term loses it."""
        spans = self.spans(text)
        kept: list[Entity] = []
        for e in entities:
            if e.recognizer == DENY_RECOGNIZER:
                kept.append(e)
                continue
            # a one-word term after a civility is a person ("Mme Voltaire")
            before = text[max(0, e.start - 16) : e.start]
            person = " " not in e.text and CIVILITY_BEFORE.search(before)
            if not person and (
                e.text in self.terms or any(s <= e.start and e.end <= t for s, t in spans)
            ):
                continue
            # a person, or the model's guess, running over an allowed term loses it
            # ("Vœux Parcoursup", "CAF - NOTE DE DOSSIER"); a country in an
            # organisation's name stays in it ("Air France")
            over = [
                (s, t)
                for s, t in spans
                if s < e.end and e.start < t and (e.type == "PERSON" or not _country(text[s:t]))
            ]
            if not person and over and (e.type == "PERSON" or e.recognizer == STATISTICAL):
                kept.extend(self._outside(e, text, over))
                continue
            kept.append(e)
        return self._drop_citations(kept, text)

    def _outside(self, e: Entity, text: str, spans: list[tuple[int, int]]) -> list[Entity]:
        """What is left of a detection once the allowed terms are cut out of it."""
        taken = bytearray(len(text))
        for s, t in spans:
            taken[s:t] = b"\x01" * (t - s)
        pieces = pieces_outside(e, text, taken)
        return [p for p in pieces if not all(_ordinary(w) for w in WORD.findall(p.text) or ["x"])]

    # -- cited surnames ------------------------------------------------------------------
    def _cited(self, e: Entity, text: str) -> str | None:
        """The cited surname `e` is, if the sentence cites it."""
        if e.type not in NAME_TYPES or not self.cited:
            return None
        for size in (1, 2, 3):
            words = e.text.split()
            if len(words) < size:
                break
            tail = " ".join(words[-size:])
            surname = self._cited_folded.get(fold(tail.strip(".,;:!?»)")))
            if surname is None:
                continue
            lead = e.text[: e.text.rfind(tail)]
            before = text[max(0, e.start - 80) : e.start] + lead
            if CIVILITY_BEFORE.search(before):
                return None
            if CITATION_BEFORE.search(before) or CITATION_AFTER.match(text, e.end):
                return surname
        return None

    def _drop_citations(self, entities: list[Entity], text: str) -> list[Entity]:
        cited = {id(e): s for e in entities if (s := self._cited(e, text)) is not None}
        if not cited:
            return entities

        # a surname some other person of the note bears is that person's
        def words(name: str) -> list[str]:
            return [fold(w) for w in WORD.findall(name) if not is_surname_particle(w)]

        named = {
            fold(w)
            for e in entities
            if id(e) not in cited and e.type == "PERSON"
            for w in words(e.text)
        }
        return [
            e
            for e in entities
            if id(e) not in cited or any(w in named for w in words(cited[id(e)]))
        ]


__all__ = ["DENY_RECOGNIZER", "AllowList", "cited_surnames"]

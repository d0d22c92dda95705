"""First names of the INSEE lexicon, alone or with a surname.

spaCy's French NER misses a first name used alone (`Victoire n'ose pas`),
ALL-CAPS surnames and many names in lists. A lexicon lookup on every word is
O(words). Names that are also ordinary words (`Rose`, `Blanche`, `Marin`)
count only where a name stands: capitalized in the middle of a sentence and
not after an article, or starting a sentence as its subject (followed by a
verb, a comma, a colon...), or next to a surname; never in lower case.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._gazetteer import lookup
from recognizers._names import (
    NameRecognizer,
    TokenIndex,
    Word,
    caps_surname_ok,
    caps_surname_start,
    first_name,
    fold,
    in_caps_heading,
    is_acronym,
    is_caps,
    is_common_word,
    is_place_head,
    is_place_word,
    is_surname,
    is_title,
    line_mostly_caps,
    next_word,
    previous_word,
    result,
    sentence_start,
    stop_words,
    surname_end,
    token_index,
    words,
)
from recognizers.lexicons import ordinary_word_languages

SAINT = re.compile(r"(?:Saint|Sainte|SAINT|SAINTE)-")
# Determiners after which a capitalized name-word is the common noun or a
# title of work (`la Victoire de Samothrace`, `une Rose`).
_DETERMINERS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "mon",
     "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos",
     "leur", "leurs", "quel", "quelle", "chaque"}
)  # fmt: skip
_LOCATIVES = frozenset(
    {"à", "a", "au", "en", "de", "d", "du", "vers", "depuis", "sur", "près", "pour", "via"}
)
# What follows a sentence-initial name used as a subject or an address.
_SUBJECT_FOLLOWERS = frozenset(
    {",", ":", ";", "(", ")", "ne", "n'", "n’", "me", "m'", "m’", "te", "t'", "t’", "se",
     "s'", "s’", "lui", "elle", "leur", "nous", "vous", "y", "en", "l'", "l’", "aussi",
     "non", "oui", "!", "?", "»", "-", "–", "—"}
)  # fmt: skip
_BAD_SURNAME_POS = frozenset(
    {"VERB", "AUX", "ADP", "ADV", "CCONJ", "SCONJ", "DET", "PRON", "NUM", "PUNCT"}
)
# A famous author or athlete cited as a reference (`le livre de Tim Gallwey`,
# `Lectures conseillées : Barry Green`): not someone to hide, left low-scored.
_WORK_OF = re.compile(
    r"\b(?:livres?|bouquins?|ouvrages?|romans?|essais?|méthode|théorie|modèle|concept|"
    r"passages?|entretiens?|interviews?|conférences?|podcasts?|films?|chansons?|albums?|"
    r"citations?|pensée|philosophie|travaux|écrits|biographie|TED)\s+"
    r"(?:[^\W\d_]+\s+){0,2}(?:de|d['’]|du)\s*$"
)
_REFERENCE_LIST = re.compile(
    r"\b(?:[Ll]ectures?|[Rr]éférences?|[Ll]ivres?|[Ii]nspirations?|[Bb]ibliographie)"
    r"\b[^\n.:]{0,60}:[^\n.]*$"
)


def cited_as_reference(text: str, start: int) -> bool:
    """True when the name at `start` is cited as an author, an athlete, a work."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 120) : start]
    return bool(_WORK_OF.search(before) or _REFERENCE_LIST.search(text[line_start:start]))


# Street words after which `de Siam`, `d'Alembert` are part of the street's name.
_STREETS = frozenset(
    {"rue", "avenue", "av", "boulevard", "bd", "allée", "impasse", "chemin", "route", "place",
     "quai", "cours", "square", "parvis", "passage", "promenade", "esplanade", "quartier"}
)  # fmt: skip
# `Girard & Fils`, `Martin Frères`, `Dupont et Cie`: a company.
_COMPANY_TAIL = re.compile(r"\s*(?:&|et)\s+(?:Fils|Filles|Cie|Associés)\b|\s+Frères\b")


class FirstNameRecognizer(NameRecognizer):
    """PERSON for a lexicon first name, with the surname that follows or precedes it."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        tokens = token_index(nlp_artifacts)
        found: list[RecognizerResult] = []
        covered = 0  # a surname that is also a first name is not a second person
        for i, w in enumerate(ws):
            entry = first_name(w.text)
            if entry is None or w.start < covered:
                continue
            for r in self._judge(text, ws, i, entry, tokens):
                found.append(r)
                covered = max(covered, r.end)
        return found

    def _judge(self, text, ws, i, entry, tokens) -> list[RecognizerResult]:
        w: Word = ws[i]
        prev = previous_word(ws, i, text)
        if self._after_place_head(text, ws, i, prev):
            return []
        if prev is not None and fold(prev.text) in _DETERMINERS:
            return []  # `sa Clio`, `la Victoire de Samothrace`: not a person
        if prev is not None and prev.text in ("en", "au", "aux"):
            return []  # `en Islande`, `au Maroc`: a place
        if w.elided and text[w.start - 2 : w.start - 1].lower() == "l":
            return []  # `l'Ange`
        if (
            SAINT.match(w.text)
            and lookup(w.text) is not None
            and not (prev and is_title(prev.text))
        ):
            return []  # `le SMUR de Sainte-Luce`: a commune, whatever INSEE once registered
        if is_caps(w.text) and (
            len(w.text) < 3 or entry.tier > 1 or line_mostly_caps(text, w.start)
        ):
            return []
        # surname after (`Victoire AKONO`, `Mathis Le Goff`) or ALL-CAPS before (`VIDAL Anaïs`)
        start, end = w.start, w.end
        nxt = next_word(ws, i, text)
        if nxt is not None and self._surname_may_follow(nxt, tokens, text):
            j = surname_end(ws, i + 1, text, lenient=True)
            if j > i + 1 and not self._particle_place(ws, i + 1, j):
                end = ws[j - 1].end
        if (
            prev is not None
            and is_caps(prev.text)
            and not is_acronym(prev.text)
            and fold(prev.text) not in stop_words()
            and not is_caps(w.text)
            and not line_mostly_caps(text, w.start)
            and caps_surname_ok(prev.text)
            and not in_caps_heading(ws, i - 1, text)
        ):
            start = caps_surname_start(ws, i - 1, text)
        with_surname = (start, end) != (w.start, w.end)

        # a rare name that is also a French word ("Vu avec Paul"): only where a name stands
        rare_word = entry.tier >= 3 and "fr" in ordinary_word_languages(w.text)
        ambiguous = is_common_word(w.text) or is_place_word(w.text) or rare_word
        if not with_surname and ambiguous and not self._in_name_position(text, ws, i, prev, tokens):
            return []
        if not with_surname and is_caps(w.text) and ambiguous:
            return []

        score = {1: 0.85, 2: 0.8, 3: 0.7, 4: 0.6}[entry.tier]
        if ambiguous:
            score = min(score, 0.7)
        if is_caps(w.text) and not with_surname:
            score = min(score, 0.6)
        if with_surname:
            score = {1: 0.9, 2: 0.85}.get(entry.tier, 0.8)
        if self._in_org_chain(text, ws, i, prev, end):
            score = 0.3
        if cited_as_reference(text, start):
            score = 0.3
        part = "full" if with_surname else "first"
        return [result(self, start, end, score, gender=entry.gender, part=part)]

    @staticmethod
    def _after_place_head(text: str, ws: list[Word], i: int, prev: Word | None) -> bool:
        """`rue Victor-Hugo`, `lycée Jean Moulin`, `rue de Siam`, `Saint Pierre`."""
        if prev is None:
            return False
        if is_place_head(prev.text):
            return True
        if first_name(prev.text) is not None:  # `lycée Victor Hugo`: Hugo too
            before = previous_word(ws, i - 1, text)
            if before is not None and is_place_head(before.text):
                return True
        if fold(prev.text) in ("de", "du", "des") or ws[i].elided:
            k = i - 1 if not ws[i].elided else i
            before = previous_word(ws, k, text) if k > 0 else None
            if ws[i].elided and k > 0:
                before = ws[k - 1]
            return before is not None and fold(before.text) in _STREETS
        return False

    @staticmethod
    def _surname_may_follow(nxt: Word, tokens: TokenIndex, text: str) -> bool:
        if is_caps(nxt.text) or is_surname(nxt.text):
            return True
        if fold(nxt.text) in ("de", "du", "des", "d", "van", "von", "da", "dos", "di", "del"):
            return True
        return tokens.pos(nxt.start) not in _BAD_SURNAME_POS

    @staticmethod
    def _particle_place(ws: list[Word], i: int, j: int) -> bool:
        """`Julien de Lyon`: a lower-case particle before a town is not a surname."""
        return ws[i].text.islower() and is_place_word(ws[j - 1].text)

    @staticmethod
    def _in_name_position(text, ws, i, prev, tokens) -> bool:
        w: Word = ws[i]
        if w.elided and text[w.start - 2 : w.start - 1].lower() == "l":
            return False  # l'Ange, l'Olive
        if prev is not None and fold(prev.text) in _DETERMINERS:
            return False
        if is_place_word(w.text) and (
            (prev is not None and fold(prev.text) in _LOCATIVES)
            or (w.elided and text[w.start - 2 : w.start - 1].lower() == "d")
        ):
            return False
        after = tokens.after(w.start, w.end)
        if is_place_word(w.text):
            # `Florence a appelé`, `Adélaïde et Zoé`, not `(Nancy, samedi)`
            if after is not None and after.text.lower() in ("et", "ou", ","):
                nxt = after.nbor(1) if after.i + 1 < len(after.doc) else None
                return nxt is not None and first_name(nxt.text) is not None
            return after is not None and after.pos_ in ("VERB", "AUX")
        if not sentence_start(text, w.start):
            return True
        if after is None:
            return False
        if after.text == ",":
            # `Marin, lui, ...`, `Blanche, 61 ans`, `Rose, Ange et Paul`, not `Ambre, vert et blanc`
            nxt = after.nbor(1) if after.i + 1 < len(after.doc) else None
            return nxt is not None and (
                nxt.pos_ in ("PRON", "NUM", "PROPN") or nxt.text[:1].isupper() or nxt.text == "qui"
            )
        if after.pos_ in ("VERB", "AUX") or after.text.lower() in _SUBJECT_FOLLOWERS:
            return True
        # in a list of names: `Rose, Ange et Maëlys`, `Rose et Paul`
        if after.text.lower() in ("et", "ou"):
            nxt = after.nbor(1) if after.i + 1 < len(after.doc) else None
            return nxt is not None and first_name(nxt.text) is not None
        return False

    @staticmethod
    def _in_org_chain(text: str, ws: list[Word], i: int, prev: Word | None, end: int) -> bool:
        """`Quatuor Hélios`, `Le Fournil de Mathis`, `RC Lens`, `Girard & Fils`: a name
        inside an organisation's name, left to the ORG recognizers."""
        if _COMPANY_TAIL.match(text, end):
            return True
        if (
            prev is not None
            and (is_title(prev.text) or is_caps(prev.text))
            and not sentence_start(text, prev.start)
        ):
            return (
                first_name(prev.text) is None
                and fold(prev.text) not in stop_words()
                and not is_surname(prev.text)
                and (is_title(prev.text) or is_acronym(prev.text))
            )
        # `Le Fournil de Mathis`, `L'Atelier de Rose`, `La Maison d'Inès`
        if prev is not None and fold(prev.text) in ("de", "du") and i >= 2:
            before = previous_word(ws, i - 1, text)
        elif ws[i].elided and i >= 1 and text[ws[i].start - 2 : ws[i].start - 1].lower() == "d":
            before = ws[i - 1]
        else:
            return False
        if before is None or not is_title(before.text) or first_name(before.text) is not None:
            return False
        k = ws.index(before)
        if before.elided:
            return text[before.start - 2 : before.start - 1] == "L"
        article = previous_word(ws, k, text)
        return article is not None and article.text in ("Le", "La", "Les")

"""Names after (or before) a relation word: `sa sœur Claire`, `Papi Yves`, `Vaillant, le chien`.

Coaching notes name people through their relation to the client: kin,
colleagues, pets. After such a word any capitalized word is a name, even an
ordinary word (`son chien Pistache`, `son frère Marin`), so this catches what
the lexicon alone must refuse. The relation word stays outside the span and
gives the gender.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    TokenIndex,
    Word,
    first_name,
    fold,
    is_namelike,
    relation_words,
    result,
    sentence_start,
    stop_words,
    token_index,
    words,
)
from recognizers.people.title_name import TITLES, name_end

_POSSESSIVES_F = frozenset({"ma", "ta", "sa", "la", "une", "cette", "notre", "votre", "leur"})
_POSSESSIVES_M = frozenset({"mon", "ton", "son", "le", "un", "ce", "cet"})
_POSSESSIVES_PL = frozenset({"mes", "tes", "ses", "nos", "vos", "leurs", "les", "des", "ces"})
_DETERMINERS = _POSSESSIVES_F | _POSSESSIVES_M | _POSSESSIVES_PL | {"l", "notre", "votre"}
# Parts of speech that cannot be a pet's or a person's name placed before
# its relation word (`Hier, le chien...`).
# `Vaillant, le vieux chien`: an article, not a possessive (`Karim, son chien Rex`).
_ARTICLES = frozenset({"le", "la", "l", "un", "une"})
_RANK = re.compile(
    r"\b(?:[mts]on|[mts]a|notre|votre|leur|le|la)\s+N\s?[+-]\s?\d,?\s+", re.IGNORECASE
)
_NOT_A_NAME_POS = frozenset(
    {"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "VERB", "AUX", "NUM", "INTJ"}
)


class RelationNameRecognizer(NameRecognizer):
    """PERSON for the name that a kinship, work or pet word introduces."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        tokens = token_index(nlp_artifacts)
        relations = relation_words()
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws):
            info = relations.get(fold(w.text))
            if info is None:
                continue
            gender, kind = info
            if not self._introduced(text, ws, i, kind):
                continue
            if gender == "X":
                gender = self._gender_from_determiner(text, ws, i)
            # `le chien du dépôt, Tico`, `Chien de ferme, Pilou`: the name comes
            # after the pet word's complement
            at = self._complement_end(text, ws, i) if kind == "pet" else i
            found.extend(self._names_after(text, ws, at, kind, gender))
            if kind == "pet":
                found.extend(self._name_before(text, ws, i, gender, tokens))
        # `son N+1 Paul`, `ma N-1, Inès`: the rank is not a word of letters
        by_start = {w.start: k for k, w in enumerate(ws)}
        for m in _RANK.finditer(text):
            k = by_start.get(m.end())
            if k is not None and first_name(ws[k].text) is not None:
                end = max(name_end(text, ws, k), k + 1)
                found.append(result(self, ws[k].start, ws[end - 1].end, 0.85, part="first"))
        return found

    @staticmethod
    def _complement_end(text: str, ws: list[Word], i: int) -> int:
        """Index of the last word of a pet word's complement (`chien du dépôt`,
        `chat de la ferme`) when a comma and a name follow it, else `i`."""
        j = i + 1
        if j < len(ws) and fold(ws[j].text) in ("de", "du", "des") and ws[j].text.islower():
            j += 1
        elif j < len(ws) and ws[j].elided and text[ws[j].start - 2] in "dD":
            pass  # `chat d'appartement`
        else:
            return i
        if j < len(ws) and fold(ws[j].text) in ("la", "l") and ws[j].text.islower():
            j += 1
        if j >= len(ws) or not ws[j].text.islower() or fold(ws[j].text) in relation_words():
            return i  # `le chien de la voisine, Marie`: Marie is the neighbour
        if j + 1 < len(ws) and text[ws[j].end : ws[j + 1].start] == ", ":
            return j
        return i

    @staticmethod
    def _introduced(text: str, ws: list[Word], i: int, kind: str) -> bool:
        """The relation word is used as such: after a determiner (with up to two
        adjectives or a number between) or, for address forms, on its own; a pet
        word also opening a sentence (`Chien, Kiki, attaché à l'arrivée`)."""
        w = ws[i]
        if kind == "address":
            return True
        if w.text[0].isupper():
            # `Papi Yves` is an address form; `Chef Dupont` is not kinship
            return kind == "pet" and sentence_start(text, w.start)
        if w.elided and text[w.start - 2 : w.start - 1].lower() == "l":
            return True  # l'associé, l'apprentie
        for back in range(1, 4):
            if i - back < 0:
                return False
            prev = ws[i - back]
            if "\n" in text[prev.end : ws[i - back + 1].start]:
                return False
            if fold(prev.text) in _DETERMINERS:
                return True
            if not prev.text.islower():
                return False
        return False

    @staticmethod
    def _gender_from_determiner(text: str, ws: list[Word], i: int) -> str:
        for back in range(1, 4):
            if i - back < 0:
                break
            key = fold(ws[i - back].text)
            if key in _POSSESSIVES_F and key not in ("notre", "votre", "leur"):
                return "F"
            if key in ("le", "un", "ce", "cet"):
                return "M"
            if key in ("mon", "ton", "son"):
                return "M" if ws[i].text[0].lower() not in "aeiouyéèêh" else "X"
        return "X"

    def _names_after(
        self, text: str, ws: list[Word], i: int, kind: str, gender: str
    ) -> list[RecognizerResult]:
        """The name (or list of names) right after the relation word."""
        found: list[RecognizerResult] = []
        j = i + 1
        sep = self._gap(text, ws, i)
        if sep is None:
            return found
        while j < len(ws):
            w = ws[j]
            if w.text in TITLES or fold(w.text) in stop_words() or len(w.text) < 2:
                break
            if not is_namelike(w.text):
                break
            if fold(w.text) in relation_words():
                break  # `sa belle-mère, Mémé Odette`: the address form takes over
            if kind in ("work",) and first_name(w.text) is None:
                break  # `le client Leroy Merlin` is a company, `son manager Paul` a person
            end = name_end(text, ws, j)
            if end == j:
                end = j + 1
            score = 0.85 if first_name(w.text) or kind in ("pet", "address") else 0.75
            part = "full" if end - j > 1 else "first"
            pet = "pet" if kind == "pet" else None
            found.append(
                result(self, w.start, ws[end - 1].end, score, gender=gender, part=part, kind=pet)
            )
            # a list of names: `ses enfants, Lison et Paul`
            if end < len(ws) and text[ws[end - 1].end : ws[end].start] in (", ", " & "):
                j = end
                continue
            if (
                end + 1 < len(ws)
                and ws[end].text in ("et", "ou")
                and text[ws[end - 1].end : ws[end + 1].start] == f" {ws[end].text} "
            ):
                j = end + 1
                continue
            break
        return found

    @staticmethod
    def _gap(text: str, ws: list[Word], i: int) -> str | None:
        """What separates the relation word from the name: a space or a comma."""
        if i + 1 >= len(ws):
            return None
        gap = text[ws[i].end : ws[i + 1].start]
        if gap in (" ", "\u00a0", ", ", " : ", ": ") and not ws[i + 1].elided:
            return gap
        return None

    def _name_before(
        self, text: str, ws: list[Word], i: int, gender: str, tokens: TokenIndex
    ) -> list[RecognizerResult]:
        """`Vaillant, le vieux chien de la ferme`, `Noisette (la chienne)`."""
        for back in range(1, 4):
            if i - back - 1 < 0:
                return []
            det = ws[i - back]
            if fold(det.text) in _ARTICLES:
                name = ws[i - back - 1]
                gap = text[name.end : det.start]
                if gap not in (", ", " (", "(", ", c'est ") or not is_namelike(name.text):
                    return []
                if fold(name.text) in stop_words() or len(name.text) < 2:
                    return []
                if tokens.pos(name.start) in _NOT_A_NAME_POS:
                    return []
                return [
                    result(
                        self, name.start, name.end, 0.75, gender=gender, part="first", kind="pet"
                    )
                ]
            if not det.text.islower():
                return []
        return []

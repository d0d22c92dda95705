"""ALL-CAPS surnames next to a capitalized first name: `Victoire AKONO`, `VIDAL Anaïs`.

Forms, tables and signatures write the surname in capitals, before or after
the first name. The first-name recognizer covers lexicon first names; this
one covers the others (`Goulven TANGUY`, `Priya RAMAN`) as long as spaCy
calls the capitalized word a proper noun, and refuses acronyms (`CHU`, `SARL`).
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    TokenIndex,
    Word,
    caps_surname_ok,
    caps_surname_start,
    first_name,
    fold,
    given_as_first_name,
    in_caps_heading,
    is_caps,
    is_place_head,
    is_surname,
    is_title,
    line_mostly_caps,
    next_word,
    previous_word,
    result,
    stop_words,
    surname_end,
    token_index,
    words,
)


class CapsSurnameRecognizer(NameRecognizer):
    """PERSON for `Firstname SURNAME` and `SURNAME Firstname`."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        tokens = token_index(nlp_artifacts)
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws):
            if not self._given_name(w, i, ws, text, tokens):
                continue
            entry = first_name(w.text)
            gender = entry.gender if entry else None
            # first name, then SURNAME (`Hélène QUÉRÉ-DARCOURT`, `Yannick LE BRAS`)
            nxt = next_word(ws, i, text)
            if nxt is not None and is_caps(nxt.text):
                end = surname_end(ws, i + 1, text)
                if end > i + 1 and all(is_caps(x.text) for x in ws[i + 1 : end]):
                    found.append(
                        result(self, w.start, ws[end - 1].end, 0.85, gender=gender, part="full")
                    )
                    continue
            # SURNAME, then first name (`VIDAL Anaïs`)
            prev = previous_word(ws, i, text)
            if (
                (entry is not None or given_as_first_name(w.text))
                and prev is not None
                and self._caps_surname(prev)
                and not w.elided
                and not in_caps_heading(ws, i - 1, text)
            ):
                start = caps_surname_start(ws, i - 1, text)
                found.append(result(self, start, w.end, 0.85, gender=gender, part="full"))
        return found

    @staticmethod
    def _given_name(w: Word, i: int, ws: list[Word], text: str, tokens: TokenIndex) -> bool:
        if fold(w.text) in stop_words() and is_title(w.text):
            # "RIOU Noël": a feast that is also a first name, after a surname in capitals
            prev = previous_word(ws, i, text)
            return (
                given_as_first_name(w.text)
                and prev is not None
                and caps_surname_ok(prev.text)
                and not line_mostly_caps(text, w.start)
            )
        if not is_title(w.text) or len(w.text) < 2:
            return False
        if line_mostly_caps(text, w.start):
            return False
        prev = previous_word(ws, i, text)
        if prev is not None and is_place_head(prev.text):
            return False
        if first_name(w.text) is not None:
            return True
        return tokens.pos(w.start) == "PROPN" and not is_surname(w.text)

    @staticmethod
    def _caps_surname(w: Word) -> bool:
        return caps_surname_ok(w.text)

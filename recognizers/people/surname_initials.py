"""A surname then the initials of the first name: `BRUNEAU T.M.`, `DUMESNIL J`, `Pugeat G.M`.

Clinical and administrative lists (staff present, signatures, the operator
of a procedure) write the surname first, often in capitals, and abbreviate
the first name. The initials are the evidence: an ALL-CAPS word that is not
an acronym nor an ordinary word (`VITAMINE D`, `SALLE B`, `HTA`), or a
capitalized surname before several initials (`Pugeat G.M`, `Willemot J.-P.`).
A capitalized word before one initial must be a known surname (`Roche J.`):
`Annexe B.` or `Paris C.` are not names.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    UPPER_PARTICLES,
    NameRecognizer,
    Word,
    caps_surname_start,
    first_name,
    fold,
    initials_after,
    is_acronym,
    is_caps,
    is_place_word,
    is_surname,
    is_title,
    next_word,
    result,
    stop_words,
    words,
)
from recognizers.lexicons import is_ordinary_word, place_entry


class SurnameInitialsRecognizer(NameRecognizer):
    """PERSON for a surname followed by initials."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws):
            end = initials_after(text, w.end)
            if end is None or not self._surname(w, text[w.end : end]):
                continue
            nxt = next_word(ws, i, text)
            if nxt is not None and nxt.start < end and len(nxt.text) > 1:
                continue  # the "initial" is the first letter of a word
            start = caps_surname_start(ws, i, text) if is_caps(w.text) else w.start
            found.append(result(self, start, end, 0.8, part="initials"))
        return found

    @staticmethod
    def _surname(w: Word, initials: str) -> bool:
        key = fold(w.text)
        if len(w.text) < 2 or key in stop_words() or key in UPPER_PARTICLES:
            return False
        several = sum(c.isalpha() for c in initials) > 1
        if is_caps(w.text):
            if is_acronym(w.text) or is_ordinary_word(w.text):
                return False
            # one initial after a short capitals word: an abbreviation (`HTA A`,
            # `COMEX A.`) unless the word is a known surname (`DIOP A.`)
            return several or len(w.text) > 5 or is_surname(w.text)
        if not is_title(w.text) or first_name(w.text) is not None:
            return False  # `Prune V.` is a first name and an initial (initials.py)
        if is_ordinary_word(w.text) or is_place_word(w.text):
            return False
        if several:
            return "." in initials
        return "." in initials and is_surname(w.text) and place_entry(w.text) is None

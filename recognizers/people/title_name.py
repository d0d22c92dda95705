"""Names after a courtesy or professional title (`Mme Gisèle Puech`, `Dr Obert`).

A title is the strongest cue there is for a surname alone, even one that is
an ordinary word (`Madame Poulain`). By convention the title stays outside
the span; it gives the gender.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    Word,
    first_name,
    fold,
    is_namelike,
    is_surname,
    next_word,
    result,
    stop_words,
    surname_end,
    token_index,
    words,
)

# title (as written, without its dot) -> gender; None when it says nothing.
TITLES: dict[str, str | None] = {
    "M": "M", "MM": "M", "Mr": "M", "Monsieur": "M", "Messieurs": "M",
    "Mme": "F", "Mmes": "F", "Mlle": "F", "Mlles": "F", "Madame": "F", "Mesdames": "F",
    "Mademoiselle": "F", "Docteure": "F", "Professeure": "F",
    "Dr": None, "Drs": None, "Pr": None, "Me": None, "Maître": None, "Docteur": None,
    "Professeur": None, "MADAME": "F", "MONSIEUR": "M",
}  # fmt: skip
_NOT_A_NAME_POS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "VERB", "AUX"})
# Abbreviations that must carry a dot to be a title (`M.`, not the letter M).
_DOT_REQUIRED = frozenset({"M", "MM"})


class TitleNameRecognizer(NameRecognizer):
    """PERSON for the name that follows M., Mme, Dr, Me, Madame, Monsieur..."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        tokens = token_index(nlp_artifacts)
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws[:-1]):
            if w.text not in TITLES or w.elided:
                continue
            if w.start > 0 and (text[w.start - 1].isalnum() or text[w.start - 1] in ".-"):
                continue
            name_at = self._name_start(text, ws, i)
            if name_at is None:
                continue
            head = ws[name_at]
            if tokens.pos(head.start) in _NOT_A_NAME_POS and not is_surname(head.text):
                continue  # `la lettre M. Ensuite...`
            end = name_end(text, ws, name_at)
            if end > name_at:
                first = first_name(ws[name_at].text)
                part = "full" if end - name_at > 1 and first else "last"
                found.append(
                    result(
                        self,
                        ws[name_at].start,
                        ws[end - 1].end,
                        0.85,
                        gender=TITLES[w.text] or (first.gender if first else None),
                        part=part,
                    )
                )
        return found

    @staticmethod
    def _name_start(text: str, ws: list[Word], i: int) -> int | None:
        w, nxt = ws[i], ws[i + 1]
        gap = text[w.end : nxt.start]
        if gap in (".", "") and w.text not in _DOT_REQUIRED:
            return None
        if w.text in _DOT_REQUIRED and not gap.startswith("."):
            return None
        if gap.lstrip(".") not in (" ", "\u00a0", "\u202f") or nxt.elided:
            return None
        return i + 1


def name_end(text: str, ws: list[Word], i: int) -> int:
    """End (word index) of a name starting at ws[i]: first name(s) then surname.

    `Gisèle Puech`, `Hélène Vautier`, `Armelle KERVELLA-LE BIHAN`, `Le Bras`,
    `Poulain`: whatever capitalized words follow, with surname particles.
    """
    if not is_namelike(ws[i].text) and fold(ws[i].text) not in ("de", "du", "d"):
        return i
    if is_namelike(ws[i].text) and fold(ws[i].text) in stop_words():
        return i
    j = i
    # leading first names (`Marie Claire Dupont`, `Jean-Pierre`)
    while (
        j + 1 < len(ws)
        and first_name(ws[j].text) is not None
        and next_word(ws, j, text) is ws[j + 1]
        and surname_end(ws, j + 1, text, lenient=True) > j + 1
    ):
        j += 1
    end = surname_end(ws, j, text, lenient=True)
    if end == j and j > i:
        return j
    return end

"""Names after a courtesy or professional title (`Mme Gisèle Puech`, `Dr Obert`).

A title is the strongest cue there is for a surname alone, even one that is
an ordinary word (`Madame Poulain`). By convention the title stays outside
the span; it gives the gender.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    UPPER_PARTICLES,
    NameRecognizer,
    Word,
    first_name,
    fold,
    initials_after,
    is_caps,
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
# Initials of the first name between a title and the surname: `Dr M. Carlier`,
# `Pr J.-C. Morvillers`.
_INITIALS_FIRST = re.compile(r"[A-ZÀÂÉÈÊÎÔÛÇ]\.(?:-?[A-ZÀÂÉÈÊÎÔÛÇ]\.)*[ \u00a0]")


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
            start = ws[name_at].start
            initials = _INITIALS_FIRST.match(text, start)
            if initials and w.text not in _DOT_REQUIRED:
                # `Dr M. Carlier`: the initial of a first name, then the surname
                k = next(
                    (k for k in range(name_at, len(ws)) if ws[k].start == initials.end()), None
                )
                if k is None or not is_namelike(ws[k].text) or fold(ws[k].text) in stop_words():
                    continue
                name_at = k
            head = ws[name_at]
            particle_led = fold(head.text) in UPPER_PARTICLES and head.text[:1].isupper()
            if (
                tokens.pos(head.start) in _NOT_A_NAME_POS
                and not is_surname(head.text)
                and not (particle_led and surname_end(ws, name_at, text, lenient=True) > name_at)
            ):
                continue  # `la lettre M. Ensuite...`; `M. Le Bras` goes on
            end = name_end(text, ws, name_at)
            if end == name_at and fold(head.text) in stop_words() and is_surname(head.text):
                end = name_at + 1  # "Mme Toussaint", "M. Noël": a feast, and her surname
            if end > name_at:
                first = first_name(ws[name_at].text)
                last = ws[end - 1]
                surname_first = is_caps(ws[name_at].text) and not is_caps(last.text)
                given = first or (surname_first and first_name(last.text))
                part = "full" if end - name_at > 1 and given else "last"
                stop = last.end
                if initials:
                    part = "initials"
                # `Dr KOWALCZYK P.`, `Pr RAVERDY C.`: the first name's initials after
                # the surname belong to the name
                after = initials_after(text, stop) if part != "full" else None
                if after is not None:
                    stop, part = after, "initials"
                found.append(
                    result(
                        self,
                        start,
                        stop,
                        # above the model's 0.85: its same span (`M. Carlier`) would
                        # otherwise replace this one, and lose the initial to a title
                        0.86 if initials else 0.85,
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
    return surname_first_end(text, ws, i, end)


def surname_first_end(text: str, ws: list[Word], i: int, end: int) -> int:
    """The end of a name written surname first (`LE ROUX Armelle`, `MOLIN MICKAEL`,
    `DA SILVA Kylian`): an ALL-CAPS surname goes on with the first name after it,
    in capitals or not, when the lexicon knows that first name."""
    if end <= i or not all(is_caps(w.text) for w in ws[i:end]):
        return end
    nxt = next_word(ws, end - 1, text)
    if nxt is None or fold(nxt.text) in stop_words() or first_name(nxt.text) is None:
        return end
    return end + 1

"""A family name standing for a household: `chez les Delmas`, `la famille Martin`.

French names a household by its surname with a plural article and no plural
mark; the article stays outside the span.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    fold,
    is_namelike,
    is_place_word,
    is_surname,
    result,
    stop_words,
    surname_end,
    token_index,
    words,
)

# `chez les X`, `la famille X`, `les époux X`: any capitalized X is the family.
_STRONG = re.compile(
    r"(?:\bchez\s+les|\bfamilles?|\bles\s+(?:époux|parents|enfants|sœurs|frères|cousins))\s+$",
    re.IGNORECASE,
)
# `comme les Hébert`, `les Martin sont venus`: only a known surname.
_WEAK = re.compile(r"\bles\s+$")


class HouseholdNameRecognizer(NameRecognizer):
    """PERSON for the surname of a household after `chez les`, `la famille`, `les`."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        tokens = token_index(nlp_artifacts)
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws):
            if not is_namelike(w.text) or w.elided or fold(w.text) in stop_words():
                continue
            before = text[max(0, w.start - 40) : w.start]
            strong = _STRONG.search(before) is not None
            if strong and not (is_surname(w.text) or tokens.pos(w.start) == "PROPN"):
                continue
            if not strong and not (_WEAK.search(before) and is_surname(w.text)):
                continue
            if is_place_word(w.text) or tokens.pos(w.start) in ("VERB", "ADJ", "NUM"):
                continue
            end = surname_end(ws, i, text, lenient=True)
            if end > i:
                found.append(
                    result(self, w.start, ws[end - 1].end, 0.8 if strong else 0.6, part="last")
                )
        return found

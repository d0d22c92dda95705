"""Speaker labels of transcripts and pasted chats: `CÉLESTE :`, `[18:42] Prune V. :`.

A label at a line start before a colon names whoever speaks, unless it is a
role (`COACH`, `Moi`, `Q`) or a header field (`Objet`, `De`, `Cc`, `Date`).
A label is accepted when its first word is a lexicon first name, or when an
unknown ALL-CAPS label comes back on several lines, as speakers do.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._data import lines
from recognizers._names import (
    NameRecognizer,
    acronyms,
    first_name,
    fold,
    is_caps,
    result,
    stop_words,
)

# Optional list/quote marks, an optional [timestamp], optional Markdown bold,
# then one to three capitalized words with an optional initial, then " :".
_LABEL = re.compile(
    r"^[ \t>*•-]*(?:\[[^\]\n]{1,40}\][ \t]*)?(?:\*\*|__)?"
    r"(?P<label>[^\W\d_][\w'’-]*(?:[ \t][A-ZÀ-Ý][\w'’-]*){0,2}(?:[ \t][A-ZÀ-Ý]\.)?)"
    r"(?:\*\*|__)?[ \t]*(?:\*\*)?:(?!//)",
    re.MULTILINE,
)


@cache
def _roles() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("speaker_label_roles.txt"))


class SpeakerLabelRecognizer(NameRecognizer):
    """PERSON for a speaker's name labelling a line of a transcript or a chat."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        labels = [m for m in _LABEL.finditer(text) if self._plausible(m.group("label"))]
        counts = Counter(m.group("label") for m in labels)
        found: list[RecognizerResult] = []
        for m in labels:
            label = m.group("label")
            head = re.split(r"[ \t]", label)[0]
            entry = first_name(head)
            if entry is not None:
                score = 0.9 if is_caps(head) or counts[label] > 1 else 0.75
                gender = entry.gender
            elif counts[label] > 1 and (is_caps(head) or re.search(r" [A-Z]\.$", label)):
                score, gender = 0.7, None
            else:
                continue
            part = "first" if label == head else "full"
            found.append(
                result(self, m.start("label"), m.end("label"), score, gender=gender, part=part)
            )
        return found

    @staticmethod
    def _plausible(label: str) -> bool:
        key = fold(label)
        head = key.split()[0]
        if key in _roles() or head in _roles() or head in stop_words():
            return False
        if not label[0].isupper():
            return False
        first = re.split(r"[ \t]", label)[0]
        # `JB :` may be a speaker; `RH :`, `TVA :` are not
        return fold(first) not in acronyms()

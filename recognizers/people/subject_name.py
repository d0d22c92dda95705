"""An unknown proper noun acting on the writer: `Bazou m'a dessiné une capucine`.

Children's nicknames and pets' names are in no lexicon. When a capitalized
word that spaCy calls a proper noun opens a clause and is followed by an
object pronoun and a verb (`m'a`, `nous a`, `lui écrit`), it is someone.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    first_name,
    fold,
    is_title,
    place_heads,
    relation_words,
    result,
    sentence_start,
    stop_words,
    token_index,
    words,
)

_OBJECT_PRONOUNS = frozenset(
    {"m'", "m’", "me", "t'", "t’", "te", "nous", "vous", "lui", "leur", "l'", "l’"}
)


class SubjectNameRecognizer(NameRecognizer):
    """PERSON for a sentence-initial proper noun followed by an object pronoun and a verb."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        tokens = token_index(nlp_artifacts)
        found: list[RecognizerResult] = []
        for w in words(text):
            if w.elided or not is_title(w.text) or len(w.text) < 3 or "-" in w.text:
                continue
            key = fold(w.text)
            if key in stop_words() or key in relation_words() or key in place_heads():
                continue
            if first_name(w.text) is not None or not sentence_start(text, w.start):
                continue  # lexicon names are the first-name recognizer's
            if tokens.pos(w.start) != "PROPN":
                continue
            pronoun = tokens.after(w.start, w.end)
            if pronoun is None or pronoun.text.lower() not in _OBJECT_PRONOUNS:
                continue
            verb = tokens.after(pronoun.idx, pronoun.idx + len(pronoun))
            if verb is not None and verb.pos_ in ("VERB", "AUX"):
                found.append(result(self, w.start, w.end, 0.6, part="first"))
        return found

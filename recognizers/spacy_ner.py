"""spaCy's French NER, filtered of what it gets wrong on notes.

The French model tags capitalized headings and labels ("Objet", "Relance",
"COACH", "Rebondir") as persons or organisations. A span in which no token
is a proper noun (PROPN) or foreign word (X) is kept only when it starts
with a known first name ("Olive" tagged ADJ is still a person).
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from recognizers import LANGUAGE
from recognizers._data import table

NAME_POS = frozenset({"PROPN", "X"})


def _first_names() -> frozenset[str]:
    return frozenset(row[0].casefold() for row in table("first_names.tsv"))


class FrenchSpacyRecognizer(SpacyRecognizer):
    """PERSON, LOCATION and ORG from fr_core_news_md, without label noise."""

    def __init__(self) -> None:
        super().__init__(
            supported_language=LANGUAGE,
            supported_entities=["PERSON", "LOCATION", "ORG"],
            ner_strength=0.85,
            name="SpacyRecognizer",
        )
        self._names: frozenset[str] | None = None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        if not results or nlp_artifacts is None:
            return results
        if self._names is None:
            self._names = _first_names()
        doc = nlp_artifacts.tokens
        kept = []
        for r in results:
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            tokens = [t for t in span if not t.is_punct and not t.is_space] if span else []
            while tokens and not tokens[0].text[:1].isalnum():
                tokens.pop(0)
            if not tokens:
                continue
            r.start = tokens[0].idx
            if any(t.pos_ in NAME_POS for t in tokens) or tokens[0].text.casefold() in self._names:
                kept.append(r)
        return kept

"""Shared pieces of the contact and identifier recognizers.

Scoring convention for all of them: a match whose checksum passes is certain
(1.0, via `validate_result` returning True). A match of the right shape whose
checksum fails keeps a low pattern score, below the 0.35 threshold, so it is
only reported when a context word ("SIRET", "IBAN", "n° sécu"...) stands
before it: then it is most likely a mistyped identifier, still worth hiding.
"""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, RecognizerResult

from recognizers import Named, _data

# Separators written between digit groups: space, no-break spaces, dot, hyphen.
SEP = r"[ .\-\u00a0\u202f]"
# Not glued to a letter, a digit or an underscore on either side.
BEFORE = r"(?<![\w])"
AFTER = r"(?!\w)"


def context_words(key: str) -> list[str]:
    """Context words of one recognizer, from `data/id_context.tsv`."""
    return [word for k, word in _data.table("id_context.tsv") if k == key]


def build_result(
    recognizer: Named, entity: str, start: int, end: int, score: float, why: str
) -> RecognizerResult:
    """A result for a custom `analyze`, with an explanation object.

    Presidio's context enhancer writes into `analysis_explanation` whenever the
    recognizer has context words, so it must never be None.
    """
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=why
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )

"""E-mail addresses dictated aloud and written down in words.

"loic point bertin arobase wanadoo point fr" leaks exactly as much as the
address itself. The shape is strict (words joined by spoken separators, one
"arobase"/"at", a spoken dot and a top-level domain at the end), so it does not
fire on ordinary prose that happens to contain "point" or "at". Obfuscated
written forms ("jean.dupont [at] gmail [dot] com") have the same meaning and
are caught here too. The words come from `data/dictated_email_words.tsv`.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from recognizers import LANGUAGE, _data
from recognizers._numbers import spelled_numbers

_PART = r"[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*"


def _alternatives(role: str) -> str:
    """Regex alternation of the spoken words of one role, longest first."""
    words = sorted((w for w, r in _data.table("dictated_email_words.tsv") if r == role), key=len)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(words))


def _spoken_numbers() -> str:
    """Numbers said after a word of the local part: "lefort quatre-vingt-un" is lefort81."""
    words = sorted(set(spelled_numbers()) | {"zéro"}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def dictated_pattern() -> str:
    at = _alternatives("at")
    sep = "|".join(_alternatives(r) for r in ("dot", "dash", "underscore"))
    dot = _alternatives("dot")
    tld = _alternatives("tld")
    numbers = rf"(?:\s+(?:{_spoken_numbers()})(?![\p{{L}}\p{{N}}-]))*"
    local_part = rf"{_PART}{numbers}"
    return (
        rf"(?<![\p{{L}}\p{{N}}]){_PART}(?:\s+(?:{sep})\s+{local_part})*{numbers}"
        rf"\s+(?:{at})\s+{_PART}(?:\s+(?:{sep})\s+{_PART})*?"
        rf"\s+(?:{dot})\s+(?:{tld})(?![\p{{L}}\p{{N}}])"
    )


def obfuscated_pattern() -> str:
    at = _alternatives("at")
    dot = _alternatives("dot")
    bracket_at = rf"\s*[\[(]\s*(?:{at})\s*[\])]\s*"
    bracket_dot = rf"(?:\.|\s*[\[(]\s*(?:{dot})\s*[\])]\s*)"
    return rf"(?<![\w.+-])[\w.+-]*\w{bracket_at}\w[\w-]*(?:{bracket_dot}\w[\w-]*)+(?![\w-])"


class DictatedEmailRecognizer(PatternRecognizer):
    """EMAIL: 'prenom point nom arobase domaine point fr', '[at]' / '(at)' forms."""

    CONTEXT: ClassVar[tuple[str, ...]] = ("mail", "email", "e-mail", "courriel", "adresse")

    def __init__(self) -> None:
        super().__init__(
            supported_entity="EMAIL",
            patterns=[
                Pattern("dictated_email", dictated_pattern(), 0.85),
                Pattern("obfuscated_email", obfuscated_pattern(), 0.85),
            ],
            context=list(self.CONTEXT),
            supported_language=LANGUAGE,
            name="DictatedEmailRecognizer",
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )
        # Both shapes need a spoken "at": one cheap search spares the two
        # patterns, which try a word-by-word match at every word of a note.
        self._at = re.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{_alternatives('at')})(?![\p{{L}}\p{{N}}])", re.IGNORECASE
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self._at.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

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


def dictated_pattern() -> str:
    at = _alternatives("at")
    sep = "|".join(_alternatives(r) for r in ("dot", "dash", "underscore"))
    dot = _alternatives("dot")
    tld = _alternatives("tld")
    return (
        rf"(?<![\p{{L}}\p{{N}}]){_PART}(?:\s+(?:{sep})\s+{_PART})*"
        rf"\s+(?:{at})\s+{_PART}(?:\s+(?:{sep})\s+{_PART})*?"
        rf"\s+(?:{dot})\s+(?:{tld})(?![\p{{L}}\p{{N}}])"
    )


def _spoken_local_part() -> re.Pattern:
    """Words joined by spoken separators, ending a text: 'marin point lefort '."""
    sep = "|".join(_alternatives(r) for r in ("dot", "dash", "underscore"))
    return re.compile(
        rf"(?<![\p{{L}}\p{{N}}]){_PART}(?:\s+(?:{sep})\s+{_PART})+\s+$", re.IGNORECASE
    )


def _is_spoken_number(word: str) -> bool:
    return word.lower() in spelled_numbers() or word.lower() == "zéro"


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

        self._local_part = _spoken_local_part()

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self._at.search(text):
            return []
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            result.start = self._number_words_before(text, result.start)
        return results

    def _number_words_before(self, text: str, start: int) -> int:
        """'marin point lefort quatre-vingt-un arobase ...': the pattern starts at the
        number, which ends a local part said in words; the address starts before it.

        Numbers said after a name ("lefort quatre vingt un") join the address only
        when a spoken separator ties the words before them ("marin point lefort")."""
        first = re.match(r"\S+", text[start:])
        if not first or not _is_spoken_number(first.group()):
            return start
        begin = start
        while True:  # the other words of the number: "quatre vingt un"
            word = re.search(r"(\S+)\s+$", text[max(0, begin - 30) : begin])
            if not word or not _is_spoken_number(word.group(1)):
                break
            begin -= len(word.group())
        chain = self._local_part.search(text, max(0, begin - 120), begin)
        return chain.start() if chain else start

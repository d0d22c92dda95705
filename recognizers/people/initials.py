"""Initials and abbreviated names: `S. Rigal`, `Y. Le Bras`, `Prune V.`, `A. K.-L. B.`.

Signatures and chat exports abbreviate names. Three shapes: initial(s) then
a surname, a first name then an initial, and a run of two or more initials
separated by spaces. `M.` alone is a title, not an initial, and dotted
abbreviations without spaces (`N.B.`, `P.S.`, `U.S.A.`) are not names.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    first_name,
    fold,
    is_surname,
    result,
    stop_words,
    surname_end,
    words,
)

_UP = "A-ZÀÂÉÈÊÎÔÛÇ"
_GROUP = rf"[{_UP}]\.(?:-?[{_UP}]\.)*"
# initials then a surname: `S. Rigal`, `J.-P. Martin`, `Y. Le Bras`
_INITIAL_SURNAME = re.compile(rf"(?<![\w.’'-])(?P<ini>{_GROUP})[ \u00a0](?=[{_UP}])")
# a first name then one initial: `Prune V.`
_NAME_INITIAL = re.compile(
    rf"(?<![\w’'-])(?P<name>[{_UP}][\w’'-]+)[ \u00a0](?P<ini>[{_UP}]\.)(?![\w.-])"
)
# initials only, two groups or more with spaces: `A. K.-L. B.`, `J.-P. M.`
_INITIALS_ONLY = re.compile(rf"(?<![\w.’'-]){_GROUP}(?:[ \u00a0]{_GROUP})+(?![\w-])")
# one initial standing alone, not followed by a name: `avec K.`, `Mimi / K.`
_LONE_INITIAL = re.compile(rf"(?<![\w.’'-])[{_UP}]\.(?![\w.-])(?![ \u00a0]+[{_UP}][\w’'-])")
# A lone initial names someone when the note uses it this many times; once, it
# is as likely a list item (`A.`), a roman numeral or an abbreviation.
LONE_REPEATS = 2
# Lower-case words after which a lone initial is still a person (`avec K.`).
_BEFORE_A_PERSON = frozenset(
    {"avec", "selon", "chez", "pour", "entre", "sans", "vers", "contre", "par", "que", "dit"}
)
# Dotted abbreviations that are not initials of a person.
_NOT_INITIALS = frozenset({"M.", "N.B.", "P.S.", "P.-S.", "C.V.", "S.A.", "J.O.", "T.S.V.P."})


class InitialsRecognizer(NameRecognizer):
    """PERSON for initials, abbreviated first names and abbreviated surnames."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found: list[RecognizerResult] = []
        ws = words(text)
        by_start = {w.start: k for k, w in enumerate(ws)}
        for m in _INITIAL_SURNAME.finditer(text):
            if m.group("ini") in _NOT_INITIALS:
                continue
            k = by_start.get(m.end())
            if k is None:
                continue
            end = surname_end(ws, k, text)
            if end == k and self._surname_elsewhere(ws[k].text, text, m.start()):
                end = k + 1
            if end > k:
                found.append(result(self, m.start(), ws[end - 1].end, 0.85, part="initials"))
        for m in _NAME_INITIAL.finditer(text):
            entry = first_name(m.group("name"))
            if entry is None or fold(m.group("name")) in stop_words():
                continue
            found.append(
                result(self, m.start(), m.end(), 0.85, gender=entry.gender, part="initials")
            )
        for m in _INITIALS_ONLY.finditer(text):
            span = m.group()
            if span.replace(" ", "").replace("\u00a0", "") in _NOT_INITIALS:
                continue
            if span.startswith("M. ") and span.count(".") == 2:
                continue  # `M. B.` is a title then an initial
            found.append(result(self, m.start(), m.end(), 0.75, part="initials"))
        found.extend(self._lone_initials(text))
        return found

    def _lone_initials(self, text: str) -> list[RecognizerResult]:
        """`K.` for a client in supervision notes: one letter, used again and again."""
        seen: dict[str, list[re.Match]] = {}
        for m in _LONE_INITIAL.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if m.group() in _NOT_INITIALS or re.search(rf"[{_UP}][\w’'-]+[ \u00a0]$", before):
                continue  # `M.` is a title; `Prune V.` is the name-initial shape above
            noun = re.search(r"(?<![\w’'-])([a-zà-ÿ][\w’'-]{2,})[ \u00a0]$", before)
            if noun and noun.group(1) not in _BEFORE_A_PERSON:
                continue  # `vitamine D.`, `permis B.`, `plan B.`: a letter naming a thing
            seen.setdefault(m.group(), []).append(m)
        return [
            result(self, m.start(), m.end(), 0.6, part="initials")
            for matches in seen.values()
            if len(matches) >= LONE_REPEATS
            for m in matches
        ]

    @staticmethod
    def _surname_elsewhere(word: str, text: str, before: int) -> bool:
        """`S. Rigal` when `Solène Rigal` or `Mme Rigal` appears in the note too."""
        if not word[:1].isupper() or fold(word) in stop_words():
            return False
        pattern = re.compile(rf"[{_UP}][\w’'-]+[ \u00a0]{re.escape(word)}\b")
        return any(
            first_name(m.group().split()[0]) or is_surname(word) for m in pattern.finditer(text)
        )

"""Phone numbers spelled out in French words, as dictated pair by pair.

A coach writes down what was said: "zéro six, trente-neuf, quatre-vingt-dix-huit,
douze, quarante". A French number is ten digits read as five pairs, the first
being "zéro" + a digit, so a run of number words that parses into exactly that
shape is a phone number and nothing else ("zéro" never starts an ordinary
quantity). Parsing, not a regex, handles "quatre-vingt-dix-huit" vs
"quatre vingt dix huit" and "soixante et onze".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex as re

from recognizers._numbers import number_words
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

_WORD = re.compile(r"\p{L}+")
# What may separate two number words: spaces, hyphens, a comma (a full stop
# ends the dictation: "..., quarante. Deux enfants" is not 42).
_GAP = re.compile(r"[\s\-‐–,]*")
_START = re.compile(r"(?<!\p{L})z[ée]ro(?!\p{L})", re.IGNORECASE)
PAIRS = 5
DIGITS = 10


@dataclass(frozen=True)
class _Word:
    value: int
    kind: str
    start: int
    end: int


@cache
def _lexicon() -> dict[str, tuple[int, str]]:
    """The words of a dictated number: all number words but `cent`."""
    return {w: vk for w, vk in number_words().items() if vk[1] != "hundred"}


def _words_from(text: str, start: int) -> list[_Word]:
    """The run of consecutive number words beginning at `start`."""
    lexicon = _lexicon()
    words: list[_Word] = []
    pos = start
    while True:
        gap = _GAP.match(text, pos)  # matches always: every part is optional
        at = gap.end() if gap and words else pos
        if words and "\n" in text[pos:at]:
            break
        m = _WORD.match(text, at)
        if not m or m.group().lower() not in lexicon:
            break
        value, kind = lexicon[m.group().lower()]
        words.append(_Word(value, kind, m.start(), m.end()))
        pos = m.end()
    return words


def _pair(words: list[_Word], i: int) -> tuple[int, int] | None:
    """Parse one number 0-99 at words[i]; return (value, next index)."""
    if i >= len(words):
        return None
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    if w.kind == "zero":
        # "zéro six" is 06, "zéro zéro" is 00
        if nxt and nxt.kind in ("unit", "zero"):
            return nxt.value, i + 2
        return 0, i + 1
    if w.kind == "teen":
        if w.value == 10 and nxt and nxt.kind == "unit" and nxt.value >= 7:
            return 10 + nxt.value, i + 2
        return w.value, i + 1
    if w.kind == "unit":
        # "quatre-vingt(s)" is 80, then like a ten.
        if w.value == 4 and nxt and nxt.value == 20 and nxt.kind == "ten":
            return _after_ten(words, 80, i + 2)
        if w.value == 4 and nxt and nxt.kind == "eighty":
            return 80, i + 2
        return w.value, i + 1
    if w.kind == "ten":
        return _after_ten(words, w.value, i + 1)
    return None


def _after_ten(words: list[_Word], base: int, i: int) -> tuple[int, int]:
    """Units or teens added to a ten: 'trente-neuf', 'soixante et onze', '...-dix-huit'."""
    j = i
    if j < len(words) and words[j].kind == "and" and base not in (80,):
        j += 1
    if j >= len(words):
        return base, i
    w = words[j]
    if base in (60, 80) and w.kind == "teen":
        rest = _pair(words, j)
        if rest and 10 <= rest[0] <= 19:
            return base + rest[0], rest[1]
    if w.kind == "unit":
        return base + w.value, j + 1
    return base, i


def _is_digit_word(word: _Word) -> bool:
    return word.kind in ("zero", "unit")


def parse_phone(words: list[_Word]) -> int | None:
    """Index after the fifth pair when the words start like a phone number."""
    first = _pair(words, 0)
    if not first or words[0].kind != "zero" or first[1] != 2 or first[0] == 0:
        return None
    # Read digit by digit ("zéro six trois neuf neuf huit ..."): ten single digits.
    digits = 0
    while digits < DIGITS and digits < len(words) and _is_digit_word(words[digits]):
        digits += 1
    if digits == DIGITS:
        return DIGITS
    i = first[1]
    for _ in range(PAIRS - 1):
        parsed = _pair(words, i)
        if not parsed:
            return None
        i = parsed[1]
    return i


class SpelledPhoneRecognizer(_RegexEntityRecognizer):
    """PHONE: a French number dictated in words, 'zéro six, trente-neuf, ...'."""

    ENTITY = "PHONE"
    WHY = "spelled-out phone"
    SCORE = 0.9

    def candidates(self, text: str) -> Iterator[Candidate]:
        after_last = 0
        for m in _START.finditer(text):
            if m.start() < after_last:
                continue
            words = _words_from(text, m.start())
            end_index = parse_phone(words)
            if end_index is None:
                continue
            end = words[end_index - 1].end
            after_last = end
            yield m.start(), end, self.SCORE, {}

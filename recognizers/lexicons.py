"""The recognizers' lexicons, for the rest of the pipeline.

Replacement and propagation must agree with detection on what a month, a
first name or a common word is; they read the same lists through this module
instead of reaching into the recognizers' private helpers.
"""

from __future__ import annotations

from functools import cache

from recognizers._data import lines
from recognizers._fold import fold
from recognizers._fr_calendar import month_numbers
from recognizers._names import common_words

__all__ = ["fold", "is_common_word", "month_numbers", "never_a_name_alone"]


def is_common_word(word: str) -> bool:
    """A first name that is also an ordinary French word ('Rose', 'Pierre')."""
    return fold(word) in common_words()


@cache
def _not_alone() -> frozenset[str]:
    words = [*lines("name_stop_words.txt"), *lines("acronyms.txt"), *lines("org_suffixes.txt")]
    return frozenset(fold(w.strip()) for w in words)


def never_a_name_alone(word: str) -> bool:
    """A word of a name that names nobody by itself: 'Coaching' of 'Lenoir Coaching', 'SAS'."""
    return fold(word) in _not_alone()

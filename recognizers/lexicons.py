"""The recognizers' lexicons, for the rest of the pipeline.

Replacement and propagation must agree with detection on what a month, a
first name or a common word is; they read the same lists through this module
instead of reaching into the recognizers' private helpers.
"""

from __future__ import annotations

from recognizers._fold import fold
from recognizers._fr_calendar import month_numbers
from recognizers._names import common_words

__all__ = ["fold", "is_common_word", "month_numbers"]


def is_common_word(word: str) -> bool:
    """A first name that is also an ordinary French word ('Rose', 'Pierre')."""
    return fold(word) in common_words()

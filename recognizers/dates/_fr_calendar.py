"""French month and weekday vocabulary as regex alternations, for DATE.

Built from `data/date_months.tsv` and `data/date_weekdays.tsv` so that an
added spelling is a data change, not a code change.
"""

from __future__ import annotations

from functools import cache

from recognizers._data import table


def _alternation(words: list[str]) -> str:
    return "|".join(sorted({w for w in words if w}, key=len, reverse=True))


@cache
def month_numbers() -> dict[str, int]:
    """Every full or abbreviated month form (lower case) -> month number."""
    numbers: dict[str, int] = {}
    for row in table("date_months.tsv"):
        number = int(row[0])
        for cell in row[1:]:
            for form in cell.split("|"):
                if form:
                    numbers[form] = number
    return numbers


@cache
def month_regex() -> str:
    """A month, full (`février`) or abbreviated with its optional dot (`févr.`).

    An abbreviation without a dot must end the word, so `mar` never matches
    the start of `mardi` and `jan` never matches inside `janvier`.
    """
    full: list[str] = []
    abbreviated: list[str] = []
    for row in table("date_months.tsv"):
        full += row[1].split("|")
        if len(row) > 2:
            abbreviated += row[2].split("|")
    return rf"(?:(?:{_alternation(full)})(?![\w-])|(?:{_alternation(abbreviated)})(?:\.|(?![\w-])))"


@cache
def weekday_regex() -> str:
    """A weekday in full (`mardi`) or abbreviated (`mar.`, `Ven.`, `sam`)."""
    full: list[str] = []
    abbreviated: list[str] = []
    for row in table("date_weekdays.tsv"):
        full.append(row[0])
        abbreviated += row[1].split("|")
    return rf"(?:(?:{_alternation(full)})|(?:{_alternation(abbreviated)})\.?)(?![\w-])"


@cache
def full_weekday_regex() -> str:
    """A weekday written in full only (`jeudi`), for `jeudi 17`."""
    return rf"(?:{_alternation([row[0] for row in table('date_weekdays.tsv')])})(?![\w-])"

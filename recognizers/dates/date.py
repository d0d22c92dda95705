"""Calendar dates written the French way, numeric or in words.

A DATE is a specific day, or a month of a specific year: `18/03/2025`,
`2025-09-02`, `18.02.25`, `13/12`, `1er juillet 2025`, `mardi 4 mars`,
`lun. 14 avr. 2025`, `jeudi 17`, `avril 2025`, `mi-mars 2025`. The weekday
is inside the span, the article `le` outside; a range `du 6 janvier au 31
mars 2025` gives two spans because each end is matched on its own.

Left alone on purpose: times (`18 h`, `09:12`), bare months and years, weekdays
without a day number (`tous les dimanches`, `Ils rappellent lundi`), and
fractions or marks that look like a day/month pair (`7/10`, `2/3 des
séances`, `3/4`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, cached_property

from recognizers._data import table
from recognizers._numbers import spelled_numbers
from recognizers._regex_entity import Candidate, Claims, _RegexEntityRecognizer
from recognizers.dates._fr_calendar import (
    full_weekday_regex,
    month_regex,
    weekday_regex,
)

# Spaces that can sit inside a date: plain, no-break, narrow no-break (never a
# newline: a date does not run over two lines).
_SP = r"[ \t\u00a0\u202f]"
_DAY = r"(?:1\s?(?:er|ᵉʳ|re)|0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[89]|20)\d\d"
_NUM_LEFT = r"(?<![\w/.,-])"
_NUM_RIGHT = r"(?![\w/]|[.,-]\d)"


@cache
def _cues(kind: str) -> frozenset[str]:
    """Words before `7/10` making it a date (`date`) or a mark (`score`)."""
    return frozenset(row[1] for row in table("date_cues.tsv") if row[0] == kind)


# A unit or a partitive after `2/3` makes it a quantity.
_QUANTITY_AFTER = re.compile(
    rf"^{_SP}*(?:%|€|\$|°|ans?\b|mois\b|h\b|heures?\b|min\b|pts?\b|points?\b|kg\b|km\b|cm\b|mg\b|"
    r"des?\b|du\b|d['’]|sur\b)",
    re.IGNORECASE,
)
# `7 sept ans`: a number word, not an abbreviated month, before a unit.
_UNIT_AFTER = re.compile(
    rf"^{_SP}+(?:ans?|mois|jours?|heures?|minutes?|semaines?|fois|personnes?)\b", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"([\w'’-]+)[\s(]*$")


class FrenchDateRecognizer(_RegexEntityRecognizer):
    """Dates in every usual French form, each validated as a real calendar day."""

    ENTITY = "DATE"

    @cached_property
    def _numeric_full(self) -> re.Pattern[str]:
        return re.compile(
            rf"{_NUM_LEFT}(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[/.-])(?P<m>0?[1-9]|1[0-2])"
            rf"(?P=sep)(?P<y>{_YEAR}|\d\d){_NUM_RIGHT}"
        )

    @cached_property
    def _iso(self) -> re.Pattern[str]:
        return re.compile(
            rf"{_NUM_LEFT}(?P<y>{_YEAR})(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)"
            rf"(?P<d>0[1-9]|[12]\d|3[01]){_NUM_RIGHT}"
        )

    @cached_property
    def _day_month(self) -> re.Pattern[str]:
        return re.compile(
            rf"{_NUM_LEFT}(?P<d>0?[1-9]|[12]\d|3[01])/(?P<m>0?[1-9]|1[0-2]){_NUM_RIGHT}"
        )

    @cached_property
    def _month_year_numeric(self) -> re.Pattern[str]:
        return re.compile(rf"{_NUM_LEFT}(?P<m>0[1-9]|1[0-2])/(?P<y>{_YEAR}){_NUM_RIGHT}")

    @cached_property
    def _textual(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<![\w-])(?:(?P<wd>{weekday_regex()}),?{_SP}+)?(?P<d>{_DAY}){_SP}*"
            rf"(?P<m>{month_regex()})(?:{_SP}+(?P<y>{_YEAR})(?!\d))?",
            re.IGNORECASE,
        )

    @cached_property
    def _month_year(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<![\w-])(?:mi-)?(?P<m>{month_regex()}){_SP}+(?P<y>{_YEAR})(?![\w-])",
            re.IGNORECASE,
        )

    @cached_property
    def _spelled(self) -> re.Pattern[str]:
        """A date dictated in words: `jeudi six mars deux mille vingt-cinq`, `trente et un mai`."""
        numbers = spelled_numbers()

        def alternation(low: int, high: int) -> str:
            words = sorted((w for w, v in numbers.items() if low <= v <= high), key=len)
            return "|".join(re.escape(w).replace(r"\ ", f"{_SP}+") for w in reversed(words))

        day = rf"(?:premier|{alternation(1, 31)})"
        tail = rf"(?:{_SP}+(?:{alternation(1, 99)}))?"
        year = (
            rf"(?:deux{_SP}+mille|(?:mille|mil){_SP}+neuf{_SP}+cents?|dix-neuf{_SP}+cents?){tail}"
        )
        return re.compile(
            rf"(?<![\w-])(?:(?P<wd>{full_weekday_regex()}){_SP}+)?(?P<d>{day}){_SP}+"
            rf"(?P<m>{month_regex()})(?:{_SP}+(?P<y>{year}))?(?![\w-])",
            re.IGNORECASE,
        )

    @cached_property
    def _weekday_day(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<![\w-])(?P<wd>{full_weekday_regex()}){_SP}+(?P<d>{_DAY})(?![\w:/]|[.,]\d)"
            rf"(?!{_SP}*(?:h\b|heures?\b|:\d|h\d))",
            re.IGNORECASE,
        )

    @cached_property
    def _weekday_before(self) -> re.Pattern[str]:
        """A weekday glued before a numeric date: `lundi 3/03`, `mar. 15/04/2025`."""
        return re.compile(rf"(?<![\w-]){weekday_regex()},?{_SP}+$", re.IGNORECASE)

    @cached_property
    def _range_start(self) -> re.Pattern[str]:
        """`du 6 au 10 janvier`, `les 3 et 4 mars`: the first day before the dated one."""
        return re.compile(
            rf"(?<![\w-])(?:du|les|le|entre|des){_SP}+(?P<d>{_DAY}){_SP}*(?:et|au|à|ou|-)"
            rf"{_SP}*(?:le{_SP}+)?$",
            re.IGNORECASE,
        )

    def candidates(self, text: str) -> Iterator[Candidate]:
        claim = Claims().claim

        numeric = (self._iso, self._numeric_full, self._month_year_numeric)
        ordered = (
            (self._iso, 0.95),
            (self._numeric_full, 0.9),
            (self._textual, 0.9),
            (self._month_year, 0.85),
            (self._spelled, 0.85),
            (self._weekday_day, 0.6),
            (self._month_year_numeric, 0.6),
            (self._day_month, 0.6),
        )
        for pattern, score in ordered:
            for match in pattern.finditer(text):
                start, end = match.span()
                if not _plausible(match) or _UNIT_AFTER.match(text[end : end + 12]):
                    continue
                if (
                    pattern is self._day_month
                    and not self._short_date_ok(text, match)
                    # a weekday before it makes `5/5` a day: `lun 5/5`, `ven. 9/5`
                    and not self._weekday_before.search(text, max(0, start - 12), start)
                ):
                    continue
                if pattern is self._numeric_full and _scored_series(text, match):
                    continue
                if pattern in numeric or pattern is self._day_month:
                    weekday = self._weekday_before.search(text, max(0, start - 12), start)
                    start = weekday.start() if weekday else start
                if not claim(start, end):
                    continue
                yield start, end, score, {}
                if pattern is self._textual and not match.group("wd"):
                    first = self._range_start.search(text, max(0, start - 20), start)
                    if first and claim(*first.span("d")):
                        yield first.start("d"), first.end("d"), score, {}

    @staticmethod
    def _short_date_ok(text: str, match: re.Match[str]) -> bool:
        """Whether `13/12` is a date rather than a mark (`7/10`) or a fraction (`2/3 des`).

        A month written with its leading zero (`19/03`) is never a fraction:
        only a score word before it makes it a mark."""
        found = _WORD_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
        before = found.group(1).lower() if found else ""
        if before in _cues("score"):
            return False
        month = match.group("m")
        if _QUANTITY_AFTER.match(text[match.end() :]) and not month.startswith("0"):
            return False
        if len(month) == 2 and month != "10":
            return True
        return before in _cues("date") or _in_date_list(text, match) or _heads_a_line(text, match)


def _plausible(match: re.Match[str]) -> bool:
    """Reject impossible days (31/02); `1.2.10` is a version number, not a date."""
    groups = match.groupdict()
    day, month = groups.get("d"), groups.get("m")
    if not day or not month or not month.isdigit():
        return True
    if groups.get("sep") in (".", "-") and len(month) < 2 and len(groups.get("y") or "") < 4:
        return False
    limit = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}.get(int(month), 31)
    return 1 <= int(day) <= limit


def _scored_series(text: str, match: re.Match[str]) -> bool:
    """`Score d'Apgar 9/10/10`: marks in a row after a score word, not a day of 2010.

    Only a two-digit year is in doubt; the score word is one of the three words
    before the numbers."""
    if len(match.group("y")) != 2:
        return False
    words = re.findall(r"[\w]+", text[max(0, match.start() - 40) : match.start()].lower())
    return any(len(w) > 3 and w in _cues("score") for w in words[-3:])


def _in_date_list(text: str, match: re.Match[str]) -> bool:
    """`9/1, 23/01 et 6/02`: a neighbour separated by a comma or `et` is a date."""
    after = text[match.end() : match.end() + 12]
    before = text[max(0, match.start() - 12) : match.start()]
    neighbour = r"\d{1,2}/\d{1,2}"
    return bool(
        re.match(rf"{_SP}*(?:,|et){_SP}*{neighbour}", after)
        or re.search(rf"{neighbour}(?:/\d{{2,4}})?{_SP}*(?:,|et){_SP}*$", before)
    )


def _heads_a_line(text: str, match: re.Match[str]) -> bool:
    """`- 9/1 : appel`, `[3/2] ...`: a day/month opening a line or a bullet is a date."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not re.sub(r"[-*#>•\[(|\s]", "", text[line_start : match.start()])

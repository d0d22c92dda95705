"""Dates that keep their sentence.

A date is rewritten together with the words that belong to it: its article
or preposition ("le", "du", "jusqu'au", "en"), the other end of a range ("du
lundi 10 au vendredi 14 février", "entre le 2 et le 5 juin", "les 3 et 4
mars"). The words before it say what the date does in the sentence:

- a point in time becomes its month: "le 14 mars 2025" -> "en mars 2025",
  "la facture du 28/02" -> "la facture de février";
- a bound keeps its side: "avant le 21 mars" -> "avant fin mars", "à partir
  du 12 mars" -> "à partir de mi-mars", "jusqu'au 28 avril" -> "jusqu'à fin
  avril" (the words that make a bound are in data/date_bounds.tsv);
- a range keeps its two ends, or says which part of the month it covers: "du
  lundi 10 au vendredi 14 février" -> "du lundi au vendredi, mi-février",
  "du 6 janvier au 31 mars" -> "de janvier à mars";
- a weekday written with its date keeps the weekday and the month ("séance
  jeudi 6 février à 18h30" -> "séance un jeudi de février à 18h30", "le jeudi 6
  février" -> "un jeudi de février"); after "ce" the weekday alone;
- day headings stay distinguishable: when several headings of a note fall in
  the same month they say which part of it ("## Jeudi, début février",
  "## Lundi, mi-février").

Every precision of `dates` (month, season, year, remove, keep) and a shift of
every date by a number of months (`shift_dates`) go through the same phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from recognizers._numbers import parse_spelled
from recognizers.lexicons import lines, spell_number

from ..detect.identities import BIRTH, Mention
from ..entities import Entity
from .coarsen import MONTHS, WEEKDAYS, coarsen_date, parse_date

SEASON_OF = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3}
# (article, noun, "en" form) of each season, in SEASON_OF's order
SEASONS = (("l'", "hiver", "en hiver"), ("le", "printemps", "au printemps"),
           ("l'", "été", "en été"), ("l'", "automne", "en automne"))  # fmt: skip
# The part of a season a month is in: its first, second or third month.
SEASON_PARTS = (("le", "début"), ("le", "milieu"), ("la", "fin"))


@dataclass(frozen=True)
class Day:
    """What a written date says: any of day, month, year and weekday."""

    day: int | None
    month: int | None
    year: int | None
    weekday: str | None  # "jeudi", in full
    year_written: bool = True  # False when borrowed from the other end of a range

    def shifted(self, months: int) -> Day:
        if not months or self.month is None:
            return self
        index = (self.year or 2000) * 12 + self.month - 1 + months
        return replace(self, month=index % 12 + 1, year=index // 12 if self.year else None)

    @property
    def shown_year(self) -> int | None:
        return self.year if self.year_written else None


_DAY_NUMBER = re.compile(r"(?<![\d/.\-])(\d{1,2})(?:\s?(?:er|ᵉʳ|re))?(?![\d/.:h]|\s?h\b)")
_NUMERIC_DAY = re.compile(r"(?<!\d)(\d{1,2})[/.\-]\d{1,2}(?![\d])|(?:19|20)\d\d-\d{1,2}-(\d{1,2})")


def read_day(text: str) -> Day:
    """The parts of one date as written ("jeudi 6 février", "15/04/2025", "mi-mars")."""
    month, year, weekday = parse_date(text)
    t = text.strip().lower()
    day: int | None = None
    if m := _NUMERIC_DAY.search(t):
        day = int(m.group(1) or m.group(2))
    elif t.startswith("mi-"):
        day = 15
    else:
        if weekday:
            t = re.sub(r"^[a-zé]+\.?,?\s*", "", t)  # the weekday, "mer." included
        if m := _DAY_NUMBER.search(t):
            day = int(m.group(1))
        else:
            words = re.split(r"\s+", t)
            cut = next((i for i, w in enumerate(words) if parse_date(w)[0]), len(words))
            spelled = " ".join(words[:cut])
            day = 1 if spelled == "premier" else (parse_spelled(spelled) if spelled else None)
    if day is not None and not 1 <= day <= 31:
        day = None
    return Day(day, month, year, weekday)


def part_of_month(day: int) -> str:
    return "début" if day <= 10 else "mi-" if day <= 20 else "fin"


def month_words(month: int, year: int | None, part: str | None = None) -> str:
    """'mars 2025', 'fin mars', 'mi-avril 2025'."""
    name = MONTHS[month - 1]
    if part == "mi-":
        name = "mi-" + name
    elif part:
        name = f"{part} {name}"
    return f"{name} {year}" if year else name


# -- noun phrases and the case the sentence gives them ------------------------------
#
# A rendered date is a noun phrase of one of four forms; the article or
# preposition it replaces ("le", "du", "au", "jusqu'au", "en", "ce") decides
# how it is introduced:
#   bare     no article: "mars 2025", "fin mars", "2025", "mi-2025"
#   def      a definite article: ("le", "printemps 2025"), ("la", "fin de l'hiver")
#   indef    "une certaine date", "un jour"
#   weekday  "jeudi"


@dataclass(frozen=True)
class NP:
    form: str
    text: str
    article: str = ""  # for `def`: le | la | l'

    @property
    def definite(self) -> str:
        return (self.article + self.text) if self.article == "l'" else f"{self.article} {self.text}"


def _de(text: str) -> str:
    return ("d'" if re.match(r"[aeiouyéèêàâîôûh]", text, re.IGNORECASE) else "de ") + text


def _at_en(text: str) -> str:
    """'en' before a month or a year; a part of a month stands alone ('fin mars')."""
    return text if text.startswith(("début", "mi-", "fin")) else "en " + text


CONTRACT = {
    "de": {"le": "du ", "la": "de la ", "l'": "de l'"},
    "à": {"le": "au ", "la": "à la ", "l'": "à l'"},
    "jusqu'à": {"le": "jusqu'au ", "la": "jusqu'à la ", "l'": "jusqu'à l'"},
}


def with_case(np: NP, case: str) -> str:
    """`np` introduced as the replaced article asks: case is '' (none), 'le',
    'de', 'à', "jusqu'à", 'en' (a point in time) or 'ce'."""
    if np.form == "bare":
        if case == "de":
            return _de(np.text)
        if case in ("à", "jusqu'à"):
            return f"{case} {np.text}"
        if case == "en":
            return _at_en(np.text)
        return np.text
    if np.form == "def":
        if case in CONTRACT:
            return CONTRACT[case][np.article] + np.text
        if case == "en":
            season = next((s for s in SEASONS if np.text.startswith(s[1])), None)
            if season is not None:
                return season[2] + np.text[len(season[1]) :]
            return CONTRACT["à"][np.article] + np.text  # "au début du printemps"
        return np.definite
    if np.form == "weekday":
        if case == "de":
            return "du " + np.text
        if case == "à":
            return "au " + np.text
        if case == "jusqu'à":
            return "jusqu'à " + np.text
        if case == "ce":
            return "ce " + np.text
        return np.text
    # indef
    if case == "de":
        return _de(np.text)
    if case in ("à", "jusqu'à"):
        return f"{case} {np.text}"
    return np.text


# -- rendering ----------------------------------------------------------------------


def season_np(month: int, year: int | None, part: int | None = None) -> NP:
    article, noun, _ = SEASONS[SEASON_OF[month]]
    if year:
        noun = f"{noun} {year}"
    if part is None:
        return NP("def", noun, article)
    part_article, part_noun = SEASON_PARTS[part]
    inner = CONTRACT["de"][article] + noun
    return NP("def", f"{part_noun} {inner}", part_article)


def season_part(month: int) -> int:
    return (month - {0: 12, 1: 3, 2: 6, 3: 9}[SEASON_OF[month]]) % 12


def year_np(year: int, bound: bool, month: int | None) -> NP:
    if bound and month is not None:
        part = "début " if month <= 4 else "mi-" if month <= 8 else "fin "
        return NP("bare", f"{part}{year}")
    return NP("bare", str(year))


UNKNOWN = NP("indef", "une certaine date")


def point_np(d: Day, precision: str, bound: str, refine: bool = False) -> NP:
    """The noun phrase of one date. `bound`: '' (a point), before, after, around."""
    if d.month is None:
        if d.weekday:
            return NP("weekday", d.weekday)
        if d.year and precision in ("month", "season", "year"):
            return NP("bare", str(d.year))
        return NP("indef", "un jour")
    if precision == "month":
        part = None
        if d.day is not None and (bound or refine):
            part = part_of_month(d.day)
            if d.day == 1 and bound in ("before", "after") and not refine:
                part = None  # "dès le 1er mars" -> "dès mars"
        return NP("bare", month_words(d.month, d.shown_year, part))
    if precision == "season":
        return season_np(d.month, d.shown_year, season_part(d.month) if bound else None)
    if precision == "year":
        return year_np(d.shown_year, bool(bound), d.month) if d.shown_year else UNKNOWN
    return UNKNOWN


def weekday_of_month(d: Day, precision: str) -> str | None:
    """'un jeudi de février': the weekday and the month, for 'le jeudi 6 février'."""
    if not d.weekday or d.month is None:
        return None
    if precision == "month":
        return f"un {d.weekday} " + _de(month_words(d.month, d.shown_year))
    if precision == "season":
        noun = SEASONS[SEASON_OF[d.month]][1]
        if d.shown_year:
            return f"un {d.weekday} " + with_case(season_np(d.month, d.shown_year), "de")
        return f"un {d.weekday} " + _de(noun)
    if precision == "year" and d.shown_year:
        return f"un {d.weekday} de {d.shown_year}"
    return f"un {d.weekday}"


def duration(d1: Day, d2: Day) -> str:
    if d1.month == d2.month and d1.year == d2.year:
        return "pendant quelques jours"
    months = ((d2.year or 0) - (d1.year or 0)) * 12 + (d2.month or 0) - (d1.month or 0)
    return "pendant quelques semaines" if months == 1 else "pendant plusieurs mois"


def range_words(d1: Day, d2: Day, link: str, precision: str) -> str:
    """Both ends of a range ('du 6 janvier au 31 mars', 'entre le 2 et le 5 juin',
    'les 3 et 4 mars') as one phrase; `link` is range, between or pair."""
    weekdays = ""
    if d1.weekday and d2.weekday and _within_a_week(d1, d2):
        weekdays = {
            "between": f"entre le {d1.weekday} et le {d2.weekday}",
            "pair": f"le {d1.weekday} et le {d2.weekday}",
        }.get(link, f"du {d1.weekday} au {d2.weekday}")
    period = _period(d1, d2, link, precision, bool(weekdays))
    if weekdays:
        return f"{weekdays}, {period}" if period else weekdays
    return period


def _within_a_week(d1: Day, d2: Day) -> bool:
    """'du lundi 10 au vendredi 14 février' names days of one week; 'du lundi 2 juin
    au vendredi 28 novembre' does not."""
    if d1.day is None or d2.day is None or d1.month is None or d2.month is None:
        return d1.month is None or d1.month == d2.month
    months = (d2.month - d1.month) % 12
    return months <= 1 and 0 <= d2.day + 31 * months - d1.day <= 7


def _period(d1: Day, d2: Day, link: str, precision: str, has_weekdays: bool) -> str:
    if d1.month is None or d2.month is None:
        return "" if has_weekdays else duration(d1, d2)
    y1, y2 = d1.year or d2.year, d2.year or d1.year
    same_year = y1 == y2
    if precision == "month":
        same_month = d1.month == d2.month and same_year
        if y1 and y2:
            adjacent = (y2 * 12 + d2.month) - (y1 * 12 + d1.month) == 1
        else:
            adjacent = (d2.month - d1.month) % 12 == 1
        if same_month:
            if d1.day is None or d2.day is None:
                return _at_en(month_words(d2.month, d2.shown_year))
            p1, p2 = part_of_month(d1.day), part_of_month(d2.day)
            if has_weekdays:  # a few days: the part of the month they are in
                return month_words(d2.month, d2.shown_year, part_of_month((d1.day + d2.day) // 2))
            if p1 == p2:
                return month_words(d2.month, d2.shown_year, p1)
            if link == "pair":
                first = month_words(d1.month, None, p1)
                return f"{first} et {month_words(d2.month, d2.shown_year, p2)}"
            if (p1, p2) == ("début", "fin"):
                return _at_en(month_words(d2.month, d2.shown_year))
            ends = month_words(d1.month, None, p1), month_words(d2.month, d2.shown_year, p2)
        else:
            part1 = part2 = None
            if adjacent and d1.day is not None and d2.day is not None:
                part1, part2 = part_of_month(d1.day), part_of_month(d2.day)
            # the first end says its year when the second's is another one
            first_year = d1.year if not same_year else d1.shown_year
            ends = (
                month_words(d1.month, first_year, part1),
                month_words(d2.month, d2.shown_year, part2),
            )
        return _ends(ends[0], ends[1], link)
    if precision == "season":
        s1, s2 = SEASON_OF[d1.month], SEASON_OF[d2.month]
        if s1 == s2 and same_year:
            return with_case(season_np(d2.month, d2.shown_year), "en")
        np1 = season_np(d1.month, d1.year if not same_year else None)
        np2 = season_np(d2.month, d2.shown_year)
        if link == "between":
            return f"entre {np1.definite} et {np2.definite}"
        return f"{with_case(np1, 'de')} {with_case(np2, 'à')}"
    if precision == "year" and d1.shown_year and d2.shown_year:
        if d1.shown_year == d2.shown_year:
            return f"en {d1.shown_year}"
        return _ends(str(d1.shown_year), str(d2.shown_year), link)
    if precision == "year" and d2.shown_year and same_year:
        return f"en {d2.shown_year}"
    return "" if has_weekdays else duration(d1, d2)


def _ends(first: str, second: str, link: str) -> str:
    if link == "between":
        return f"entre {first} et {second}"
    if link == "pair":
        return f"{_at_en(first)} et {_at_en(second)}"
    return f"{_de(first)} à {second}"


# -- finding the phrases ------------------------------------------------------------


@cache
def _bounds() -> tuple[re.Pattern, dict[str, str]]:
    rows = [ln.split("\t") for ln in lines("date_bounds.tsv", "anonymize")]
    sides = {w.replace("’", "'"): side for w, side in rows}
    words = "|".join(re.escape(w) for w in sorted(sides, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?P<bound>{words})\s+$", re.IGNORECASE), sides


# The article or preposition a date replaces with itself, right before it.
LEAD = re.compile(
    r"(?<![\w'’])(?:(?P<entre>entre)\s+(?:le\s+)?|(?P<art>jusqu['’]au|jusqu['’]à|du|des|au|le|"
    r"les|en|de|à|ce|cet)\s+|(?P<elided>d['’]))$",
    re.IGNORECASE,
)
# Between the two ends of a range.
RANGE_GAP = re.compile(
    r"\s*(?:(?P<to>au|à|jusqu['’]au|[-–—])|(?P<and>et|ou|,))\s*(?:le\s+)?", re.IGNORECASE
)
CASE_OF_LEAD = {
    "du": "de", "des": "de", "de": "de", "d'": "de", "à": "à", "jusqu'au": "jusqu'à",
    "jusqu'à": "jusqu'à", "en": "en", "ce": "ce", "cet": "ce",
}  # fmt: skip
# A heading: a Markdown title, or a line whose words before the date are in capitals.
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s")
# A label whose value is a calendar date, not a day of the week ("Date : ...").
DATE_LABEL = re.compile(r"(?:^|\n)[\s*_]*(?:date|le|daté|datée)\s*:[\s*_]*$", re.IGNORECASE)
# The time after a line's opening date: a chat export or a log ("02/03/2025 07:58 -",
# "[02/03/2025, 07:58:12]", "02/03/2025 à 7h58").
STAMP_TIME = re.compile(r"\s*,?\s*(?:à\s+)?\d{1,2}[:h]\d{2}")
ORDINALS = ("premier", "deuxième", "troisième", "quatrième", "cinquième")
# Between two dates of one enumeration: "le 2 et le 16 juin", "du 02/06, du 16/06".
SIBLINGS = re.compile(r"\s*(?:,|et|ou|puis)\s*|\s*,\s*(?:et|puis)\s*", re.IGNORECASE)
# What may follow a range's weekdays without a comma closing the period.
CLOSES = re.compile(r"^\s*(?:$|[.,;:!?)\]»\n])")


@dataclass
class Phrase:
    start: int
    end: int
    members: list[int]  # indexes of the note's mentions it covers
    days: list[Day]
    lead: str  # the article or preposition it replaces, lower case, "" when none
    side: str  # '' for a point; before, after, around for a bound
    link: str = ""  # '' one date; range, between or pair for two
    heading: bool = False
    field: bool = False  # after "Date :": the calendar matters more than the weekday
    birth: bool = False  # "né le", "date de naissance :": only the decade is kept
    stamp: bool = False  # a chat or log line's timestamp: "02/03/2025 07:58 - Léa:"


def find_phrases(text: str, mentions: Sequence[Mention]) -> list[Phrase]:
    """The date phrases of a note, each with the mentions it covers."""
    dates = sorted(
        (i for i, m in enumerate(mentions) if m.entity.type == "DATE"),
        key=lambda i: mentions[i].entity.start,
    )
    bound_re, sides = _bounds()
    phrases: list[Phrase] = []
    k = 0
    while k < len(dates):
        e = mentions[dates[k]].entity
        first = read_day(e.text)
        start, lead, side = e.start, "", ""
        before = text[max(0, e.start - 24) : e.start]
        if m := LEAD.search(before):
            start = e.start - (len(before) - m.start())
            lead = (m.group("entre") or m.group("art") or m.group("elided")).lower()
            lead = lead.replace("’", "'")
            before = before[: m.start()]
        if b := bound_re.search(text[max(0, start - 24) : start]):
            side = sides[b.group("bound").lower().replace("’", "'")]
        if lead.startswith("jusqu"):
            side = "before"
        phrase = Phrase(start, e.end, [dates[k]], [first], lead, side)
        if k + 1 < len(dates):
            nxt = mentions[dates[k + 1]].entity
            gap = RANGE_GAP.fullmatch(text[e.end : nxt.start])
            link = _link(lead, first, gap)
            if link:
                second = read_day(nxt.text)
                if first.month is None and second.month is not None:
                    first = replace(first, month=second.month, year=second.year,
                                    year_written=False)  # fmt: skip
                elif first.year is None and second.year is not None:
                    first = replace(first, year=second.year, year_written=False)
                phrase = Phrase(start, nxt.end, [dates[k], dates[k + 1]], [first, second],
                                lead, "", link)  # fmt: skip
                k += 1
        _place(text, phrase)
        phrases.append(phrase)
        k += 1
    return phrases


def _link(lead: str, first: Day, gap: re.Match | None) -> str:
    if gap is None:
        return ""
    if lead == "entre" and gap.group("and"):
        return "between"
    if lead == "du" and gap.group("to"):
        return "range"
    if first.month is None and first.day is not None:
        return "range" if gap.group("to") else "pair"
    return ""


def _place(text: str, phrase: Phrase) -> None:
    line_start = text.rfind("\n", 0, phrase.start) + 1
    line_end = text.find("\n", phrase.end)
    head = text[line_start : phrase.start]
    tail = text[phrase.end : len(text) if line_end < 0 else line_end]
    letters = re.sub(r"[^\w]|\d|_", "", head)
    phrase.heading = (
        bool(MARKDOWN_HEADING.match(head))
        or (len(letters) >= 3 and letters.isupper())  # "NOTE DE SÉANCE - mardi 20 mai"
        or not re.search(r"[^\W\d_]", head + tail)  # "--- vendredi 16 mai ---"
    )
    phrase.field = bool(DATE_LABEL.search(text[max(0, phrase.start - 30) : phrase.start]))
    phrase.stamp = not head.strip(" \t[") and bool(STAMP_TIME.match(tail))
    phrase.birth = not phrase.link and bool(
        BIRTH.search(text[max(0, phrase.start - 40) : phrase.start])
    )


# -- the replacer -------------------------------------------------------------------


class Dates:
    """Dates of a note, rewritten phrase by phrase at one precision."""

    def __init__(self, precision: str, shift: Callable[[], int]) -> None:
        self.precision = precision
        self.shift = shift

    def value(self, text: str) -> str:
        """One date alone, without its sentence (a file name, a table cell)."""
        return coarsen_date(text, self.precision, self.shift())

    def spans(
        self, text: str, mentions: Sequence[Mention], values: Sequence[str]
    ) -> tuple[list[Entity], list[str]]:
        """Every mention's span and value, each date widened over its phrase."""
        entities = [m.entity for m in mentions]
        if self.precision == "keep" or not any(e.type == "DATE" for e in entities):
            return entities, list(values)
        phrases = find_phrases(text, mentions)
        rendered = self._render_all(text, phrases)
        covered: dict[int, tuple[Entity, str] | None] = {}
        for phrase, value in zip(phrases, rendered, strict=True):
            source = entities[phrase.members[0]]
            widened = replace(source, start=phrase.start, end=phrase.end,
                              text=text[phrase.start : phrase.end])  # fmt: skip
            covered[phrase.members[0]] = (widened, value)
            for i in phrase.members[1:]:
                covered[i] = None
        out_entities, out_values = [], []
        for i, (e, v) in enumerate(zip(entities, values, strict=True)):
            if i in covered:
                found = covered[i]
                if found is not None:
                    out_entities.append(found[0])
                    out_values.append(found[1])
                continue
            out_entities.append(e)
            out_values.append(v)
        return out_entities, out_values

    def _render_all(self, text: str, phrases: list[Phrase]) -> list[str]:
        shift = self.shift()
        for p in phrases:
            p.days = [d.shifted(shift) for d in p.days]
        values = [self.render(text, p) for p in phrases]
        # day headings of one note that fall in the same month say which part of it
        headings = [i for i, p in enumerate(phrases) if p.heading and not p.link]
        if self.precision == "month":
            groups: list[list[int]] = []
            by_month: dict[int, list[int]] = {}
            for i in headings:
                d = phrases[i].days[0]
                if d.month is not None and d.day is not None:
                    by_month.setdefault(d.month, []).append(i)
            groups.extend(by_month.values())
            # a chat's timestamps keep their order: the part of the month, when the
            # days of one month differ ("Début mars 2025 07:58", "Mi-mars 2025 22:21")
            stamps: dict[tuple[int | None, int], list[int]] = {}
            for i, p in enumerate(phrases):
                d = p.days[0]
                if p.stamp and not p.link and d.month is not None and d.day is not None:
                    stamps.setdefault((d.year, d.month), []).append(i)
            groups.extend(
                g for g in stamps.values() if len({phrases[i].days[0].day for i in g}) > 1
            )
            # "séances du 02/06 et du 16/06": two points side by side that read the same
            for i in range(len(phrases) - 1):
                a, b = phrases[i], phrases[i + 1]
                one, other = a.days[0], b.days[0]
                if (
                    not a.link
                    and not b.link
                    and one.month is not None
                    and one.month == other.month
                    and (one.year == other.year or None in (one.year, other.year))
                    and SIBLINGS.fullmatch(text[a.end : b.start])
                ):
                    groups.append([i, i + 1])
            for group in groups:
                if len(group) > 1:
                    for i in group:
                        values[i] = self.render(text, phrases[i], refine=True)
            # the same weekday twice in a part of the month: which one of the month
            refined: dict[str, list[int]] = {}
            for i in headings:
                refined.setdefault(values[i].lower(), []).append(i)
            for same in refined.values():
                if len(same) > 1:
                    for i in same:
                        values[i] = self._nth_weekday(phrases[i]) or values[i]
        # headings still alike say how long after the previous one they come
        # ("## Séance de début février, deux jours plus tard"); the same date
        # twice stays the same heading
        first: dict[str, Day] = {}
        written: dict[tuple[str, int | None], str] = {}
        used: set[str] = set()
        for i in headings:
            key = values[i].lower()
            day = phrases[i].days[0]
            if key not in first:
                first[key] = day
            elif (key, day.day) in written:
                values[i] = written[(key, day.day)]  # the same date again: the same heading
            else:
                later = _days_later(first[key], day)
                values[i] = f"{values[i]}, {later}" if later else values[i]
                count = 2
                while values[i].lower() in used:
                    values[i] = f"{values[i].split(' (')[0]} ({count})"
                    count += 1
            written[(key, day.day)] = values[i]
            used.add(values[i].lower())
        return values

    @staticmethod
    def _nth_weekday(p: Phrase) -> str | None:
        """'deuxième lundi de mars' for a heading 'Lundi 10 mars'."""
        d = p.days[0]
        if p.lead or not d.weekday or d.day is None or d.month is None:
            return None
        nth = ORDINALS[(d.day - 1) // 7]
        return f"{nth} {d.weekday} " + _de(month_words(d.month, d.shown_year))

    def render(self, text: str, p: Phrase, refine: bool = False) -> str:
        original = text[p.start : p.end]
        if p.link:
            value = range_words(p.days[0], p.days[1], p.link, self.precision)
            after = text[p.end : p.end + 3]
            if "," in value and not CLOSES.match(after):
                value += ","  # "du lundi au vendredi, mi-février, à Lyon"
        else:
            value = self._point(p, refine)
        return _case_like(original, value)

    def _point(self, p: Phrase, refine: bool) -> str:
        d = p.days[0]
        if p.birth and d.shown_year and self.precision in ("month", "season", "year"):
            decade = f"années {d.shown_year // 10 * 10}"
            return decade if p.field or not p.lead else f"dans les {decade}"
        case = CASE_OF_LEAD.get(p.lead, "")
        if p.lead in ("le", "au", "les"):
            case = "le" if p.side else "en"
        both = weekday_of_month(d, self.precision)
        if p.lead == "le" and not p.side and not p.heading and both is not None:
            return both  # "le jeudi 6 février" -> "un jeudi de février"
        if d.weekday and d.month is not None and (case in ("", "ce") and not p.field):
            # a weekday that carries the sentence: "séance jeudi 6 février à 18h30";
            # a heading keeps its month too, so the notes of a folder stay in order
            if refine or p.heading:
                month = with_case(point_np(d, self.precision, "", refine), "")
                return f"{d.weekday}, {month}"
            if case == "" and both is not None and self.precision != "remove":
                return both  # "(mardi 14 janvier 2025)" -> "(un mardi de janvier 2025)"
            return with_case(NP("weekday", d.weekday), case)
        np = point_np(d, self.precision, p.side, refine)
        if np.form == "indef" and case == "en":
            return "un jour"  # "le 14 mars" -> "un jour", never "une certaine date"
        if np.form == "def" and not case and not p.side:
            return np.text  # "Date : printemps 2025", "## Printemps 2025"
        return with_case(np, case)


def _days_later(before: Day, after: Day) -> str | None:
    """'le lendemain', 'trois jours plus tard'; '' for the same day; None when
    the two days cannot be compared."""
    if before.day is None or after.day is None or before.month != after.month:
        return None
    if before.year != after.year:
        return None
    gap = after.day - before.day
    if gap == 0:
        return ""
    if gap == 1:
        return "le lendemain"
    if gap < 0:
        return None
    if gap % 7 == 0:
        return (
            "une semaine plus tard" if gap == 7 else f"{spell_number(gap // 7)} semaines plus tard"
        )
    return f"{spell_number(gap)} jours plus tard"


def _case_like(original: str, value: str) -> str:
    if original[:1].isupper() and value[:1].islower():
        return value[:1].upper() + value[1:]
    return value


__all__ = ["WEEKDAYS", "Dates", "Day", "find_phrases", "read_day"]

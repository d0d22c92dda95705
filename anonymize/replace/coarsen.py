"""Coarsen dates and ages: the day and the exact age identify, the month and
the decade rarely do. "le 14 mars 2025" -> "en mars 2025"; "38 ans" -> "la
trentaine" or "une trentaine d'années", depending on the sentence frame.
"""

from __future__ import annotations

import re
from datetime import date

from recognizers.lexicons import month_numbers, parse_spelled

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
SEASONS = {
    12: "en hiver",
    1: "en hiver",
    2: "en hiver",
    3: "au printemps",
    4: "au printemps",
    5: "au printemps",
    6: "en été",
    7: "en été",
    8: "en été",
    9: "en automne",
    10: "en automne",
    11: "en automne",
}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_NUMERIC = re.compile(
    r"(?:^|\s)(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[/.\-](?P<m2>\d{1,2})(?:[/.\-](?P<y2>\d{2}|\d{4}))?|"
    r"(?P<m3>\d{1,2})/(?P<y3>\d{4}))$"
)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
# A date dictated digit by digit or written without separators: "3 0 0 6 1 9 7 3",
# "0 3 / 0 5 / 2 0 1 3", "30061973" (day, month, year).
_DIGITS_ONLY = re.compile(r"^[\d\s/.\-]+$")


def _full_year(text: str) -> int:
    """A year as written: two digits are this century's up to the current year,
    else the last century's ("18.02.25" is 2025, "né le 12-3-65" is 1965)."""
    year = int(text)
    if len(text) != 2:
        return year
    return 2000 + year if year <= date.today().year % 100 else 1900 + year


def parse_date(text: str) -> tuple[int | None, int | None, str | None]:
    """(month, year, weekday) found in a date as written; None where absent."""
    t = text.strip().lower()
    weekday = next((w for w in WEEKDAYS if re.match(rf"{w[:3]}\b|{w}\b", t)), None)
    compact = re.sub(r"\D", "", t)
    month: int | None
    year: int | None
    if _DIGITS_ONLY.match(t) and len(compact) in (6, 8) and not _NUMERIC.search(t):
        month = int(compact[2:4])
        year = _full_year(compact[4:])
        return (month if 1 <= month <= 12 else None), year, weekday
    if m := _NUMERIC.search(t):
        month = int(m.group("m1") or m.group("m2") or m.group("m3"))
        year_text = m.group("y1") or m.group("y2") or m.group("y3")
        year = None
        if year_text:
            year = _full_year(year_text)
        return (month if 1 <= month <= 12 else None), year, weekday
    # month names and their abbreviations are the DATE recognizer's own list,
    # where "mar" is mardi, not mars
    months = month_numbers()
    month = next((months[w] for w in re.findall(r"[a-zéûô]+", t) if w in months), None)
    year_match = _YEAR.search(t)
    year = int(year_match.group()) if year_match else None
    return month, year, weekday


def coarsen_date(text: str, style: str = "month", shift_months: int = 0) -> str:
    """A date without its day: 'mars 2025', 'le printemps 2025', '2025'."""
    if style == "keep":
        return text
    month, year, weekday = parse_date(text)
    if month and shift_months:
        index = (year or 2000) * 12 + month - 1 + shift_months
        year = index // 12 if year else None
        month = index % 12 + 1
    if style == "remove":
        return "un jour"
    if month is None:
        if year and style in ("month", "season", "year"):
            return str(year)
        # "jeudi 17": the weekday alone says nothing of the calendar day
        return weekday or "un jour"
    if style == "year":
        return str(year) if year else "dans l'année"
    if style == "season":
        season = SEASONS[month]
        return f"{season} {year}" if year else season
    return f"{MONTHS[month - 1]} {year}" if year else MONTHS[month - 1]


# ---------------------------------------------------------------- ages


DECADES = {
    20: "vingtaine",
    30: "trentaine",
    40: "quarantaine",
    50: "cinquantaine",
    60: "soixantaine",
}
DECADE_NUMBERS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
_AGE_NUMBER = re.compile(r"(?P<n>\d{1,3})|(?P<w>[a-zéèêàç\- ]+?)(?=\s+(?:ans|an|mois)\b)")


def parse_age(text: str) -> tuple[int | None, str]:
    """(value, unit) of an age as written: '38 ans' -> (38, 'ans'), '5 mois' -> (5, 'mois')."""
    t = text.strip().lower()
    unit = "mois" if re.search(r"\bmois\b", t) else "ans"
    if m := re.search(r"\d{1,3}", t):
        number = int(m.group())
        if len(m.group()) == 4 or number > 130:
            return None, unit
        return number, unit
    words = re.sub(r"\b(ans?|mois)\b.*$", "", t).strip()
    return parse_spelled(words), unit


def coarsen_age(text: str, frame: str) -> str:
    """The decade of an age, phrased for its frame.

    frame: 'apposition' (", 38 ans," / "(13 ans)"), 'de' ("âgée de 52 ans"),
    'a' ("à 22 ans"), or 'plain' ("elle a 41 ans").
    """
    t = text.strip().lower()
    if re.fullmatch(r"(la |une )?(vingt|trent|quarant|cinquant|soixant)aine", t) or t.endswith(
        ("génaire", "naire")
    ):
        return text  # already a decade
    if m := _YEAR.fullmatch(t):  # a birth year
        return f"dans les années {int(m.group()) // 10 * 10}"
    value, unit = parse_age(text)
    if value is None:
        return "un certain âge"
    if unit == "mois" or value < 1:
        return "quelques mois"
    if value < 10:
        return "moins de dix ans"
    if value < 15:
        return "une douzaine d'années"
    if value < 20:
        return "moins de vingt ans"
    if value >= 80:
        return "plus de quatre-vingts ans"
    if value >= 70:
        # no decade noun reads naturally past sixty ("soixante-dizaine" is rare)
        return "plus de soixante-dix ans"
    if frame == "birthday":
        # "il a eu 40 ans en février": the birthday, not the age it gives away
        return "un anniversaire"
    decade = DECADES[value // 10 * 10]
    if frame == "a":
        # "à 52 ans" -> "à cinquante ans et quelques", never "à une cinquantaine d'années"
        return f"{DECADE_NUMBERS[value // 10 * 10]} ans et quelques"
    if frame == "apposition":
        return f"la {decade}"
    return f"une {decade} d'années"


# A birthday: "il a eu 40 ans en février", "elle va avoir 30 ans", "vient d'avoir".
BIRTHDAY = re.compile(
    r"\b(?:a|ont|aura|auront|avait)\s+eu\s*$|\b(?:va|vont|allait)\s+avoir\s*$|"
    r"\bvien(?:t|nent)\s+d['’]avoir\s*$",
    re.IGNORECASE,
)


def age_frame(before: str) -> str:
    """The frame of an age from the text just before it."""
    tail = before[-30:]
    if BIRTHDAY.search(tail):
        return "birthday"
    if re.search(r"(?:^|\s)à\s*$", tail):
        return "a"
    if re.search(r"\b(?:de|d')\s*$", tail):
        return "de"
    if re.search(r"(?:[,(:|]|^|\n)\s*$", tail):
        return "apposition"
    return "plain"

"""Numbers fail closed: a run of six or more digits in a personal note is an identifier.

A patient, visit, file or member number has no shape of its own
("IPP 8012939402", "Patient 105257992", "2849201835" alone on a line, "3 3 0 0
9 8 1 2 4 7" dictated digit by digit, "71-0045523"): what it has is its
length. Any run of six or more digits, spaced or not, with dots, dashes or
slashes between groups, or with a letter O standing for a zero ("5100874O12"),
is taken as an ID with a modest score; a label before it on the same line
(IPP, NDA, dossier, patient, n°, RPPS, allocataire... in
`data/digit_run_cues.tsv`) raises the score.

What is not an identifier is told apart by general rules, not by examples:
- an amount, a percentage or a measure: a unit or a currency right after the
  number (`1 200 000 €`, `250 000/mm3`, `12,5 %`), a currency sign before it;
- a date or a time (`12/03/2024`, `2025-09-02`, `14h30`, `09:40`), a decimal
  (`1,73`), a year or a range of years (`2021-2023`, `1939 1945`);
- a count grouped by thousands (`410 000 comptes`, `| 412 000 |`), a round
  number (`250000`) or a number after a quantity word (`environ`,
  `plaquettes`), unless a label announces it or it stands alone on its line;
- the number of a law or a regulation (`loi n° 2011-803`);
- a phone extension (`poste 733891`).
Phone numbers, postal codes, NIR, SIRET, IBAN and reference numbers are found
by their own recognizers, which win the overlap (`detect/overlaps.py` ranks
this recognizer below every other one).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex as re

from recognizers import _data
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

MIN_DIGITS = 6
UNLABELED_SCORE = 0.45
LABELED_SCORE = 0.85

_SP = "[ \u00a0\u202f]"
# A digit group: digits, an "O" typed for a zero inside or at the edge of one, and
# capitals between digits ("1A19427305516", a registered letter).
_GROUP = r"(?:O?\d[\dO]*(?:[A-Z]{1,3}\d[\dO]*)*)"
_SEP = r"[ \u00a0\u202f.\-/]"
# An optional code letter before dictated digits ("P 2 1 0 4 4 7") or a letter
# code glued with a dash ("LAM-0087613").
_PREFIX = rf"(?:(?<![\w@+])(?:[B-NP-XZ]{_SP}(?=\d{_SP}\d)|[A-Z]{{1,5}}-))?"
# The run is read whole (an atomic group): "12-34-56-78X" is no "12-34-56".
_RUN = re.compile(
    rf"{_PREFIX}(?<![\w@+])(?<!\d[.,/\-])(?P<run>(?>{_GROUP}(?:{_SEP}{_GROUP})*))(?![\w@])"
)
# Shapes that other recognizers or rules own, blanked before the runs are read.
_MASKS = (
    # times: 14h30, 14 h 30, 9h, 09:40, 09:40:12
    re.compile(r"(?<!\d)\d{1,2}(?::\d\d){1,2}(?!\d)"),
    re.compile(rf"(?<!\d)\d{{1,2}}{_SP}?h(?:{_SP}?\d\d)?(?![^\W\d])", re.IGNORECASE),
    # decimals: 1,73 / 0,70
    re.compile(r"(?<![\d,])\d+,\d+(?![\d,])"),
    # numeric dates: 12/03/2024, 12.03.24, 12-03-2024, 2025-09-02, 03/2024
    re.compile(
        r"(?<![\w/.,-])(?:0?[1-9]|[12]\d|3[01])(?P<s>[/.\-])(?:0?[1-9]|1[0-2])(?P=s)"
        r"(?:(?:19|20)\d\d|\d\d)(?![\w/]|[.,\-]\d)"
    ),
    re.compile(
        r"(?<![\w/.,-])(?:19|20)\d\d(?P<s>[/\-])(?:0[1-9]|1[0-2])(?P=s)(?:0[1-9]|[12]\d|3[01])"
        r"(?![\w/]|[.,\-]\d)"
    ),
)
_YEAR = r"(?:19|20)\d\d"
_YEARS = re.compile(rf"^{_YEAR}(?:{_SEP}(?:{_YEAR}|\d\d))+$")
# A round number ("250000", "1 500 000"): at most three significant digits.
_ROUND = re.compile(r"^[1-9]\d{0,2}0{3,}$")
# The number of a law or a regulation: its year, a dash, a serial.
_LEGAL_SERIAL = re.compile(rf"^{_YEAR}-\d{{1,5}}$")
_SPACE = re.compile(_SP)
_THOUSANDS = re.compile(r"^\d{1,3}(?P<s>[ \u00a0\u202f.])\d{3}(?:(?P=s)\d{3})*$")


@cache
def cues(kind: str) -> tuple[str, ...]:
    """The phrases of one kind of `digit_run_cues.tsv`, longest first."""
    phrases = [phrase for k, phrase in _data.table("digit_run_cues.tsv") if k == kind]
    return tuple(sorted(phrases, key=len, reverse=True))


def _alternation(kind: str) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in cues(kind))


@cache
def _unit_after() -> re.Pattern:
    return re.compile(
        rf"{_SP}*(?:/{_SP}*)?(?:{_alternation('unit')})(?![\p{{L}}\p{{N}}])", re.IGNORECASE
    )


@cache
def _currency_before() -> re.Pattern:
    return re.compile(rf"(?:{_alternation('currency')}){_SP}*$", re.IGNORECASE)


@cache
def _quantity_before() -> re.Pattern:
    return re.compile(
        rf"(?<![\p{{L}}])(?:{_alternation('quantity')})(?:{_SP}+(?:de|d['’]))?[{_SP[1:-1]}:]*$",
        re.IGNORECASE,
    )


@cache
def _extension_before() -> re.Pattern:
    return re.compile(
        rf"(?<![\p{{L}}])(?:{_alternation('extension')})\.?{_SP}*(?:n°{_SP}*)?:?{_SP}*$",
        re.IGNORECASE,
    )


@cache
def _text_before() -> re.Pattern:
    return re.compile(
        rf"(?<![\p{{L}}])(?:{_alternation('text')}){_SP}*(?:n{_SP}?°|nº|no\.?)?{_SP}*$",
        re.IGNORECASE,
    )


@cache
def _label_before() -> re.Pattern:
    """A label, then at most two qualifying words, then ':' / 'n°' / '|' / '('."""
    marker = rf"(?:n{_SP}?°|nº|no\.?|#|:|\||\(|-)"
    qualifier = r"(?:de|du|des|d['’]|l['’]|[\p{L}][\p{L}'’.-]*)"
    return re.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{_alternation('label')})\.?"
        rf"(?:\s*{marker}|{_SP}+{qualifier}){{0,4}}[\s:|(#°]*$",
        re.IGNORECASE,
    )


def mask(text: str) -> str:
    """The text with times, decimals and numeric dates blanked out (same length)."""
    chars = list(text)
    for pattern in _MASKS:
        for m in pattern.finditer(text):
            chars[m.start() : m.end()] = "x" * (m.end() - m.start())
    return "".join(chars)


def digit_runs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, labeled) of every run that reads as an identifier."""
    masked = mask(text)
    found: list[tuple[int, int, bool]] = []
    for m in _RUN.finditer(masked):
        pieces = [(m.start(), m.start("run"), m.end())]
        if "/" in m.group("run") and _SPACE.search(m.group("run")):
            # a ratio or a dose then a number ("Symbicort 400/12 2 bouffées",
            # "TA 120/80 72"): spaces do not join groups once a slash is among them
            pieces = [
                (m.start("run") + p.start(), m.start("run") + p.start(), m.start("run") + p.end())
                for p in re.finditer(r"\S+", m.group("run"))
            ]
            pieces[0] = (m.start(), pieces[0][1], pieces[0][2])
        for start, run_start, end in pieces:
            run = text[run_start:end]
            if sum(c.isdigit() or c == "O" for c in run) < MIN_DIGITS:
                continue
            if sum(c.isdigit() for c in run) < MIN_DIGITS - 1:
                continue
            line_start = text.rfind("\n", 0, start) + 1
            before = text[max(line_start, start - 60) : run_start]
            labeled = bool(_label_before().search(before))
            if not _is_identifier(text, run_start, end, run, before, labeled):
                continue
            found.append((start, end, labeled))
    return found


def _is_identifier(text: str, start: int, end: int, run: str, before: str, labeled: bool) -> bool:
    if _unit_after().match(text, end) or _currency_before().search(before):
        return False
    if _extension_before().search(before):
        return False
    if _YEARS.match(run):
        return False
    if _LEGAL_SERIAL.match(run) and _text_before().search(before):
        return False  # "loi n° 2011-803": a law, not a person
    if labeled:
        return True
    if _quantity_before().search(before) or _ROUND.match(re.sub(r"\D", "", run)):
        return False
    if _THOUSANDS.match(run):
        # a count: "410 000 comptes", "| 412 000 |"; an ID only alone on its line
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return not before.strip() and not text[end:line_end].strip(" .;")
    return True


class DigitRunRecognizer(_RegexEntityRecognizer):
    """ID: any run of six or more digits that no rule explains (fail closed)."""

    ENTITY = "ID"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for start, end, labeled in digit_runs(text):
            yield start, end, LABELED_SCORE if labeled else UNLABELED_SCORE, {}

    def explain(self, score: float) -> str:
        return "labeled digit run" if score == LABELED_SCORE else "digit run"

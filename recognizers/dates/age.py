"""A person's age: `19 ans`, `(13 ans)`, `5 mois`, `vingt-deux ans`, `quadragénaire`.

The hard part is that French writes ages and durations the same way. The words
around the number decide: a cue right before it (`depuis`, `il y a`,
`pendant`, `ça fait`, `dans`, `tous les`...) or right after it (`de terrain`,
`d'ancienneté`, `plus tard`, `que`...) makes it a duration; `a`, `avait`, `à`,
a parenthesis, an apposition (`Victoire, 19 ans,`), a table cell or a person
noun before `de` (`un enfant de deux ans`) make it an age. A bare `N ans` with
no cue is kept at a moderate score (fail closed); `N mois` and `N semaines`
are babies' ages only with a positive cue, being durations most of the time.

The span is the shortest one giving the age: `19 ans`, not `âgé de 19 ans`.
For `né en 1987` the span is the year `1987`, typed AGE: it gives the age and
is not a DATE by the corpus conventions (a bare year is not annotated).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, cached_property

from recognizers._data import table
from recognizers._numbers import spelled_numbers
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

_SP = r"[ \t\u00a0\u202f]"
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LISTED_AGE = re.compile(rf"(?<![\w,.-])(\d{{1,3}}){_SP}*(?:,|et){_SP}*$")
_UNIT_LIMITS = {"ans": 120, "an": 1, "mois": 36, "semaine": 52, "semaines": 52}

STRONG_SCORE = 0.9  # "(13 ans)", "âge : 44 ans"
CUE_SCORE = 0.85  # "a 3 mois", "à 22 ans", "Victoire, 19 ans,", "un enfant de deux ans"
DEFAULT_YEARS_SCORE = 0.6  # "N ans" with no cue either way: fail closed
WEAK_SCORE = 0.3  # below the threshold: "N mois" without a cue


@cache
def _cues(kind: str) -> tuple[str, ...]:
    return tuple(_normalize(row[1]) for row in table("age_cues.tsv") if row[0] == kind)


def _normalize(text: str) -> str:
    """Lower case, straight apostrophes expanded (`d'` -> `de `), single spaces."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"(\w)'", r"\1e ", text)
    return re.sub(r"\s+", " ", text)


def _phrase_regex(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


class FrenchAgeRecognizer(_RegexEntityRecognizer):
    """Ages in years or months, in digits or words, plus decade words and birth years."""

    ENTITY = "AGE"

    @cached_property
    def _number_unit(self) -> re.Pattern[str]:
        spelled = "|".join(
            re.escape(w).replace(r"\ ", f"{_SP}+")
            for w in sorted(spelled_numbers(), key=len, reverse=True)
        )
        return re.compile(
            rf"(?<![\w,.-])(?P<n>\d{{1,3}}|{spelled}){_SP}+(?P<u>ans|an|mois|semaines?)"
            rf"(?:{_SP}+et{_SP}+demie?)?(?![\w-])",
            re.IGNORECASE,
        )

    @cached_property
    def _decade(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{_phrase_regex(_cues('decade'))})(?![\w-])", re.I)

    @cached_property
    def _decade_noun(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?:(?<![\w-])(?P<art>la|sa|leur|ta|ma|une|belle|bonne|petite|jeune){_SP}+"
            rf"|(?P<cell>(?:^|[|(,]){_SP}*))"
            rf"(?P<w>{_phrase_regex(_cues('decade_noun'))})"
            rf"(?P<years>{_SP}+d['’]années)?(?P<after>{_SP}+(?:de|d['’]|des)(?![\w]))?(?![\w-])",
            re.IGNORECASE | re.MULTILINE,
        )

    @cached_property
    def _labelled_number(self) -> re.Pattern[str]:
        """`âge : 19` in a form or front matter, the unit left implicit."""
        return re.compile(
            rf"(?<![\w-])(?:âge|age){_SP}*:{_SP}*(?P<n>\d{{1,3}})(?![\d,.]\d|{_SP}*(?:\w|%))",
            re.IGNORECASE,
        )

    @cached_property
    def _birth_year(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<![\w-])(?:né(?:e|\(e\))?s?{_SP}+en|naissance{_SP}*:?){_SP}*"
            rf"(?P<y>(?:19|20)\d\d)(?![\d/.-]\d|\d)",
            re.IGNORECASE,
        )

    @cached_property
    def _cue_regexes(self) -> dict[str, re.Pattern[str]]:
        def tail(kind: str) -> re.Pattern[str]:
            return re.compile(rf"(?:^|[^\w-])(?:{_phrase_regex(_cues(kind))}) ?$")

        return {
            "duration_before": tail("duration_before"),
            "owner": tail("owner"),
            "filler": re.compile(rf"(?:^|(?<=[^\w-]))(?:{_phrase_regex(_cues('filler'))}) ?$"),
            "duration_after": re.compile(
                rf"^ ?(?:{_phrase_regex(_cues('duration_after'))})(?![\w-])"
            ),
            "duration_after_weak": re.compile(
                rf"^ ?(?:{_phrase_regex(_cues('duration_after_weak'))})(?![\w-])"
            ),
        }

    def candidates(self, text: str) -> Iterator[Candidate]:
        for match in self._number_unit.finditer(text):
            score = self._score_number(text, match)
            if score is None:
                continue
            # "(8 et 11 ans)": the first age of a list shares the unit of the last.
            listed = _LISTED_AGE.search(text, max(0, match.start() - 12), match.start())
            if listed:
                yield listed.start(1), listed.end(1), score, {}
            yield match.start(), match.end(), score, {}
        for match in self._decade.finditer(text):
            yield match.start(), match.end(), 0.8, {}
        for match in self._decade_noun.finditer(text):
            span = self._decade_noun_span(text, match)
            if span:
                yield span[0], span[1], 0.75, {}
        for match in self._labelled_number.finditer(text):
            if 0 < int(match.group("n")) <= _UNIT_LIMITS["ans"]:
                yield match.start("n"), match.end("n"), 0.85, {}
        for match in self._birth_year.finditer(text):
            yield match.start("y"), match.end("y"), 0.85, {}

    def _score_number(self, text: str, match: re.Match[str]) -> float | None:
        """Score of `N ans|mois|semaines` as an age, or None when it is a duration."""
        raw = match.group("n").lower()
        value = int(raw) if raw.isdigit() else spelled_numbers().get(re.sub(r"\s+", " ", raw))
        unit = match.group("u").lower()
        if not value or value > _UNIT_LIMITS[unit]:
            return None
        cues = self._cue_regexes
        after = _normalize(text[match.end() : match.end() + 40])
        if cues["duration_after"].match(after):
            return None
        line_before = text[max(0, match.start() - 80) : match.start()].rsplit("\n", 1)[-1]
        before = _normalize(line_before).rstrip()
        listed = re.search(r"([\w-]+) ?(à|et|ou|-|–)$", before)
        if listed and (listed.group(1).isdigit() or listed.group(1) in spelled_numbers()):
            before = before[: listed.start()].rstrip()
            if listed.group(2) != "et" or before.endswith("entre"):
                return None  # a range: "de 3 à 6 ans", "entre 30 et 40 ans", "2 ou 3 ans"
        while (found := cues["filler"].search(before)) and found.group(0).strip():
            before = before[: found.start()].rstrip()
        if cues["duration_before"].search(before):
            return None
        years = unit == "ans"
        noun_score = self._person_noun_score(before, line_before)
        if noun_score is not None:
            # "un bébé de 3 semaines dans les bras": the noun outweighs a weak cue after.
            return noun_score or None
        if cues["duration_after_weak"].match(after):
            return None
        return self._cue_score(before, line_before, years)

    @staticmethod
    def _person_noun_score(before: str, line_before: str) -> float | None:
        """For `<noun> de N ans`: a score, 0 for a period noun, None without `de`."""
        found = re.search(r"([\w-]+) de$", before)
        if not found:
            return None
        noun = found.group(1)
        if noun in _cues("person_noun"):
            return CUE_SCORE
        if noun in _cues("duration_noun"):
            return 0.0
        original = re.search(r"([\w-]+)\s+(?:de\s+|d['’])\s*$", line_before)
        if original and original.group(1)[:1].isupper():
            return 0.7  # a name or a demonym: "un Breton de 40 ans"
        return WEAK_SCORE

    def _cue_score(self, before: str, line_before: str, years: bool) -> float:
        if before.endswith("("):
            if years:
                return STRONG_SCORE
            hints = set(re.findall(r"[\w-]+", before[-50:]))
            return WEAK_SCORE if hints & set(_cues("duration_hint")) else STRONG_SCORE
        if before.endswith(":"):
            return STRONG_SCORE if re.search(r"\b(?:âge|age)\b", before) else WEAK_SCORE
        if self._cue_regexes["owner"].search(before):
            if before.endswith(("à", "âge", "age")) and not years:
                return WEAK_SCORE  # "bilan à 6 mois" is a milestone
            return CUE_SCORE
        if not before or before.endswith((",", "|", "—", "–", ";", " et", "-")):
            if years or re.search(rf"[{_UPPER}][\w'’-]*,\s*$", line_before):
                return CUE_SCORE  # "Léo, 18 mois," after a name
            return WEAK_SCORE
        return DEFAULT_YEARS_SCORE if years else WEAK_SCORE

    def _decade_noun_span(self, text: str, match: re.Match[str]) -> tuple[int, int] | None:
        """`la cinquantaine` is an age, `une cinquantaine de personnes` a quantity."""
        if match.group("after"):
            return None
        if match.group("cell") is not None:
            # "| soixantaine |", "(cinquantaine)": a table cell or an aside, no article.
            if not re.match(rf"{_SP}*(?:[|),.;]|$)", text[match.end() : match.end() + 3]):
                return None
            return match.start("w"), match.end()
        article = match.group("art").lower()
        if article == "une" and not match.group("years"):
            return None
        before = _normalize(text[max(0, match.start() - 40) : match.start()]).rstrip()
        if self._cue_regexes["duration_before"].search(before) or before.endswith(" en"):
            return None
        end = match.end("years") if match.group("years") else match.end("w")
        return match.start("w"), end

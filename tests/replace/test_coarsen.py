"""coarsen_date: the day goes, the month and the year stay, whatever the date's shape."""

from __future__ import annotations

from datetime import date

import pytest

from anonymize.replace.coarsen import age_frame, coarsen_age, coarsen_date


@pytest.mark.parametrize(
    ("written", "coarse"),
    [
        ("12/03/2024", "mars 2024"),
        # dictated digit by digit, with spaced slashes, or glued after a cue
        ("2 1 0 8 1 9 6 6", "août 1966"),
        ("0 3 / 0 5 / 2 0 1 3", "mai 2013"),
        ("19041977", "avril 1977"),
        ("19 04 1977", "avril 1977"),
    ],
)
def test_any_shape_keeps_its_month_and_year(written, coarse):
    assert coarsen_date(written) == coarse


def test_a_two_digit_year_after_the_current_one_is_last_century():
    past = (date.today().year + 1) % 100
    assert coarsen_date(f"12-3-{past:02d}") == f"mars {1900 + past}"
    assert coarsen_date("18.02.00") == "février 2000"


@pytest.mark.parametrize(
    ("before", "age", "expected"),
    [
        ("Il a eu ", "40 ans", "un anniversaire"),  # never "a eu une quarantaine d'années"
        ("Elle va avoir ", "30 ans", "un anniversaire"),
        ("Il a ", "38 ans", "une trentaine d'années"),
        ("Julien, ", "38 ans", "la trentaine"),
        ("Elle a repris la ferme à ", "52 ans", "cinquante ans et quelques"),
    ],
)
def test_an_age_is_phrased_for_its_frame(before, age, expected):
    assert coarsen_age(age, age_frame(before)) == expected

"""DictatedDateRecognizer: a day written digit by digit, or bare digits after a date cue."""

from __future__ import annotations

import pytest

from recognizers.dates.dictated_date import CUED_SCORE, SPELLED_SCORE, DictatedDateRecognizer


@pytest.fixture(scope="module")
def rec():
    return DictatedDateRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("patiente madame roux née le 1 4 0 2 1 9 6 8 numéro", "1 4 0 2 1 9 6 8"),
        ("Date de naissance : 2 7 / 1 1 / 2 0 0 9", "2 7 / 1 1 / 2 0 0 9"),
        ("né le 0 5 0 9 8 1 au Mans", "0 5 0 9 8 1"),
        ("DDN 19041977, sexe F", "19041977"),
        ("né le 19 04 1977 à Brest", "19 04 1977"),
        # unpadded, any separator, after a birth cue
        ("né le 7-3-58 à Albi", "7-3-58"),
    ],
)
def test_cued_dates(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("DATE", expected, CUED_SCORE)]


def test_eight_single_digits_make_a_day_without_a_cue(run_recognizer, rec):
    text = "patient vu 2 2 0 3 1 9 5 4 hier"
    assert run_recognizer(rec, text) == [("DATE", "2 2 0 3 1 9 5 4", SPELLED_SCORE)]


@pytest.mark.parametrize(
    "text",
    [
        # not a real day: 31 February, month 13, year 1875
        "née le 3 1 0 2 1 9 6 8",
        "née le 1 2 1 3 1 9 6 8",
        "née le 1 2 0 3 1 8 7 5",
        # pairs and compact digits need a cue
        "commande 19041977 livrée",
        "code 19 04 1977",
        # six digits without a cue
        "vu 0 5 0 9 8 1 hier",
        # part of a longer dictated run (an IPP, a NIR)
        "IPP 3 3 0 1 2 2 0 3 1 9 5 4",
        # a phone number
        "au 06 39 98 12 34",
        # unpadded shapes without a birth cue are versions or marks
        "mis à jour le 1.2.10",
        "version 3-4-12 du logiciel",
    ],
)
def test_not_dates(found, rec, text):
    assert found(rec, text) == []

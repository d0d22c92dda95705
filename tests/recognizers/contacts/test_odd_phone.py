"""OddPhoneRecognizer: phone numbers whatever the grouping of their digits."""

from __future__ import annotations

import pytest

from recognizers.contacts.odd_phone import CUE_ONLY_SCORE, OddPhoneRecognizer
from recognizers.contacts.phone import PhoneRecognizer


@pytest.fixture(scope="module")
def rec():
    return OddPhoneRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dictated digit by digit
        ("joindre la mère au 0 4 6 5 7 1 3 0 8 2 : absente", "0 4 6 5 7 1 3 0 8 2"),
        ("Tél. : 0 6 3 9 9 8 2 2 1 4", "0 6 3 9 9 8 2 2 1 4"),
        # "(33)" for the country, with or without the trunk zero
        ("Rappeler au (33) 2 61 91 38 40 (sa sœur)", "(33) 2 61 91 38 40"),
        ("le fils : (33) 6 39 98 11 52, le soir", "(33) 6 39 98 11 52"),
        ("(+33) (0)1 99 00 27 31", "(+33) (0)1 99 00 27 31"),
        # international prefixes with odd separators
        ("depuis Gand, 00-33-5-36-49-80-12 (en déplacement)", "00-33-5-36-49-80-12"),
        ("portable français : 0033 639 981 775", "0033 639 981 775"),
        # a letter O typed for a zero
        ("médecin traitant au 02.61.91.7O.35, veut", "02.61.91.7O.35"),
        ("fixe O3 53 01 22 09", "O3 53 01 22 09"),
        # groups of any size
        ("portable 06 3998 5512 ou mail", "06 3998 5512"),
        ("Tél 0199 00 31 76", "0199 00 31 76"),
    ],
)
def test_finds_numbers_in_any_grouping(found, rec, text, expected):
    assert found(rec, text) == [expected]


def test_a_doubled_leading_zero_needs_a_phone_cue(run_recognizer, rec):
    assert run_recognizer(rec, "Tel 00 51 72 60 18") == [
        ("PHONE", "00 51 72 60 18", CUE_ONLY_SCORE)
    ]
    assert run_recognizer(rec, "lot 00 51 72 60 18") == []


def test_the_extension_stays_outside(found, rec):
    assert found(rec, "standard 0 3 5 3 0 1 4 4 2 0 poste 73389") == ["0 3 5 3 0 1 4 4 2 0"]
    assert found(rec, "au (33) 1 99 00 41 07 ext. 12") == ["(33) 1 99 00 41 07"]


def test_a_phone_is_never_cut_out_of_a_longer_run(found, rec):
    # fifteen dictated digits (a NIR) hold ten that would make a phone number
    assert found(rec, "NIR 2 0 6 3 9 9 8 1 2 3 4 5 6 7 8") == []
    assert found(rec, "IPP 06 39 98 12 34 56") == []


@pytest.mark.parametrize(
    "text",
    [
        "Total : 1 234 567 890 euros",
        "séances des 09/01/2025 et 23.01.2025",
        "SIRET 732 829 320 00017",
        "n° sécu 2 84 05 75 115 032 57",
        "IBAN FR14 2004 1010 0505 0001 3M02 606",
        "un numéro 06 12 34 56 7 incomplet",
        "00 00 00 00 00",
    ],
)
def test_ignores_other_numbers(found, rec, text):
    assert found(rec, text) == []


def test_shares_the_phone_rules_with_the_usual_layouts(found, rec):
    # the same number in the usual layout is found by both, with the same digits
    usual = found(PhoneRecognizer(), "Tél. 06 39 98 22 14")
    assert usual == found(rec, "Tél. 06 39 98 22 14") == ["06 39 98 22 14"]

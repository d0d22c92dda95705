"""SpelledPhoneRecognizer: phone numbers dictated in French words."""

from __future__ import annotations

import pytest

from recognizers.contacts.spelled_phone import SpelledPhoneRecognizer


@pytest.fixture(scope="module")
def rec():
    return SpelledPhoneRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Elle me donne son numéro : zéro six, trente-neuf, quatre-vingt-dix-huit, "
            "douze, quarante. Fixe du club ensuite.",
            "zéro six, trente-neuf, quatre-vingt-dix-huit, douze, quarante",
        ),
        (
            "noté à la volée : zéro sept quatre vingt dix huit soixante et onze vingt-deux "
            "dix-sept et on a raccroché",
            "zéro sept quatre vingt dix huit soixante et onze vingt-deux dix-sept",
        ),
        (
            "Zéro deux, soixante-dix-sept, zéro huit, quatre-vingt-un, seize.",
            "Zéro deux, soixante-dix-sept, zéro huit, quatre-vingt-un, seize",
        ),
        (
            "fixe : zéro un, quatre-vingt-dix-neuf, zéro zéro, cinquante-deux, dix-huit.",
            "zéro un, quatre-vingt-dix-neuf, zéro zéro, cinquante-deux, dix-huit",
        ),
        (
            "au zero un, quarante-quatre, cinquante-cinq, quatre-vingts, onze !",
            "zero un, quarante-quatre, cinquante-cinq, quatre-vingts, onze",
        ),
        (
            "Elle épelle : zéro six trois neuf neuf huit un deux quatre zéro. Merci.",
            "zéro six trois neuf neuf huit un deux quatre zéro",
        ),
    ],
)
def test_finds_spelled_numbers(found, rec, text, expected):
    assert found(rec, text) == [expected]


def test_full_stop_ends_the_number(found, rec):
    text = "zéro six, trente-neuf, quatre-vingt-dix-huit, douze, quarante. Deux enfants."
    assert found(rec, text) == ["zéro six, trente-neuf, quatre-vingt-dix-huit, douze, quarante"]


@pytest.mark.parametrize(
    "text",
    [
        "zéro faute, zéro stress",
        "il a eu zéro six fois de suite",
        "zéro six, trente-neuf, douze",
        "trente-neuf, quatre-vingt-dix-huit, douze, quarante, onze",
        "Elle a vingt-deux ans et trois enfants de six, huit et douze ans.",
    ],
)
def test_ignores_other_number_words(found, rec, text):
    assert found(rec, text) == []

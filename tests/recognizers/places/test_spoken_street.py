"""SpokenStreetRecognizer: a street line dictated with its number in words, in lower case."""

from __future__ import annotations

import pytest

from recognizers.places.spoken_street import SpokenStreetRecognizer


@pytest.fixture(scope="module")
def rec():
    return SpokenStreetRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name stops at the postal code said next, at "à", at a dictation word
        (
            "elle habite vingt-deux ter rue des glycines trois un cinq zéro zéro",
            "vingt-deux ter rue des glycines",
        ),
        (
            "il vit au quatorze impasse jean moulin à albi depuis mai",
            "quatorze impasse jean moulin",
        ),
        ("domicile sept avenue de la libération point à la ligne", "sept avenue de la libération"),
        ("au trente-huit bd marcel sembat virgule quatrième étage", "trente-huit bd marcel sembat"),
        ("Adresse : Cinq place du Marché, 19000 Tulle", "Cinq place du Marché"),
    ],
)
def test_finds_spoken_street_lines(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # "un" / "une" before a street word is prose
        "un chemin de traverse, une rue calme",
        # counts take the plural, and "cours" is a count
        "trois rues plus loin, deux avenues, trois cours de yoga",
        # a number with no street type
        "deux fois par semaine rue barrée",
        # a street type with only function words after it
        "deux rue et puis",
    ],
)
def test_leaves_prose_alone(found, rec, text):
    assert found(rec, text) == []

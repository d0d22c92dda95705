"""LowerCaseTownRecognizer: a lower-case commune in a frame that makes it a town."""

from __future__ import annotations

import pytest

from recognizers.places.lower_case_town import LowerCaseTownRecognizer


@pytest.fixture(scope="module")
def rec():
    return LowerCaseTownRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("patiente domiciliée à villeurbanne chez sa sœur", ["villeurbanne"]),
        ("il habite à bron depuis 2019", ["bron"]),
        ("né à clermont-ferrand en 1962", ["clermont-ferrand"]),
        ("originaire d'avignon, il travaille", ["avignon"]),
        ("nouvelle adresse : douze rue des lilas à vénissieux", ["vénissieux"]),
        ("adressé par l'hôpital de roanne pour avis", ["roanne"]),
        ("courrier du docteur morel de bourgoin-jallieu reçu", ["bourgoin-jallieu"]),
        # a large town whose name is also a word or a name
        ("née à tours, elle vit ici", ["tours"]),
    ],
)
def test_finds_lower_case_towns(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "elle habite à côté de la pharmacie",
        "il vient à pied tous les matins",
        "né à terme, sans complication",
        "il vit à part dans le logement",
        "elle vit à la campagne, habite à deux pas",
        "habite à mer, un village",  # a village whose name is a word
        "il se rend à lyon demain",  # no frame: the gazetteer's case rule stands
        "domiciliée à Lyon",  # capitalised: the gazetteer recognizer's
        "le docteur morel de garde, le docteur de famille",
    ],
)
def test_leaves_words_alone(found, rec, text):
    assert found(rec, text) == []

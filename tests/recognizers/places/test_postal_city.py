"""FrenchPostalCityRecognizer: the town after a postal code, a LOCATION of kind commune."""

from __future__ import annotations

import pytest

from recognizers.places.postal_city import FrenchPostalCityRecognizer


@pytest.fixture(scope="module")
def rec():
    return FrenchPostalCityRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27 boulevard de la Liberté, 59000 Lille ;", ["Lille"]),
        ("11 rue des Métiers\n44150 Ancenis-Saint-Géréon\n\nDésignation", ["Ancenis-Saint-Géréon"]),
        ("9 parvis Ada-Lovelace, 75013 Paris). Levée de fonds", ["Paris"]),
        ("85000 La Roche-sur-Yon", ["La Roche-sur-Yon"]),
        ("59650 Villeneuve d'Ascq", ["Villeneuve d'Ascq"]),
        ("44800 Saint Herblain", ["Saint Herblain"]),
        ("38000 GRENOBLE CEDEX 9", ["GRENOBLE"]),
        ("29200 Brest (quartier de Recouvrance)", ["Brest"]),
        ("12 rue Carnot, 21000 Dijon - cabinet-exemple.fr", ["Dijon"]),
        ("installée à Saint-Priest (69800), zone industrielle", ["Saint-Priest"]),
    ],
)
def test_finds_the_town(found, rec, text, expected):
    assert found(rec, text) == expected


def test_kind_hint_is_commune(rec):
    [result] = rec.analyze("5 rue Haute, 12500 Espalion.", ["LOCATION"])
    assert result.entity_type == "LOCATION"
    assert result.recognition_metadata["kind"] == "commune"
    assert result.recognition_metadata["recognizer_name"] == rec.name


@pytest.mark.parametrize(
    "text",
    ["Le prix est de 47000 € HT.", "Facture n° 47000 Agen", "SIRET 519 472 682 00014 Angers"],
)
def test_no_town_without_postal_code(found, rec, text):
    assert found(rec, text) == []


def test_a_commune_after_a_spoken_code_is_found_in_lower_case(found, rec):
    text = "au onze bis rue des capucins six neuf zéro zéro un lyon à mettre à jour"
    assert found(rec, text) == ["lyon"]

"""FrenchPostalCodeRecognizer: the five digits only, never amounts or SIRET pieces."""

from __future__ import annotations

import pytest

from recognizers.places.postal_code import FrenchPostalCodeRecognizer


@pytest.fixture(scope="module")
def rec():
    return FrenchPostalCodeRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 boulevard de la Liberté, 59000 Lille ;", ["59000"]),
        ("ZA des Landes, 11 rue des Métiers\n35400 Saint-Malo", ["35400"]),
        ("(lieu-dit Les Hautes Bruyères, 50200 Coutances)", ["50200"]),
        ("Facture à : 85000 La Roche-sur-Yon", ["85000"]),
        ("59650 Villeneuve d'Ascq", ["59650"]),
        ("01000 Bourg-en-Bresse |", ["01000"]),
        ("38000 GRENOBLE CEDEX 9", ["38000"]),
        ("code postal : 86100", ["86100"]),
        ("12 rue Pasteur, 69003\nLyon", ["69003"]),
        ("Elle vit à Espalion (12500) depuis peu.", ["12500"]),
        ("| Code postal / Ville | 93100 / Montreuil |", ["93100"]),
        ("chez la coach, chemin de Boston 9, 1004 Lausanne) :", ["1004"]),
        ("Rue de la Loi 16, 1000 Bruxelles", ["1000"]),
        ("Écrire à L-1611 Luxembourg", ["L-1611"]),
    ],
)
def test_finds_postal_codes(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le prix est de 47000 € HT, soit 12 000 euros d'apport.",
        "Un chiffre d'affaires de 85000 euros.",
        "SIRET 519 472 682 00014",
        "SIRET : 844 713 024 12345 Brest",
        "Facture n° 47000 Agen",
        "Tél. 06 39 98 12 34",
        "En 2025 Paris a changé ; 99000 Test",
        "réf. 29200 Brest",
        "Budget total (12500) validé",
        "En 2019 Lyon a gagné, 2020 Paris aussi.",
        "Elle a couru 1500 Mètres, puis 2000 Mètres.",
        "Bilan 2024 Rennes : 1200 Participants, 3 rue des Lilas",
    ],
)
def test_leaves_other_numbers_alone(found, rec, text):
    assert found(rec, text) == []

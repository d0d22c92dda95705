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
        ("| Code postal | 94310 |", ["94310"]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a space after the department, with a gazetteer town opening a field
        ("Domicile : 9 impasse du Lavoir, 24 150 Lalinde", ["24 150"]),
        ("Mme Petit\n29 200 Brest\n", ["29 200"]),
        # an address frame vouches for a town the gazetteer does not know
        ("12 chemin des Prés 87 290 Saint-Tartempion-les-Bois", ["87 290"]),
        ("Adresse : hameau des Granges, 26 400 Plan-de-Mornas", ["26 400"]),
        ("5 allée des Cèdres\n44 470 Petit-Saint-Loup", ["44 470"]),
    ],
)
def test_finds_postal_codes_written_with_a_space(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # counts before a demonym or a town, in prose
        "plus de 12 000 Parisiens ont défilé",
        "soit 15 000 Lyon compris",
        "une cagnotte de 24 150 Euros",
        # part of a longer number
        "1 24 150 Lalinde",
        "Tél 04 65 71 40 00 Lyon",
        # a capitalized word that is no town, with no address frame
        "il a gagné 35 850 Points",
    ],
)
def test_leaves_spaced_counts_alone(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # said aloud: five digits, a department and three digits, a department and "mille"
        (
            "il vit au neuf rue des tanneurs trois un deux zéro zéro toulouse",
            "trois un deux zéro zéro",
        ),
        ("domicile route de Gap zéro cinq un zéro zéro", "zéro cinq un zéro zéro"),
        ("elle habite quarante-quatre zéro zéro zéro Nantes", "quarante-quatre zéro zéro zéro"),
        ("adresse à jour : trente-trois mille bordeaux", "trente-trois mille"),
    ],
)
def test_finds_postal_codes_said_aloud(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # counting, a count of people, a dose: no town, no street
        "on compte un deux trois quatre cinq et on souffle",
        "trente-trois mille personnes ont défilé",
        "prendre deux un zéro zéro zéro unités",
        # no department starts with 99 or 00
        "rue des Lilas zéro zéro un deux trois Lyon",
    ],
)
def test_leaves_spoken_numbers_alone(found, rec, text):
    assert found(rec, text) == []

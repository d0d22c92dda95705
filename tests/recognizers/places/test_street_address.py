"""FrenchStreetAddressRecognizer: one span per street line, details included."""

from __future__ import annotations

import pytest

from recognizers.places.street_address import FrenchStreetAddressRecognizer


@pytest.fixture(scope="module")
def rec():
    return FrenchStreetAddressRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "au cabinet : Bât. C, 2e étage, 27 boulevard de la Liberté, 59000 Lille ;",
            ["Bât. C, 2e étage, 27 boulevard de la Liberté"],
        ),
        (
            "Adresse : résidence Les Marronniers, bât. 2, appt 31, 5 allée des Peupliers, 35000",
            ["résidence Les Marronniers, bât. 2, appt 31, 5 allée des Peupliers"],
        ),
        ("ZA des Landes, 11 rue des Métiers\n35400", ["ZA des Landes, 11 rue des Métiers"]),
        (
            "cuisine de la ferme (lieu-dit Les Hautes Bruyères, 50200)",
            ["lieu-dit Les Hautes Bruyères"],
        ),
        ("Cabinet - 3 rue Jean-Jaurès, 21000 Dijon", ["3 rue Jean-Jaurès"]),
        (
            "Bât. D, 1er étage, 2 boulevard du Duc-Jean, 49000 Angers",
            ["Bât. D, 1er étage, 2 boulevard du Duc-Jean"],
        ),
        ("au local (17 rue Carnot, 86100 Châtellerault).", ["17 rue Carnot"]),
        ("3e étage sur cour, 12 rue d'Isly, 13005 Marseille", ["3e étage sur cour, 12 rue d'Isly"]),
        (
            "4e étage, porte gauche, 6 rue de la Fontaine, 29200 Brest",
            ["4e étage, porte gauche, 6 rue de la Fontaine"],
        ),
        ("installée à la halle (9 parvis Ada-Lovelace, 75013 Paris)", ["9 parvis Ada-Lovelace"]),
        ("Siège social : 10, quai de la Fosse, 44000 Nantes", ["10, quai de la Fosse"]),
        ("12 bis avenue du 8 Mai 1945, 69100 Villeurbanne", ["12 bis avenue du 8 Mai 1945"]),
        ("3 chemin des vignes, 33000 Bordeaux", ["3 chemin des vignes"]),
        ("Adresse : 22 Grande Rue, 25000 Besançon", ["22 Grande Rue"]),
        ("Elle habite 14, rue Victor Hugo à Lyon.", ["14, rue Victor Hugo"]),
        ("BP 123, 44000 Nantes", ["BP 123"]),
        ("CS 40001 - 44150 Ancenis CEDEX 2", ["CS 40001", "CEDEX 2"]),
        ("ZI de la Plaine, c'est loin", ["ZI de la Plaine"]),
        ("parc d'activités du Moulin, lot 5", ["parc d'activités du Moulin, lot 5"]),
        ("chez la coach, chemin de Boston 9, 1004 Lausanne", ["chemin de Boston 9"]),
        ("Rue de la Loi 16, 1000 Bruxelles", ["Rue de la Loi 16"]),
    ],
)
def test_finds_street_lines(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Service de médecine polyvalente, 3e étage, Hospices civils de Lyon",
        "Le bureau est au 2e étage, porte droite.",
        "Cinquième place. Deux premiers combats gagnés.",
        "Il a 3 places de parking et les 2 cours de Français du lundi.",
        "Je fais 3 séances rue Pasteur, elle a couru 10 km avenue Foch.",
        "Elle a une place en avril à la crèche.",
        "Ma place de coach externe venue de Dijon.",
        "On se voit rue de la République demain.",
        "la résidence Les Hortensias (EHPAD) accueille 80 personnes",
        "Bravo d'être allée jusqu'au bout.",
        "Il court rue Pasteur 3 fois par semaine, 2019 Lyon.",
        "Elle a pris la route des Alpes 2, puis la rue du Lac.",
    ],
)
def test_leaves_non_addresses_alone(found, rec, text):
    assert found(rec, text) == []


def test_street_without_number_needs_context(found, rec):
    assert found(rec, "Elle habite rue des Lilas depuis mars.") == ["rue des Lilas"]
    assert found(rec, "Manifestation rue des Lilas hier soir.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Parc de la Vallée Verte, 7 rue Ampère - 38330 Montbonnot",
            "Parc de la Vallée Verte, 7 rue Ampère",
        ),
        (
            "Domicile : quartier Lesbordes, 340 route de Pau, 64230",
            "quartier Lesbordes, 340 route de Pau",
        ),
        ("Campus de Nantes, 4 allée des Sablières\n", "Campus de Nantes, 4 allée des Sablières"),
    ],
)
def test_a_park_a_campus_or_a_quarter_before_the_street_is_part_of_the_line(
    found, rec, text, expected
):
    assert found(rec, text) == [expected]


def test_a_lower_case_park_is_prose(found, rec):
    assert found(rec, "On s'est vus au parc, 3 rue des Lilas ensuite") == ["3 rue des Lilas"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foyer Les Tilleuls\nRoute de Cambrai - 59400 Cambrai\n", "Route de Cambrai"),
        ("Adresse : chemin des Basses Vignes, 71 250 Cluny", "chemin des Basses Vignes"),
    ],
)
def test_a_street_without_number_before_a_postal_code_is_an_address(
    run_recognizer, rec, text, expected
):
    [(entity, found_text, score)] = run_recognizer(rec, text)
    assert (entity, found_text) == ("ADDRESS", expected) and score >= 0.8


def test_a_street_without_number_and_no_code_stays_weak(run_recognizer, rec):
    assert run_recognizer(rec, "on a remonté la rue de la Paix - 12 fois") == []

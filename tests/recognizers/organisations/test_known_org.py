"""KnownOrgRecognizer: listed organisations, branch names, ambiguous names."""

from __future__ import annotations

import pytest

from recognizers.organisations.known_org import KnownOrgRecognizer


@pytest.fixture(scope="module")
def rec():
    return KnownOrgRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle était caissière à l'Intermarché de Poitiers.", ["Intermarché"]),
        ("Il a contacté le Leclerc de Niort pour une alternance.", ["Leclerc"]),
        ("Arrivé de Dassault Systèmes en avril.", ["Dassault Systèmes"]),
        ("Le client Leroy Merlin a eu une panne.", ["Leroy Merlin"]),
        ("Levée avec Partech et Bpifrance.", ["Partech", "Bpifrance"]),
        ("Inscrite à Pole emploi, puis à France Travail.", ["Pole emploi", "France Travail"]),
        ("Banque : Crédit Agricole Centre-Est, agence de Bourg", ["Crédit Agricole Centre-Est"]),
        ("Avec l'appui des Jeunes Agriculteurs de l'Orne.", ["Jeunes Agriculteurs de l'Orne"]),
        ("Banque : Crédit Coopératif, agence d'Angers", ["Crédit Coopératif"]),
        ("La CPAM de la Vienne a remboursé.", ["CPAM de la Vienne"]),
        ("Elle a fait son mémoire à l'INSPÉ de Rodez.", ["INSPÉ"]),
        ("Il travaille chez Orange depuis trois ans.", ["Orange"]),
        ("Passée par Decathlon puis par l'URSSAF.", ["Decathlon", "URSSAF"]),
        ("Orienté vers la Cimade puis vers Médecins du Monde.", ["Cimade", "Médecins du Monde"]),
        ("Hospitalisation à domicile par Santé Service.", ["Santé Service"]),
    ],
)
def test_finds_known_organisations(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Orange est sa couleur préférée.",
        "Il habite à Orange, dans le Vaucluse.",
        "Louis Renault était un industriel ; Mme Leclerc a rappelé.",
        "Elle a une Renault Clio verte.",
        "Séance sur Zoom puis Google Meet, lien sur WhatsApp.",
        "Il a un BTS, elle un CAP et une licence STAPS.",
        "Action : appeler la banque demain.",
        "Rendez-vous devant la gare SNCF.",
        "On se retrouve au carrefour.",
        "Le service de santé au travail, des médecins du monde entier.",
    ],
)
def test_ignores_ambiguous_and_non_organisations(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il lit Le Progrès et Le Bien Public.", ["Le Progrès", "Le Bien Public"]),
        ("Elle est journaliste à Libération.", ["Libération"]),
        ("Stage à l'EMBL puis à la BNU.", ["EMBL", "BNU"]),
        (
            "Financée par la Fondation pour la Recherche Médicale.",
            ["Fondation pour la Recherche Médicale"],
        ),
        ("Opérée à Bichat, suivie à la Pitié-Salpêtrière.", ["Bichat", "Pitié-Salpêtrière"]),
        ("Suivie à Cochin puis à l'HEGP.", ["Cochin", "HEGP"]),
        ("Les bureaux sont à Euralille.", ["Euralille"]),
        ("Il a fait Grenoble INP – Ense3 en 2015.", ["Grenoble INP – Ense3"]),
        ("Les enseignes Système U et Carrefour.", ["Système U", "Carrefour"]),
    ],
)
def test_finds_media_research_hospitals_and_districts(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a hospital's surname-name after a title or a first name is a person
        "Le Dr Bichat l'a reçue ; Jean Cochin est venu.",
        # ordinary words that a newspaper is named after, without a cue
        "La Libération de Paris. Ce fut un progrès.",
        # a maker's name with a model number is a car or a plane
        "Le véhicule, une Peugeot 208, et un Airbus A320.",
        # a school's name followed by an ordinary word after a dash
        "Il a fait Grenoble INP – Promotion 2015.",
    ],
)
def test_no_organisation_in_names_of_people_words_and_models(found, rec, text):
    assert [t for t in found(rec, text) if t != "Grenoble INP"] == []


def test_a_maker_followed_by_a_duration_is_still_the_employer(found, rec):
    assert found(rec, "Il a travaillé chez Airbus 12 ans.") == ["Airbus"]

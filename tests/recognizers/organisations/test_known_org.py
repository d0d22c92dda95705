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
    ],
)
def test_ignores_ambiguous_and_non_organisations(found, rec, text):
    assert found(rec, text) == []

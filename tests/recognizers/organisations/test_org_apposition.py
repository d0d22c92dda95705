"""OrgAppositionRecognizer: a name between commas after a noun of an organisation."""

from __future__ import annotations

import pytest

from recognizers.organisations.org_apposition import OrgAppositionRecognizer


@pytest.fixture(scope="module")
def rec():
    return OrgAppositionRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle a travaillé dans une agence, Pixelune, à Mérignac.", ["Pixelune"]),
        ("Une agence de Valence, Taller Brisa, lui propose un contrat.", ["Taller Brisa"]),
        ("Son employeur, Kalios, l'a licenciée en mars.", ["Kalios"]),
        ("L'éditeur de l'ERP, Sygma Gestion, facture 35 k€.", ["Sygma Gestion"]),
        ("Il a rejoint une start-up, Mobilix.", ["Mobilix"]),
        ("Le cabinet d'audit, Dauphiné Révision, a certifié les comptes.", ["Dauphiné Révision"]),
        (
            "Elle lit un quotidien régional, Le Courrier Vosgien, chaque matin.",
            ["Le Courrier Vosgien"],
        ),
        ("Notre hébergeur, Nimbus Septentrion (Roubaix), a eu une panne.", ["Nimbus Septentrion"]),
    ],
)
def test_finds_the_name_in_apposition(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a person, a title, a place, a heading, a pronoun, a tool
        "Son employeur, Julien, est compréhensif.",
        "Son ancien employeur, M. Dupont, est parti à la retraite.",
        "Elle a ouvert une agence, Lyon, puis une autre à Lille.",
        "La banque, Direction Générale, a répondu.",
        "Elle travaille dans une entreprise, Elle aime ça.",
        "Il a testé une plateforme, Zoom, pour ses séances.",
        # no comma, or a client who is a person: other recognizers
        "Elle travaille dans une agence Pixelune.",
        "Mon client, Romain, hésite encore.",
        # lower-case word after the comma
        "Une agence, pourtant, a rappelé.",
    ],
)
def test_leaves_people_places_and_headings_alone(found, rec, text):
    assert found(rec, text) == []

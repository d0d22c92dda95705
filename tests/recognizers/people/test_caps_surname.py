"""CapsSurnameRecognizer: `Firstname SURNAME` and `SURNAME Firstname`, not acronyms."""

from __future__ import annotations

import pytest

from recognizers.people.caps_surname import CapsSurnameRecognizer


@pytest.fixture(scope="module")
def rec():
    return CapsSurnameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cliente: Victoire AKONO\nnaissance: 2006", ["Victoire AKONO"]),
        ("Bénéficiaire : VIDAL Anaïs - dossier n° PD-2025-014", ["VIDAL Anaïs"]),
        ("| Hélène QUÉRÉ-DARCOURT | gérante |", ["Hélène QUÉRÉ-DARCOURT"]),
        ("| Maëlys N'GUESSAN | tatoueuse |", ["Maëlys N'GUESSAN"]),
        (
            "| Yannick LE BRAS | Armelle KERVELLA-LE BIHAN |",
            ["Yannick LE BRAS", "Armelle KERVELLA-LE BIHAN"],
        ),
        ("Signé par Goulven TANGUY, médecin.", ["Goulven TANGUY"]),
        ("Signé : D'ALMEIDA Priya, référente.", ["D'ALMEIDA Priya"]),
    ],
)
def test_finds_caps_surnames(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Elle est en deuxième année de STAPS à Bordeaux.",
        "Cap Horizon Coaching SARL, RCS Brest",
        "Aurélien Fabre-Sanchez\nAFS Coaching\n",
        "devant les bureaux de la CCI Aix-Marseille-Provence",
        "Urgences du CHU, EHPAD Les Pommiers, Julien DRH",
        "COMPTE RENDU - COACHING D'ÉQUIPE DE NUIT",
        "la TVA et l'IBAN, le SIRET, l'OPCO",
    ],
)
def test_ignores_acronyms(found, rec, text):
    assert found(rec, text) == []

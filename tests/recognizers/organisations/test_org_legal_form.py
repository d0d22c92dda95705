"""OrgLegalFormRecognizer: company names glued to a legal form, form excluded."""

from __future__ import annotations

import pytest

from recognizers.organisations.org_legal_form import OrgLegalFormRecognizer


@pytest.fixture(scope="module")
def rec():
    return OrgLegalFormRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("entreprise: Lumen Robotics SAS\nsiren: 902 158 732", ["Lumen Robotics"]),
        ("Mme Carré, gérante de Vent d'Ouest Coaching SARL, signe.", ["Vent d'Ouest Coaching"]),
        ("Le devis de la SARL Dupuis Frères est arrivé.", ["Dupuis Frères"]),
        ("Le local appartient à la SCI Les Oliviers.", ["Les Oliviers"]),
        ("Le GAEC des Trois-Sources livre le lait.", ["Trois-Sources"]),
        ("Facturé à : Atelier Bleu (EURL)", ["Atelier Bleu"]),
        ("BLEU MARINE SASU - 12 rue des Lilas", ["BLEU MARINE"]),
        # the name found with its form is flagged at its other mentions
        (
            "entreprise: Lumen Robotics SAS\n\nContexte : Lumen Robotics, 40 personnes.",
            ["Lumen Robotics", "Lumen Robotics"],
        ),
    ],
)
def test_finds_company_names(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Elle est entrepreneur individuel depuis 2019.",
        "SA MAISON EST LOIN",
        "Aurore, ATSEM, aide en classe.",
        "La SAS a été créée en juin.",
        "Il a passé son BTS en alternance.",
    ],
)
def test_ignores_forms_without_names(found, rec, text):
    assert found(rec, text) == []

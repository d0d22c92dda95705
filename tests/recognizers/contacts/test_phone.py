"""PhoneRecognizer: French numbers in every written form, foreign numbers with '+'."""

from __future__ import annotations

import pytest

from recognizers.contacts.phone import PhoneRecognizer


@pytest.fixture(scope="module")
def rec():
    return PhoneRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Son portable : 06 12 34 56 78.", "06 12 34 56 78"),
        ("Tél. 06.12.34.56.78 (perso)", "06.12.34.56.78"),
        ("Fixe de Margot : 04-65-71-22-58.", "04-65-71-22-58"),
        ("| Jean | taxi | 0612345678 |", "0612345678"),
        ("Joignable au +33 6 12 34 56 78 le soir.", "+33 6 12 34 56 78"),
        ("Contacts : +33 (0)6 12 34 56 78 ; Margaux", "+33 (0)6 12 34 56 78"),
        ("Appeler le 0033 6 12 34 56 78 avant midi.", "0033 6 12 34 56 78"),
        ("Standard : +33 1 99 00 53 17", "+33 1 99 00 53 17"),
        ("le fixe du club (05 36 49 20 88, le soir)", "05 36 49 20 88"),
        ("numéro vert 08 00 12 34 56", "08 00 12 34 56"),
        ("box : 09 70 12 34 56", "09 70 12 34 56"),
        ("tél. (+33) 6 12 34 56 78 le matin", "(+33) 6 12 34 56 78"),
        ("portable +33(0)6 12 34 56 78", "+33(0)6 12 34 56 78"),
        ("noté 06/12/34/56/78 sur un post-it", "06/12/34/56/78"),
        ("Sa sœur à Londres : +44 20 7946 0958.", "+44 20 7946 0958"),
        ("Bureau de Genève : +41 22 345 67 89", "+41 22 345 67 89"),
        ("Bruxelles +32 470 12 34 56, demain", "+32 470 12 34 56"),
        # A context word before a foreign number goes through the enhancer too.
        ("Son portable belge : +32 470 12 34 56", "+32 470 12 34 56"),
        ("Son cousin : +1 (415) 555-0199 ext. 12", "+1 (415) 555-0199"),
    ],
)
def test_finds_phone_numbers(found, rec, text, expected):
    assert found(rec, text) == [expected]


def test_extension_is_outside_the_span(found, rec):
    text = "secrétariat du service 03 53 01 62 19 poste 4412 ; moi-même"
    assert found(rec, text) == ["03 53 01 62 19"]


def test_foreign_number_drops_trailing_date_digits(found, rec):
    assert found(rec, "Appelé le +44 20 7946 0958 12 mars") == ["+44 20 7946 0958"]


def test_scores(run_recognizer, rec):
    [(_, _, separated)] = run_recognizer(rec, "Noté : 06 12 34 56 78")
    [(_, _, compact)] = run_recognizer(rec, "Noté : 0612345678")
    assert separated >= 0.85
    assert 0.5 <= compact < separated


@pytest.mark.parametrize(
    "text",
    [
        "Total TTC : 1 200,00 € ; TVA 20 % : 200,00 €",
        "indemnité forfaitaire de 40 € et poste 4412",
        "SIRET 732 829 320 00017",
        "IBAN : FR14 2004 1010 0505 0001 3M02 606",
        "n° sécu 2 84 05 75 115 032 57",
        "séances des 09/01/2025, 23.01.2025 et 2025-02-06, le 06/12/2034",
        "né en 1989, depuis 2019, à 18 h 30",
        "commande n° 0012345",
        "un numéro 06 12 34 56 7 incomplet",
        "Total : 1 234 567 890 euros",
    ],
)
def test_ignores_other_numbers(found, rec, text):
    assert found(rec, text) == []

"""VatRecognizer: intra-community VAT numbers; the French key is checked."""

from __future__ import annotations

import pytest

from recognizers.numbers.vat import VatRecognizer


@pytest.fixture(scope="module")
def rec():
    return VatRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SIRET ... - TVA intracommunautaire FR44732829320\n", "FR44732829320"),
        ("n° TVA : FR 83 404 833 048.", "FR 83 404 833 048"),
        ("Identifiant FR83404833048 sur la facture", "FR83404833048"),
    ],
)
def test_valid_key_is_certain(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("ID", expected, 1.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TVA intracommunautaire FR45732829320", "FR45732829320"),
        ("TVA intracom : FRX1732829320", "FRX1732829320"),
        ("VAT number DE123456789", "DE123456789"),
        ("numéro de TVA BE0123456749", "BE0123456749"),
    ],
)
def test_unchecked_or_wrong_key_only_with_context(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "TVA 20 % : 200,00 €",
        "Le code FR45732829320 sans rien autour",
        "DE123456789 traîne dans un tableau",
        "IBAN FR14 2004 1010 0505 0001 3M02 606",
        "SIREN 732 829 320",
    ],
)
def test_ignores_the_rest(found, rec, text):
    assert found(rec, text) == []

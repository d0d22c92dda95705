"""IbanRecognizer: IBANs validated by mod-97 and the country's length.

Decision: a failing checksum keeps a low score, reported only after "IBAN",
"RIB", "virement"... (a mistyped account number still leaks).
"""

from __future__ import annotations

import pytest

from recognizers.numbers.iban import IbanRecognizer


@pytest.fixture(scope="module")
def rec():
    return IbanRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IBAN : FR14 2004 1010 0505 0001 3M02 606\nEn cas", "FR14 2004 1010 0505 0001 3M02 606"),
        ("sur le compte FR1420041010050500013M02606.", "FR1420041010050500013M02606"),
        ("IBAN DE89 3704 0044 0532 0130 00 (Berlin)", "DE89 3704 0044 0532 0130 00"),
        ("Compte belge BE68 5390 0754 7034, merci", "BE68 5390 0754 7034"),
        ("UK: GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19"),
    ],
)
def test_valid_iban_is_certain(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("ID", expected, 1.0)]


def test_trailing_capitals_are_trimmed(run_recognizer, rec):
    # The pattern swallows "GEBA" as a fifth group; the retry cuts it off.
    text = "Compte BE68 5390 0754 7034 GEBA BE BB"
    assert run_recognizer(rec, text) == [("ID", "BE68 5390 0754 7034", 1.0)]


def test_wrong_checksum_only_with_context(found, rec):
    assert found(rec, "IBAN : FR15 2004 1010 0505 0001 3M02 606") == [
        "FR15 2004 1010 0505 0001 3M02 606"
    ]
    assert found(rec, "Le code FR15 2004 1010 0505 0001 3M02 606 traîne") == []


@pytest.mark.parametrize(
    "text",
    [
        "TVA intracommunautaire FR44732829320",
        "SIRET 732 829 320 00017",
        "tél. 06 12 34 56 78",
        "facture F2025-0147 du mois",
    ],
)
def test_ignores_other_identifiers(found, rec, text):
    assert found(rec, text) == []

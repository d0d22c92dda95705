"""SirenSiretRecognizer: company numbers, Luhn-validated.

Decision: a Luhn failure keeps a low score; only "SIREN", "SIRET" or "RCS"
just before lifts it above the threshold (a mistyped number is still one).
"""

from __future__ import annotations

import pytest

from recognizers.numbers.siren_siret import SirenSiretRecognizer


@pytest.fixture(scope="module")
def rec():
    return SirenSiretRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SIRET 732 829 320 00017 - TVA", "732 829 320 00017"),
        ("| SIRET du cédant | 40483304800022 |", "40483304800022"),
        ("siren: 404 833 048\n", "404 833 048"),
        ("SIRET 732 829 320 000 17 au registre", "732 829 320 000 17"),
        ("Sa société a un numéro : 732829320. Il est fier.", "732829320"),
        ("RCS Brest 404 833 048\n", "404 833 048"),
    ],
)
def test_valid_numbers_are_certain(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("ID", expected, 1.0)]


def test_siren_inside_siret_is_one_span(found, rec):
    assert found(rec, "SIRET : 404 833 048 00022") == ["404 833 048 00022"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SIRET : 732 829 320 00018", ["732 829 320 00018"]),
        ("SIREN 732 829 321", ["732 829 321"]),
    ],
)
def test_luhn_failure_only_with_context(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le numéro 732 829 321 ne dit rien.",
        "Budget : 123 456 789 € sur trois ans",
        "IBAN FR14 2004 1010 0505 0001 3M02 606",
        "TVA intracommunautaire FR44732829320",
        "n° sécu 2 84 05 75 115 032 57",
        "tél. 06 12 34 56 78, 0612345678",
        "Total HT : 1 000,00 €",
    ],
)
def test_ignores_other_numbers(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Patient 404833048 : M. X",
        "ADELI 404833048",
        "| N° allocataire | 404 833 048 |",
        "IPP n° 40483304800014",
    ],
)
def test_a_person_or_file_label_makes_it_no_company_number(found, rec, text):
    # 404 833 048 passes Luhn: after these labels the digit run has it instead
    assert found(rec, text) == []


def test_company_labels_still_find_it(found, rec):
    assert found(rec, "SIREN 404833048, RCS Lyon") == ["404833048"]

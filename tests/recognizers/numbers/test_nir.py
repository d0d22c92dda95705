"""NirRecognizer: French social security numbers, key-validated.

Decision: a wrong key is not dropped outright. It keeps a score below the
threshold, so it is reported only after a context word ("sécu", "NIR"):
then it is a mistyped number that still identifies someone.
"""

from __future__ import annotations

import pytest

from recognizers.numbers.nir import NirRecognizer


@pytest.fixture(scope="module")
def rec():
    return NirRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Numéro : 2 84 05 75 115 032 57, à recopier", "2 84 05 75 115 032 57"),
        ("Fiche : 1 89 12 2A 004 005 90.", "1 89 12 2A 004 005 90"),
        ("compact 175016912345679 dans le formulaire", "175016912345679"),
        ("dossier : 2.93.10.99.001.002.73", "2.93.10.99.001.002.73"),
    ],
)
def test_valid_key_is_certain(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("ID", expected, 1.0)]


def test_corsica_key_uses_2b(found, rec):
    # 2B counts as 18, 2A as 19: the same digits with 2B have another key.
    assert found(rec, "Fiche : 1 89 12 2B 004 005 90.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("n° sécu 2 84 05 75 115 032 58", "2 84 05 75 115 032 58"),
        ("NIR 2 84 05 75 115 032 (clé illisible)", "2 84 05 75 115 032"),
    ],
)
def test_wrong_or_missing_key_only_with_context(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Numéro : 2 84 05 75 115 032 58, à recopier",
        "SIRET 732 829 320 00017",
        "IBAN FR14 2004 1010 0505 0001 3M02 606",
        "tél. 06 12 34 56 78",
        "Total : 1 234 567,89 €",
    ],
)
def test_ignores_other_numbers(found, rec, text):
    assert found(rec, text) == []

"""DictatedNirRecognizer: a NIR whatever its grouping; the key decides when present."""

from __future__ import annotations

import pytest

from recognizers.numbers.dictated_nir import (
    KEYED_SCORE,
    WITHOUT_KEY_SCORE,
    DictatedNirRecognizer,
)

# 1 87 04 31 555 042, key 47 (built for this test: sex, year, month, department)
KEYED = "1 8 7 0 4 3 1 5 5 5 0 4 2 4 7"


@pytest.fixture(scope="module")
def rec():
    return DictatedNirRecognizer()


@pytest.mark.parametrize(
    "text",
    [
        f"numéro de sécurité sociale {KEYED} adressé par",
        "N° SS : 2 92 0675 118 207 95",
        "sécu 1870 4315 5504 247, à recopier",
    ],
)
def test_a_right_key_makes_it_certain(run_recognizer, rec, text):
    [(entity, _, score)] = run_recognizer(rec, text)
    assert (entity, score) == ("ID", KEYED_SCORE)


def test_a_wrong_key_is_not_a_nir(found, rec):
    # the same digits with another key: left to the fail-closed digit run
    assert found(rec, "N° SS : 1 8 7 0 4 3 1 5 5 5 0 4 2 4 8") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "N° SS déclaré : 2 9 2 0 6 7 5 1 1 8 2 0 7 (clé non communiquée)",
            "2 9 2 0 6 7 5 1 1 8 2 0 7",
        ),
        ("NIR 1 76 05 19900 862 sans la clé", "1 76 05 19900 862"),
    ],
)
def test_thirteen_digits_with_a_nir_structure(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("ID", expected, WITHOUT_KEY_SCORE)]


@pytest.mark.parametrize(
    "text",
    [
        # the structure fails: sex 5, month 13
        "code 5 8 7 0 4 3 1 5 5 5 0 4 2",
        "code 1 8 7 1 3 3 1 5 5 5 0 4 2",
        # not thirteen or fifteen digits
        "IPP 3 3 0 0 9 8 1 2 4 7",
        "tél. 0 6 3 9 9 8 2 2 1 4",
        "Total : 1 234 567 890 123 euros",
    ],
)
def test_other_runs_are_not_a_nir(found, rec, text):
    assert found(rec, text) == []

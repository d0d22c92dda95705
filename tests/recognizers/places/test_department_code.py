"""DepartmentCodeRecognizer: "Vannes (56)", never a count or a page in brackets."""

from __future__ import annotations

import pytest

from recognizers.places.department_code import DepartmentCodeRecognizer


@pytest.fixture(scope="module")
def rec():
    return DepartmentCodeRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle vit à Vannes (56) depuis 2019.", ["56"]),
        ("Né à Saint-Malo (35), il a grandi à Ajaccio (2A).", ["35", "2A"]),
        ("Poste basé à Fort-de-France (972).", ["972"]),
    ],
)
def test_a_department_number_after_a_town(rec, text, expected):
    found = rec.analyze(text, ["ADDRESS"], None)
    assert [text[r.start : r.end] for r in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les enfants (12) sont partis.",  # no town
        "Voir le chapitre (56) du rapport.",
        "Réunion avec Julien (35) ans.",
        "Vannes (1998) puis Lorient.",  # a year
        "Vannes (56 km) est loin.",
    ],
)
def test_no_department_number_without_a_town(rec, text):
    assert rec.analyze(text, ["ADDRESS"], None) == []

"""HouseholdNameRecognizer: a surname standing for a household."""

from __future__ import annotations

import pytest

from recognizers.people.household_name import HouseholdNameRecognizer


@pytest.fixture(scope="module")
def rec():
    return HouseholdNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ginette, vendeuse chez les Delmas depuis 30 ans", ["Delmas"]),
        ("la famille Martin viendra aussi", ["Martin"]),
        ("comme chez les Hébert, les voisins", ["Hébert"]),
        ("les Girard ne se parlent plus", ["Girard"]),
        ("chez les Le Goff, on mange tôt", ["Le Goff"]),
    ],
)
def test_finds_households(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "à l'EHPAD Les Pommiers à Vimoutiers",
        "chez les voisins, chez le notaire",
        "les Alpes et les Vosges",
        "chez les Bleus de France",
    ],
)
def test_no_household(found, rec, text):
    assert found(rec, text) == []

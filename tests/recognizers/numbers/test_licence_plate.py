"""LicencePlateRecognizer: SIV and FNI plates, weak shapes only with context."""

from __future__ import annotations

import pytest

from recognizers.numbers.licence_plate import LicencePlateRecognizer


@pytest.fixture(scope="module")
def rec():
    return LicencePlateRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je suis garée devant, la Twingo verte, GH-718-ZK. Si tu passes", "GH-718-ZK"),
        ("sa Clio (FG-204-RL) était bloquée", "FG-204-RL"),
        ("voiture immatriculée AB 123 CD", "AB 123 CD"),
        ("Plaque : AB123CD", "AB123CD"),
        ("véhicule immatriculé 1234 AB 56 (ancien format)", "1234 AB 56"),
        ("sa vieille voiture, 123 ABC 2A", "123 ABC 2A"),
    ],
)
def test_finds_plates(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Code AB 123 CD dans le tableau",
        "référence AB123CD",
        "IO-123-AB et AB-000-CD et SS-123-AB",
        "ab-123-cd",
        "salle 12 B 34",
        "dossier DF-25-0087",
        "Relance - facture F2025-0147",
    ],
)
def test_ignores_non_plates(found, rec, text):
    assert found(rec, text) == []

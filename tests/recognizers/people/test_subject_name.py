"""SubjectNameRecognizer: unknown proper nouns acting on the writer."""

from __future__ import annotations

import pytest

from recognizers.people.subject_name import SubjectNameRecognizer


@pytest.fixture(scope="module")
def rec():
    return SubjectNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prune V. : Bazou m'a dessiné une capucine « pour la chance ».", ["Bazou"]),
        ("Hier soir. Titou nous a appelés en pleurant.", ["Titou"]),
    ],
)
def test_finds_unknown_subjects(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cela m'a fait du bien.",
        "Elle m'a dit oui.",
        "Ensuite m'a pris l'envie de partir.",
        "Julien m'a appelé.",
        "Il a vu Bazou hier.",
    ],
)
def test_ignores_other_subjects(found, rec, text):
    assert found(rec, text) == []

"""ChezOrgRecognizer: a brand after `chez`, never a person or a plain word."""

from __future__ import annotations

import pytest

from recognizers.organisations.org_after_chez import ChezOrgRecognizer


@pytest.fixture(scope="module")
def rec():
    return ChezOrgRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("après dix ans chez Petit Navire.", ["Petit Navire"]),
        ("elle était chez Petit Navire quand on s'est connues", ["Petit Navire"]),
        ("arrivée chez Ty Glaz il y a trois ans", ["Ty Glaz"]),
        ("Stage de fin d'études chez Petit Bateau, puis CDI.", ["Petit Bateau"]),
    ],
)
def test_finds_the_workplace(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Elle dort chez Paul ce soir.",
        "On se retrouve chez Mme Roux à 18 h.",
        "Il passe le week-end chez Maman.",
        "Chez nous, on ne parle pas d'argent.",
        "rendez-vous chez le médecin lundi",
        "Elle passe Noël chez ses parents.",
    ],
)
def test_leaves_people_and_common_words_alone(found, rec, text):
    assert found(rec, text) == []


def test_a_surname_after_chez_is_left_to_the_person_recognizers(found, rec):
    assert found(rec, "Elle a rendez-vous chez Dupont demain.") == []


def test_a_sentence_opening_chez_flags_the_name_without_chez(found, rec):
    assert found(rec, "Chez Pixelune, tout va vite.") == ["Pixelune"]
    assert found(rec, "Bilan.\nChez Kalios, on ne parle pas d'argent.") == ["Kalios"]


def test_a_capitalized_chez_inside_a_sentence_is_a_shop_name(found, rec):
    # `Chez Sof'` is the food truck's own name: the head noun recognizer's
    assert found(rec, "Il tient le food truck Chez Sof' sur le port.") == []
    assert found(rec, "Chez nous, on ne parle pas d'argent.") == []

"""DictatedEmailRecognizer: addresses dictated in words or obfuscated."""

from __future__ import annotations

import pytest

from recognizers.contacts.dictated_email import DictatedEmailRecognizer


@pytest.fixture(scope="module")
def rec():
    return DictatedEmailRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "son adresse : loic point bertin arobase wanadoo point fr, à noter",
            "loic point bertin arobase wanadoo point fr",
        ),
        (
            "Il m'a dicté bastien point couderc arobase orange point fr.",
            "bastien point couderc arobase orange point fr",
        ),
        ("écrire à marie arobase gmail point com demain", "marie arobase gmail point com"),
        (
            "c'est jean tiret pierre point durand at univ tiret lyon point f r",
            "jean tiret pierre point durand at univ tiret lyon point f r",
        ),
        (
            "Mail : lea tiret bas roux arobase free point fr",
            "lea tiret bas roux arobase free point fr",
        ),
        (
            "son mail perso c'est lise point garnier soixante-douze arobase free point fr euh",
            "lise point garnier soixante-douze arobase free point fr",
        ),
        (
            "noter paul tiret henri quatre vingt un arobase orange point fr merci",
            "paul tiret henri quatre vingt un arobase orange point fr",
        ),
        ("mail : jean.dupont [at] gmail [dot] com", "jean.dupont [at] gmail [dot] com"),
        ("ou bien jean(at)exemple.fr pour le club", "jean(at)exemple.fr"),
    ],
)
def test_finds_dictated_addresses(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On fait le point sur la relation, point final.",
        "Rendez-vous at home point barre",
        "au point mort, à la maison",
        "marie arobase gmail",
    ],
)
def test_ignores_prose(found, rec, text):
    assert found(rec, text) == []

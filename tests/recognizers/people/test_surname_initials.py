"""SurnameInitialsRecognizer: a surname, then the initials of the first name."""

from __future__ import annotations

import pytest

from recognizers.people.surname_initials import SurnameInitialsRecognizer


@pytest.fixture(scope="module")
def rec():
    return SurnameInitialsRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interne BRUNEAU T.M.\nCopie : Dr FAVIER", ["BRUNEAU T.M."]),
        ("Présents : DUMESNIL J (radiologie), PUGEAT G.M", ["DUMESNIL J", "PUGEAT G.M"]),
        ("Interne VAILLANT J.R., externe LE ROUX A.", ["VAILLANT J.R.", "LE ROUX A."]),
        ("visé par Pugeat G.M et Willemot J.-P.", ["Pugeat G.M", "Willemot J.-P."]),
        ("Rédaction : KOWALCZYK P.", ["KOWALCZYK P."]),
    ],
)
def test_finds_surnames_with_initials(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "VITAMINE D, SALLE B, Annexe B. et Paris C. ; le plan B.",
        "Bâtiment C. COMPTE RENDU A. CONFORME B. Type A. Hépatite C.",
        "ATCD : HTA A, DT2. IDE de nuit. SAMU C. COMEX A. GIR 4.",
        "DPO : M. Martin. Mme Roux",
        "Prune V. a écrit.",
    ],
)
def test_ignores_words_acronyms_and_places(found, rec, text):
    assert found(rec, text) == []

"""DepartmentNumberOrgRecognizer: a departmental body and its department's number."""

from __future__ import annotations

import pytest

from anonymize import Config, anonymize_text
from recognizers.organisations.org_department_number import DepartmentNumberOrgRecognizer


@pytest.fixture(scope="module")
def rec():
    return DepartmentNumberOrgRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le dossier est parti à la MDPH 35 la semaine dernière.", ["MDPH 35"]),
        ("Logement attribué par Habitat 29 en janvier.", ["Habitat 29"]),
        ("Visite de la médecine du travail (SISTRA 44).", ["SISTRA 44"]),
        ("Le SAMU 56 est intervenu.", ["SAMU 56"]),
    ],
)
def test_finds_the_body_and_its_number(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "IMC 31 à l'entrée, FC 88 au repos.",
        "Elle a eu le COVID 19 en 2022.",
        "EVA 10/10 au réveil, TA 14,9 le soir.",
        "Saturation SpO2 94 % en air ambiant.",
        "Chambre 12, lit B.",
        "Le CAC 40 a baissé.",
    ],
)
def test_measures_and_ordinary_words_are_no_organisation(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize("seed", (1, 2, 3))
def test_a_public_service_keeps_its_name_and_its_number_follows_the_towns(seed):
    text = "Vit à Lorient. Dossier déposé à la MDPH 56 en mars, suivi par Habitat 56.\n"
    out = anonymize_text(text, Config(seed=seed)).text
    assert "MDPH 56" not in out and "Habitat 56" not in out and "Lorient" not in out, out
    assert "la MDPH " in out and "par Habitat " in out, out

"""RoleNameRecognizer: the name a role heads in a record, role outside the span."""

from __future__ import annotations

import pytest

from recognizers.people.role_name import RoleNameRecognizer


@pytest.fixture(scope="module")
def rec():
    return RoleNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interne BRUNEAU T.M.\nCopie : Dr FAVIER", ["BRUNEAU T.M."]),
        ("Père: JULES PHILIPPE\nMère : Mme Durand", ["JULES PHILIPPE"]),
        ("Professeur MOLIN MICKAEL", ["MOLIN MICKAEL"]),
        ("dictée par le docteur Ferhat interne Vasseur-Lebon patient", ["Vasseur-Lebon"]),
        ("Patiente : DUPONT Jeanne, 45 ans. Éducateur : Moreau.", ["DUPONT Jeanne", "Moreau"]),
        (
            "Cadre de santé : LEBLANC Odile, Assistante sociale : Vidal.",
            ["LEBLANC Odile", "Vidal"],
        ),
    ],
)
def test_finds_names_after_roles(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "IDE : RAS. Patient : NON CONNU. Patiente : Homme de 45 ans.",
        "Les patients Alzheimer et le patient Parkinson. IDE de nuit.",
        "Mère : HTA, DT2. Patient : SDF. Interne : Paris.",
        "COMPTE RENDU\nPatient : CONFORME\nIDE : COMEX, DPO, SAMU",
        "ATCD : HTA. Patiente : ATCD de chute.",
    ],
)
def test_ignores_acronyms_words_and_places(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("- Fils : Pierre, 9 ans, CM1.", "first"),
        ("- Fille : Aimée, 15 ans, internat.", "first"),
        ("Interne : Martin, de garde cette nuit.", "last"),
    ],
)
def test_a_lone_first_name_after_a_kin_word_is_a_first_name(analyzer, text, part):
    artifacts = analyzer.nlp_engine.process_text(text, "fr")
    results = RoleNameRecognizer().analyze(text, ["PERSON"], artifacts)
    parts = [(r.recognition_metadata or {}).get("part") for r in results]
    assert results and parts[0] == part, (parts, [text[r.start : r.end] for r in results])

"""DictatedNameRecognizer: lower-case names after a title, a role or a relation word."""

from __future__ import annotations

import pytest

from recognizers.people.dictated_name import DictatedNameRecognizer, name_word


@pytest.fixture(scope="module")
def rec():
    return DictatedNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title: one name word is enough, first name and surname are taken together
        ("lettre au docteur bernard giraud cardiologue à propos de", ["bernard giraud"]),
        ("patient revu avec monsieur karim benali ce matin", ["karim benali"]),
        ("vu en consultation par le dr lefebvre hier", ["lefebvre"]),
        ("avis du pr. dumont demandé", ["dumont"]),
        ("rappeler mme garnier au sujet des résultats", ["garnier"]),
        ("transmis à m. perrin et à mlle chauvet", ["perrin", "chauvet"]),
        # surnames that are also words are names after a title
        ("consultation de madame blanc pour lombalgie", ["blanc"]),
        ("le docteur rose est d'astreinte", ["rose"]),
        # hyphenated surnames
        ("entretien avec madame nadia lemaire-durand ce jour", ["nadia lemaire-durand"]),
        # a role or a relation word: a first name that is no word, or first name + surname
        ("appeler l'infirmière coralie en cas de fièvre", ["coralie"]),
        ("le frère de la patiente yannick morel est venu", ["yannick morel"]),
        ("accompagnée de son fils kevin", ["kevin"]),
        # a first name that is also a word, after a relation word, when an age follows
        ("elle vit avec sa fille ambre douze ans", ["ambre"]),
        ("son fils pierre, 8 ans, est scolarisé", ["pierre"]),
    ],
)
def test_finds_lower_case_names(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "madame la directrice de l'établissement a signé",
        "il est docteur en droit et professeur des universités",
        "monsieur le maire a été prévenu",
        "madame est partie avant la fin",
        "monsieur dit qu'il dort mal",
        "un martin-pêcheur passe sur la rivière",
        "elle porte un pull rose et boit du vin blanc",
        "sa fille rose de honte baisse les yeux",
        "sa fille aînée et son fils cadet",
        "le patient calme et orienté, patiente agitée",
        "patient petit et maigre, l'interne brun de cheveux",
        "l'infirmière de nuit est passée",
        "si tu as julien au téléphone",
        "m dupont sans point n'est pas un titre",
        # capitalised names are the other recognizers'
        "rendez-vous avec Madame Roche et le Dr Pelletier",
    ],
)
def test_leaves_words_alone(found, rec, text):
    assert found(rec, text) == []


def test_the_cue_stays_outside_and_gives_the_part(run_recognizer, rec):
    text = "vu par le docteur lionel faure puis par madame faure"
    results = rec.analyze(text, ["PERSON"])
    assert [(text[r.start : r.end], r.recognition_metadata["part"]) for r in results] == [
        ("lionel faure", "full"),
        ("faure", "last"),
    ]


def test_name_words():
    assert name_word("sylvain") == "first"
    assert name_word("vasseur") == "last"
    assert name_word("lemaire-durand") == "last"
    assert name_word("directrice") is None  # an ordinary word
    assert name_word("la") is None  # a particle
    assert name_word("Garnier") is None  # capitalised: not read here

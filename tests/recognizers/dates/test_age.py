"""FrenchAgeRecognizer: a person's age, never a duration or a seniority."""

from __future__ import annotations

import pytest

from recognizers.dates.age import FrenchAgeRecognizer


@pytest.fixture(scope="module")
def rec():
    return FrenchAgeRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Margot, 23 ans, fait de l'escrime depuis 9 ans.", ["23 ans"]),
        ("age: 31 ans\ndiscipline: aviron", ["31 ans"]),
        ("Âge : 44 ans", ["44 ans"]),
        ("son petit frère Noé (12 ans) et sa sœur", ["12 ans"]),
        ("| Paul Lemaire | père, associé | 67 ans | veut partir |", ["67 ans"]),
        ("Arrive avec Lily dans la poussette (7 mois), qui dort.", ["7 mois"]),
        ("leur fils, Sacha, a 4 mois.", ["4 mois"]),
        ("Sa mère l'a eu à 20 ans et le dit souvent.", ["20 ans"]),
        ("il a repris l'atelier de son oncle à 25 ans", ["25 ans"]),
        ("Il avait commencé le piano à 7 ans.", ["7 ans"]),
        ("Je suis un papa de vingt-quatre ans, pas un gamin.", ["vingt-quatre ans"]),
        ("en reprise d'études avec un enfant de trois ans", ["trois ans"]),
        ("depuis que j'avais douze ans jusqu'au bac", ["douze ans"]),
        ("quand j'avais cinq ans, un quart de violon", ["cinq ans"]),
        ("Il a quarante et un ans.", ["quarante et un ans"]),
        ("Elle a soixante-dix-huit ans.", ["soixante-dix-huit ans"]),
        ("âgée de 52 ans, elle dirige le service", ["52 ans"]),
        ("un bébé de 3 semaines dans les bras", ["3 semaines"]),
        ("Elle a 2 ans et demi.", ["2 ans et demi"]),
        ("il fête ses 40 ans samedi", ["40 ans"]),
        ("Il a presque 60 ans.", ["60 ans"]),
        ("j'ai dit 38 ans et elle a souri", ["38 ans"]),
        ("la veille avec M. Perrin, un quadragénaire pressé", ["quadragénaire"]),
        ("deux sexagénaires et une trentenaire", ["sexagénaires", "trentenaire"]),
        ("Elle approche de la cinquantaine.", ["cinquantaine"]),
        ("une femme d'une quarantaine d'années", ["quarantaine d'années"]),
        ("né en 1987 à Quimperlé", ["1987"]),
        ("Gilles (64 ans) et Nadine (61 ans)", ["64 ans", "61 ans"]),
        ("ses enfants (8 et 11 ans) vont bien", ["8", "11 ans"]),
        ("deux filles de 4 et 7 ans", ["4", "7 ans"]),
        ("Léo, 18 mois, dort enfin la nuit.", ["18 mois"]),
        ("age: 27\ndiscipline: escalade", ["27"]),
        ("| Marc ROY | chef de chai | cinquantaine | calme |", ["cinquantaine"]),
        ("Elle a commencé la natation à 40 ans, après 20 ans de tabac.", ["40 ans"]),
    ],
)
def test_finds_ages(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il fait du judo depuis 11 ans au club.",
        "Tu y vas avec 15 ans de terrain.",
        "il y a trois ans, elle est partie",
        "pendant 10 ans il a travaillé de nuit",
        "37 ans d'ancienneté dans la maison",
        "les 120 ans de la maison",
        "40 ans de mariage, ça se fête",
        "Il trait depuis 45 ans.",
        "ça fait 3 ans que je suis là",
        "dans 2 ans, je pars",
        "un contrôle tous les 5 ans",
        "plus de 20 ans d'expérience",
        "un CDI de 3 ans, renouvelable",
        "Trois ans plus tard, il revient.",
        "Directrice depuis presque 6 ans, déchargée un jour par semaine.",
        "Il a vécu 3 ans au Canada.",
        "des enfants de 3 à 6 ans",
        "les moins de 25 ans",
        "Durée : 3 ans",
        "Elle a 3 mois pour trouver un poste.",
        "durée fixée (trois semaines), rôle clair",
        "une cinquantaine de personnes",
        "mis en quarantaine pendant la quarantaine",
        "elle est à 2 ans de la retraite",
        "vendeuse chez eux depuis 30 ans",
        "en 1989 à Nuits, et la rentrée 2025",
        "Trois mois de chômage, puis six mois de formation.",
        "Le contrat est de 2 ans.",
        "entre 30 et 40 ans pour la plupart, deux ou trois ans de plus",
        "En tout, 6 mois, c'est long.",
        "| quarantaine de jours |",
        "Elle a perdu 8 kilos en 3 mois ; un accompagnement de 6 mois au total.",
        "« dans 5 ans je veux être à mon compte »",
    ],
)
def test_leaves_durations_alone(found, rec, text):
    assert found(rec, text) == []


def test_spelled_and_digit_ages_in_one_note(found, rec):
    text = "Victor, 19 ans, judo depuis 11 ans ; son frère Nils (treize ans)."
    assert found(rec, text) == ["19 ans", "treize ans"]

"""FrenchDateRecognizer: French dates in every form; times, marks and bare months left alone."""

from __future__ import annotations

import pytest

from recognizers.dates.date import FrenchDateRecognizer


@pytest.fixture(scope="module")
def rec():
    return FrenchDateRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## Séance 2 — 12/05/2025", ["12/05/2025"]),
        ("created: 2024-11-03", ["2024-11-03"]),
        ("Séance 4 - 03.04.25", ["03.04.25"]),
        ("Point d'étape le 2024/06/30 au matin.", ["2024/06/30"]),
        ("Visite du 14/11 : l'inspecteur est passé.", ["14/11"]),
        ("Paiement attendu le 22/05.", ["22/05"]),
        ("séances des 3/02, 17/02, 3/03 et 17/03/2025", ["3/02", "17/02", "3/03", "17/03/2025"]),
        ("On se revoit le 7/10 à 14 h.", ["7/10"]),
        ("La dernière finale, le 19 octobre à Nîmes.", ["19 octobre"]),
        ("Date de reprise : 1er septembre 2025", ["1er septembre 2025"]),
        ("Entretien initial — mercredi 5 février 2025 (visio)", ["mercredi 5 février 2025"]),
        ("Séance 3 - 14 janv.", ["14 janv."]),
        ("Date : mer. 16 avr. 2025 à 10:05", ["mer. 16 avr. 2025"]),
        ("[Jeu. 3 juil., 08:15] Moi : Bonjour", ["Jeu. 3 juil."]),
        ("On en reparle vendredi 23 comme prévu ?", ["vendredi 23"]),
        ("dossier à rendre en octobre 2025, elle hésite", ["octobre 2025"]),
        ("une réunion à mi-parcours (juin 2025)", ["juin 2025"]),
        ("Bilan prévu mi-mars 2026.", ["mi-mars 2026"]),
        ("Période : du 3 février au 30 avril 2025", ["3 février", "30 avril 2025"]),
        ("Prochaine séance : lundi 2 juin, 10 h.", ["lundi 2 juin"]),
        ("le samedi 1er mars, portes ouvertes", ["samedi 1er mars"]),
        ("Échéance : 15 sept. 2025", ["15 sept. 2025"]),
        ("Née le 02/09/1981 à Lorient.", ["02/09/1981"]),
        ("Arrivée en poste : 09/2023", ["09/2023"]),
        ("MARDI 8 AVRIL 2025", ["MARDI 8 AVRIL 2025"]),
        ("- 9/1 : appel avec la RH", ["9/1"]),
        ("Signature le 15-3-2025.", ["15-3-2025"]),
        ("Bilan en sept 2025, relance en avr. 2026", ["sept 2025", "avr. 2026"]),
        ("Date:18/03/2025", ["18/03/2025"]),
        ("13/12: visite de l'inspection", ["13/12"]),
        ("Rendez-vous lundi 3/03, puis mar. 15/04/2025", ["lundi 3/03", "mar. 15/04/2025"]),
        ("Stage du 6 au 10 janvier", ["6", "10 janvier"]),
        ("Absente les 3 et 4 mars 2025", ["3", "4 mars 2025"]),
        ("Séance 3 - 21 janv.", ["21 janv."]),
        (
            "mémo vocal du jeudi six mars deux mille vingt-cinq euh",
            ["jeudi six mars deux mille vingt-cinq"],
        ),
        ("le terme c'est le vingt-deux juillet, pause", ["vingt-deux juillet"]),
        ("jusqu'au trente et un mai puis le premier juin", ["trente et un mai", "premier juin"]),
    ],
)
def test_finds_dates(found, rec, text, expected):
    assert sorted(found(rec, text), key=text.index) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rendez-vous à 18 h, puis appel à 09:12 et à 18:42.",
        "en juin, depuis janvier, en 1989, depuis 2019, à la rentrée 2025",
        "Ils rappellent lundi ; elle joue tous les dimanches, le mercredi aussi.",
        "Demain, elle revoit sa sœur ; au printemps, tout change.",
        "Stress à 7/10 ce matin, fatigue notée 8/10, confiance de 6/10.",
        "Elle vient à 2/3 des séances, les 3/4 du temps en retard.",
        "Il a eu 12/20 en maths et un 10/10 en sport.",
        "Un score de 10/10 au test.",
        "Tél. 06.12.03.25.44 ou 04-65-71-22-58",
        "Le 31/02/2025 n'existe pas.",
        "Elle a 7 sept ans de différence avec lui.",
        "un bébé de 3 mois, le 1er trimestre",
        "Food truck à la Belle de Mai, Marseille",
        "Devis D2025-0098 et facture F2025-0147, compromis 2025/BG/0412",
        "Un ratio de 3/4 et 5/8 de la surface.",
        "Jeudi, on verra ; le vendredi soir aussi.",
        "Séance du jeudi 17 h à 19 h.",
        "Version 1.2.10 du logiciel, article 4.2 du contrat.",
        "Une moitié, 1/2 du temps.",
        "Elle a 7 sept ans de plus, vendredi 13 personnes.",
        "Il a sept ans et demi, elle a deux ans de plus.",
        "Deux mille personnes en mars, trente en mai.",
    ],
)
def test_leaves_non_dates_alone(found, rec, text):
    assert found(rec, text) == []


def test_weekday_inside_article_outside(found, rec):
    assert found(rec, "le mardi 4 mars, elle revient") == ["mardi 4 mars"]


def test_full_dates_score_high(run_recognizer, rec):
    [(_, _, score)] = run_recognizer(rec, "Signé le 07/03/2025.")
    assert score >= 0.85


def test_a_month_with_its_leading_zero_is_no_fraction(found, rec):
    # "sur" after 2/3 makes a fraction; after 19/03 it is the place of the event
    assert found(rec, "l'accident survenu le 14/05 sur le chantier") == ["14/05"]
    assert found(rec, "Elle a noté 2/3 sur la feuille") == []


@pytest.mark.parametrize(
    "text",
    ["Score d'Apgar 8/9/10 à la naissance", "note 7/8/10 au bilan"],
)
def test_marks_in_a_row_after_a_score_word_are_no_date(found, rec, text):
    assert found(rec, text) == []


def test_a_full_date_after_a_score_word_is_kept_with_its_century(found, rec):
    assert found(rec, "score de 12 le 8/9/2010") == ["8/9/2010"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**jeu 3/7** — appel du fournisseur", ["jeu 3/7"]),
        ("- sam 8/6 : journée portes ouvertes", ["sam 8/6"]),
        ("Rappel vendredi 4/7 pour le devis.", ["vendredi 4/7"]),
    ],
)
def test_a_weekday_makes_a_short_day_month_a_date(found, rec, text, expected):
    # without its leading zero `3/7` may be a mark; a weekday before it says a day
    assert found(rec, text) == expected


def test_a_mark_without_weekday_stays_a_mark(found, rec):
    assert found(rec, "Énergie 3/7 aujourd'hui, mieux que la veille.") == []

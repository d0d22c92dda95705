"""Dates keep their sentence: a bound keeps its side, a range its ends, a
weekday its place, day headings stay distinguishable; at every precision."""

from __future__ import annotations

import re

import pytest

from anonymize import Config, anonymize_text
from anonymize.replace.coarsen import MONTHS
from anonymize.replace.dates import read_day


def _out(text: str, **config) -> str:
    config.setdefault("seed", 7)
    return anonymize_text(text, Config(**config)).text


# (sentence, dates, expected output): sentences with no other identifier, so
# the whole output is checked.
CASES = [
    # a range inside one week keeps its weekdays and says which part of the month
    ("Stage du lundi 10 au vendredi 14 février, en groupe.", "month",
     "Stage du lundi au vendredi, mi-février, en groupe."),
    ("Stage du lundi 10 au vendredi 14 février.", "month",
     "Stage du lundi au vendredi, mi-février."),
    ("Stage du lundi 10 au vendredi 14 février.", "season",
     "Stage du lundi au vendredi, en hiver."),
    ("Stage du lundi 10 au vendredi 14 février.", "year", "Stage du lundi au vendredi."),
    ("Stage du lundi 10 au vendredi 14 février.", "remove", "Stage du lundi au vendredi."),
    # a weekday with its date, without article: the weekday and its month
    ("Séance jeudi 6 février à 18h30.", "month", "Séance un jeudi de février à 18h30."),
    ("Séance 1 (mardi 14 janvier 2025).", "month", "Séance 1 (un mardi de janvier 2025)."),
    ("Séance jeudi 6 février à 18h30.", "remove", "Séance jeudi à 18h30."),
    ("On se voit ce jeudi 6 février.", "month", "On se voit ce jeudi."),
    # with its article: the weekday and the month
    ("Rappel le mardi 4 mars à 9 h.", "month", "Rappel un mardi de mars à 9 h."),
    ("Rappel le mardi 4 mars à 9 h.", "season", "Rappel un mardi de printemps à 9 h."),
    ("Rappel le mardi 4 mars à 9 h.", "remove", "Rappel un mardi à 9 h."),
    # bounds keep their side
    ("Dossier à rendre avant le 21 mars.", "month", "Dossier à rendre avant fin mars."),
    ("Elle revient après le 3 mars.", "month", "Elle revient après début mars."),
    ("À partir du 12 mars, mi-temps.", "month", "À partir de mi-mars, mi-temps."),
    ("Arrêt prolongé jusqu'au 28 avril.", "month", "Arrêt prolongé jusqu'à fin avril."),
    ("Réponse attendue d'ici le 15 juin 2026.", "month", "Réponse attendue d'ici mi-juin 2026."),
    ("Dès le 1er septembre, il reprend.", "month", "Dès septembre, il reprend."),
    ("Elle attend depuis le 9 octobre.", "month", "Elle attend depuis début octobre."),
    ("Dossier à rendre avant le 21 mars.", "season",
     "Dossier à rendre avant le début du printemps."),
    ("À partir du 12 mars, mi-temps.", "season", "À partir du début du printemps, mi-temps."),
    ("Arrêt prolongé jusqu'au 28 août.", "season", "Arrêt prolongé jusqu'à la fin de l'été."),
    ("Réponse attendue d'ici le 15 juin 2026.", "year", "Réponse attendue d'ici mi-2026."),
    ("Dossier à rendre avant le 21 mars.", "remove", "Dossier à rendre avant une certaine date."),
    ("À partir du 12 mars, mi-temps.", "remove", "À partir d'une certaine date, mi-temps."),
    # points
    ("Premier rendez-vous le 14 mars 2025 au cabinet.", "month",
     "Premier rendez-vous en mars 2025 au cabinet."),
    ("Premier rendez-vous le 14 mars 2025 au cabinet.", "season",
     "Premier rendez-vous au printemps 2025 au cabinet."),
    ("Premier rendez-vous le 14 mars 2025 au cabinet.", "year",
     "Premier rendez-vous en 2025 au cabinet."),
    ("Premier rendez-vous le 14 mars 2025 au cabinet.", "remove",
     "Premier rendez-vous un jour au cabinet."),
    ("Le 3 juillet, rien de neuf.", "month", "En juillet, rien de neuf."),
    ("Note du 28/02/2025, relue.", "month", "Note de février 2025, relue."),
    ("Note du 28/02/2025, relue.", "season", "Note de l'hiver 2025, relue."),
    ("Entretien décalé du 10 avril.", "month", "Entretien décalé d'avril."),
    ("Elle est partie en avril 2025.", "season", "Elle est partie au printemps 2025."),
    ("Elle est partie en août 2025.", "season", "Elle est partie en été 2025."),
    ("Date : mer. 14 mai 2025, 10:37", "month", "Date : mai 2025, 10:37"),
    ("Date : mer. 14 mai 2025, 10:37", "season", "Date : printemps 2025, 10:37"),
    # ranges
    ("Séances entre le 2 juin et le 28 novembre 2025.", "month",
     "Séances entre juin et novembre 2025."),
    ("Séances entre le 2 juin et le 28 novembre 2025.", "season",
     "Séances entre l'été et l'automne 2025."),
    ("Séances entre le 2 juin et le 28 novembre 2025.", "remove",
     "Séances pendant plusieurs mois."),
    ("Séances entre le 2 et le 5 juin.", "month", "Séances début juin."),
    ("Du 6 au 9 janvier, congés.", "month", "Début janvier, congés."),
    ("Les 3 et 4 mars, formation.", "month", "Début mars, formation."),
    ("Congé du 27 février au 4 mars.", "month", "Congé de fin février à début mars."),
    ("Congé du 27 février au 4 mars.", "remove", "Congé pendant quelques semaines."),
    ("Mission du 6 janvier au 31 mars 2025.", "month", "Mission de janvier à mars 2025."),
    ("Mission du 6 janvier au 31 mars 2025.", "season",
     "Mission de l'hiver au printemps 2025."),
    ("Mission du 6 janvier au 31 mars 2025.", "year", "Mission en 2025."),
    # weekdays months apart are not a week: the months only
    ("Contrat du lundi 2 juin au vendredi 28 novembre 2025.", "month",
     "Contrat de juin à novembre 2025."),
    # two dates side by side that would read the same say which part of the month
    ("Séances du 02/06/2025 et du 16/06/2025.", "month",
     "Séances de début juin 2025 et de mi-juin 2025."),
    ("Séances des 6 janvier, 27 janvier, 10 février et 24 février 2025.", "month",
     "Séances de début janvier, fin janvier, début février et fin février 2025."),
    # keep: nothing changes
    ("Stage du lundi 10 au vendredi 14 février, avant le 21 mars.", "keep",
     "Stage du lundi 10 au vendredi 14 février, avant le 21 mars."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dates", "expected"), CASES)
def test_a_date_keeps_its_sentence(text, dates, expected):
    assert _out(text, dates=dates) == expected


def test_day_headings_of_one_note_stay_distinguishable():
    note = (
        "# Journal\n\n## Jeudi 6 février\n\nPremière séance.\n\n## Lundi 17 février\n\nRAS.\n\n"
        "## Mardi 25 février\n\nBilan.\n\n## Jeudi 6 mars\n\nSuite.\n"
    )
    out = _out(note)
    headings = re.findall(r"^## (.+)$", out, re.MULTILINE)
    assert headings == [
        "Jeudi, début février",
        "Lundi, mi-février",
        "Mardi, fin février",
        "Jeudi, mars",
    ]


def test_the_same_weekday_twice_early_in_a_month_says_which_one():
    note = "## Lundi 3 mars\n\nA.\n\n## Lundi 10 mars\n\nB.\n\n## Lundi 17 mars\n\nC.\n"
    headings = re.findall(r"^## (.+)$", _out(note), re.MULTILINE)
    assert headings == ["Premier lundi de mars", "Deuxième lundi de mars", "Lundi, mi-mars"]


def test_a_lone_day_heading_keeps_its_weekday_and_its_month():
    # the month keeps a folder's notes in order; the day would single the session out
    assert _out("## Jeudi 6 février\n\nSéance 2.\n") == "## Jeudi, février\n\nSéance 2.\n"
    assert _out("--- samedi 17 mai ---\nRAS\n") == "--- Samedi, mai ---\nRAS\n"


@pytest.mark.parametrize("dates", ["season", "year", "remove"])
def test_day_headings_never_repeat_at_a_coarser_precision(dates):
    note = "## Lundi 3 mars\n\nA.\n\n## Lundi 10 mars\n\nB.\n\n## Lundi 17 mars\n\nC.\n"
    headings = re.findall(r"^## (.+)$", _out(note, dates=dates), re.MULTILINE)
    assert len(headings) == 3 and len(set(headings)) == 3, headings
    assert not any(re.search(r"\d{1,2} mars|mars", h) for h in headings), headings


def test_headings_in_capitals_and_date_fields():
    note = "NOTE DE SÉANCE - mardi 20 mai 2025 (visio)\n**Date :** vendredi 14 février 2025, 9 h\n"
    out = _out(note)
    assert out == "NOTE DE SÉANCE - mardi, mai 2025 (visio)\n**Date :** février 2025, 9 h\n"


def test_shifted_dates_keep_their_phrase_and_their_intervals():
    text = (
        "Congé du 27 février au 4 mars. Retour avant le 21 mars 2025. "
        "Mission du 6 janvier au 31 mars 2025."
    )
    out = _out(text, shift_dates=True, seed=5)
    m = re.search(r"Congé de fin (\w+) à début (\w+)\.", out)
    assert m, out
    first, second = (MONTHS.index(x) for x in m.groups())
    assert (second - first) % 12 == 1
    assert re.search(r"Retour avant fin \w+ \d{4}\.", out), out
    assert re.search(r"Mission de \w+(?: \d{4})? à \w+ \d{4}\.", out), out
    assert m.groups() != ("février", "mars"), out


def test_other_styles_keep_the_article_around_their_placeholder():
    text = "Stage du lundi 10 au vendredi 14 février, rendu avant le 21 mars."
    out = anonymize_text(text, Config(style="redact", seed=1)).text
    assert out == "Stage du [DATE_0] au [DATE_0], rendu avant le [DATE_0]."


def test_the_detected_entities_are_reported_not_the_phrases():
    result = anonymize_text("Stage du lundi 10 au vendredi 14 février.", Config(seed=1))
    assert [e.text for e in result.entities] == ["lundi 10", "vendredi 14 février"]
    assert [r.text for r in result.replacements] == ["du lundi au vendredi, mi-février"]


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("jeudi 6 février", (6, 2, None, "jeudi")),
        ("15/04/2025", (15, 4, 2025, None)),
        ("2025-03-11", (11, 3, 2025, None)),
        ("mer. 14 mai 2025", (14, 5, 2025, "mercredi")),
        ("1er juillet", (1, 7, None, None)),
        ("trente et un mai", (31, 5, None, None)),
        ("mi-mars 2025", (15, 3, 2025, None)),
        ("lundi 10", (10, None, None, "lundi")),
    ],
)
def test_a_written_date_is_read_whole(written, parts):
    d = read_day(written)
    assert (d.day, d.month, d.year, d.weekday) == parts


def test_a_chat_export_keeps_the_order_of_its_days():
    note = (
        "02/03/2025 07:58 - Nicole: Salut\n02/03/2025 08:03 - Moi: Bonjour\n"
        "14/03/2025 22:21 - Nicole: Ok.\n28/03/2025 09:00 - Moi: Bilan\n"
    )
    stamps = [line.split(" - ")[0] for line in _out(note).splitlines()]
    assert stamps == [
        "Début mars 2025 07:58",
        "Début mars 2025 08:03",
        "Mi-mars 2025 22:21",
        "Fin mars 2025 09:00",
    ], stamps

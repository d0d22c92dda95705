"""resolve_overlaps: one entity per character, the most specific wins, fail closed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from anonymize.detect.analyze import analyze_texts
from anonymize.detect.overlaps import absorb_adjacent_names, pieces_outside, resolve_overlaps
from anonymize.entities import Entity
from anonymize.io.reader import read_note

ROOT = Path(__file__).resolve().parents[2]


def ent(text: str, part: str, type_: str, score: float = 0.85, recognizer: str = "X", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Entity(start, start + len(part), type_, part, score, recognizer)


def spans(entities):
    return [(e.type, e.text) for e in entities]


def test_a_structured_identifier_beats_a_name_inside_it():
    text = "Écrire à julien.marchand@gmail.com demain."
    found = resolve_overlaps(
        [ent(text, "marchand", "PERSON", 0.95), ent(text, "julien.marchand@gmail.com", "EMAIL")],
        text,
    )
    assert spans(found) == [("EMAIL", "julien.marchand@gmail.com")]


def test_the_loser_keeps_what_sticks_out_when_it_holds_a_word():
    text = "Rendez-vous au 12 rue Victor Hugo Lyon demain."
    found = resolve_overlaps(
        [ent(text, "12 rue Victor Hugo", "ADDRESS"), ent(text, "Victor Hugo Lyon", "LOCATION")],
        text,
    )
    assert spans(found) == [("ADDRESS", "12 rue Victor Hugo"), ("LOCATION", "Lyon")]


def test_one_letter_left_over_is_not_kept():
    text = "Appeler le 06 12 34 56 78 X demain."
    found = resolve_overlaps(
        [ent(text, "06 12 34 56 78", "PHONE"), ent(text, "78 X", "PERSON", 0.6)], text
    )
    assert spans(found) == [("PHONE", "06 12 34 56 78")]


def test_a_dedicated_recognizer_beats_spacy_at_the_same_score():
    text = "Réunion avec Claire Dupont."
    found = resolve_overlaps(
        [
            ent(text, "Claire Dupont", "ORG", 0.85, "SpacyRecognizer"),
            ent(text, "Claire Dupont", "PERSON", 0.85, "FirstNameRecognizer"),
        ],
        text,
    )
    assert [(e.type, e.recognizer) for e in found] == [("PERSON", "FirstNameRecognizer")]


def test_among_equals_the_higher_score_then_the_longer_span_wins():
    text = "Il habite Saint-Malo depuis."
    a = ent(text, "Saint-Malo", "LOCATION", 0.7)
    b = ent(text, "Saint-Malo", "ORG", 0.9)
    assert spans(resolve_overlaps([a, b], text)) == [("ORG", "Saint-Malo")]
    short = ent(text, "Malo", "PERSON", 0.7)
    assert spans(resolve_overlaps([short, a], text)) == [("LOCATION", "Saint-Malo")]


def test_overlapping_spans_of_one_type_become_their_union():
    text = "Vu Jean-Baptiste Marchand Leclerc hier."
    found = resolve_overlaps(
        [
            ent(text, "Jean-Baptiste Marchand", "PERSON", 0.6),
            ent(text, "Marchand Leclerc", "PERSON", 0.9, "Y"),
        ],
        text,
    )
    assert spans(found) == [("PERSON", "Jean-Baptiste Marchand Leclerc")]
    assert found[0].score == 0.9


def test_a_person_span_stops_before_lower_case_words_and_quotes():
    text = "Inès « orageux », Luc ensemble."
    found = resolve_overlaps(
        [ent(text, "Inès « orageux", "PERSON", 0.85), ent(text, "Luc ensemble", "PERSON", 0.85)],
        text,
    )
    assert spans(found) == [("PERSON", "Inès"), ("PERSON", "Luc")]


def test_a_name_never_runs_across_a_line_or_a_table_cell():
    text = "| Maryvonne Lecoeur | mère |\nClaire\nDupont"
    found = resolve_overlaps(
        [
            ent(text, "Maryvonne Lecoeur | mère", "PERSON"),
            ent(text, "Claire\nDupont", "LOCATION"),
        ],
        text,
    )
    assert spans(found) == [("PERSON", "Maryvonne Lecoeur"), ("LOCATION", "Claire")]


def test_titles_and_kinship_words_stay_out_of_a_person():
    text = "Elle a vu Mme Gisèle Puech puis Tonton Marcel."
    found = resolve_overlaps(
        [ent(text, "Mme Gisèle Puech", "PERSON"), ent(text, "Tonton Marcel", "PERSON")], text
    )
    assert spans(found) == [("PERSON", "Gisèle Puech"), ("PERSON", "Marcel")]


def test_a_title_and_a_name_on_a_later_line_of_the_model_span_are_kept():
    text = "l'école élémentaire Diderot\n- M. Pierson, éducateur"
    found = resolve_overlaps(
        [ent(text, "Diderot\n- M. Pierson", "PERSON", recognizer="SpacyRecognizer")], text
    )
    assert spans(found) == [("PERSON", "Diderot"), ("PERSON", "Pierson")]


def test_a_particle_opening_a_surname_stays_in_the_name():
    text = "Informé : Dr Le Meur, Mme Da Costa."
    found = resolve_overlaps(
        [
            ent(text, "Dr Le Meur", "PERSON", recognizer="SpacyRecognizer"),
            ent(text, "Mme Da Costa", "PERSON", recognizer="SpacyRecognizer"),
        ],
        text,
    )
    assert spans(found) == [("PERSON", "Le Meur"), ("PERSON", "Da Costa")]


def test_an_initial_read_as_such_is_not_a_title():
    text = "Dr M. Carlier voit ma patiente M. D. puis M. Roux."
    found = resolve_overlaps(
        [
            replace(ent(text, "M. Carlier", "PERSON"), hints=(("part", "initials"),)),
            replace(ent(text, "M. D.", "PERSON"), hints=(("part", "initials"),)),
            ent(text, "M. Roux", "PERSON", recognizer="SpacyRecognizer"),
        ],
        text,
    )
    assert spans(found) == [("PERSON", "M. Carlier"), ("PERSON", "M. D."), ("PERSON", "Roux")]


def test_an_initial_after_a_title_stays_in_the_model_span():
    text = "Signé : Dr M. Carlier. Vu par Mme Roux."
    found = resolve_overlaps(
        [
            ent(text, "Dr M. Carlier", "PERSON", recognizer="SpacyRecognizer"),
            ent(text, "Mme Roux", "PERSON", recognizer="SpacyRecognizer"),
        ],
        text,
    )
    assert spans(found) == [("PERSON", "M. Carlier"), ("PERSON", "Roux")]


def test_lower_case_names_are_noise_unless_deny_listed():
    text = "on s'est vus en visio avec hajime"
    statistical = ent(text, "visio", "LOCATION", 0.85, "SpacyRecognizer")
    denied = ent(text, "hajime", "PERSON", 1.0, "DenyListRecognizer")
    assert spans(resolve_overlaps([statistical, denied], text)) == [("PERSON", "hajime")]


def test_trailing_function_words_leave_the_remainder_of_a_name():
    text = "Maïwenn au café, avec Paul."
    loser = ent(text, "Maïwenn au café", "PERSON")
    taken = bytearray(len(text))
    taken[text.index("café") : text.index("café") + 4] = b"\x01" * 4
    assert [p.text for p in pieces_outside(loser, text, taken)] == ["Maïwenn"]


def test_a_first_name_glued_to_a_place_joins_it():
    text = "Rendez-vous au Cours Julien samedi."
    found = absorb_adjacent_names([ent(text, "Cours", "LOCATION")], text)
    assert spans(found) == [("LOCATION", "Cours Julien")]
    text = "Rendez-vous au Cours Lieutaud samedi."
    assert spans(absorb_adjacent_names([ent(text, "Cours", "LOCATION")], text)) == [
        ("LOCATION", "Cours")
    ]


@pytest.fixture(scope="module")
def sample_notes():
    paths = sorted(p for p in (ROOT / "samples").glob("0*") if p.suffix in (".md", ".txt"))
    return [read_note(p).text for p in paths]


def test_real_detections_resolve_to_disjoint_spans_covering_every_flagged_word(sample_notes):
    raw = list(analyze_texts(sample_notes))
    for text, entities in zip(sample_notes, raw, strict=True):
        resolved = resolve_overlaps(entities, text)
        assert resolved == sorted(resolved, key=lambda e: e.start)
        covered = bytearray(len(text))
        for e in resolved:
            assert e.text == text[e.start : e.end]
            assert not any(covered[e.start : e.end]), e
            covered[e.start : e.end] = b"\x01" * len(e)
        # fail closed: a structured identifier found raw is covered whole
        for e in entities:
            if e.type in ("EMAIL", "PHONE", "ID", "URL"):
                assert all(covered[e.start : e.end]), e


def test_a_fail_closed_digit_run_loses_to_every_other_reading():
    # a date is less specific than an ID, but the digit run is only a fallback
    text = "né le 3 0 0 6 1 9 7 3 à Lyon"
    found = resolve_overlaps(
        [
            ent(text, "3 0 0 6 1 9 7 3", "ID", 0.85, "DigitRunRecognizer"),
            ent(text, "3 0 0 6 1 9 7 3", "DATE", 0.6, "DictatedDateRecognizer"),
        ],
        text,
    )
    assert spans(found) == [("DATE", "3 0 0 6 1 9 7 3")]


def test_what_is_left_of_a_digit_run_is_kept_only_while_long_enough():
    short = "BP 12 75018 Paris"
    found = resolve_overlaps(
        [
            ent(short, "12 75018", "ID", 0.45, "DigitRunRecognizer"),
            ent(short, "75018", "ADDRESS", 0.9, "FrenchPostalCodeRecognizer"),
        ],
        short,
    )
    assert spans(found) == [("ADDRESS", "75018")]
    long = "au 06 39 98 41 27 660 197 ce soir"
    found = resolve_overlaps(
        [
            ent(long, "06 39 98 41 27 660 197", "ID", 0.45, "DigitRunRecognizer"),
            ent(long, "06 39 98 41 27", "PHONE", 0.9, "FrPhoneRecognizer"),
        ],
        long,
    )
    assert spans(found) == [("PHONE", "06 39 98 41 27"), ("ID", "660 197")]


def test_a_digit_run_beats_a_name_guessed_on_its_digits():
    text = "NDA 25O1936670"
    found = resolve_overlaps(
        [
            ent(text, "25O1936670", "PERSON", 0.85, "SpacyRecognizer"),
            ent(text, "25O1936670", "ID", 0.45, "DigitRunRecognizer"),
        ],
        text,
    )
    assert spans(found) == [("ID", "25O1936670")]


def test_a_lower_case_town_is_kept_only_after_a_postal_code():
    text = "six neuf zéro zéro un lyon, puis visio"
    found = resolve_overlaps(
        [
            ent(text, "lyon", "LOCATION", 0.9, "FrenchPostalCityRecognizer"),
            ent(text, "visio", "LOCATION", 0.85, "SpacyRecognizer"),
        ],
        text,
    )
    assert spans(found) == [("LOCATION", "lyon")]


@pytest.mark.parametrize(
    "guess",
    [
        # business acronyms, row codes and job titles are no place and no organisation
        "NAO",
        "NDA",
        "BSA Air",
        "UX Researcher",
        "D1",
        "R02 - Hébergement",
        "Responsable Logistique",
        "Service Client",
    ],
)
def test_statistical_guesses_of_business_words_are_dropped(guess):
    text = f"Point sur : {guess} ; le reste suit."
    for type_ in ("ORG", "LOCATION"):
        found = resolve_overlaps([ent(text, guess, type_, 0.85, "SpacyRecognizer")], text)
        assert spans(found) == [], (guess, type_)


@pytest.mark.parametrize(
    "guess",
    ["Kestrel Invest", "Hublot Digital", "Compagnie des Pêches Vendéennes", "Mazerolles", "Zyrtek"],
)
def test_statistical_names_with_a_name_or_a_company_word_are_kept(guess):
    text = f"Point sur : {guess} ; le reste suit."
    found = resolve_overlaps([ent(text, guess, "ORG", 0.85, "SpacyRecognizer")], text)
    assert spans(found) == [("ORG", guess)]


def test_a_union_keeps_the_dedicated_recognizer_over_a_higher_spacy_score():
    """`Kalima Foods` from spaCy (0.85) and a first-name person turned company (0.8):
    the union is dedicated evidence, so a gazetteer's `Kalima` does not cut it."""
    text = "À propos de Kalima Foods, fondée en 2019."
    found = resolve_overlaps(
        [
            ent(text, "Kalima Foods", "ORG", 0.85, "SpacyRecognizer"),
            ent(text, "Kalima Foods", "ORG", 0.8, "FirstNameRecognizer"),
            ent(text, "Kalima", "LOCATION", 0.6, "PlaceGazetteerRecognizer"),
        ],
        text,
    )
    assert [(e.type, e.text, e.recognizer) for e in found] == [
        ("ORG", "Kalima Foods", "FirstNameRecognizer")
    ]


def test_a_name_stops_at_a_colon():
    text = "10/03/2025 22:21 - Nicole: Ok. Ma mère m'a envoyé un lien."
    start = text.index("Nicole")
    spacy = Entity(
        start, start + len("Nicole: Ok"), "PERSON", "Nicole: Ok", 0.85, "SpacyRecognizer"
    )
    (found,) = [e for e in resolve_overlaps([spacy], text) if e.type == "PERSON"]
    assert found.text == "Nicole", found


def test_a_household_article_stays_outside_the_name():
    text = "- Les Schneider parlent de la famille."
    start = text.index("Les")
    spacy = Entity(start, start + 13, "PERSON", "Les Schneider", 0.85, "SpacyRecognizer")
    (found,) = [e for e in resolve_overlaps([spacy], text) if e.type == "PERSON"]
    assert found.text == "Schneider", found


def test_a_lower_case_name_read_in_its_frame_is_kept_whole():
    text = "vu par le docteur lionel faure, domicilié à bron"
    person = Entity(18, 30, "PERSON", "lionel faure", 0.8, "DictatedNameRecognizer")
    town = Entity(44, 48, "LOCATION", "bron", 0.75, "LowerCaseTownRecognizer")
    guess = Entity(44, 48, "LOCATION", "bron", 0.85, "SpacyRecognizer")
    assert [e.text for e in resolve_overlaps([person, town, guess], text)] == [
        "lionel faure",
        "bron",
    ]
    assert [e.recognizer for e in resolve_overlaps([guess], text)] == []


SPACY = "SpacyRecognizer"


@pytest.mark.parametrize(
    ("text", "part", "type_"),
    [
        ("Réveil difficile, Glasgow 13 à l'arrivée des pompiers.", "Glasgow", "LOCATION"),
        ("Examen : Lasègue droit positif à 50°.", "Lasègue", "PERSON"),
        ("Rééducation selon la méthode McKenzie, trois fois par semaine.", "McKenzie", "PERSON"),
        ("Complément oral (Renutryl) deux fois par jour.", "Renutryl", "LOCATION"),
        ("Cure de hernie selon la technique de Shouldice.", "Shouldice", "PERSON"),
        ("Hernie de type III de Nyhus à droite.", "Nyhus", "LOCATION"),
    ],
)
def test_a_clinical_word_the_model_took_for_a_name_is_dropped(text, part, type_):
    found = resolve_overlaps([ent(text, part, type_, recognizer=SPACY)], text)
    assert found == []


@pytest.mark.parametrize(
    ("text", "part", "type_"),
    [
        ("Il est parti travailler à Glasgow en mai.", "Glasgow", "LOCATION"),
        ("Reçu Mme Lasègue pour son fils.", "Lasègue", "PERSON"),
        ("McKenzie est arrivée en retard ce matin.", "McKenzie", "PERSON"),
    ],
)
def test_a_clinical_word_in_a_name_frame_stays_a_name(text, part, type_):
    found = resolve_overlaps([ent(text, part, type_, recognizer=SPACY)], text)
    assert spans(found) == [(type_, part)]


@pytest.mark.parametrize(
    "text", ["Douleur cotée EVA 4/10 au réveil.", "Sortie avec EVA à 2/10, bien calmée."]
)
def test_a_scale_acronym_before_its_value_is_no_first_name(text):
    found = resolve_overlaps([ent(text, "EVA", "PERSON", 0.6, "FirstNameRecognizer")], text)
    assert found == []


def test_a_first_name_in_capitals_without_a_value_stays():
    text = "Compte rendu rédigé avec EVA, la stagiaire."
    found = resolve_overlaps([ent(text, "EVA", "PERSON", 0.6, "FirstNameRecognizer")], text)
    assert spans(found) == [("PERSON", "EVA")]


def test_the_country_of_a_birthplace_in_brackets_names_someone():
    text = "Mme Diop, née le 02/03/1988 à Thiès (Sénégal), deux enfants."
    country = ent(text, "Sénégal", "LOCATION", recognizer="PlaceGazetteerRecognizer")
    assert spans(resolve_overlaps([country], text)) == [("LOCATION", "Sénégal")]


def test_a_country_in_brackets_after_a_visited_town_names_no_one():
    text = "Le séminaire a eu lieu à Lisbonne (Portugal) en mai."
    country = ent(text, "Portugal", "LOCATION", recognizer="PlaceGazetteerRecognizer")
    assert resolve_overlaps([country], text) == []

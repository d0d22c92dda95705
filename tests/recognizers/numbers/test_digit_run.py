"""DigitRunRecognizer: six or more digits are an identifier unless a rule explains them.

The numbers and sentences are written for these tests (none comes from a
corpus); each case says which general rule it exercises.
"""

from __future__ import annotations

import pytest

from recognizers.numbers.digit_run import LABELED_SCORE, UNLABELED_SCORE, DigitRunRecognizer


@pytest.fixture(scope="module")
def rec():
    return DigitRunRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a label, compact or grouped
        ("IPP 4417203958 - NDA 2511093374", ["4417203958", "2511093374"]),
        ("Patient 731905528 : LEROUX Anne", ["731905528"]),
        ("N° allocataire CAF 4410982", ["4410982"]),
        ("Numéro de séjour : 25017736", ["25017736"]),
        ("RPPS 10293847561, certifie avoir", ["10293847561"]),
        ("| ADELI | 751203948 |", ["751203948"]),
        ("n° RG 24/01877 - audience", ["24/01877"]),
        ("Dossier : 044-2023-118203", ["044-2023-118203"]),
        ("adhérent n° 00713306", ["00713306"]),
        ("Visite 2024.11.0872", ["2024.11.0872"]),
        # a prescription's number is no law's number
        ("ordonnance n° 4471093 remise", ["4471093"]),
        # dictated digit by digit, with or without a code letter
        ("IPP 5 2 0 0 7 1 9 4 3 8 transféré", ["5 2 0 0 7 1 9 4 3 8"]),
        ("numéro de dossier K 4 0 9 1 1 7 vu ce jour", ["K 4 0 9 1 1 7"]),
        # a letter O typed for a zero, a letter code glued before
        ("Réf. 77O3O9215", ["77O3O9215"]),
        ("IPP MER-0071624", ["MER-0071624"]),
        ("envoi recommandé n° 2B41097726018", ["2B41097726018"]),
    ],
)
def test_labeled_runs_are_identifiers(run_recognizer, rec, text, expected):
    results = run_recognizer(rec, text)
    assert [t for _, t, _ in results] == expected
    assert all(score == LABELED_SCORE for _, _, score in results)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alone on its line, with no label at all
        ("DURAND Michel\n7301948826\nNé le 02/03/1961", "7301948826"),
        # grouped by thousands but alone on its line: not a count
        ("Référent : Mme Blin\n408 211 367\n", "408 211 367"),
        # in a sentence, no label, no unit
        ("Elle m'a donné le 9920384 pour la rappeler", "9920384"),
        # spaced in odd groups that make no phone number
        ("recopié sur le post-it : 12 84 30 55 19 6", "12 84 30 55 19 6"),
    ],
)
def test_unlabeled_runs_are_identifiers_with_a_modest_score(run_recognizer, rec, text, expected):
    assert run_recognizer(rec, text) == [("ID", expected, UNLABELED_SCORE)]


def test_a_label_raises_the_score(run_recognizer, rec):
    [(_, _, bare)] = run_recognizer(rec, "Noté sur le post-it : 3308176651.")
    [(_, _, labeled)] = run_recognizer(rec, "IPP : 3308176651.")
    assert bare == UNLABELED_SCORE < labeled == LABELED_SCORE


@pytest.mark.parametrize(
    "text",
    [
        # amounts and currencies
        "au capital de 2 400 000 € depuis 2019",
        "un loyer annuel de 186000 euros",
        "soit $ 1 250 000 en 2024",
        "budget de 3,2 M€, soit 3 200 000 EUR",
        # measures, doses and lab values with a unit
        "plaquettes 312 000/mm3, leucocytes 11 200 /mm³",
        "Charge virale : 145000 copies/ml",
        "poids de naissance 3 480 g, taille 50 cm",
        "débit 1500000 UI par jour",
        "Surface : 1 250 000 m² de forêt",
        # percentages
        "taux de 12,345678 % sur la période",
        # dates and times
        "Consultation du 14/02/2025 10:40, revue le 2025-03-01",
        "appel à 09:12:45 puis à 14h30 puis à 16 h 05",
        "revu le 03.04.2024 et le 07-05-2024",
        # decimals
        "clairance 61,375 ml ; DFG 58,12345",
        # years and ranges of years
        "le plan 2021-2025, l'année 2023/2024, entre 1939 1945",
        # counts grouped by thousands
        "environ 410 000 habitants et 12 500 000 visiteurs",
        "| Capucine Moreau | 318 000 | 22,4 % |",
        "on a vendu 250 000 exemplaires",
        # a count after a quantity word, however written
        "plus de 125000 dossiers traités",
        # round numbers: a count or a dose, not a serial
        "NFS : plaq 320000, Uvedose 100000 en une prise",
        # the number of a law or a regulation
        "loi n° 2011-803 du 5 juillet, décret 2019-1088, arrêté n° 2024-75",
        # a dose or a ratio, then a number: no run across the space
        "Seretide 250/50 1 bouffée matin et soir, TA 135/85 72 régulier",
        # a phone extension
        "secrétariat 03 53 01 44 20 poste 731204",
        # too short
        "chambre 21408, lit 3",
    ],
)
def test_explained_numbers_are_not_identifiers(found, rec, text):
    runs = found(rec, text)
    # a phone number is left to the phone recognizers, which win the overlap
    assert [r for r in runs if not r.startswith("03 53")] == []


def test_phone_and_postal_code_shapes_are_left_to_their_owners(found, rec):
    # the run is found, but the phone recognizer's reading wins in the pipeline;
    # here only the extension must stay out
    assert found(rec, "Tél. 02 61 91 20 47 poste 4412") == ["02 61 91 20 47"]


def test_a_run_is_read_whole(found, rec):
    # a run glued to a letter is no run, and no shorter run is cut out of it
    assert found(rec, "code 12-34-56-78X au dos") == []
    assert found(rec, "horodatage 2024-03-12T14:32:10Z") == []

"""spaCy's NER as we filter it: names kept, labels and titles dropped."""

from __future__ import annotations

import pytest

from recognizers.statistical.spacy_ner import FrenchSpacyRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Julien Marchand habite à Annecy depuis longtemps.", "Julien Marchand"),
        ("Elle travaille chez Dassault Systèmes à Vélizy.", "Dassault Systèmes"),
        ("Sa mère Olive arrive demain.", "Olive"),
    ],
)
def test_names_are_kept(found, text, expected):
    assert expected in found(FrenchSpacyRecognizer(), text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("Objet : Relance facture\nMerci de votre retour.", "Relance"),
        ("JE RETIENS\n- Point de vigilance : le sommeil", "Point de vigilance"),
        ("Il est VP Engineering chez nous depuis mars.", "VP Engineering"),
        ("Elle a joué la Chaconne devant le jury.", "Chaconne"),
        ("FACTURE N° F2025-0147\nDate d'émission : 28/02/2025", "FACTURE N"),
        ("**Trousseau évoqué :** trois pistes, rien de plus.", "Trousseau"),
    ],
)
def test_labels_titles_and_common_nouns_are_dropped(found, text, unwanted):
    assert unwanted not in found(FrenchSpacyRecognizer(), text)


def test_a_span_starts_at_its_first_capitalized_word(run_recognizer):
    spans = [t for _, t, _ in run_recognizer(FrenchSpacyRecognizer(), "Elle poste tout sur Insta.")]
    assert all(not t.startswith("sur ") for t in spans)


def test_a_span_ends_at_its_last_name_word(run_recognizer):
    text = "J'ai pensé à la maison de ma sœur Maïwenn au Lamentin, en Martinique."
    spans = [t for _, t, _ in run_recognizer(FrenchSpacyRecognizer(), text)]
    assert spans and not any(t.endswith((" au", " de", " en")) for t in spans), spans


def test_a_register_before_a_place_is_left_out(run_recognizer):
    text = "La société, immatriculée au RCS du Mans sous le numéro 519 472 682, siège au Mans."
    spans = [t for _, t, _ in run_recognizer(FrenchSpacyRecognizer(), text)]
    assert "Mans" in spans and not any(t.startswith("RCS") for t in spans), spans


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        ("Montbrison - Service de médecine polyvalente\nCompte rendu.", "Montbrison", "Service"),
        ("Pr A. Lemarchand / Dr C. Vasseur\nValidé.", "Vasseur", "Lemarchand / Dr"),
    ],
)
def test_a_span_stops_at_a_spaced_dash_a_bar_or_a_slash(run_recognizer, text, name, description):
    spans = [t for _, t, _ in run_recognizer(FrenchSpacyRecognizer(), text)]
    assert any(name in t for t in spans), spans
    assert not any(description in t for t in spans), spans


def test_no_span_is_all_lower_case(run_recognizer):
    text = "compte rendu du docteur alain moreau, patiente madame lucie garnier"
    spans = [t for _, t, _ in run_recognizer(FrenchSpacyRecognizer(), text)]
    assert all(any(c.isupper() for c in t) for t in spans), spans


def test_a_person_span_is_cut_at_a_lower_case_role():
    from recognizers.statistical.spacy_ner import _split_at_roles

    class Tok:
        def __init__(self, text: str) -> None:
            self.text = text

    tokens = [Tok(w) for w in ("Samir", "interne", "Lecomte-Bailly")]
    pieces = _split_at_roles("PERSON", tokens)  # type: ignore[arg-type]
    assert [[t.text for t in p] for p in pieces] == [["Samir"], ["Lecomte-Bailly"]]
    assert len(_split_at_roles("ORG", tokens)) == 1  # type: ignore[arg-type]


def test_a_common_noun_before_whose_it_is_is_no_part_of_the_name(run_recognizer):
    text = "Elle m'a dicté les numéros. Fixe d'Apolline : 04 65 71 22 58."
    spans = [t for _, t, _ in run_recognizer(FrenchSpacyRecognizer(), text)]
    assert not any(t.startswith("Fixe") for t in spans), spans

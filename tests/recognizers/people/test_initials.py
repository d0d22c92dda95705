"""InitialsRecognizer: initials and abbreviated names."""

from __future__ import annotations

import pytest

from recognizers.people.initials import InitialsRecognizer


@pytest.fixture(scope="module")
def rec():
    return InitialsRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Coaching S. Rigal — notes brutes", ["S. Rigal"]),
        ("| signé : Y. Le Bras | signé : A. K.-L. B. |", ["Y. Le Bras", "A. K.-L. B."]),
        ("signé : H. Quéré-Darcourt", ["H. Quéré-Darcourt"]),
        ("[18:42] Prune V. : Coucou !", ["Prune V."]),
        ("Réunion avec J.-P. M. et H. Tran.", ["J.-P. M.", "H. Tran"]),
        ("Validé par J.-P. Martin hier.", ["J.-P. Martin"]),
        # every shape of initials before a surname, known or not
        ("18/11 - 06h10 - IDE Z.Berthier\nCible : Douleur", ["Z.Berthier"]),
        ("IBODE : T. Willemot, A. Carpentier", ["T. Willemot", "A. Carpentier"]),
        ("Pj. Dugave et J-L. Gonner ont signé.", ["Pj. Dugave", "J-L. Gonner"]),
        ("Margaux L.-D.\nCopie : Dr Hennebelle", ["Margaux L.-D."]),
        # initials standing for a person
        ("Patiente : ma patiente M. D. (DELORME Mathilde)", ["M. D."]),
        ("Paraphes : S. R. / P. A. / M. D.", ["S. R.", "P. A.", "M. D."]),
        ("J'ai revu un ancien collègue, J.-P. Il va bien.", ["J.-P."]),
        # compound initials alone stand for someone, once is enough
        ("Tensions à l'école selon A.-L. depuis la rentrée.", ["A.-L."]),
        ("A.-L. culpabilise beaucoup.", ["A.-L."]),
        # a lone initial once, as a section's title or beside a name
        ("## 2. R. — « la fusée »\nElle avance.", ["R."]),
        ("Le double lien Odile / K. pèse encore.", ["K."]),
        ("Ma cliente M. D. hésite encore.", ["M. D."]),
    ],
)
def test_finds_initials(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "M. Roussel est pressé.",
        "N.B. : relire avant envoi. P.S. : merci.",
        "Le plan B. Ensuite on verra.",
        "Bât. B, 1er étage, vitamine D. Elle va mieux.",
        "aux U.S.A. cet été",
        "M. B. a appelé",
        "M. Dupont est venu. M. et Mme Roux aussi.",
        "A. Contexte\nB. Objectifs\nDr. Martin et St. Louis. Cf. Annexe.",
        "Voir p. 12, N.B. merci, etc. En 52 av. J.-C. César passa.",
        "Une cité fondée avant J.-C. par les Grecs.",
        "Voir l'annexe B. pour le détail, puis le plan C.",
        "Le site www.M.Dupont.fr ou jean.Dupont@x.fr",
    ],
)
def test_ignores_titles_and_abbreviations(found, rec, text):
    assert found(rec, text) == []


def test_a_lone_initial_used_again_and_again_is_a_person(found):
    text = (
        "## 2. K. — « la petite fusée »\n\nK. arrive en retard. Le double lien Mimi / K. reste.\n"
    )
    assert found(InitialsRecognizer(), text) == ["K.", "K.", "K."]


@pytest.mark.parametrize(
    "text",
    [
        "Voir le point A. puis le point B. avant la fin.",
        "M. Roux arrive. M. Roux repart. Merci M.",
        "A. Contexte\nB. Objectifs\nA. Contexte bis",
        "Vitamine C. Pas de vitamine D.",
    ],
)
def test_single_letters_that_are_not_people(found, text):
    assert found(InitialsRecognizer(), text) == []


def test_a_letter_after_a_common_noun_is_no_person(found):
    text = "Elle prend sa vitamine D.\nElle oublie sa vitamine D.\nPermis B.\nPermis B."
    assert found(InitialsRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jean-Pierre Martin (J.-P.) vient.", "J.-P."),
        ("Sophie Duchemin (SD, directrice financière) signe.", "SD"),
        ("Zoé Marquet (ZM) note.", "ZM"),
    ],
)
def test_initials_in_brackets_after_the_name(text, expected):
    found = InitialsRecognizer().analyze(text, ["PERSON"], None)
    assert expected in [text[r.start : r.end] for r in found]


def test_a_role_in_brackets_after_a_name_is_no_initials():
    text = "Paul Roux (DRH) valide. Anne Petit (CEO) signe."
    found = InitialsRecognizer().analyze(text, ["PERSON"], None)
    assert not [r for r in found if text[r.start : r.end] in ("DRH", "CEO")]

"""Name propagation: every other mention of a detected name, and nothing else."""

from __future__ import annotations

from anonymize.detect.propagate import NameIndex
from anonymize.entities import Entity


def _entity(text: str, type_: str = "PERSON") -> Entity:
    return Entity(0, len(text), type_, text, 0.85, "test")


def _found(index: NameIndex, text: str) -> list[str]:
    return [e.text for e in index.find(text, 0)]


def test_a_name_in_capitals_is_found_title_cased_word_by_word():
    index = NameIndex()
    index.add([_entity("Yann LE BRIS")], 0)
    text = "Le Bris a signé. LE BRIS aussi. Le bris de glace est couvert."
    assert _found(index, text) == ["Le Bris", "LE BRIS"]


def test_a_heading_taken_for_a_name_is_not_spread_over_sentences():
    # spaCy once read "IL A" of "IL A ÉTÉ CONVENU" as an organisation
    index = NameIndex()
    index.add([_entity("IL A", "ORG")], 0)
    assert _found(index, "Il a arrêté de fumer. Il a même ouvert un compte.") == []


def test_a_one_letter_nickname_is_still_propagated():
    index = NameIndex()
    nickname = Entity(0, 1, "PERSON", "Q", 0.85, "test", (("part", "nickname"),))
    index.add([nickname], 0)
    assert _found(index, "Il a délégué l'astreinte à Q et Hugo.") == ["Q"]


def test_a_lower_case_particle_goes_with_the_surname_only_after_a_title():
    index = NameIndex()
    index.add([_entity("Anne de Kerviler")], 0)
    text = "Mme de Kerviler a répondu. Le dossier de Kerviler est clos."
    assert _found(index, text) == ["de Kerviler", "Kerviler"]


def _dictated(text: str, type_: str = "PERSON") -> Entity:
    return Entity(0, len(text), type_, text, 0.8, "DictatedNameRecognizer")


def test_a_dictated_name_is_searched_in_lower_case_in_its_own_note():
    index = NameIndex()
    index.add([_dictated("noémie lambert")], 0)
    text = "il vit avec noémie depuis un an. madame lambert a appelé."
    assert _found(index, text) == ["noémie", "lambert"]
    assert [e.text for e in index.find("noémie est venue", 1)] == []  # another note


def test_a_dictated_name_that_is_also_a_word_is_not_spread():
    index = NameIndex()
    index.add([_dictated("rose"), _dictated("ambre")], 0)
    assert _found(index, "un bouquet de roses, une rose, de l'ambre gris") == []


def test_a_capitalised_name_is_found_in_lower_case_in_its_own_note():
    # quick notes drop the capitals: "- gwendal rappelle lundi"
    index = NameIndex()
    index.add([_entity("Gwendal Kerhervé")], 0)
    text = "- gwendal rappelle lundi\n- voir avec gwendal kerhervé le devis"
    assert _found(index, text) == ["gwendal", "gwendal kerhervé"]
    assert [e.text for e in index.find("gwendal rappelle", 1)] == []  # another note


def test_a_capitalised_name_that_is_also_a_word_is_not_searched_in_lower_case():
    index = NameIndex()
    index.add([_entity("Rose Pierre"), _entity("Olive Marin")], 0)
    assert _found(index, "une rose, une pierre, une olive et un marin") == []

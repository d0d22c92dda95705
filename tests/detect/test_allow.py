"""The allow-list keeps its terms, and every detection inside them, as written."""

from __future__ import annotations

import re

from anonymize import Config, Pipeline
from anonymize.detect.allow import DENY_RECOGNIZER, AllowList
from anonymize.entities import Entity


def ent(text: str, part: str, type_: str = "PERSON", recognizer: str = "X") -> Entity:
    start = text.index(part)
    return Entity(start, start + len(part), type_, part, 0.9, recognizer)


TEXT = "Elle lit Christophe André, puis  Christophe\nAndré encore ; André vient jeudi."


def test_an_allowed_term_and_what_lies_inside_it_are_dropped():
    allow = AllowList(["Christophe André"])
    whole = ent(TEXT, "Christophe André")
    part = ent(TEXT, "André")  # the first "André", inside the allowed term
    assert allow.filter([whole, part], TEXT) == []


def test_the_same_name_outside_an_allowed_occurrence_stays():
    allow = AllowList(["Christophe André"])
    start = TEXT.index("André vient")
    alone = Entity(start, start + 5, "PERSON", "André", 0.9, "X")
    assert allow.filter([alone], TEXT) == [alone]


def test_spaces_and_line_breaks_between_words_match():
    allow = AllowList(["Christophe André"])
    assert [TEXT[a:b] for a, b in allow.spans(TEXT)] == [
        "Christophe André",
        "Christophe\nAndré",
    ]


def test_only_whole_words_match():
    allow = AllowList(["Lyon"])
    text = "Lyonnais, Lyon-Est et Lyon."
    assert [text[a:b] for a, b in allow.spans(text)] == ["Lyon"]
    assert allow.spans(text)[0][0] == text.index("Lyon.")


def test_a_deny_list_hit_is_never_dropped():
    allow = AllowList(["Christophe André"])
    denied = ent(TEXT, "Christophe André", recognizer=DENY_RECOGNIZER)
    assert allow.filter([denied], TEXT) == [denied]


def test_an_empty_list_keeps_everything():
    allow = AllowList([])
    entities = [ent(TEXT, "Christophe André")]
    assert allow.spans(TEXT) == [] and allow.filter(entities, TEXT) == entities


def test_the_pipeline_keeps_an_allowed_author_and_replaces_the_client():
    text = "Julien Marchand lit Christophe André.\nJulien Marchand en parle à André Dupuis."
    config = Config(allow=["Christophe André"], seed=1)
    found = Pipeline(config, style="redact").detect(text)
    texts = [e.text for e in found]
    assert "Christophe André" not in texts and "André" not in texts
    assert texts.count("Julien Marchand") == 2
    assert "André Dupuis" in texts


def test_a_deny_listed_term_is_never_allowed():
    config = Config(allow=["Pollen"], deny=["Pollen"], seed=1)
    found = Pipeline(config, style="redact").detect("Réunion chez Pollen demain.")
    assert [e.text for e in found] == ["Pollen"]


# -- public figures, public services, workflow words, greetings (issue 9, item 9) --


def _out(texts: list[str], seed: int = 3) -> list[str]:
    return [r.text for r in Pipeline(Config(seed=seed)).anonymize_many(texts)]


def test_cited_authors_models_and_famous_people_are_kept():
    text = (
        "Comme le rappelle Christina Maslach, l'épuisement a trois faces. Elle rejoue le "
        "triangle de Karpman avec sa sœur Lucie Vasseur, puis la courbe du deuil de "
        "Kübler-Ross. Selon Maslach, c'est classique ; comme le dit Rogers, écouter d'abord. "
        "Lecture : Schein (1990). Elle cite Thomas Pesquet et Éric Tabarly, admire Marie Curie."
    )
    (out,) = _out([text])
    for kept in (
        "Comme le rappelle Christina Maslach,",
        "triangle de Karpman",
        "courbe du deuil de Kübler-Ross",
        "Selon Maslach,",
        "comme le dit Rogers,",
        "Schein (1990)",
        "Thomas Pesquet et Éric Tabarly",
        "Marie Curie",
    ):
        assert kept in out, (kept, out)
    assert "Lucie" not in out and "Vasseur" not in out


def test_a_client_who_shares_a_famous_surname_is_still_replaced():
    notes = [
        "Mme Rosenberg, 52 ans, arrive en retard. Elle a lu Marshall Rosenberg.\n",
        "Paul Rogers, 45 ans, directeur. Comme le dit Rogers lui-même, il doute.\n",
        "Julie Maslach est venue. Selon Maslach, tout va bien. Mme Maslach repart.\n",
        "Guillaume Hugo, 30 ans. Selon Hugo, tout va bien.\n",
        "Selon le Dr Freud, rien ne presse.\n",
        "Mme Curie, sa voisine, l'aide. Marie Curie l'inspire.\n",
    ]
    out = _out(notes)
    assert "Mme Rosenberg" not in out[0] and "Marshall Rosenberg" in out[0]
    assert "Rogers" not in out[1]
    assert "Maslach" not in out[2]
    assert "Hugo" not in out[3]
    assert "Freud" not in out[4]
    assert "Mme Curie" not in out[5] and "Marie Curie" in out[5]


def _all(text: str, word: str) -> list[Entity]:
    return [Entity(m.start(), m.end(), "PERSON", word, 0.8, "X") for m in re.finditer(word, text)]


def test_a_cited_surname_is_kept_only_in_a_citation_frame():
    allow = AllowList(["Christina Maslach"])
    assert allow.cited == {"Maslach"}
    cited = "Selon Maslach, oui. Voir Maslach (1981). Le modèle de Maslach."
    assert allow.filter(_all(cited, "Maslach"), cited) == []
    # no frame, or a civility: a person; and a person of the note bearing the
    # surname keeps the cited ones replaced too (fail closed)
    for text in ("Maslach est venue.", "Selon Mme Maslach, oui."):
        assert len(allow.filter(_all(text, "Maslach"), text)) == 1
    mixed = "Selon Maslach, oui. Mme Maslach est venue."
    assert len(allow.filter(_all(mixed, "Maslach"), mixed)) == 2


def test_surnames_of_cited_people_skip_common_first_names_and_keep_particles():
    cited = AllowList(["Victor Hugo", "Steve de Shazer", "Carl Gustav Jung", "Google Drive"]).cited
    assert cited == {"de Shazer", "Shazer", "Jung"}


def test_a_one_word_term_after_a_civility_is_a_person():
    allow = AllowList(["Voltaire"])
    text = "Voltaire le disait. Mme Voltaire est venue."
    first = Entity(0, 8, "PERSON", "Voltaire", 0.8, "X")
    start = text.index("Voltaire est")
    second = Entity(start, start + 8, "PERSON", "Voltaire", 0.8, "X")
    assert allow.filter([first, second], text) == [second]


def test_a_person_running_over_an_allowed_term_loses_it():
    allow = AllowList(["Parcoursup", "Zoom"])
    text = "Vœux Parcoursup à confirmer. Point Zoom avec Julien Zoom."
    voeux = ent(text, "Vœux Parcoursup")
    julien = ent(text, "Julien Zoom")
    assert [e.text for e in allow.filter([voeux, julien], text)] == ["Julien"]


def test_public_services_workflow_words_and_greetings_are_kept():
    notes = [
        "BROUILLON\n\nTODO : rappeler Julien Marchand. NB : RAS cette semaine. PS : WIP, FYI.\n",
        "Elle a appelé le SAMU puis la CAF, l'URSSAF, la CPAM et la MDPH. Inscrite à France "
        "Travail (ex-Pôle emploi), suivie par l'ARS.\n",
        "# BILAN DE FIN D'ACCOMPAGNEMENT\n\nClient : Julien MARCHAND\n",
        "Bonjour Guillaume,\n\nMerci pour hier. Guillaume Perrin a validé.\n",
        "10/03/2025 - Margaret: Salut, désolé pour l'heure.\n",
    ]
    out = _out(notes)
    assert out[0].startswith("BROUILLON\n\nTODO : rappeler ")
    assert "NB : RAS cette semaine. PS : WIP, FYI." in out[0]
    assert "Marchand" not in out[0]
    assert out[1] == notes[1]
    assert out[2].startswith("# BILAN DE FIN D'ACCOMPAGNEMENT\n") and "MARCHAND" not in out[2]
    assert out[3].startswith("Bonjour ") and "Guillaume" not in out[3]
    assert out[3].split(",")[0].count(" ") == 1  # "Bonjour <first name>," and nothing more
    assert ": Salut, désolé" in out[4]


def test_a_greeting_the_model_read_as_a_place_never_swallows_the_name():
    from anonymize.detect.overlaps import absorb_adjacent_names, resolve_overlaps

    text = "Bonjour Guillaume,\nMerci."
    greeting = Entity(0, 7, "LOCATION", "Bonjour", 0.8, "SpacyRecognizer")
    assert absorb_adjacent_names(resolve_overlaps([greeting], text), text) == []
    text = "Il vit dans le Cher."
    cher = ent(text, "Cher", "LOCATION", "PlaceGazetteerRecognizer")
    assert resolve_overlaps([cher], text) == [cher]


def test_the_shipped_lists_give_source_and_licence_and_repeat_nothing():
    from importlib import resources

    from recognizers._data import lines

    for name in ("allow_list.txt", "public_figures.txt"):
        text = resources.files("anonymize").joinpath("data", name).read_text(encoding="utf-8")
        header = [ln for ln in text.splitlines() if ln.startswith("#")]
        assert any("Source:" in ln for ln in header) and any("Licence" in ln for ln in header)
        entries = lines(name, package="anonymize")
        assert len(set(entries)) == len(entries), name
    # a famous person's surname alone is no term: "Mme Freud" stays a person
    figures = lines("public_figures.txt", package="anonymize")
    assert "Freud" not in figures and "Sigmund Freud" in figures
    assert "triangle de Karpman" in figures


def test_the_models_guess_over_an_allowed_term_loses_it_but_a_country_stays_in_a_name():
    allow = AllowList(["CAF", "France"])
    text = "CAF - NOTE DE DOSSIER (usage interne)\nIl travaille chez Air France."
    heading = ent(text, "CAF - NOTE DE DOSSIER", "ORG", "SpacyRecognizer")
    employer = ent(text, "Air France", "ORG", "SpacyRecognizer")
    assert allow.filter([heading, employer], text) == [employer]

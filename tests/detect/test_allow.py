"""The allow-list keeps its terms, and every detection inside them, as written."""

from __future__ import annotations

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

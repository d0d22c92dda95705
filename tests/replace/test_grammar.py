"""French grammar around replacements, on real sentence frames."""

from __future__ import annotations

import pytest

from anonymize.entities import Entity
from anonymize.replace.grammar import repair
from anonymize.replace.splice import apply


def _replace(
    text: str, target: str, value: str, type_: str = "LOCATION", kind: str | None = None
) -> str:
    start = text.index(target)
    hints = (("kind", kind),) if kind else ()
    entity = Entity(start, start + len(target), type_, target, 0.9, "test", hints)
    out, placed = apply(text, [entity], [value])
    return repair(out, placed)[0]


@pytest.mark.parametrize(
    ("text", "target", "value", "expected"),
    [
        ("Elle vient d'Annecy.", "Annecy", "Brest", "Elle vient de Brest."),
        ("Elle vient de Brest.", "Brest", "Annecy", "Elle vient d'Annecy."),
        ("C'est le dossier de Julien.", "Julien", "Antoine", "C'est le dossier d'Antoine."),
        ("C'est le dossier d'Élodie.", "Élodie", "Sophie", "C'est le dossier de Sophie."),
        ("Il pense qu'Adèle viendra.", "Adèle", "Sophie", "Il pense que Sophie viendra."),
        ("Il pense que Paul viendra.", "Paul", "Olivier", "Il pense qu'Olivier viendra."),
        ("Il habite à Bordeaux.", "Bordeaux", "Le Mans", "Il habite au Mans."),
        ("Il revient de Bordeaux.", "Bordeaux", "Le Havre", "Il revient du Havre."),
        ("Elle vit au Croisic.", "Croisic", "Brest", "Elle vit à Brest."),
        ("Elle revient du Croisic.", "Croisic", "Annecy", "Elle revient d'Annecy."),
        ("Elle est née au Maroc.", "Maroc", "Portugal", "Elle est née au Portugal."),
        (
            "Visite chez l'Hélène du rez-de-chaussée.",
            "Hélène",
            "Sophie",
            "Visite chez la Sophie du rez-de-chaussée.",
        ),
        ("J'ai vu Henri hier.", "Henri", "Paul", "J'ai vu Paul hier."),
        ("Julien arrive. julien repart.", "julien", "antoine", "Julien arrive. Antoine repart."),
    ],
)
def test_elision_and_contraction(text, target, value, expected):
    type_ = "PERSON" if target[0] in "JÉAPHj" else "LOCATION"
    kind = "country" if target == "Maroc" else None
    assert _replace(text, target, value, type_, kind) == expected


def test_contraction_before_an_organisation_starting_with_a_vowel():
    text = "Il a le match du RC Lens avec son frère."
    assert _replace(text, "RC Lens", "Alizé", "ORG") == "Il a le match de l'Alizé avec son frère."


@pytest.mark.parametrize(
    ("text", "target", "value", "expected"),
    [
        ("Le labo à l'EPFL, au bout.", "EPFL", "KAIQ", "Le labo au KAIQ, au bout."),
        ("Le directeur de l'Apec arrive.", "Apec", "KZT", "Le directeur du KZT arrive."),
        (
            "Le directeur de l'Apec arrive.",
            "Apec",
            "Les Lavandes",
            "Le directeur des Lavandes arrive.",
        ),
        ("Elle parle à l'Urssaf.", "Urssaf", "La Clairière", "Elle parle à La Clairière."),
        ("Il tient à le voir, Paul.", "Paul", "Le Gall", "Il tient à le voir, Le Gall."),
    ],
)
def test_an_elided_article_written_back_is_contracted(text, target, value, expected):
    assert _replace(text, target, value, "ORG") == expected


def test_capital_at_sentence_start():
    text = "Bonjour. 38 ans, et déjà cadre."
    assert (
        _replace(text, "38 ans", "la trentaine", "AGE") == "Bonjour. La trentaine, et déjà cadre."
    )


def test_placeholders_never_trigger_elision():
    assert _replace("Elle vient d'Annecy.", "Annecy", "[LIEU_1]") == "Elle vient d'[LIEU_1]."


def test_offsets_of_later_replacements_follow_the_repairs():
    text = "De Julien à Élodie, de Paul à Adèle."
    entities, values = [], ["Antoine", "Sophie", "Olivier", "Marc"]
    for name in ("Julien", "Élodie", "Paul", "Adèle"):
        start = text.index(name)
        entities.append(Entity(start, start + len(name), "PERSON", name, 0.9, "t"))
    out, placed = apply(text, entities, values)
    out, placed = repair(out, placed)
    assert out == "D'Antoine à Sophie, d'Olivier à Marc."
    assert [out[r.start : r.end] for r in placed] == values


def test_an_elided_article_before_a_mute_h_stays_elided():
    text = "Elle est à l'hôpital de Lausanne."
    assert _replace(text, "hôpital de Lausanne", "hôpital de Laval", "ORG") == (
        "Elle est à l'hôpital de Laval."
    )

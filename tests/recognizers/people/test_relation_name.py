"""RelationNameRecognizer: names after kinship, work and pet words (and pets before them)."""

from __future__ import annotations

import pytest

from recognizers.people.relation_name import RelationNameRecognizer


@pytest.fixture(scope="module")
def rec():
    return RelationNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je le dépose chez ma sœur Capucine à Lens.", ["Capucine"]),
        # pets: after the species word, its complement, or opening a sentence
        ("Le chien du dépôt, Tico, aboie.", ["Tico"]),
        ("Chien, Kiki, attaché à l'arrivée. Chien de ferme, Pilou.", ["Kiki", "Pilou"]),
        ("Elle garde sa perruche, Coco. Notre chatte Moka dort.", ["Coco", "Moka"]),
        ("son fils Léo et son manager Paul", ["Léo", "Paul"]),
        ("Il vit avec sa compagne Inès depuis 2019.", ["Inès"]),
        ("C'est Papi Yves qui m'a offert mon violon.", ["Yves"]),
        ("Mémé Odette répète que tout se transmet.", ["Odette"]),
        ("Mamie Jo (la grand-mère de Kévin) a appelé.", ["Jo"]),
        ("Tata Capucine a trouvé ça drôle.", ["Capucine"]),
        ("mon associé Karim et mon N+1 Sophie", ["Karim", "Sophie"]),
        ("Elle parle à son chien Pistache.", ["Pistache"]),
        ("son petit frère Marin (13 ans)", ["Marin"]),
        ("Sa mère, Sylvie Vidal, l'a eue jeune.", ["Sylvie Vidal"]),
        ("sa meilleure amie, Jessy Caron, a repris ses études", ["Jessy Caron"]),
        ("leur fille, Inès, a 3 mois.", ["Inès"]),
        ("leurs deux enfants, Lison et Paul.", ["Lison", "Paul"]),
        ("Le papa, Kévin Marchal, vit à Poitiers.", ["Kévin Marchal"]),
        ("sa collègue Jessica Dumont, seule de nuit", ["Jessica Dumont"]),
        ("Vaillant, le vieux chien de la ferme, dort.", ["Vaillant"]),
        ("Noisette (la chienne) a mangé mon CV.", ["Noisette"]),
        ("sa belle-mère, Mémé Odette, 88 ans", ["Odette"]),
    ],
)
def test_finds_related_names(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sa fille est venue avec son mari.",
        "Son frère a le match du RC Lens.",
        "la directrice, Mme Pascale Girault, a appelé",
        "le client Leroy Merlin a eu une panne",
        "Hier, le chien a aboyé.",
        "La directrice a parlé au petit Breton.",
    ],
)
def test_no_name_after_relation(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Chat. Le chien de garde, et puis. Chien méchant, attention.",
        "Chien, chat et lapin : pas d'animaux. Le chat du voisin, lui, dort.",
    ],
)
def test_no_pet_name_without_a_name(found, rec, text):
    assert found(rec, text) == []


def test_owner_before_a_possessive_is_not_the_pet(found, rec):
    assert found(rec, "Karim, son chien Rex et moi.") == ["Rex"]


def test_gender_from_relation(rec):
    results = rec.analyze("sa sœur Claude et son frère Dominique", ["PERSON"], None)
    assert [r.recognition_metadata.get("gender") for r in results] == ["F", "M"]

"""PlaceGazetteerRecognizer: communes, departments, regions, foreign cities, countries."""

from __future__ import annotations

import pytest

from recognizers.places.place_gazetteer import PlaceGazetteerRecognizer


@pytest.fixture(scope="module")
def rec():
    return PlaceGazetteerRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unambiguous communes, anywhere
        ("Elle vit à Quimperlé depuis peu.", ["Quimperlé"]),
        ("Il habite Nuits-Saint-Georges et travaille à Beaune.", ["Nuits-Saint-Georges", "Beaune"]),
        ("Réunion prévue à Saint-Nazaire puis à St-Brieuc.", ["Saint-Nazaire", "St-Brieuc"]),
        ("Talence est à côté.", ["Talence"]),
        # official articles: capitalized inside, lower-case or contracted outside
        ("Elle a ouvert un cabinet à La Ciotat.", ["La Ciotat"]),
        ("Il est né au Croisic et vit au Havre.", ["Croisic", "Havre"]),
        ("Direction Le Havre, puis Les Sables-d'Olonne.", ["Le Havre", "Les Sables-d'Olonne"]),
        ("Elle a été mutée dans l'Ain.", ["Ain"]),
        (
            "Le Havre est son port d'attache ; elle passe par Les Herbiers.",
            ["Le Havre", "Les Herbiers"],
        ),
        # ambiguous names need a place context
        ("Le tournoi de Tours a lieu en mai.", ["Tours"]),
        ("Elle dépose son fils à Lens.", ["Lens"]),
        ("Mariage à Cassis, au bord de l'eau.", ["Cassis"]),
        ("Il a appris le métier à Nuits.", ["Nuits"]),
        ("Un stage d'été à Hossegor.", ["Hossegor"]),
        ("Le comptable de Bourg a validé.", ["Bourg"]),
        ("Livraison : 61120 Camembert.", ["Camembert"]),
        ("Magasin à Orange (84).", ["Orange"]),
        # lists of places lend each other context
        (
            "RPI Curières / Soulages-Bonneval / Laguiole, Aveyron",
            ["Curières", "Soulages-Bonneval", "Laguiole", "Aveyron"],
        ),
        ("| Ange | yoga | Cassis | 41 ans |", ["Cassis"]),
        # departments and regions
        ("Une collègue de Nasbinals, en Lozère.", ["Nasbinals", "Lozère"]),
        ("Il a grandi en Bretagne, près du Pays d'Auge.", ["Bretagne", "Pays d'Auge"]),
        ("Ils partent dans le Nord cet été.", ["Nord"]),
        # foreign cities
        ("Son père est reparti vivre à Yaoundé.", ["Yaoundé"]),
        ("Elle travaille en remote depuis Lisbonne, puis Genève.", ["Lisbonne", "Genève"]),
        # countries only when they locate someone
        ("Priya, née en Inde, est arrivée l'an dernier.", ["Inde"]),
        ("Son père est originaire du Maroc.", ["Maroc"]),
        ("Sa sœur vit au Canada.", ["Canada"]),
        ("Il est reparti vivre au Cameroun.", ["Cameroun"]),
        # registry city
        ("SIRET 817 904 535 00025 - RCS Brest 817 904 535", ["Brest"]),
    ],
)
def test_finds_places(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On a fait deux tours du tapis avant le combat.",
        "Les nuits sont longues dans le service.",
        "Un sirop de cassis et un camembert pour le goûter.",
        "Il garde un couteau laguiole dans sa poche.",
        "Les vaches aubrac sont rentrées.",
        "Une boulangerie du bourg, sans site.",
        "Elle vit en France depuis toujours.",
        "Les championnats de France juniors approchent.",
        "Elle adore la cuisine de l'Inde et le Portugal a gagné.",
        "Orange est sa couleur préférée.",
        "Plan d'action : relancer la banque.",
        "Le cidre de Bernard est meilleur.",
        "Alexandre Vienne est venu ce matin.",
        "Mme Laval a rappelé hier.",
        "Kévin Marchal passe samedi.",
        "La Chambre de métiers a rappelé.",
        "le quartier de la Tête blanche",
        "Tours de magie et nuits blanches.",
        "La Plaine est immense.",
        "Elle veut avancer à SON rythme, pas au mien.",
    ],
)
def test_leaves_common_words_and_people(found, rec, text):
    assert found(rec, text) == []


def test_whole_words_only(found, rec):
    text = "Cabinet à Bourg-en-Bresse, membre de la CCI Aix-Marseille-Provence."
    assert found(rec, text) == ["Bourg-en-Bresse"]


def test_kind_hint(analyzer, rec):
    text = "Née à Quimper, elle vit en Bretagne, dans le Finistère, puis à Londres."
    artifacts = analyzer.nlp_engine.process_text(text, "fr")
    kinds = {
        text[r.start : r.end]: r.recognition_metadata["kind"]
        for r in rec.analyze(text, ["LOCATION"], artifacts)
    }
    assert kinds == {
        "Quimper": "commune",
        "Bretagne": "region",
        "Finistère": "department",
        "Londres": "foreign_city",
    }

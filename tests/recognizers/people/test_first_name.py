"""FirstNameRecognizer: lexicon first names alone or with a surname, word-names in name position."""

from __future__ import annotations

import pytest

from recognizers.people.first_name import FirstNameRecognizer


@pytest.fixture(scope="module")
def rec():
    return FirstNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Margot n'ose pas en parler à sa mère.", ["Margot"]),
        ("Il voudrait que je voie aussi Léonie Favre, sa partenaire.", ["Léonie Favre"]),
        ("cliente: Ophélie MBAPPA\nnaissance: 2004-01-02", ["Ophélie MBAPPA"]),
        ("Bénéficiaire : FAURE Lucie - dossier n° 12", ["FAURE Lucie"]),
        ("La coach : Hélène QUÉRÉ-DARCOURT, gérante", ["Hélène QUÉRÉ-DARCOURT"]),
        ("| Maëlys N'GUESSAN | tatoueuse |", ["Maëlys N'GUESSAN"]),
        ("accompagnement de Mathis Le Goff, boulanger", ["Mathis Le Goff"]),
        ("sponsor: Margaux de Villeneuve (CEO)", ["Margaux de Villeneuve"]),
        ("Lou-Anne et Kim-Ly viendront avec Claire-Lise.", ["Lou-Anne", "Kim-Ly", "Claire-Lise"]),
        ("J'en parle avec Jean-Baptiste demain.", ["Jean-Baptiste"]),
        ("le compte rendu à Victoire (par mail)", ["Victoire"]),
        ("Victoire, 19 ans, fait du judo.", ["Victoire"]),
        ("Blanche ne parle pas pendant quarante minutes.", ["Blanche"]),
        ("Olive a eu de la fièvre dimanche.", ["Olive"]),
        ("- Rose : « fatiguée mais contente »", ["Rose"]),
        ("Ange a remarqué que Rose parle toujours des autres.", ["Ange", "Rose"]),
        ("Marin, lui, avait commencé le judo à 8 ans.", ["Marin"]),
        ("Tom s'est engagé à garder la petite.", ["Tom"]),
        ("Avec Paulin, Agathe et Théo, je n'ai jamais le trac.", ["Paulin", "Agathe", "Théo"]),
        ("J'ai vu Helene hier.", ["Helene"]),
        ("Florence a appelé ce matin.", ["Florence"]),
        ("le groupe de Yasmina Cherif à Talence", ["Yasmina Cherif"]),
        ("Celui de Mamadou : « qu'on me dise bonjour ».", ["Mamadou"]),
        ("c'est la boulangerie de Gérard, pas la mienne", ["Gérard"]),
        ("avec l'accord d'Anouk, sa compagne", ["Anouk"]),
        # surname first in capitals, with its particles or its capital elision
        ("Mineurs concernés :\n- DA SILVA Kylian, né le 03/02/2012", ["DA SILVA Kylian"]),
        ("Manager : LE GOFF Erwan, Head of Product", ["LE GOFF Erwan"]),
        ("Patient : M'BAREK Sofiane\nIPP 8025531907", ["M'BAREK Sofiane"]),
        # a heading in capitals before a first name is not its surname
        ("COMPTE RENDU Marie est venue seule.", ["Marie"]),
        # a compound first name with its first part abbreviated
        ("Rendez-vous avec M-Antonin Delirieux ce matin.", ["M-Antonin Delirieux"]),
        # a verb that folds to a place head ("Cite" is no "Cité")
        ("Cite Maëlle parmi ses soutiens.", ["Maëlle"]),
    ],
)
def test_finds_first_names(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Beaucoup d'émotion, un ange passe, puis elle éclate de rire.",
        "Elle m'a dit que la victoire ne l'intéresse pas.",
        "J'ai peur d'y aller pour des prunes.",
        "une rose à l'unité, tout est rose",
        "Il était marin pêcheur au Croisic.",
        "après une nuit blanche aux urgences",
        "un manteau couleur olive à la friperie",
        "une glace à la pistache, le plus vaillant",
        "Rose pâle et blanc cassé pour la salle.",
        "La Victoire de Samothrace est au Louvre.",
        "Elle est partie, sa Clio était bloquée.",
        "Elle habite à Florence depuis deux ans.",
        "Je l'ai dit à Nancy, en Lorraine.",
        "les championnats de France juniors (Paris, samedi)",
        "au 14 rue Victor-Hugo, près du lycée Jean Moulin",
        "75 avenue Jean-Jaurès, à Saint-Julien-en-Genevois",
        "Siège : 15 rue de Siam, 29200 Brest",
        "la prise en charge par l'OPCO Santé et le CHU",
        "LES PARTICIPANTS\nCOMPTE RENDU DE LA SÉANCE",
        "Les nuits sont longues. Noël approche.",
        "Lundi, Moi et COACH : rien à signaler.",
        "Ambre, vert et blanc : les couleurs de son tableau.",
        "Félicité, gratitude, espérance : ses mots.",
        "Elle a fait sa scolarité au lycée Victor Hugo.",
        "Aurore boréale en Islande cet été.",
        "Pierre angulaire du projet : le temps partiel.",
        # a rare name that is a French word, opening a sentence
        "Vu avec la cheffe de service ce matin.",
        "Résidence étudiante, Cité Jean Zay, bâtiment B.",
    ],
)
def test_leaves_common_words_and_places(found, rec, text):
    assert found(rec, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Je lui ai conseillé le livre de Tim Gallwey sur le jeu intérieur.", "Tim Gallwey"),
        ("Lectures conseillées : Barry Green, et l'entretien de Martha Argerich.", "Barry Green"),
        ("On lit ensemble un passage de Patrick Lencioni sur la confiance.", "Patrick Lencioni"),
    ],
)
def test_cited_authors_stay_below_threshold(found, rec, text, name):
    assert name not in found(rec, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Il a rebaptisé la boutique Le Fournil de Mathis.", "Mathis"),
        ("fleuriste, boutique L'Atelier de Rose à Aubagne", "Rose"),
        ("Ressource : le quatuor (Quatuor Hélios : trois amis).", "Hélios"),
        ("Facturé à : Menuiserie Girard & Fils", "Girard"),
    ],
)
def test_names_inside_organisations_stay_below_threshold(found, rec, text, name):
    assert name not in found(rec, text)


def test_hints(run_recognizer, rec):
    results = rec.analyze("Victoire AKONO et Julien.", ["PERSON"], None)
    meta = {r.start: r.recognition_metadata for r in results}
    assert meta[0]["gender"] == "F" and meta[0]["part"] == "full"
    assert meta[18]["gender"] == "M" and meta[18]["part"] == "first"

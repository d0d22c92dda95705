"""TitleNameRecognizer: the name after M., Mme, Dr, Me, Madame..., title outside."""

from __future__ import annotations

import pytest

from recognizers.people.title_name import TitleNameRecognizer


@pytest.fixture(scope="module")
def rec():
    return TitleNameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'inspectrice, Mme Gisèle Puech, est venue", ["Gisèle Puech"]),
        ("Bonjour Madame Poulain,", ["Poulain"]),
        ("le mail de M. Hervé Castaing (hc@exemple.fr)", ["Hervé Castaing"]),
        ("une médecin, le Dr Samira Hadjadj. Super gentille.", ["Samira Hadjadj"]),
        ("Mme Lecomte, la directrice, et le Dr Obert.", ["Lecomte", "Obert"]),
        ("Rendez-vous chez Me Hélène Vautier, notaire.", ["Hélène Vautier"]),
        ("Représentée par M. Yannick Le Bras, directeur", ["Yannick Le Bras"]),
        ("M. Le Bras ne reçoit que les dates.", ["Le Bras"]),
        ("l'accompagnement de Mme Kervella-Le Bihan dans", ["Kervella-Le Bihan"]),
        ("Mme Armelle KERVELLA-LE BIHAN, directrice", ["Armelle KERVELLA-LE BIHAN"]),
        ("Bonjour Monsieur Fabre-Sanchez,", ["Fabre-Sanchez"]),
        ("conseiller : M. Didier Roussel |", ["Didier Roussel"]),
        ("le Pr. Nguyen et Mlle Da Silva", ["Nguyen", "Da Silva"]),
        ("Docteur Martel m'a rappelé.", ["Martel"]),
        # a particle opens the surname, even one spaCy reads as an article
        ("Médecin traitant informé : Dr Le Meur, Landerneau", ["Le Meur"]),
        ("Une voisine, Mme Da Costa, passe.", ["Da Costa"]),
        ("M. Le Du est venu.", ["Le Du"]),
        # surname first, in capitals, with the first name or its initials
        ("Mme LE ROUX Armelle, née le 17/01/1984", ["LE ROUX Armelle"]),
        ("Professeur MOLIN MICKAEL, chef de service", ["MOLIN MICKAEL"]),
        ("Opérateur : Dr KOWALCZYK P.", ["KOWALCZYK P."]),
        ("Pr RAVERDY C. (oncologie), Dr FOUGERAT G.M (chirurgie)", ["RAVERDY C.", "FOUGERAT G.M"]),
        # the initial of the first name between the title and the surname
        ("Dr M. Castelnau-Dufour\nJoignable", ["M. Castelnau-Dufour", "Castelnau-Dufour"]),
        ("Pr J.-C. Morvillers / Dr A. Sebbag", ["J.-C. Morvillers", "A. Sebbag"]),
        ("Dr FAVIER a dosé la VITAMINE D ce matin.", ["FAVIER"]),
    ],
)
def test_finds_names_after_titles(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Madame la directrice a signé.",
        "Monsieur le Maire et Madame Le Maire.",
        "Me voilà bien embêtée.",
        "Il me dit non. Me dire ça ?",
        "la lettre M. Ensuite vient la suite",
        "Dr. et Pr. sont des abréviations.",
        "Mme. et M.",
        "Dr. et Pr. sont là. Mme Le ou la ?",
    ],
)
def test_ignores_titles_without_names(found, rec, text):
    assert found(rec, text) == []


def test_gender_from_title(rec):
    results = rec.analyze("Mme Lecomte et M. Roussel et Dr Obert", ["PERSON"], None)
    genders = [r.recognition_metadata.get("gender") for r in results]
    assert genders == ["F", "M", None]

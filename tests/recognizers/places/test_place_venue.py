"""PlaceVenueRecognizer: named venues (head inside) and districts (head outside)."""

from __future__ import annotations

import pytest

from recognizers.places.place_venue import PlaceVenueRecognizer


@pytest.fixture(scope="module")
def rec():
    return PlaceVenueRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Audition le 30 octobre à la salle Pleyel.", ["salle Pleyel"]),
        ("On s'est vus près de la gare Saint-Lazare.", ["gare Saint-Lazare"]),
        ("Il connaît le domaine de la Bastide, qui recrute.", ["domaine de la Bastide"]),
        ("L'équipe est installée à Station F depuis juin.", ["Station F"]),
        ("Elle vit sur l'Île de Nantes.", ["Île de Nantes"]),
        ("Rendez-vous au parc de la Tête d'Or.", ["parc de la Tête d'Or"]),
        ("Elle habite le quartier des Chartrons.", ["Chartrons"]),
        ("Il a grandi dans le quartier de la Croix-Rousse.", ["Croix-Rousse"]),
        ("L'association de quartier du Panier organise un repas.", ["Panier"]),
        ("Food truck | Marseille (Belle de Mai) | 36 ans", ["Belle de Mai"]),
        ("vendre des cartes au marché de la Croix-de-Chavaux", ["marché de la Croix-de-Chavaux"]),
        ("Michelin (site des Carmes, Clermont-Ferrand)", ["Carmes"]),
        ("au centre d'affaires Le Quadrilatère, 31 avenue", ["centre d'affaires Le Quadrilatère"]),
        # a district found once is flagged at every mention
        (
            "Il vit quartier des Aubiers. Aux Aubiers, tout le monde se connaît.",
            ["Aubiers", "Aubiers"],
        ),
    ],
)
def test_finds_venues_and_districts(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "La salle de repos est fermée la nuit.",
        "Réunion salle B, puis gare SNCF.",
        "Margaux de Villeneuve (CEO) valide.",
        "Société : Les Jardins de Lucie SARL.",
        "Port du casque obligatoire. Parc fermé.",
        "Il a fait le tour du quartier.",
        "Elle flâne au marché de Noël, puis au marché du samedi.",
        "Elle a refait le site Internet et le site Web du cabinet.",
        "Le marché du travail est tendu ; sur le site, rien.",
    ],
)
def test_ignores_generic_places(found, rec, text):
    assert found(rec, text) == []

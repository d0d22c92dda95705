"""UrlRecognizer: links, bare domains, paths and social-media handles."""

from __future__ import annotations

import pytest

from recognizers.contacts.url import UrlRecognizer


@pytest.fixture(scope="module")
def rec():
    return UrlRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Offres sur https://startup-data.io/careers, à relayer.",
            "https://startup-data.io/careers",
        ),
        (
            "Regarde leur équipe : https://www.centre-des-lilas.fr/equipe. Super",
            "https://www.centre-des-lilas.fr/equipe",
        ),
        ("06 12 34 56 78 - www.dupont-coaching.fr\n", "www.dupont-coaching.fr"),
        ("Cabinet Martin - 7 rue Haute, Dijon - martin-conseil.fr\n", "martin-conseil.fr"),
        ("Le site de la ferme (fermedesquatrevents.fr) devra changer", "fermedesquatrevents.fr"),
        (
            "Blog relancé : ecole-des-pins.blogspot.com (photos floutées)",
            "ecole-des-pins.blogspot.com",
        ),
        ("Leur chaîne : youtube.com/@quatuorlumen. Elle poste", "youtube.com/@quatuorlumen"),
        ("le dépôt github.com/data-pollen, et relit", "github.com/data-pollen"),
        (
            "RDV : calendly.com/jean-dupont/30min (ne pas partager)",
            "calendly.com/jean-dupont/30min",
        ),
        ("Contact : linkedin.com/in/marie-durand-coach\n", "linkedin.com/in/marie-durand-coach"),
        ("Son compte instagram.com/lea.martin.art ; très actif", "instagram.com/lea.martin.art"),
        ("Il a racheté x.com hier ?", "x.com"),
        ("Web:www.dupont-coaching.fr\n", "www.dupont-coaching.fr"),
        ("EN-TÊTE : AFS-CONSEIL.FR", "AFS-CONSEIL.FR"),
        ("le canal t.me/parents_solos, très actif", "t.me/parents_solos"),
        ("la coopérative (lesjardins.coop) livre", "lesjardins.coop"),
        ('instagram: "@vic_martin63"', "@vic_martin63"),
        ("sous son handle @jean-b. L'équipe", "@jean-b"),
        ("elle poste sous @fatou.coordo sur Insta.", "@fatou.coordo"),
        ("refaire sa page, @chezsof13, avec", "@chezsof13"),
    ],
)
def test_finds_urls(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "a.fabre@dupont-coaching.fr",
        "Écrire à jean.paris@exemple.fr ou contact.fr@club.org",
        "voir notes.md et rapport.pdf, script.py, photo.jpg, archive.zip",
        "lettre t.me envoyée",
        "version v2.0, taux de 3.5 %, p.ex. ceci",
        "M. Dupont et Mme Durand, M.de Villeneuve",
        "RDV @14h au bureau",
        "le canal #general sur Slack",
        "un projet en ASP.NET",
        "S.A.S. au capital de 1.000 €",
        "Fin de phrase.Début d'une autre",
        "Il est venu.De plus, la fin.Ca va mieux.",
    ],
)
def test_ignores_non_urls(found, rec, text):
    assert found(rec, text) == []


def test_scheme_scores_higher_than_bare_domain(run_recognizer, rec):
    [(_, _, scheme)] = run_recognizer(rec, "voir https://exemple.fr")
    [(_, _, bare)] = run_recognizer(rec, "voir exemple.fr")
    assert scheme > bare >= 0.8

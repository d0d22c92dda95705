"""ReferenceNumberRecognizer: invoice, quote, client, contract, order, file numbers."""

from __future__ import annotations

import pytest

from recognizers.numbers.reference_number import ReferenceNumberRecognizer


@pytest.fixture(scope="module")
def rec():
    return ReferenceNumberRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FACTURE N° F2024-0311\nDate", ["F2024-0311"]),
        ("facture n° ABC-2024-007 envoyée le 3 mai", ["ABC-2024-007"]),
        ("Client n° CLT-0457 - réf. devis D2024-0052 du 06/01", ["CLT-0457", "D2024-0052"]),
        ("Réf. demande de formation : FO-24-0042\n", ["FO-24-0042"]),
        ("bénéficiaire - dossier n° MX-2024-021\n", ["MX-2024-021"]),
        ("(dossier n° AB-24-556677) et", ["AB-24-556677"]),
        ("bon_de_commande: BC-2024-0777\n", ["BC-2024-0777"]),
        ("Facturation, bon de commande PX-2024-0042, SIREN", ["PX-2024-0042"]),
        ("Contrat n° CTR-2024-012\n", ["CTR-2024-012"]),
        ("| Compromis | n° 2024/KL/0077, signé |", ["2024/KL/0077"]),
        ("Commande n° 4500123456 passée", ["4500123456"]),
        ("N° client : 004512\n", ["004512"]),
        ("licence n° 0456123 au club", ["0456123"]),
        ("Objet : RE: Relance - facture F2024-0311", ["F2024-0311"]),
        ("la facture 2024-0118 est partie", ["2024-0118"]),
        ("dossier CAF n° 1234567 en cours", ["1234567"]),
        ("contrat d'assurance n° 778899 résilié", ["778899"]),
        ("identifiant France Travail : 1234567A\n", ["1234567A"]),
        ("identifiant Pôle emploi 1234567X, à jour", ["1234567X"]),
        ("Facture n°2025-07-118 réglée par chèque", ["2025-07-118"]),
        ("l'art de relancer : facture F2024-0311", ["F2024-0311"]),
    ],
)
def test_finds_labelled_numbers(found, rec, text, expected):
    assert found(rec, text) == expected


def test_label_stays_outside_and_repeats_are_caught(run_recognizer, rec):
    text = (
        "FACTURE N° F2024-0311\n"
        "Objet : F2024-0311 à régler\n"
        "Sauf erreur, la facture F2024-0311 reste due."
    )
    got = run_recognizer(rec, text)
    assert [t for _, t, _ in got] == ["F2024-0311"] * 3
    assert all(score >= 0.85 for _, _, score in got)


def test_unlabelled_reference_code_is_plausible(run_recognizer, rec):
    [(_, text, score)] = run_recognizer(rec, "Les séances, facturées sous IBR-2024-019, sont")
    assert text == "IBR-2024-019"
    assert 0.35 <= score < 0.85


@pytest.mark.parametrize(
    "text",
    [
        "pénalités et indemnité forfaitaire de 40 € (art. L441-10 du Code de commerce).",
        "selon les articles L441-10 et L441-16",
        "L441-10 du code de commerce",
        "réunion n° 1, séance 3, séance n° 4",
        "TVA 20 % : 200,00 €",
        "secrétariat 03 53 01 62 19 poste 4412",
        "facture du 28/02/2024 de 1 200,00 €",
        "client : 250 € HT",
        "devis : 1 200 € TTC",
        "dossier : 2024",
        "contrat de 6 mois, contrat 35h",
        "client : 0612345678",
        "certifiée ISO-9001, norme RE2020, objectif Q3-2025",
        "pendant le COVID-19, en B2B",
        "séances des 9/01, 23/01, 6/02 et 20/02/2025 à 09:12",
        "la référence : Thierry Marx",
        "contrat 2023-2026, facture 2024, devis 12345",
        "client très fidèle : 3 ans ; facture réglée : 250 €",
        "compte rendu de la séance du 12/03",
        "vol AF1234 puis TGV 6205, ligne 14",
        "contrat signé en 2024, client depuis 15 ans, devis de 12000 euros",
        "la loi n° 2018-771 et le décret n° 2019-1234",
        "il fait partie du dossier depuis 2019",
        "Écrire à ce.0310999x@ac-toulouse.fr",
    ],
)
def test_ignores_non_references(found, rec, text):
    assert found(rec, text) == []


def test_a_qualifying_word_never_eats_the_code(found, rec):
    # "Fiche" is a label; "TRT" is the code's own prefix, not a qualifying word
    assert found(rec, "## Fiche PRJ-017 - Programme de parrainage") == ["PRJ-017"]
    assert found(rec, "dossier CAF n° 1234567") == ["1234567"]


def test_hospital_labels_announce_short_numbers_too(found, rec):
    # six digits and more are the digit run's; a shorter one needs a label and a marker
    assert found(rec, "IPP : 45213 - NDA n° 3321") == ["45213", "3321"]
    assert found(rec, "Séjour du 08/02/2025 au 14/02/2025") == []

"""SpacedEmailRecognizer: addresses written with spaces around "@" or the domain's dots."""

from __future__ import annotations

import pytest

from recognizers.contacts.spaced_email import SpacedEmailRecognizer


@pytest.fixture(scope="module")
def rec():
    return SpacedEmailRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("écrire à jbriand @ apicrypt . org pour le suivi", "jbriand @ apicrypt . org"),
        ("mail de l'AS (c.moreno @ cd31 . fr) : demande", "c.moreno @ cd31 . fr"),
        ("perso : prenom.nom @ gmail.com", "prenom.nom @ gmail.com"),
        ("Mail : lucie.fabre84 @ laposte . net\nMotif", "lucie.fabre84 @ laposte . net"),
        # the sentence after the address does not join its domain
        ("adresse : hlemaire @ orange . fr. Merci de rappeler", "hlemaire @ orange . fr"),
        ("contact pro: r.sow@ chu-lille . fr", "r.sow@ chu-lille . fr"),
    ],
)
def test_finds_spaced_addresses(found, rec, text, expected):
    assert found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # an ordinary address is `email.py`'s
        "jean.dupont@gmail.com",
        # no public suffix
        "rendez-vous @ 14 h demain",
        "merci @ tous . Bonne journée",
        "serveur @ intranet . local",
        # no domain at all
        "Il a écrit @ Paul pour le prévenir",
    ],
)
def test_ignores_other_at_signs(found, rec, text):
    assert found(rec, text) == []

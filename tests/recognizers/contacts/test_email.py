"""EmailRecognizer: addresses, validated offline (no network at run time)."""

from __future__ import annotations

import socket

import pytest

from recognizers.contacts.email import EmailRecognizer


@pytest.fixture(scope="module")
def rec():
    return EmailRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Écrire à jeanne.martin@gmail.com avant lundi.", "jeanne.martin@gmail.com"),
        ("De : Paul Roux <compta@menuiserie-roux.fr>", "compta@menuiserie-roux.fr"),
        ("son adresse perso (nico.dupuis.44@laposte.net) :", "nico.dupuis.44@laposte.net"),
        ("école : ce.0310999x@ac-toulouse.fr —", "ce.0310999x@ac-toulouse.fr"),
        ("contact@studio-encre.paris.", "contact@studio-encre.paris"),
        ("yanis@startup-data.io, 01 99 00 12 34", "yanis@startup-data.io"),
    ],
)
def test_finds_addresses(found, rec, text, expected):
    assert found(rec, text) == [expected]


def test_known_suffix_scores_one(run_recognizer, rec):
    [(_, _, score)] = run_recognizer(rec, "mail : jeanne@orange.fr")
    assert score == 1.0


def test_unknown_suffix_still_flagged_lower(run_recognizer, rec):
    [(_, text, score)] = run_recognizer(rec, "serveur interne jeanne@intranet.local")
    assert text == "jeanne@intranet.local"
    assert 0.35 <= score < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Elle poste sous @celeste.violon sur Instagram.",
        "site : www.afs-conseil.fr",
        "RDV @ 14 h au café",
        "le fichier notes.md",
    ],
)
def test_ignores_non_addresses(found, rec, text):
    assert found(rec, text) == []


def test_no_socket_is_opened(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the e-mail recognizer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    recognizer = EmailRecognizer()
    text = "a.b@exemple-inconnu.fr et c@d.co.uk"
    results = recognizer.analyze(text, ["EMAIL"], None)
    assert sorted(text[r.start : r.end] for r in results) == ["a.b@exemple-inconnu.fr", "c@d.co.uk"]

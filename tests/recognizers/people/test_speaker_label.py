"""SpeakerLabelRecognizer: speakers' names labelling transcript and chat lines."""

from __future__ import annotations

import pytest

from recognizers.people.speaker_label import SpeakerLabelRecognizer


@pytest.fixture(scope="module")
def rec():
    return SpeakerLabelRecognizer()


TRANSCRIPT = """COACH : Tu disais que ça commence avant.

CÉLESTE : La veille. Dès que je pose l'étui.

COACH : Au chat ?

CÉLESTE : Pistache.
"""

CHAT = """[Ven. 11 avr., 18:42] Prune V. : Coucou ! Demain c'est le grand jour.
[Ven. 11 avr., 18:51] Moi : Bonsoir Prune.
[Ven. 11 avr., 18:53] Prune V. : « Je ne quitte pas le soin. »
"""

HEADERS = """De : Aurélien Fabre-Sanchez <a.fabre@afs-coaching.fr>
À : Sandrine Poulain <compta@menuiserie-girard.fr>
Cc : Nicolas Girard <nicolas@menuiserie-girard.fr>
Date : lun. 14 avr. 2025 à 09:12
Objet : Relance - facture F2025-0147
Total HT : 1 000,00 €
IBAN : FR76 4255 9100 0008 0039 1725 403
Coach : Thibault Ravenel
Q : Et ensuite ?
R : Je suis partie.
NOTE : à relire
"""


def test_transcript_speakers(found, rec):
    assert found(rec, TRANSCRIPT) == ["CÉLESTE", "CÉLESTE"]


def test_chat_speaker_with_initial(found, rec):
    assert found(rec, CHAT) == ["Prune V.", "Prune V."]


def test_headers_and_roles_are_not_speakers(found, rec):
    assert found(rec, HEADERS) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "JB : On n'est pas un problème.\nKARIM : Je fais le tampon.\nJB : Voilà.",
            ["JB", "KARIM", "JB"],
        ),
        ("- Sofiane : a perdu son emplacement.", ["Sofiane"]),
        ("**MARGOT** : Je joue demain.", ["MARGOT"]),
    ],
)
def test_other_labels(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RÉSUMÉ : une séance calme.",
        "SARL : forme juridique.",
        "Séance 2 : travail sur la routine.",
        "Cliente : Victoire AKONO",
        "Contexte : entre les séances 5 et 6.",
        "url: https://exemple.fr",
    ],
)
def test_single_unknown_labels_are_not_speakers(found, rec, text):
    assert found(rec, text) == []

"""NicknameRecognizer: nicknames introduced by dit, l'appellent, quotes after a name."""

from __future__ import annotations

import pytest

from recognizers.people.nickname import NicknameRecognizer


@pytest.fixture(scope="module")
def rec():
    return NicknameRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patrice Lagarde (« Pat » pour tout le monde au club), parle", ["Pat"]),
        ("Ses copines de club l'appellent Vic.", ["Vic"]),
        ("Jean-Baptiste Lefèvre, dit JB, infirmier", ["JB"]),
        ("Quentin Masson, dit « Q », devops", ["Q"]),
        ("| Romain Lecoeur (« Roro ») | fils cadet |", ["Roro"]),
        ("Marie Dupont, surnommée Mimi, arrive.", ["Mimi"]),
        ("un grand gaillard qu'on appelle Titi au bureau", ["Titi"]),
        ("Patiente : Mlle FONTAINE Lucie dite « Lulu », 23 ans", ["Lulu"]),
        ("Elle appelle son mari « Cécel ». Sa mère l'appelle parfois « Mimi ».", ["Cécel", "Mimi"]),
        ("Appelle sa petite-fille « Cricri » (Christelle).", ["Cricri"]),
        ("Elle signe ses mails « KHR ».", ["KHR"]),
        ("Doudou (c'est comme ça qu'on l'appelle à la maison) va mieux.", ["Doudou"]),
        ("Mme Rolande Vigier (dite « Lolo ») refuse le goûter.", ["Lolo"]),
        ("le fils aîné (dit Bébert) passe le dimanche", ["Bébert"]),
        ("Présents : Mathilde, Sébastien « Seb » Guillou et Inès.", ["Seb", "Guillou"]),
        (
            "son ancien associé, Frédéric « Fredo » Marsac Lenoir, a appelé",
            ["Fredo", "Marsac Lenoir"],
        ),
    ],
)
def test_finds_nicknames(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "elle l'appelle tous les dimanches sur WhatsApp",
        "Il dit que c'est « le seul qui ne donne pas son avis ».",
        "Gérard, consulté, a dit : « Tant que l'enseigne reste en bois. »",
        "Elle dit : « Je suis une maman de vingt-deux ans. »",
        "parle d'un « blocage ». Victoire parle de « jambes en coton ».",
        "Julien dit Bonjour à tout le monde.",
        "Il appelle ça « le Grand Soir ». Elle signe le « Contrat » demain.",
        "Il appelle la « Hotline » puis signe un « Avenant ».",
        "Projet « Phénix » Lancement prévu en juin.",
    ],
)
def test_ignores_speech_and_common_calls(found, rec, text):
    assert found(rec, text) == []

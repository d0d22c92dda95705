"""What makes a string of digits a phone number: shared by the phone recognizers.

A French number is recognised by its structure, not by `phonenumbers`
validity: 0 + a digit 1-9 + eight digits, or the nine digits after +33, 0033 or
(33), with an optional (0). The ranges reserved for fiction (06 39 98...) are
declared invalid by `phonenumbers`' metadata, yet they are exactly what
examples and anonymised notes use. A foreign number needs its country code,
and a length `phonenumbers` finds possible (or valid) for that country.
A letter O typed for a zero ("01.42.16.10.O2") counts as a zero.
"""

from __future__ import annotations

import re

import phonenumbers

FOREIGN_VALID_SCORE = 0.9
FOREIGN_POSSIBLE_SCORE = 0.6

# Words that announce a phone number, before it on its line.
CUES: tuple[str, ...] = (
    "tél",
    "tel",
    "téléphone",
    "telephone",
    "portable",
    "mobile",
    "fixe",
    "fax",
    "numéro",
    "appeler",
    "appelle",
    "rappeler",
    "rappel",
    "joindre",
    "joignable",
    "sms",
    "contact",
    "ligne",
    "standard",
    "whatsapp",
    "secrétariat",
)
_CUE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(CUES, key=len, reverse=True)) + r")",
    re.IGNORECASE,
)


def digits_of(text: str) -> str:
    """The digits of a written number, a letter O read as a zero."""
    return re.sub(r"\D", "", text.replace("O", "0"))


def is_french_national(digits: str) -> bool:
    """0 + 1-9 + eight digits: '0635346577'."""
    return len(digits) == 10 and digits[0] == "0" and digits[1] != "0"


def is_french_after_country_code(digits: str) -> bool:
    """The digits after +33: nine, or ten with the trunk 0 kept ('(0)6...')."""
    if len(digits) == 10 and digits[0] == "0":
        digits = digits[1:]
    return len(digits) == 9 and digits[0] != "0"


def foreign_score(candidate: str) -> float:
    """`phonenumbers`' opinion of '+44 20 7946 0958' or '0044 20 ...': valid, possible, no."""
    digits = digits_of(candidate)
    if candidate.lstrip().startswith("00"):
        digits = digits[2:]
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return 0.0
    if phonenumbers.is_valid_number(number):
        return FOREIGN_VALID_SCORE
    if phonenumbers.is_possible_number(number):
        return FOREIGN_POSSIBLE_SCORE
    return 0.0


def cue_before(text: str, start: int, window: int = 40) -> bool:
    """A phone cue ("Tél", "portable", "joignable au") shortly before `start` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_CUE.search(text, max(line_start, start - window), start))

"""Checksums of French and European identifiers, shared by the ID recognizers.

A format alone (nine digits, "FR" + digits) matches too many innocent numbers;
the check digit is what makes an identifier certain, so every ID recognizer
asks these functions before scoring high.
"""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
# La Poste's establishments share one SIREN whose SIRETs do not pass Luhn:
# INSEE checks them by the sum of their digits instead.
LA_POSTE_SIREN = "356000000"


def compact(text: str) -> str:
    """The identifier without its spaces, dots and hyphens, upper-cased."""
    return _NOT_ALNUM.sub("", text).upper()


def luhn_ok(digits: str) -> bool:
    """Luhn check of a digit string (SIREN, SIRET)."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def siren_ok(digits: str) -> bool:
    """A SIREN (9 digits) that passes Luhn and is not all zeros."""
    return len(digits) == 9 and digits.strip("0") != "" and luhn_ok(digits)


def siret_ok(digits: str) -> bool:
    """A SIRET (14 digits): Luhn, or La Poste's digit-sum rule."""
    if len(digits) != 14 or not digits.isdigit() or digits.strip("0") == "":
        return False
    if digits.startswith(LA_POSTE_SIREN):
        return sum(int(c) for c in digits) % 5 == 0
    return luhn_ok(digits)


def nir_ok(text: str) -> bool:
    """French social security number: key = 97 - (13 first digits mod 97).

    Corsican departments 2A and 2B count as 19 and 18 in the computation.
    """
    raw = compact(text)
    if len(raw) != 15:
        return False
    body, key = raw[:13], raw[13:]
    body = body.replace("2A", "19", 1) if body[5:7] == "2A" else body
    body = body.replace("2B", "18", 1) if body[5:7] == "2B" else body
    if not (body.isdigit() and key.isdigit()):
        return False
    return 97 - int(body) % 97 == int(key)


def fr_vat_ok(text: str) -> bool:
    """French VAT number: FR + 2-digit key + SIREN, key = (12 + 3 * (SIREN mod 97)) mod 97."""
    raw = compact(text)
    if len(raw) != 13 or not raw.startswith("FR"):
        return False
    key, siren = raw[2:4], raw[4:]
    if not (key.isdigit() and siren.isdigit()):
        return False
    return int(key) == (12 + 3 * (int(siren) % 97)) % 97


def iban_ok(text: str, lengths: dict[str, int] | None = None) -> bool:
    """IBAN mod-97 check (ISO 13616), and the country's length when known."""
    raw = compact(text)
    if len(raw) < 15 or len(raw) > 34 or not raw[:2].isalpha() or not raw[2:4].isdigit():
        return False
    if lengths and raw[:2] in lengths and lengths[raw[:2]] != len(raw):
        return False
    moved = raw[4:] + raw[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1

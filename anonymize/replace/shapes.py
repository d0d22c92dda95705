"""A replacement written in the shape of what it replaces, when that is a slug.

A name in a tag, a link target or a handle is written like a file name:
"julien-marchand", "JMARCHAND", "julien_marchand". Its pseudonym is written the
same way: the slug's separator (or none), its case, and plain ASCII when the
slug is ("Théo Campan" -> "theo-campan", "T. Campan" -> "tcampan").
"""

from __future__ import annotations

import re
import unicodedata

SEPARATOR = re.compile(r"[-_. ]")
WORDS = re.compile(r"[^\W_]+")


def slug_shape(written: str, value: str) -> str:
    """`value` in the shape of the slug `written`."""
    if not value:
        return value
    separator = SEPARATOR.search(written)
    out = (separator.group() if separator else "").join(WORDS.findall(value))
    if written.isascii():
        out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
        out = out.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    letters = [c for c in written if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        out = out.lower()
    elif len(letters) > 1 and all(c.isupper() for c in letters):
        out = out.upper()
    return out or value


def in_capitals_like(written: str, value: str) -> str:
    """`value` in capitals when `written` is (a letterhead, a register: "EHPAD LES
    GLYCINES", "DOMICILE : RENNES", "DUPONT")."""
    letters = [c for c in written if c.isalpha()]
    return value.upper() if len(letters) > 1 and all(c.isupper() for c in letters) else value

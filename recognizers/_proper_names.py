"""Regex building blocks for capitalized proper names (venues, organisations).

A name is a short run of capitalized words (`Les Premiers Pas Pro`, `Girard &
Fils`, `Tête d'Or`), where lower-case particles may link two capitalized
words (`Isigny Sainte-Mère`, `Atelier de Rose`) but never end the name.
Shared by the venue and ORG recognizers so that they agree on where a name
stops.
"""

from __future__ import annotations

import re

from recognizers._data import table

UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOWER = "a-zàâäçéèêëîïôöùûüÿæœß"
# Legal forms of French businesses (excluded from ORG spans).
LEGAL_FORMS = tuple(row[0] for row in table("org_legal_forms.tsv"))
LEGAL_FORM = "(?:" + "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True))
LEGAL_FORM += r")(?![\w.])"
# A capitalized word: `Molière`, `Trois-Chênes`, `N'Guessan`, `L'Atelier`,
# `Sof'` (a trailing apostrophe of a nickname), `EP`, `2i` is not one.
# A legal form is never a word of the name (`Pollen Data SAS`).
CAP_WORD = (
    rf"(?!{LEGAL_FORM})(?:[{UPPER}]['’])?[{UPPER}][{UPPER}{LOWER}0-9]*"
    rf"(?:['’][{UPPER}{LOWER}]+)*(?:-[{UPPER}{LOWER}0-9]+(?:['’][{UPPER}{LOWER}]+)?)*['’]?"
)
# Lower-case words allowed between two capitalized words of one name, followed
# by a space (`Atelier de Rose`, `Girard & Fils`) or elided (`Tête d'Or`).
_LINK_WORDS = r"(?:de|du|des|de\s+la|la|le|les|sur|sous|en|et|aux|au|lès|lez|&)"
_SEP = rf"(?:[ \u00a0]+(?:{_LINK_WORDS}[ \u00a0]+|(?:de\s+)?[dl]['’])?)"


def cap_name(max_words: int = 6) -> str:
    """Pattern of a capitalized name of at most `max_words` words."""
    return rf"{CAP_WORD}(?:{_SEP}{CAP_WORD}){{0,{max_words - 1}}}"


# Connectors between a head noun and its name (`domaine de la Baume`).
CONNECTOR = r"(?:de\s+la|de\s+l['’]|des|du|de|d['’])"

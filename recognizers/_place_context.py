"""The words around a place name that tell a place from a common word or a name.

`Tours` is a town after `à` or `de`, a noun in `deux tours`; `Inde` identifies
someone only in `née en Inde`. These helpers read the few words before and
after a candidate, on its own line, without spaCy: the context that matters
is lexical and local.
"""

from __future__ import annotations

import re
from functools import cache

from recognizers._data import lines, table

# Prepositions after which a capitalized word is a place (`à Tours`, `près de
# Lens`, `depuis Lisbonne`, `vers Orange`), contracted forms included.
PLACE_PREPOSITIONS = frozenset(
    [
        "à",
        "a",
        "de",
        "d'",
        "en",
        "vers",
        "près",
        "sur",
        "sous",
        "depuis",
        "jusqu'",
        "par",
        "via",
        "entre",
        "dans",
        "direction",
        "pour",
        "lès",
        "lez",
    ]
)
# Preposition + article: a place only if it takes that article (`du Havre`, `au
# Maroc`, `des Landes`), never a bare commune (`chez les Delmas`, `cidre des Martin`).
CONTRACTED = {"au": "le", "du": "le", "aux": "les", "des": "les"}
# Verbs and labels directly followed by a place without preposition
# (`habite Nuits`, `quitté Tours`, `RCS Brest`).
PLACE_TRIGGERS = frozenset(lines("place_verb_cues.txt"))
LOWER_ARTICLES = frozenset({"le", "la", "les", "l'"})
# Words that make a country name say where someone is from or lives.
COUNTRY_TRIGGERS = frozenset(lines("place_country_cues.txt"))

_TOKEN = re.compile(r"\w+['’](?=\w|$)|\w+(?:[.-]\w+)*|[^\w\s]")
_POSTAL_BEFORE = re.compile(r"(?<!\d)(?:\d{5}|\d{2}\s\d{3}|2[AB]\d{3})\s*$")
_DEPT_AFTER = re.compile(r"\s*\((?:\d{2,3}|2[AB])\)|\s+cedex\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"[\s,/;&()]*(?:\s(?:et|ou)\s)?[\s,/;&()]*")


def line_before(text: str, start: int) -> str:
    """Text from the start of the line up to `start`."""
    return text[text.rfind("\n", 0, start) + 1 : start]


def words_before(text: str, start: int, n: int = 8) -> list[str]:
    """The last `n` tokens of the line before `start`, lower-cased (’ as ')."""
    tokens = _TOKEN.findall(line_before(text, start)[-120:])
    return [t.lower().replace("’", "'") for t in tokens[-n:]]


def preposition_before(words: list[str], takes_article: bool) -> bool:
    """A place preposition right before, past one lower-case article (`dans l'`).

    `takes_article`: the place is named with an article (`le Nord`, `les
    Landes`, `le Havre`), so `du`, `au`, `des`, `aux` introduce it too.
    """
    if words and words[-1] in LOWER_ARTICLES:
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    if last in CONTRACTED:
        return takes_article
    return last in PLACE_PREPOSITIONS or last in PLACE_TRIGGERS


_NOUN_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?[a-zé]")


def noun_complement_after(text: str, end: int) -> bool:
    """`Chambre de métiers`: a capitalized common noun heading an institution's name."""
    return bool(_NOUN_COMPLEMENT.match(text, end))


def postal_code_before(text: str, start: int) -> bool:
    return bool(_POSTAL_BEFORE.search(line_before(text, start)))


def department_after(text: str, end: int) -> bool:
    """`Orange (84)`, `Tours Cedex`."""
    return bool(_DEPT_AFTER.match(text, end))


def country_context(words: list[str]) -> bool:
    """`née en`, `originaire du`, `vit au`, `reparti vivre au`."""
    if words and words[-1] in LOWER_ARTICLES:
        words = words[:-1]
    if not words or words[-1] not in {"en", "au", "aux", "du", "des", "de", "d'", "à", "a"}:
        return False
    return any(w in COUNTRY_TRIGGERS for w in words[:-1])


def list_gap(text: str, end: int, start: int) -> bool:
    """Only list separators between two places (`Curières / Laguiole`, `Lyon et Tours`)."""
    if start < end or start - end > 12:
        return False
    gap = text[end:start]
    return "\n" not in gap and bool(_LIST_GAP.fullmatch(gap)) and gap.strip() != ""


def starts_list_item(text: str, start: int) -> bool:
    """Nothing but a separator, a bracket or a line start right before `start`."""
    before = line_before(text, start).rstrip()
    return not before or before[-1] in ",/;|(&:" or before.endswith((" et", " ou"))


def table_cell(text: str, start: int, end: int) -> bool:
    """The whole cell of a Markdown table row (`| Cassis |`)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if line.count("|") < 2:
        return False
    before = text[line_start:start].rstrip(" ")
    after = text[end : line_end if line_end != -1 else len(text)].lstrip(" ")
    return before.endswith("|") and after.startswith("|")


# Courtesy titles, lower-cased, with and without their dot (`m.`, `m`, `mme`).
_TITLES = frozenset(
    form for t in lines("person_titles.txt") for form in (t.lower(), t.lower().rstrip("."))
)


@cache
def first_names(max_tier: int = 3) -> frozenset[str]:
    """First names of the PERSON lexicon up to a frequency tier (1 = most common)."""
    try:
        rows = table("first_names.tsv")
    except FileNotFoundError:
        return frozenset()
    tiers = {str(t) for t in range(1, max_tier + 1)}
    return frozenset(r[0] for r in rows if len(r) > 2 and r[2] in tiers)


def after_person_word(text: str, start: int) -> bool:
    """Right after a title or a first name: `Mme Leclerc`, `Louis Renault`."""
    m = re.search(r"([\w.]+)[ \u00a0]+$", text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    return word.lower() in _TITLES or word in first_names()


def sentence_words_before(text: str, start: int, n: int = 8) -> list[str]:
    """`words_before`, stopped at the start of the sentence."""
    words = words_before(text, start, n)
    for i in range(len(words) - 1, -1, -1):
        if words[i] in {".", "!", "?", ";", "|"}:
            return words[i + 1 :]
    return words

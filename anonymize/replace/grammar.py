"""Repair French grammar around replacements.

"d'Annecy" replaced by "Brest" must read "de Brest"; "de Julien" replaced by
"Antoine" must read "d'Antoine"; "à [Le Mans]" must read "au Mans"; a
replacement that starts a sentence starts with a capital. Only the few
characters just before each replacement are touched.
"""

from __future__ import annotations

import re
from dataclasses import replace as dc_replace
from functools import cache

from recognizers.lexicons import first_name_gender, is_country, lines, place_kind

from .splice import Replacement
from .styles import EMPTY

VOWEL_START = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ]")
# Words whose initial h is aspirated are rare among names; we treat h as mute
# only for the common first names that start with it.
MUTE_H = re.compile(
    r"^(?:H(?:élène|enri|ugo|ervé|ugues|ortense|ector|élo[iï]se|ubert|annah|arold|ermine|onoré|yacinthe|adrien))\b"
)
ELIDED = re.compile(r"(?<![\w])(?P<word>[dDlLjJnNsS]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’ʼ]$")
FULL = {
    "d": "de",
    "l": "le",
    "j": "je",
    "n": "ne",
    "s": "se",
    "qu": "que",
    "jusqu": "jusque",
    "lorsqu": "lorsque",
    "puisqu": "puisque",
}
ELIDABLE = re.compile(
    r"(?<![\w'’])(?P<word>de|que|je|ne|se|le|la|lorsque|puisque|jusque)\s$", re.IGNORECASE
)
# a value that brings its own determiner: "une autre personne", "sa sœur", "cette ville"
DETERMINED = re.compile(r"^(?:un|une|mon|ma|mes|son|sa|ses|leur|leurs|ce|cet|cette)\s")
CONTRACTED = re.compile(r"(?<![\w'’])(?P<word>au|aux|du|des)\s$", re.IGNORECASE)
# values written as they are, never capitalized (an e-mail at a line start)
VERBATIM_TYPES = frozenset({"EMAIL", "URL", "ID", "PHONE", "ADDRESS"})
SENTENCE_START = re.compile(
    r"(?:^|[.!?…]\s+|[.!?…]\s*[»\"”]\s+|\n\s*|^\s*[-*#>]+\s+|\n\s*[-*#>]+\s+"
    # a speaker's turn ("LA COACH : "), a quotation opening after a colon
    r"|(?:^|\n)[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý'’.-][A-ZÀ-Ý'’ .-]{0,29}\s?:\s+|:\s*«\s*|(?:^|\n)\s*«\s*)$"
)


def starts_with_vowel_sound(word: str) -> bool:
    return bool(VOWEL_START.match(word) or MUTE_H.match(word))


def _case_like(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


CONTRACTIONS = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}


def _contract(before: str, value: str, *, expanded: bool = False) -> tuple[str, str]:
    """`à` or `de` before the article `le`/`les`, in the text or opening the value,
    contracted: "à [Le Mans]" -> "au Mans", "à l'[EPFL]" made "à le KAIQ" -> "au KAIQ"."""
    lead = re.match(r"^(Le|Les|le|les)\s+(?=\w)", value)
    prep = re.search(r"(?<![\w'’])(à|de)\s$", before, re.IGNORECASE)
    if lead and prep:
        word = CONTRACTIONS[(prep.group(1).lower(), lead.group(1).lower())]
        return before[: prep.start()] + _case_like(prep.group(1), word) + " ", value[lead.end() :]
    # only an article this step wrote back ("l'" -> "le"): "à le voir" is a pronoun
    if expanded and (m := re.search(r"(?<![\w'’])(à|de)\s+(le|les)\s$", before, re.IGNORECASE)):
        word = CONTRACTIONS[(m.group(1).lower(), m.group(2).lower())]
        return before[: m.start()] + _case_like(m.group(1), word) + " ", value
    return before, value


def _fix_prefix(before: str, value: str, source_type: str, kind: str | None) -> tuple[str, str]:
    """New (text before, value) for one replacement."""
    vowel = starts_with_vowel_sound(value)
    if m := ELIDED.search(before):
        word = m.group("word")
        # "l'hôpital", "l'Hôtel Cap Ouest": an h after an elision is mute, keep it
        if not vowel and value[:1].isalpha() and value[:1] not in "hH":
            full = _case_like(word, FULL[word.lower()])
            if word.lower() == "l" and first_name_gender(value.split(" ")[0]) == "F":
                full = _case_like(word, "la")
            if word.lower() == "l" and value.startswith(("Le ", "La ", "Les ")):
                return _contract(before[: m.start()], _case_like(word, value))
            return _contract(before[: m.start()] + full + " ", value, expanded=True)
        return before, value
    if (m := ELIDABLE.search(before)) and vowel:
        word = m.group("word")
        elided = word[0] if word.lower() in ("le", "la") else word[:-1]
        return before[: m.start()] + elided + "'", value
    lead_au = re.match(r"^(Le|Les|La|L')\s*(?=\w)", value)
    prep_au = re.search(r"(?<![\w'’])(au|du|aux|des)\s$", before, re.IGNORECASE)
    if lead_au and prep_au:
        # "au [Judo Club]" replaced by "Le Grand Chêne" -> "au Grand Chêne"
        art = lead_au.group(1).lower()
        base = "à" if prep_au.group(1).lower() in ("au", "aux") else "de"
        word = {
            "le": {"à": "au", "de": "du"},
            "les": {"à": "aux", "de": "des"},
            "la": {"à": "à la", "de": "de la"},
            "l'": {"à": "à l'", "de": "de l'"},
        }[art][base]
        sep = "" if word.endswith("'") else " "
        return before[: prep_au.start()] + _case_like(prep_au.group(1), word) + sep, value[
            lead_au.end() :
        ]
    if (contracted := _contract(before, value)) != (before, value):
        return contracted
    if source_type == "LOCATION" and value.startswith(("un ", "une ", "ce ", "cet ", "cette ")):
        # a generalized place: "à Annecy" -> "dans une ville de taille moyenne", "dans cette ville"
        if m := re.search(r"(?<![\w'’])(à|au|aux|en)\s$", before, re.IGNORECASE):
            return before[: m.start()] + _case_like(m.group(1), "dans") + " ", value
        if m := re.search(r"(?<![\w'’])(du|des)\s$", before, re.IGNORECASE):
            if vowel:
                return before[: m.start()] + _case_like(m.group(1), "d'"), value
            return before[: m.start()] + _case_like(m.group(1), "de") + " ", value
    if (m := CONTRACTED.search(before)) and DETERMINED.match(value):
        # a role after a contracted article: "à du [Joann Sfar]" -> "à d'une autre personne",
        # "au [Dr Roux]" -> "à son médecin"
        word = m.group("word").lower()
        new = {"au": "à", "aux": "à", "du": "de", "des": "de"}[word]
        if new == "de" and re.search(r"(?<![\w'’])à\s+$", before[: m.start()]):
            return before[: m.start()], value  # "ressemble à du [Sfar]" -> "à une autre personne"
        if new == "de" and vowel:
            return before[: m.start()] + _case_like(m.group("word"), "d'"), value
        return before[: m.start()] + _case_like(m.group("word"), new) + " ", value
    if (m := CONTRACTED.search(before)) and source_type == "ORG" and vowel:
        # "du [RC Lens]" replaced by "Alizé" -> "de l'Alizé"
        word = m.group("word").lower()
        new = {"au": "à l'", "aux": "aux ", "du": "de l'", "des": "des "}[word]
        return before[: m.start()] + _case_like(m.group("word"), new), value
    if (
        (m := CONTRACTED.search(before))
        and source_type == "LOCATION"
        and kind not in ("country", "region", "department")
        # a country, region or department pseudonym keeps "au"/"du"/"des": chosen to fit
        and not is_country(value)
        and place_kind(value) not in ("region", "department")
    ):
        # "au Croisic" -> the new town has no article of its own: "à Brest", "de Brest".
        word = m.group("word").lower()
        first_word = value.split(" ", 1)[0]
        if (
            not value.startswith(("Le ", "La ", "Les ", "L'"))
            and first_word[:1].isupper()
            and not first_word.isupper()
        ):
            new = {"au": "à", "aux": "à", "du": "de", "des": "de"}[word]
            if new == "de" and vowel:
                return before[: m.start()] + _case_like(m.group("word"), "d'"), value
            return before[: m.start()] + _case_like(m.group("word"), new) + " ", value
    return before, value


# Every fix looks at most this far back; a window keeps repair linear in the
# note's length (a 5 MB note has tens of thousands of replacements).
WINDOW = 64
SENTINEL = "x"  # stands for the text cut off at the window's start


def _fix(before: str, value: str, r: Replacement) -> tuple[str, str]:
    """New (text before, value) for one replacement, from the window before it.

    A date comes with its article and its range (replace/dates.py): only its
    elision and capital are repaired here."""
    if r.source.hint("slug"):
        return before, value  # a tag, a link target, a handle: written as it is
    if (
        r.type == "AGE"
        and value.startswith("dans ")
        and (m := re.search(r"(?<![\w'’])en\s+$", before[-8:]))
    ):
        # "né en 1987" -> "né dans les années 1980"
        new_before, new_value = before[: len(before) - len(m.group())], value
    elif value == EMPTY:
        # a name dropped after its relation word: "sa sœur Claire est" -> "sa sœur est"
        new_before, new_value = before.rstrip(" "), ""
    else:
        new_before, new_value = _fix_prefix(before, value, r.type, r.source.hint("kind"))
    if (
        new_value
        and new_value[0].islower()
        and r.type not in VERBATIM_TYPES
        and SENTENCE_START.search(new_before)
        and not _after_abbreviation(new_before)
    ):
        new_value = new_value[0].upper() + new_value[1:]
    return new_before, new_value


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lines("abbreviations.txt", package="anonymize"))


def _after_abbreviation(before: str) -> bool:
    """True when the full stop before a replacement closes an abbreviation ("Prév.")."""
    m = re.search(r"(?<![\w'’])([^\W\d_]+)\.\s+$", before)
    return m is not None and m.group(1).lower() in _abbreviations()


def repair(text: str, replacements: list[Replacement]) -> tuple[str, list[Replacement]]:
    """Fix elision, contraction and capitals around each replacement, in one pass.

    A fix only touches the text between the previous replacement and this one,
    so a repaired value is never changed again.
    """
    out: list[str] = []
    size = 0  # length of "".join(out)
    fixed: list[Replacement] = []
    pos = 0
    floor = 0  # output offset where the previous replacement ended
    for r in sorted(replacements, key=lambda r: r.start):
        out.append(text[pos : r.start])
        size += r.start - pos
        window_start = max(floor, size - WINDOW)
        tail = _take_tail(out, size - window_start)
        cut = window_start > 0
        before = (SENTINEL if cut else "") + tail
        new_before, new_value = _fix(before, text[r.start : r.end], r)
        if cut:
            new_before = new_before[len(SENTINEL) :]
        out.append(new_before)
        size += len(new_before) - len(tail)
        fixed.append(dc_replace(r, start=size, end=size + len(new_value), text=new_value))
        out.append(new_value)
        size += len(new_value)
        floor = size
        pos = r.end
    out.append(text[pos:])
    return "".join(out), fixed


def _take_tail(chunks: list[str], n: int) -> str:
    """Remove and return the last `n` characters of the joined chunks."""
    taken: list[str] = []
    while n > 0 and chunks:
        last = chunks.pop()
        if len(last) > n:
            chunks.append(last[: len(last) - n])
            last = last[len(last) - n :]
        taken.append(last)
        n -= len(last)
    return "".join(reversed(taken))

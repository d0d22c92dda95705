"""Regex grammar of a French address line, shared by the ADDRESS recognizers.

Why a grammar and not a list: street names are an open class, but their shape
is not. A line is [details ,] number type name [, details] where the details
are building, floor, flat, residence, business-park or lieu-dit parts, the type
comes from `data/address_street_types.tsv`, and the name is capitalized words
joined by particles (`du Roi-René`, `de la République`, `d'Aubagne`).
Type words and particles are matched case-insensitively, name words
case-sensitively: the capital is what separates `rue de Siam` from prose.
"""

from __future__ import annotations

import re
from functools import cache

from recognizers._data import lines, table
from recognizers._gazetteer import lookup
from recognizers._numbers import number_words, spelled_numbers

SP = r"[ \t\u00a0\u202f]"
UPPER = "A-ZÀ-ÖØ-ÞŒ"
LOWER = "a-zß-öø-ÿœ"
CAP_WORD = rf"[{UPPER}][\w'’]*(?:-[\w'’]+)*"
# `8-Mai-1945`, `11 Novembre`: a day number is part of a street name when a
# capitalized word follows it.
NUMBER_WORD = rf"\d{{1,4}}(?:er)?(?:-[\w'’]+)+|\d{{1,2}}(?:er)?(?={SP}[{UPPER}])"
PARTICLE = (
    rf"(?:(?i:de{SP}+la|des|du|de|la|le|les|aux|au|et|lès|lez|dit|dite){SP}+"
    rf"|(?i:de{SP}+l|d|l)['’])"
)
HOUSE_NUMBER = (
    rf"(?<![\w,.:/-])\d{{1,4}}(?:-\d{{1,4}})?(?:{SP}?(?i:bis|ter|quater)|{SP}?[A-D])?(?![\w])"
)
# Years only inside a name: `avenue du 8 Mai 1945`.
_TOKEN = rf"(?:{CAP_WORD}|{NUMBER_WORD}|(?<=[{UPPER}{LOWER}]{SP})(?:1[89]|20)\d\d(?!\d))"


def name(*, lenient: bool) -> str:
    """A street or place name; `lenient` also takes `des vignes` (particle + lower case)."""
    first = rf"(?:{PARTICLE})*{_TOKEN}"
    if lenient:
        first = rf"(?:{first}|(?:{PARTICLE})+[{LOWER}][\w'’]*(?:-[\w'’]+)*)"
    more = rf"(?:{SP}+|(?<=['’]))(?:{PARTICLE})*{_TOKEN}"
    return rf"{first}(?:{more}){{0,6}}"


@cache
def street_types() -> dict[str, list[str]]:
    """Regex alternations of street-type forms, by class (street/strict/zone/whole)."""
    forms: dict[str, list[str]] = {}
    for form, kind in table("address_street_types.tsv"):
        # the apostrophes of the form match both ' and ’ (not those of the lookahead)
        if form.endswith("."):
            pattern = re.escape(form[:-1]).replace("'", "['’]") + r"(?:\.|(?![\w'’-]))"
        else:
            pattern = re.escape(form).replace(r"\ ", f"{SP}+").replace("'", "['’]") + r"(?![\w'’-])"
        forms.setdefault(kind, []).append(pattern)
    return {kind: sorted(patterns, key=len, reverse=True) for kind, patterns in forms.items()}


def type_regex(*kinds: str) -> str:
    alternatives = [p for kind in kinds for p in street_types().get(kind, [])]
    return rf"(?i:{'|'.join(sorted(alternatives, key=len, reverse=True))})"


ORDINAL_FLOOR = (
    rf"\d{{1,2}}{SP}?(?i:er|ère|re|e|ème|eme|è|ᵉ|ᵉʳ){SP}+(?i:étage|etage)"
    rf"(?:{SP}+(?i:sur{SP}+(?:cour|rue|jardin)|à{SP}+(?:gauche|droite)|gauche|droite))?"
)
_UNIT_WORDS = (
    r"appartement|appart|appt|apt|app|logement|log|porte|escalier|esc|entrée|boîte|"
    r"bal|chambre|studio|local|cellule|bureau|lot|bâtiment|batiment|bât|bat|bloc|aile"
)
_UNIT = (
    rf"(?i:{_UNIT_WORDS})\.?{SP}*(?:(?i:n°|no\.?){SP}*)?(?:[{UPPER}]|\d{{1,4}}[A-Z]?)(?![\w])"
    rf"|(?i:porte){SP}+(?i:droite|gauche|de{SP}+droite|de{SP}+gauche)"
    rf"|(?i:rez-de-chaussée|rdc|sous-sol)(?![\w-])"
)
_NAMED_PLACE = (
    rf"(?i:résidence|rés\.|immeuble|imm\.|villa|tour|domaine|hameau|lotissement|cité|bâtiment|bât\."
    rf"|parc|campus|espace|quartier|technopole|technopôle)"
    rf"{SP}+{name(lenient=False)}"
)
POSTAL_BOX = rf"(?<![\w])(?:BP|B\.P\.|CS|TSA){SP}*\d{{1,6}}(?![\w])"
ZONE = rf"{type_regex('zone')}{SP}+{name(lenient=False)}"
DETAIL = rf"(?:{ORDINAL_FLOOR}|{_UNIT}|{_NAMED_PLACE}|{ZONE}|{POSTAL_BOX})"
DETAIL_SEP = rf"(?:{SP}*,{SP}*|{SP}+[-–]{SP}+)"

STREET_CORE = (
    rf"(?P<number>{HOUSE_NUMBER}),?{SP}+(?:"
    rf"(?P<lenient>{type_regex('street')}){SP}+{name(lenient=True)}"
    rf"|(?P<strict>{type_regex('strict')}){SP}+{name(lenient=False)}"
    rf"|{type_regex('whole')})"
)


@cache
def address_line() -> re.Pattern[str]:
    """Details, a numbered street, details: the whole line as one match."""
    return re.compile(
        rf"(?<![\w'’-])(?:{DETAIL}{DETAIL_SEP})*{STREET_CORE}(?:{DETAIL_SEP}{DETAIL})*"
    )


@cache
def street_without_number() -> re.Pattern[str]:
    """`rue des Lilas` with no house number: an address only with context."""
    return re.compile(rf"(?<![\w-]){type_regex('street')}{SP}+{name(lenient=False)}")


@cache
def zone_line() -> re.Pattern[str]:
    """`lieu-dit La Cour Vérel`, `ZA du Bois-Joli`: an address without a number."""
    return re.compile(rf"(?<![\w-]){ZONE}(?:{DETAIL_SEP}{DETAIL})*")


@cache
def postal_box() -> re.Pattern[str]:
    return re.compile(rf"{POSTAL_BOX}|(?<![\w])(?:CEDEX|Cedex)(?:{SP}+\d{{1,2}})?(?![\w])")


@cache
def any_street_type() -> re.Pattern[str]:
    """Any street type word, to tell that a line is an address line."""
    return re.compile(rf"(?<![\w-]){type_regex('street', 'strict', 'zone', 'whole')}")


@cache
def street_number_after() -> re.Pattern[str]:
    """`chemin de Boston 9, 1004 Lausanne`, `rue de la Loi 16, 1000 Bruxelles`: the
    Swiss and Belgian order, number after the name, taken only before a postal code."""
    return re.compile(
        rf"(?<![\w'’-]){type_regex('street')}{SP}+{name(lenient=True)}{SP}+"
        rf"\d{{1,4}}(?:{SP}?[a-dA-D])?(?={SP}*,{SP}*{_FOREIGN_CODE}{SP}+[{UPPER}])"
    )


# Swiss, Belgian and Luxembourg postal codes: four digits, an optional country prefix.
_FOREIGN_CODE = r"(?:(?:CH|B|L)-)?[1-9]\d{3}(?![\w]|[.,/-]\d)"
# A French postal code: departments 01-98 (Corsica's 20xxx included).
_POSTAL = r"(?<![\w.,/-])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?![\w]|[.,/-]\d)"
# The same with a space after the department ("51 330"), as forms and dictation
# write it: also a count ("12 000 Parisiens"), so it needs a frame.
_SPACED_POSTAL = (
    r"(?<![\w.,/-])(?<!\d[ .\u00a0])(?:0[1-9]|[1-8]\d|9[0-8])[ \u00a0]\d{3}"
    r"(?![\w]|[.,/-]\d|[ \u00a0]\d)"
)
# Space-joined town words: `Saint Herblain`, `Le Mans`, `Aix en Provence`.
_TOWN_JOINERS = r"Saint|Sainte|St|Ste|Mont|Port|Pont|Val|Notre"
TOWN = (
    rf"(?:(?:Le|La|Les){SP}+|L['’])?(?:(?:{_TOWN_JOINERS}){SP}+)*{CAP_WORD}"
    rf"(?:{SP}+(?:sur|sous|en|lès|lez|le|la|les|de|du|des|aux){SP}+{CAP_WORD}"
    rf"|{SP}+(?:d|l)['’]{CAP_WORD})*"
)
_NOT_AFTER = re.compile(r"(?:n°|no\.?|#|réf\.?|ref\.?|\d[ .])\s*$", re.IGNORECASE)
_POSTAL_LABEL = re.compile(r"(?:code\s+postal|\bCP)\s*[:|]?\s*$", re.IGNORECASE)


@cache
def _not_towns() -> frozenset[str]:
    """Capitalized words after an amount or a postal box, never a town."""
    return frozenset(lines("address_not_towns.txt"))


# Between a code and its town: a space, or a slash or dash in a table or a form.
_CODE_TOWN_SEP = rf"(?:{SP}+|{SP}*[/–-]{SP}*)"


@cache
def _postal_then_town() -> re.Pattern[str]:
    return re.compile(rf"(?P<code>{_POSTAL})(?:{_CODE_TOWN_SEP}(?P<town>{TOWN}))?")


@cache
def _spaced_postal_then_town() -> re.Pattern[str]:
    return re.compile(rf"(?P<code>{_SPACED_POSTAL}){_CODE_TOWN_SEP}(?P<town>{TOWN})")


_ADDRESS_LABEL = re.compile(
    r"\b(?:adresse|domicile|domicili[ée]e?s?|demeurant|r[ée]sidant|habite|vit)\b", re.IGNORECASE
)


def _spaced_postal_codes(text: str) -> list[tuple[int, int, float, tuple[int, int] | None]]:
    """`51 330 Givry-en-Argonne`: a spaced code is a postal code when it stands
    in an address frame (it closes a street line, or an address label or a
    street opens its line), or when a town of the gazetteer follows it and the
    code opens its line or a field (after a comma, a colon, a dash)."""
    found: list[tuple[int, int, float, tuple[int, int] | None]] = []
    for match in _spaced_postal_then_town().finditer(text):
        start, end = match.span("code")
        if _NOT_AFTER.search(text[max(0, start - 30) : start]):
            continue
        words = match.group("town").split()
        if words[0] in _not_towns():
            continue
        while len(words) > 1 and words[-1] in _not_towns():
            words.pop()
        town = " ".join(words)
        entry = lookup(town)
        commune = entry is not None and entry.best.kind == "commune"
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        framed = (
            _closes_address_line(text, start)
            or bool(_ADDRESS_LABEL.search(before))
            or bool(any_street_type().search(before))
        )
        # a count reads "de 12 000 Parisiens", "soit 15 000 Lyonnais": a code
        # that only a gazetteer town vouches for opens its line or a field
        opens_field = not before.strip() or before.rstrip()[-1] in ",:;-–(|/"
        if (commune and opens_field) or framed:
            town_span = (match.start("town"), match.start("town") + len(town))
            found.append((start, end, 0.85, town_span))
    return found


@cache
def _spelled_code() -> re.Pattern[str]:
    """A postal code said aloud: five digits ("six neuf zéro zéro un"), a
    department then three digits ("soixante-neuf zéro zéro un"), or a
    department and "mille" ("trente-trois mille")."""
    digits = sorted(
        (w for w, (_, role) in number_words().items() if role in ("zero", "unit") and w != "une"),
        key=len,
        reverse=True,
    )
    digit = "|".join(digits)
    departments = sorted((w for w, v in spelled_numbers().items() if 1 <= v <= 98), key=len)
    department = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(departments))
    return re.compile(
        rf"(?<![\w-])(?:(?:{digit})(?:\s+(?:{digit})){{4}}"
        rf"|(?:{department})(?:\s+(?:{digit})){{3}}|(?:{department})\s+mille)(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _spelled_code_end() -> re.Pattern[str]:
    """How every spoken code ends, cheap to search: three digit words, or "mille"."""
    digit = "zéro|zero|un|deux|trois|quatre|cinq|six|sept|huit|neuf"
    last = rf"(?:{digit})(?![\w-])(?!\s+(?:{digit})(?![\w-]))"
    return re.compile(
        rf"(?<![\w-])(?:(?:{digit})\s+(?:{digit})\s+{last}|mille(?![\w-]))", re.IGNORECASE
    )


def _spelled_value(code: str) -> str:
    """The five digits of a spoken postal code ("trente-trois mille" -> "33000")."""
    words = code.lower().split()
    values = number_words()
    if len(words) == 5:
        return "".join(str(values[w][0]) for w in words)
    department = spelled_numbers()[" ".join(words[:-3] if words[-1] != "mille" else words[:-1])]
    rest = "000" if words[-1] == "mille" else "".join(str(values[w][0]) for w in words[-3:])
    return f"{department:02d}{rest}"


_WORDS_AFTER = re.compile(r"[ \t]+([\w'’-]+(?:[ \t]+[\w'’-]+){0,3})")


def _commune_after(text: str, end: int) -> tuple[int, int] | None:
    """A commune of the gazetteer in the one to four words after `end`, in any case
    ("lyon", "Saint-Ouen-sur-Seine"): after a postal code, it is the town."""
    m = _WORDS_AFTER.match(text, end)
    if not m:
        return None
    words = list(re.finditer(r"[\w'’-]+", m.group(1)))
    for n in range(len(words), 0, -1):
        start, stop = m.start(1) + words[0].start(), m.start(1) + words[n - 1].end()
        entry = lookup(text[start:stop])
        if entry is not None and entry.best.kind == "commune":
            return start, stop
    return None


def _spelled_postal_codes(text: str) -> list[tuple[int, int, float, tuple[int, int] | None]]:
    """`... rue des capucins six neuf zéro zéro un lyon`: a postal code said aloud,
    before a commune or closing a street on its line."""
    found: list[tuple[int, int, float, tuple[int, int] | None]] = []
    seen: set[int] = set()
    for end in _spelled_code_end().finditer(text):
        # the code's first words are at most 40 characters before its end
        match = next(
            (
                m
                for m in _spelled_code().finditer(text, max(0, end.start() - 40), end.end())
                if m.end() == end.end()
            ),
            None,
        )
        if match is None or match.start() in seen:
            continue
        seen.add(match.start())
        value = _spelled_value(match.group())
        if not re.fullmatch(r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}", value):
            continue
        town = _commune_after(text, match.end())
        line_start = text.rfind("\n", 0, match.start()) + 1
        street = any_street_type().search(text, max(line_start, match.start() - 80), match.start())
        if town or street:
            found.append((match.start(), match.end(), 0.8, town))
    return found


@cache
def _foreign_code_then_town() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,/-])(?P<code>{_FOREIGN_CODE}){SP}+(?P<town>{TOWN})")


def _foreign_codes(text: str) -> list[tuple[int, int, float, tuple[int, int] | None]]:
    """`1004 Lausanne` after a street line and a comma, or `CH-1004 Lausanne`.

    Four digits and a town are also a year and a town (`2019 Lyon`): without a
    country prefix, a street must precede on the line.
    """
    found: list[tuple[int, int, float, tuple[int, int] | None]] = []
    for match in _foreign_code_then_town().finditer(text):
        start = match.start("code")
        if match.group("town").split()[0] in _not_towns():
            continue
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        prefixed = not match.group("code")[0].isdigit()
        after_street = re.search(r",\s*$", before) and (
            street_number_after().search(text, line_start, match.end())
            or address_line().search(before)
        )
        if prefixed or after_street:
            found.append((start, match.end("code"), 0.85, match.span("town")))
    return found


def postal_codes(text: str) -> list[tuple[int, int, float, tuple[int, int] | None]]:
    """Postal codes as (start, end, score, town span or None).

    A five-digit number is a postal code when a capitalized town follows it or
    precedes it in parentheses (`Espalion (12500)`), when a `code postal`
    label precedes it, or when it closes an address line
    (`..., 9 allée des Acacias, 86100`). Amounts (`47000 €`), numbers inside
    longer digit groups (SIRET, phone) and reference numbers (`n° 47000`) fail
    all three.
    """
    found: list[tuple[int, int, float, tuple[int, int] | None]] = []
    for match in _postal_then_town().finditer(text):
        start, end = match.span("code")
        before = text[max(0, start - 30) : start]
        if _NOT_AFTER.search(before):
            continue
        town = match.group("town")
        if town and town.split()[0] not in _not_towns() and not town.isdigit():
            words = town.split()
            while words and words[-1] in _not_towns():
                words.pop()
            town_end = match.start("town") + len(" ".join(words))
            found.append((start, end, 0.9, (match.start("town"), town_end)))
        elif text[end : end + 1] == ")" and (town_before := _town_before(text, start)):
            found.append((start, end, 0.8, town_before))  # "Espalion (12500)"
        elif _POSTAL_LABEL.search(before):
            found.append((start, end, 0.85, None))
        elif _closes_address_line(text, start):
            found.append((start, end, 0.8, None))
    return found + _spaced_postal_codes(text) + _spelled_postal_codes(text) + _foreign_codes(text)


@cache
def _town_then_parenthesis() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?P<town>{TOWN}){SP}*\($")


def _town_before(text: str, start: int) -> tuple[int, int] | None:
    """The town in `Espalion (12500)`, when the code is in parentheses after it."""
    window_start = max(0, start - 60)
    found = _town_then_parenthesis().search(text, window_start, start)
    if not found or found.group("town").split()[0] in _not_towns():
        return None
    return found.span("town")


def _closes_address_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if not before.strip():  # code at the start of a line: look at the previous line
        previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        before = text[previous_start:line_start]
    elif not re.search(r",\s*$", before):
        return False
    return bool(address_line().search(before) or zone_line().search(before))

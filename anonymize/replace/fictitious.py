"""Clearly fictitious values of the same shape as the original.

A phone number keeps its layout but lands in the ranges ARCEP reserves for
fiction; every identifier keeps its shape but fails its checksum, so it can
never be somebody's real number and `check` never takes it for one (a NIR
keeps its sex digit and decade of birth, a SIRET the fake SIREN of its
company); an e-mail is
rebuilt from the pseudonym (its domain is the replacer's: contacts.py). Randomness is drawn from a
`random.Random` seeded per original value, so runs are reproducible.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence

from recognizers.lexicons import (
    first_name_gender,
    is_ordinary_word,
    is_surname,
    number_words,
    spell_number,
)
from recognizers.numbers.checksums import (
    LA_POSTE_SIREN,
    compact,
    fr_vat_ok,
    iban_ok,
    luhn_ok,
    nir_ok,
    siren_ok,
    siret_ok,
)

# ARCEP numbers reserved for audiovisual fiction, by leading digits.
FICTION_PREFIX = {
    "1": "19900",
    "2": "26191",
    "3": "35301",
    "4": "46571",
    "5": "53649",
    "6": "63998",
    "7": "63998",
    "8": "19900",
    "9": "19900",
}
SOCIAL = (
    "linkedin.com",
    "instagram.com",
    "facebook.com",
    "youtube.com",
    "tiktok.com",
    "x.com",
    "twitter.com",
    "calendly.com",
    "malt.fr",
    "behance.net",
    "github.com",
)


def ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# A letter O typed for a zero: an O glued to a digit, or alone between digit groups.
_ZERO_LETTER = re.compile(
    r"(?<=\d)[Oo](?![A-Za-z])|(?<![A-Za-z])[Oo](?=\d)|(?<=\d[ .\-/])O(?=[ .\-/]\d)"
)


def digit_layout(text: str) -> str:
    """`text` with each letter O that stands for a zero written as the digit 0.

    "01.42.16.10.O2" -> "01.42.16.10.02": the O is a digit slot of the layout,
    so the fictitious value writes a digit there, and the original's zero is
    not carried over."""
    return _ZERO_LETTER.sub("0", text)


def _fill_digits(layout: str, digits: str) -> str:
    """Put `digits` in place of the digits of `layout`, keeping its separators."""
    it = iter(digits)
    return "".join(next(it, "0") if c.isdigit() else c for c in layout)


def fake_phone(original: str, rng: random.Random) -> str:
    original = digit_layout(original)
    digits = re.sub(r"\D", "", original)
    if digits.startswith("0033"):
        prefix, national = "0033", digits[4:]
    elif original.strip().startswith("+33") or (digits.startswith("33") and len(digits) == 11):
        prefix, national = "33", digits[2:]
    elif original.strip().startswith("+"):
        # a foreign number: keep the country code, invent the rest
        keep = 2 if len(digits) > 10 else 1
        new = digits[:keep] + "".join(str(rng.randint(0, 9)) for _ in digits[keep:])
        return _fill_digits(original, new)
    else:
        prefix, national = "", digits
    national = (
        national.lstrip("0") if prefix else national[1:] if national.startswith("0") else national
    )
    lead = national[:1] or "6"
    fiction = FICTION_PREFIX.get(lead, "19900")
    rest = "".join(str(rng.randint(0, 9)) for _ in range(9 - len(fiction)))
    new_national = fiction + rest
    if prefix:
        # +33 (0)6 ...: the (0) digit is kept where it was written
        has_zero = re.search(r"\(0\)", original) is not None
        new = prefix + ("0" if has_zero else "") + new_national
    else:
        new = "0" + new_national
    if len(re.sub(r"\D", "", original)) != len(new):
        return " ".join(re.findall("..", "0" + new_national))
    return _fill_digits(original, new)


def fake_spelled_phone(original: str, rng: random.Random) -> str:
    digits = "0" + FICTION_PREFIX["6"] + "".join(str(rng.randint(0, 9)) for _ in range(4))
    pairs = [int(digits[i : i + 2]) for i in range(0, 10, 2)]
    words = ["zéro " + spell_number(pairs[0])] + [spell_number(p) for p in pairs[1:]]
    return ", ".join(words)


def luhn_digit(digits: str) -> str:
    """The digit that, put after `digits`, makes the whole pass the Luhn check."""
    for d in "0123456789":
        if luhn_ok(digits + d):
            return d
    raise AssertionError("one of ten digits always completes a Luhn number")


def wrong_luhn_digit(digits: str, rng: random.Random) -> str:
    """A digit that, put after `digits`, makes the whole fail the Luhn check."""
    return str((int(luhn_digit(digits)) + rng.randint(1, 9)) % 10)


def fake_siren(siren: str, rng: random.Random) -> str:
    """Nine digits standing for a company: its first three kept (INSEE hands them
    out in sequence, they point to no one), the rest drawn, the Luhn key wrong: a
    real company's number is never published in a made-up story. Its SIRET and VAT
    number are built on it, so they agree."""
    while True:
        body = siren[:3] + "".join(str(rng.randint(0, 9)) for _ in range(5))
        digits = body + wrong_luhn_digit(body, rng)
        if digits != siren and digits != LA_POSTE_SIREN and digits.strip("0"):
            return digits


def fake_siret(siret: str, rng: random.Random, siren: str) -> str:
    """A SIRET of the company whose fake SIREN is `siren`: an establishment number
    drawn (not "66666": one draw per digit) and the Luhn key of the 14 digits wrong."""
    while True:
        body = siren + "".join(str(rng.randint(0, 9)) for _ in range(4))
        digits = body + wrong_luhn_digit(body, rng)
        if digits != siret:
            return digits


def _business_digits(original: str, siren_rng) -> str | None:
    """The new digits of a SIREN, SIRET or French VAT number, or None for another ID.
    Each fails its check; the same real SIREN gets the same fake one."""
    raw = compact(original)
    if raw.isdigit() and len(raw) in (9, 14):
        siren = fake_siren(raw[:9], siren_rng(raw[:9]))
        if len(raw) == 9:
            return siren
        return fake_siret(raw, siren_rng(raw), siren)
    if re.fullmatch(r"FR[0-9A-Z]{2}\d{9}", raw):
        siren = fake_siren(raw[4:], siren_rng(raw[4:]))
        return f"{(13 + 3 * (int(siren) % 97)) % 97:02d}" + siren  # the key off by one
    return None


def fake_id(original: str, rng: random.Random, siren_rng=None) -> str:
    """Same layout, random characters, failing the checksums it could be taken
    for. A company number (with `siren_rng(siren) -> Random`) shares its fake
    SIREN with the company's SIRET and VAT number; a NIR keeps its sex and decade."""
    original = digit_layout(original)
    business = _business_digits(original, siren_rng) if siren_rng is not None else None
    if business is not None:
        it = iter(business)
        # "FR" stays; every digit (the key's included) comes from the new number
        return "".join(next(it) if c.isdigit() else c for c in original)
    if (nir := _fake_nir(original, rng)) is not None:
        return nir
    keep_prefix = 2 if re.match(r"^(FR|[A-Z]{2}\d{2})", original) else 0
    out = list(original)
    kept = _kept_groups(original)
    for i, c in enumerate(original):
        if i < keep_prefix:
            continue
        if i in kept:
            out[i] = kept[i]
            continue
        if c.isdigit():
            out[i] = str(rng.randint(0, 9))
        elif c.isupper() and c.isalpha():
            out[i] = chr(rng.randint(ord("A"), ord("Z")))
        elif c.islower() and c.isalpha():
            out[i] = chr(rng.randint(ord("a"), ord("z")))
    digits = [i for i, c in enumerate(out) if c.isdigit()]
    # one changed digit fails every check a valid fake passed; the loop guards
    # against landing on another check's valid value
    for _ in range(10):
        if not digits or not passes_a_check("".join(out)):
            break
        out[digits[-1]] = str((int(out[digits[-1]]) + 1) % 10)
    return "".join(out)


DEPARTMENTS = tuple(d for d in range(1, 96) if d != 20)
NIR_SHAPE = re.compile(r"[1278]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}(?:\d{2})?")


def _fake_nir(original: str, rng: random.Random) -> str | None:
    """A social security number that agrees with what the text says of the
    person: the same sex digit and decade of birth (ages and birth dates are
    published as decades: "la trentaine", "née dans les années 1980"), a year
    digit, a month 01-12 and a department drawn (Corsica stays "2A"/"2B"), and a
    wrong key: never somebody's real number."""
    raw = compact(original).upper()
    if not NIR_SHAPE.fullmatch(raw):
        return None
    corsica = raw[5:7] in ("2A", "2B")
    while True:
        # 20 was Corsica's number before 1976: no one born since has it
        department = rng.choice(("2A", "2B")) if corsica else f"{rng.choice(DEPARTMENTS):02d}"
        body = (
            raw[:2]
            + f"{rng.randint(0, 9)}{rng.randint(1, 12):02d}{department}"
            + "".join(str(rng.randint(0, 9)) for _ in range(6))
        )
        if body != raw[:13]:
            break
    if len(raw) == 15:
        number = int(body.replace("2A", "19").replace("2B", "18"))
        body += f"{(97 - number % 97) % 97 + 1:02d}"  # the right key plus one
    it = iter(body)
    return "".join(next(it) if c.isalnum() else c for c in original)


def _kept_groups(original: str) -> dict[int, str]:
    """Characters a reference number keeps so it still reads as one: its label
    ("DOS-", "REF", "IPP": three or four letters that are no name) and its year
    ("DOS-2024-00123" -> "DOS-2024-48213"): the text keeps the years of its dates,
    and a 2025 document citing references of 2027 would not read as real. A name
    in it ("LEROY-2024-00042", "CLI-MOREAU-7") is replaced like the rest."""
    kept: dict[int, str] = {}
    # a two-letter document code opening the reference counts as a label too
    # ("FA-2025-0147" is an invoice, "BC-2025-00417" an order form)
    pattern = r"^[A-Z]{2}(?=[-_/ ])|[^\W\d_]{3,}|(?<!\d)(?:19|20)\d\d(?!\d)"
    for m in re.finditer(pattern, original):
        group = m.group()
        ordinary = is_ordinary_word(group) and len(group) > 4  # "BM-COACH-2025-07"
        if (
            not group.isdigit()
            and not ordinary
            and (len(group) > 4 or is_surname(group) or first_name_gender(group) is not None)
        ):
            continue
        if ordinary and (is_surname(group) or first_name_gender(group) is not None):
            continue
        if group.isdigit() and len(re.sub(r"\D", "", original)) <= 4:
            continue  # the year is the whole number
        kept.update({m.start() + k: c for k, c in enumerate(group)})
    return kept


def passes_a_check(text: str) -> bool:
    """True when an ID recognizer would take `text` for a certain identifier: its
    SIREN, SIRET, IBAN, NIR or French VAT check digits are right."""
    raw = compact(text)
    return (
        (len(raw) == 9 and siren_ok(raw))
        or (len(raw) == 14 and siret_ok(raw))
        or iban_ok(raw)
        or nir_ok(raw)
        or fr_vat_ok(raw)
    )


def fake_email(original: str, local_words: list[str], rng: random.Random, domain: str) -> str:
    """An e-mail built from pseudonym words on `domain`, the original's domain
    as the replacer renders it (a webmail kept, a company's following it)."""
    # "m.giraud @ dlva . fr": the spaces of a dictated address are not its shape
    local = re.sub(r"\s+", "", original).partition("@")[0]
    separator = "." if "." in local else ("_" if "_" in local else ("-" if "-" in local else "."))
    words = [ascii_slug(w).replace("-", "") for w in local_words if ascii_slug(w)]
    new_local = separator.join(words) if words else f"contact{rng.randint(1, 99)}"
    if re.search(r"\d", local):
        new_local += str(rng.randint(10, 99))
    return f"{new_local}@{domain}"


def fake_url(original: str, words: list[str], rng: random.Random, host: str = "") -> str:
    """A handle or web address of the same kind: a social site kept, any other
    site on `host`, the original's host as the replacer renders it."""
    slug = "-".join(ascii_slug(w) for w in words if ascii_slug(w)) or f"page{rng.randint(1, 99)}"
    if original.startswith("@"):
        sep = "_" if "_" in original else ("." if "." in original[1:] else "")
        handle = slug.replace("-", sep)
        return "@" + handle + (str(rng.randint(10, 99)) if re.search(r"\d", original) else "")
    lower = original.lower()
    prefix = re.match(r"^(https?://)?(www\.)?", lower)
    assert prefix is not None  # every part optional: always matches
    scheme = prefix.group()
    for site in SOCIAL:
        if site in lower:
            path = re.search(rf"{re.escape(site)}(/(?:in/|@|company/)?)?", lower)
            assert path is not None  # the site is in the address
            return f"{scheme}{site}{path.group(1) or '/'}{slug}"
    return f"{scheme}{host}" + ("/" + slug if "/" in lower.split("//")[-1] else "")


STREET_TYPES = (
    "rue",
    "avenue",
    "boulevard",
    "allée",
    "impasse",
    "chemin",
    "place",
    "quai",
    "route",
)
STREET_NAMES = (
    "des Lilas",
    "de la Gare",
    "des Écoles",
    "du Moulin",
    "des Tilleuls",
    "de la Paix",
    "des Acacias",
    "du Stade",
    "de l'Église",
    "des Jardins",
    "du Château",
    "des Prés",
)


def _spoken(text: str) -> bool:
    """Every word of `text` is a French number word ("six neuf zéro zéro un")."""
    words = re.split(r"[\s-]+", text.strip().lower())
    return bool(words) and all(w in number_words() or w == "mille" for w in words)


def _fake_code(rng: random.Random, department: str = "") -> str:
    """A postal code of `department` (a mainland one drawn when not given):
    the first two digits of a French code are its department."""
    if department.upper() in ("2A", "2B"):
        department = "20"
    if not re.fullmatch(r"\d{2,3}", department):
        department = f"{rng.randint(1, 95):02d}"
    if len(department) == 3:  # overseas: 974xx
        return f"{department}{rng.randint(0, 9)}0"
    return f"{department}{rng.randint(0, 9)}{rng.choice('0123456789')}0"


def fake_postal_code(
    original: str, department: str, rng: random.Random, codes: Sequence[str] = ()
) -> str:
    """A postal code agreeing with the pseudonym town it stands before ("74000
    Annecy" -> "29200 Brest"), in the original's layout (spaced, spoken); never
    the original itself (the pseudonym town may share its department).

    `codes`: the pseudonym town's real codes, when known: one of them, so that a
    reader who knows the town finds its code; digits drawn in its department
    only when none differs from the original."""
    digits = re.sub(r"\D", "", original)
    real = [c for c in codes if c != digits]
    if real and (POSTAL_CODE.fullmatch(original.strip()) or _spoken(original)):
        return _draw_address(original, rng, code=real[rng.randrange(len(real))])
    for tries in range(100):
        # the town's department first, any department after fifty draws
        fake = _draw_address(original, rng, department if tries < 50 else "")
        if re.sub(r"\D", "", fake) != re.sub(r"\D", "", original) and fake != original:
            return fake
    return fake_address(original, rng)


def fake_address(original: str, rng: random.Random) -> str:
    """A street line, a postal code or a postal box of the same kind, never the original
    (the pools are small: "7 rue de la Paix" can be drawn for "7 rue de la Paix")."""
    for _ in range(20):
        fake = _draw_address(original, rng)
        if fake.casefold() != original.strip().casefold():
            return fake
    return fake


# A French code, spaced or not ("51 330"), or a Swiss, Belgian or Luxembourg one.
POSTAL_CODE = re.compile(r"(?:(?:CH|B|L)-)?\d{4,5}|\d\d[ \u00a0]\d{3}")


def is_postal_code(text: str) -> bool:
    """A French code, spaced or not, or a Swiss/Belgian/Luxembourg one, or said aloud."""
    return bool(POSTAL_CODE.fullmatch(text.strip())) or _spoken(text)


def _draw_address(original: str, rng: random.Random, department: str = "", code: str = "") -> str:
    """`code`: the postal code to write in the original's layout (else drawn)."""
    # a Swiss or Belgian code too: its town becomes a French commune
    if POSTAL_CODE.fullmatch(original.strip()):
        # "51 330" is written "51330", as La Poste writes it: a spaced code after a
        # street name would read as a number glued to the name ("rue du Stade 51 970")
        return code or _fake_code(rng, department)
    if _spoken(original):
        code = code or _fake_code(rng, department)
        # a code said aloud is said again: "trente-trois mille", "six neuf zéro zéro un"
        if original.strip().lower().endswith("mille"):
            return f"{spell_number(int(code[:2]))} mille"
        return " ".join(spell_number(int(d)) for d in code)
    cedex = re.fullmatch(r"\s*(cedex)(\s+\d{1,2})?\s*", original, re.IGNORECASE)
    if cedex:
        # "Guingamp Cedex": a mail-sorting word, not a street; a number after it may be one
        width = len(cedex.group(2).strip()) if cedex.group(2) else 0
        sorting = f" {rng.randint(1, 9):0{width}d}" if width else ""
        return cedex.group(1) + sorting
    lower = original.lower()
    kind = next((t for t in STREET_TYPES if re.search(rf"\b{t}\b", lower)), "rue")
    if re.match(r"^\s*(lieu-dit|hameau)\b", lower):
        return "lieu-dit Les Prés"
    if re.match(r"^\s*(bp|cs)\b", lower):
        return f"BP {rng.randint(10, 999)}"
    number = rng.randint(1, 120)
    if _spoken(re.split(r"\s+", original.strip())[0]):
        # "onze bis rue des capucins": a dictated line keeps its number in words
        return f"{spell_number(number % 98 + 2)} {kind} {rng.choice(STREET_NAMES).lower()}"
    return f"{number} {kind} {rng.choice(STREET_NAMES)}"

"""Resolve overlaps: one entity per character, the most specific span wins.

Structured identifiers (an e-mail, an IBAN) are more specific than a name
found inside them; among equals, the higher score then the longer span wins.
A loser that sticks out of the winner keeps its uncovered remainder when that
remainder still has letters or digits, so no character a recognizer flagged
is left in clear (fail closed).
"""

from __future__ import annotations

import heapq
import re
from dataclasses import replace
from functools import cache

from recognizers.lexicons import (
    first_name_gender,
    fold,
    given_as_first_name,
    in_domain_lists,
    is_common_acronym,
    is_domain_word,
    is_first_name,
    is_ordinary_word,
    is_role_word,
    is_surname,
    is_surname_particle,
    lines,
    never_a_name_alone,
    org_head,
    place_entry,
    place_kind,
)

from ..entities import Entity

NAME_TYPES = ("PERSON", "LOCATION", "ORG")
# Higher wins an overlap before score and length are compared.
SPECIFICITY = {
    "EMAIL": 9,
    "URL": 8,
    "ID": 8,
    "PHONE": 8,
    "ADDRESS": 7,
    "DATE": 6,
    "AGE": 6,
    "ORG": 4,
    "PERSON": 4,
    "LOCATION": 4,
}
# Generic evidence: spaCy's statistical NER, names re-found by propagation and
# the bare `chez X` cue lose a tie against a recognizer built for the type (a
# gazetteer, a head noun); among themselves the score decides.
GENERIC = frozenset({"SpacyRecognizer", "NamePropagation", "ChezOrgRecognizer"})
# Fail-closed evidence: a run of digits that no other rule explains is an ID
# (`recognizers/numbers/digit_run.py`). Any structured reading of the same
# characters (a phone, a postal code, a date, an age) wins; a name does not
# (spaCy reads "25O1936670" as a person). What is left of the run is kept only
# while it is still long enough to be an identifier.
FALLBACK = frozenset({"DigitRunRecognizer"})
FALLBACK_SPECIFICITY = 5
FALLBACK_MIN_DIGITS = 6
# A name never runs across a table cell or a line.
NAME_BREAK = re.compile(r"\s*(?:\||\n)\s*")
# Nor does a person's name run across a spaced dash ("Claire MOREAU - lu et approuvé").
PERSON_BREAK = re.compile(r"\s*(?:\||\n)\s*|\s+[-–—]\s+")


# Structural evidence: a legal form after the name ("Arnaud Mécanique SAS") or a
# head noun before it says what the name is; a first-name lexicon hit on the
# same words ("Arnaud" is a first name) only says what one word could be.
STRUCTURAL = frozenset({"OrgLegalFormRecognizer", "OrgHeadNounRecognizer"})


def _rank(e: Entity) -> tuple:
    dedicated = e.recognizer not in GENERIC
    specificity = FALLBACK_SPECIFICITY if e.recognizer in FALLBACK else SPECIFICITY.get(e.type, 0)
    structural = e.recognizer in STRUCTURAL
    return (specificity, dedicated, structural, round(e.score, 2), len(e), -e.start)


def _split_at_breaks(e: Entity) -> list[Entity]:
    """'Maryvonne Lecoeur | mère' -> 'Maryvonne Lecoeur' and 'mère' (dropped later)."""
    breaks = PERSON_BREAK if e.type == "PERSON" else NAME_BREAK
    if e.type not in NAME_TYPES or not breaks.search(e.text):
        return [e]
    pieces, start = [], 0
    for m in breaks.finditer(e.text):
        if m.start() > start:
            pieces.append((start, m.start()))
        start = m.end()
    if start < len(e.text):
        pieces.append((start, len(e.text)))
    # a later line's bullet is not part of it ("- M. Pierson")
    pieces = [pieces[0]] + [
        (a + len(e.text[a:b]) - len(e.text[a:b].lstrip("-*•–—> ")), b) for a, b in pieces[1:]
    ]
    kept = [pieces[0]] + [
        # a later cell or line is usually a heading swept along ("COACHING",
        # "mère"); it is kept only when it reads as a full name itself, or as a
        # title and a name ("Diderot\n- M. Pierson": the title recognizer's
        # "Pierson" was dropped inside the model's longer span)
        (a, b)
        for a, b in pieces[1:]
        if len(words := e.text[a:b].split()) >= 2
        and all(w[:1].isupper() for w in words)
        and (first_name_gender(words[0]) is not None or words[0] in _person_prefixes())
    ]
    return [replace(e, start=e.start + a, end=e.start + b, text=e.text[a:b]) for a, b in kept]


# A cut piece must still contain this many letters or digits to be replaced.
MIN_PIECE = 2


def pieces_outside(loser: Entity, text: str, taken: bytearray) -> list[Entity]:
    """The pieces of `loser` outside taken characters that still hold a word.

    Used for an overlap's loser here and for a detection cut around Markdown
    syntax: what is left keeps being replaced (fail closed)."""
    pieces: list[Entity] = []
    i = loser.start
    while i < loser.end:
        if taken[i]:
            i += 1
            continue
        j = i
        while j < loser.end and not taken[j]:
            j += 1
        s, e = i, j
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if loser.type in NAME_TYPES:
            e = _drop_trailing_words(text, s, e)
            lead = LEADING_FUNCTION_WORDS.match(text, s, e)
            if lead and lead.end() < e:
                s = lead.end()  # "de Saint-Martin": the rest of a place keeps no preposition
            if text[s:e].rstrip("'’").casefold() in _trailing_words():
                e = s  # a lone "de" left of a name: nothing to replace
        if sum(c.isalnum() for c in text[s:e]) >= MIN_PIECE:
            pieces.append(replace(loser, start=s, end=e, text=text[s:e]))
        i = j
    return pieces


@cache
def _trailing_words() -> frozenset[str]:
    return frozenset(lines("name_trailing_words.txt", package="anonymize"))


def _drop_trailing_words(text: str, start: int, end: int) -> int:
    """The end of a name piece without the function words it ends with ("Maïwenn au")."""
    while True:
        cut = text.rfind(" ", start, end)
        word = text[cut + 1 : end].rstrip("'’")
        if cut < 0 or word not in _trailing_words():
            return end
        end = cut
        while end > start and not text[end - 1].isalnum():
            end -= 1


@cache
def _eponym_frame() -> re.Pattern:
    heads = sorted(lines("eponym_heads.txt", package="anonymize"), key=len, reverse=True)
    body = "|".join(re.escape(h.strip()) for h in heads if h.strip())
    numbered = r"(?:type|stade|grade|classe)s?\s+(?:[IVX]+|\d+)[a-c]?"
    return re.compile(
        rf"(?:^|[^\w])(?:(?:(?:{body})s?|{numbered})\s+(?:de|d['’]|du)"
        r"|(?:méthode|technique|manœuvre|manoeuvre|protocole)s?)\s*$",
        re.IGNORECASE,
    )


# What follows a sign or a score in clinical prose: a value, a side, a result.
CLINICAL_AFTER = re.compile(
    r"\s*(?:[:(=]\s*|à\s+)?(?:\d|(?:positif|positive|négatif|négative|gauche|droit|droite|"
    r"bilatéral|bilatérale|normal|normale)\b)",
    re.IGNORECASE,
)


def _clinical_guess(e: Entity, text: str) -> bool:
    """A person or a place the statistical model guessed on one word of clinical
    prose (data/strict_words.txt): "Glasgow 15", "Lasègue gauche positif",
    "méthode McKenzie", "CNO (Fortimel)". A civility ("Mme Glasgow") or a place
    word ("à Glasgow") keeps it; a word that is also a first name or a surname
    goes only before a value or a side ("Babinski bilatéral", not "Turner est venu")."""
    if e.recognizer not in ORDINARY_DOUBTED or e.type not in ("PERSON", "LOCATION"):
        return False
    word = e.text.strip()
    if " " in word or not in_domain_lists(word):
        return False
    if _after_title(text, e.start) or PLACE_BEFORE.search(text[max(0, e.start - 12) : e.start]):
        return False
    if is_first_name(word) or is_surname(word):
        return bool(CLINICAL_AFTER.match(text, e.end))
    return True


@cache
def _person_prefixes() -> frozenset[str]:
    return frozenset(ln.strip() for ln in lines("person_prefixes.txt", package="anonymize"))


# An initial, not a title, opening a span a recognizer marked as initials.
INITIAL_FIRST = re.compile(r"[A-ZÀ-Ý]\.[ \u00a0-]")
PLACE_WORD_BEFORE = re.compile(r"(?<![\w'’])(?:le|du|au|dans|en|à|de|vers|sur)\s+$", re.IGNORECASE)


@cache
def _greetings() -> frozenset[str]:
    return frozenset(ln.strip() for ln in lines("greetings.txt", package="anonymize"))


_TITLE_ARTICLES = frozenset({"le", "la", "les"})


def _trim_person_prefix(e: Entity) -> Entity:
    """'Mme Gisèle Puech' -> 'Gisèle Puech', 'Bonjour Monsieur Maxwell' -> 'Maxwell':
    greetings, titles and kinship words stay in the text. A place or an
    organisation that opens with a title is a person the model mistyped
    ("Dr Majdoline")."""
    if e.type not in NAME_TYPES:
        return e
    if e.hint("part") == "initials" and INITIAL_FIRST.match(e.text):
        return e  # "Dr M. Carlier", "ma patiente M. D.": the recognizer read an initial
    offset = 0
    text = e.text
    while True:
        first, sep, rest = text[offset:].partition(" ")
        word = first.rstrip(",")
        is_title = word in _person_prefixes()
        # "Le Dr Lemonnier" at a sentence start: the article goes with its title
        article = (
            word.casefold() in _TITLE_ARTICLES and rest.partition(" ")[0] in _person_prefixes()
        )
        if not (sep and rest.strip()) or not (
            is_title or article or word.casefold() in _greetings()
        ):
            break
        if offset and INITIAL_FIRST.match(text, offset) and rest[:1].isupper():
            break  # "Dr M. Carlier": after a title, "M." is the first name's initial
        if is_title and e.type != "PERSON":
            e = replace(e, type="PERSON", hints=())
        offset += len(first) + len(sep)
        while offset < len(text) and text[offset].isspace():
            offset += 1
    if offset:
        return replace(e, start=e.start + offset, text=text[offset:])
    return e


# A gazetteer commune right after a postal code is a town even in lower case, as
# dictation writes it ("six neuf zéro zéro un lyon"); so is a commune in a strong
# place frame ("domiciliée à caluire"), and a name after a title or a role
# ("madame sylvie roche", "sa fille jade dix-neuf ans"): these recognizers read
# lower-case words on purpose and shape their span themselves.
LOWER_CASE_CERTAIN = frozenset(
    {"FrenchPostalCityRecognizer", "DictatedNameRecognizer", "LowerCaseTownRecognizer"}
)


def _plausible(e: Entity, text: str) -> bool:
    """Names are written with a capital: an all-lower-case 'name' is noise
    (spaCy tags 'hajime' or 'visio' as places), unless the coach deny-listed it.
    A title or a civility alone ("Mme", "Dr", "M.") names nobody and is never
    replaced, whatever a recognizer took it for; nor is a greeting ("Salut,",
    "Bonjour Guillaume"), unless an article or a preposition makes it a place
    ("dans le Cher")."""
    if e.type in NAME_TYPES and e.recognizer != "DenyListRecognizer":
        if e.text.strip().rstrip(".") in _person_prefixes() or e.text.strip() in _person_prefixes():
            return False
        if e.text.strip().casefold() in _greetings() and not PLACE_WORD_BEFORE.search(
            text[max(0, e.start - 12) : e.start]
        ):
            return False
        if e.recognizer in ORDINARY_DOUBTED and _ordinary_guess(e, text):
            return False
        if e.type in ("PERSON", "LOCATION") and _eponym_frame().search(
            text[max(0, e.start - 40) : e.start]
        ):
            return False  # "maladie de Crohn", "échelle de Glasgow": no one of the note
        if e.recognizer in ORDINARY_DOUBTED and _spelled_before(e, text):
            return False  # "trouble cognitif léger (TCL)": a term's abbreviation
        if e.type in ("PERSON", "LOCATION") and _a_score(e, text):
            return False  # "Glasgow 13", "EVA 6/10", "GIR 3": a scale and its value
        if len(e.text.split()) <= 2 and DOSE_AFTER.match(text, e.end):
            return False  # "Tercian 25 mg", "Lovenox 4000 UI": a medicine and its dose
        if _clinical_guess(e, text):
            return False  # "Lasègue gauche positif", "CNO (Fortimel)": a sign, a product
        if (
            e.type == "LOCATION"
            and place_kind(e.text) == "country"  # Martinique is a French department
            and not _identifying_country(e, text)
        ):
            return False
        return any(c.isupper() for c in e.text) or e.recognizer in LOWER_CASE_CERTAIN
    return True


# A country names someone only where it says where they come from or live: "née
# en Inde", "originaire du Maroc", "vit au Japon", "Pays de naissance : Mali".
# Elsewhere ("40 % des ventes partent au Japon", "Tavira, au Portugal") it
# locates no one and is kept; propagation still reaches its other mentions.
COUNTRY_FRAME = re.compile(
    r"(?:\b(?:née?s?|originaires?|natifs?|natives?|venue?s?|arrivée?s?|réfugiée?s?|"
    r"exilée?s?|immigrée?s?|vi(?:t|vent|vait|vaient|vre)|habit(?:e|ent|ait|aient|er)|"
    r"réside|résident|résidait|installée?s?|grandi|élevée?s?|scolarisée?s?|expatriée?s?|"
    r"(?:re)?partie?s?\s+vivre|d['’]origine|nationalité|naissance|pays)\b"
    r"[^.;!?\n]{0,24}?(?:\ben|\bau|\baux|\bdu|\bdes|\bde|d['’]|:|\|)\s*$"
    # "née le 14/04/1991 à Oran (Algérie)": the country of a birthplace, in brackets
    r"|\bnée?s?\b[^.;!?\n]{0,30}?\bà\s+[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,3}\s*\(\s*$)",
    re.IGNORECASE,
)


def _identifying_country(e: Entity, text: str) -> bool:
    return bool(COUNTRY_FRAME.search(text[max(0, e.start - 48) : e.start]))


# Evidence too weak to name something made of ordinary words only ("Partner",
# "Direction Financière", "CONFORME"): the statistical model's guesses.
ORDINARY_DOUBTED = frozenset({"SpacyRecognizer"})


PLACE_BEFORE = re.compile(r"(?:^|\s)(?:à|au|en|vers|près de|depuis)\s+$")


def _ordinary_guess(e: Entity, text: str) -> bool:
    """A place or an organisation the model guessed, made of ordinary words only,
    that no gazetteer or head noun vouches for ("Direction Financière" yes,
    "Liège", "Compagnie des Pêches Vendéennes" no). Persons are kept: fail closed."""
    if e.type == "PERSON":
        # words that never name anyone alone ("Coaching", "SAS"), and an ordinary
        # word the model read as a name when it is a whole sentence ("OLGA :
        # Soulagée."); "Tine parle vite" and "avec Titi" stay persons
        words = e.text.split()
        titled = len(words) == 2 and words[0] in _person_prefixes() and is_surname(words[1])
        if all(never_a_name_alone(w) for w in words) and not titled:
            return True  # "Coaching", "SAS"; but "Mme Toussaint" is hers
        if len(words) == 1 and is_role_word(words[0]) and first_name_gender(words[0]) is None:
            return True  # "Pédiatre", "Infirmière": a role alone on its line names no one
        return (
            len(words) == 1
            and is_ordinary_word(words[0])
            and first_name_gender(words[0]) is None
            and _opens_sentence(text, e.start)
            and _closes_sentence(text, e.end)
        )
    if not _only_ordinary_words(e.text):
        return False
    words = e.text.split()
    if (
        len(words) > 1
        and words[-1] in _org_suffixes()
        and not any(w.casefold() in _org_suffix_stop() for w in words[:-1])
    ):
        # "Kestrel Invest", "Hublot Digital": a company word vouches; not after a
        # job or a department ("Responsable Logistique", "Direction Finance")
        return False
    codes = re.findall(r"[^\W_]+(?:-[^\W_]+)*", e.text)
    if codes and all(CODE.fullmatch(p) for w in codes for p in w.split("-")):
        return True  # "en V2-V3", "B12": a lead, a row, a code, whatever frame it is in
    if e.type == "LOCATION":
        # "à Dinant": a place frame vouches for a place the gazetteer does not know
        before = text[max(0, e.start - 12) : e.start]
        place = place_entry(e.text, aliases=False)
        # the gazetteer vouches with its accents and in full: "Ville" (a table
        # header) is neither Villé nor La Ville-du-Bois
        said = e.text.strip().lower()
        name = place.name.lower() if place is not None else ""
        written = name == said or name.endswith((" " + said, "'" + said, "’" + said))
        return not written and not PLACE_BEFORE.search(before)
    # a head noun vouches when a name follows it ("Compagnie des Pêches
    # Vendéennes"), not when it ends a department ("Service Client")
    head = org_head(e.text.strip())
    return head is None or len(head[0]) >= len(e.text.strip())


# A scale's value right after its name: "Glasgow 13", "EVA 6/10", "GIR 3", "Apgar à 9".
SCORE_AFTER = re.compile(
    r"[ \u00a0]*(?:[:=à][ \u00a0]*)?\d{1,2}(?:[,.]\d)?(?:[ \u00a0]*/[ \u00a0]*\d{1,2})?"
    r"(?![\d,.]*[ \u00a0]*(?:ans?|mois)\b)(?![\w/])"
)


LINK_WORDS = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "en", "au", "aux"}
)


def _spelled_before(e: Entity, text: str) -> bool:
    """An acronym in brackets right after the ordinary words it abbreviates:
    "trouble cognitif léger (TCL)", "plan d'accompagnement personnalisé (PAP)".
    A name spelled out ("Lumeo Robotics (LR)") is not ordinary words."""
    acronym = e.text.strip()
    if not (acronym.isupper() and 2 <= len(acronym) <= 6 and acronym.isalpha()):
        return False
    if text[e.start - 1 : e.start] != "(" or text[e.end : e.end + 1] != ")":
        return False
    words = re.findall(r"[^\W\d_]+", text[max(0, e.start - 120) : e.start - 1])
    content = [w for w in words if w.lower() not in LINK_WORDS]
    spelled = content[-len(acronym) :]
    return (
        len(spelled) == len(acronym)
        and "".join(fold(w[0]) for w in spelled) == fold(acronym)
        and all(w.islower() or is_ordinary_word(w) for w in spelled)
    )


# A dose right after a word: "25 mg", "0,5 mg/j", "4000 UI", "2 cp", "10 gouttes".
DOSE_AFTER = re.compile(
    r"[ \u00a0]*(?:LP|LI|Gé)?[ \u00a0]*\d+(?:[,.]\d+)?[ \u00a0]*"
    r"(?:mg|g|µg|mcg|ml|mL|UI|U|cp|cps|gél|gélules?|comprimés?|gouttes?|sachets?|bouffées?|%)(?!\w)"
)


def _a_score(e: Entity, text: str) -> bool:
    """A scale or a test named after its author or by its acronym, then its value:
    every word is a medicine, eponym or product of our lists, or a listed
    acronym in capitals, and a small number follows."""
    named = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", e.text)
    return (
        bool(named)
        and all(is_domain_word(w) or (w.isupper() and is_common_acronym(w)) for w in named)
        and SCORE_AFTER.match(text, e.end) is not None
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but a sentence end, a line start, a bullet or a colon before `start`."""
    before = text[max(0, start - 40) : start].rstrip(' \t*#>-•«"“(')
    return not before or before[-1] in ".!?:;\n|"


def _closes_sentence(text: str, end: int) -> bool:
    """A one-word sentence ("Soulagée."), not a subject ("Tine parle vite")."""
    after = text[end : end + 3].lstrip(" ")
    return not after or after[0] in ".!?…\n"


# A row or item code of a table or a register ("D1", "R02", "B2B"): no name.
CODE = re.compile(r"[A-Z]{1,3}\d+[A-Z\d]*")


def _only_ordinary_words(text: str) -> bool:
    """Every word is an ordinary French or English word (a heading, a department,
    a job title), a business acronym ("NAO", "UX Researcher", "BSA Air") or a row
    code ("D1", "R02 - Hébergement"), none of them a name of the lexicons."""
    tokens = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text)
    words = [w for w in tokens if any(c.isalpha() for c in w)]  # numbers are no words
    return bool(words) and all(
        is_ordinary_word(w)
        or (w.islower() and len(w) <= 3)
        or is_common_acronym(w)
        or is_domain_word(w)
        or all(len(p) <= 6 and CODE.fullmatch(p) is not None for p in w.split("-"))
        for w in words
    )


@cache
def _org_suffixes() -> frozenset[str]:
    return frozenset(ln.strip() for ln in lines("org_suffixes.txt"))


@cache
def _org_suffix_stop() -> frozenset[str]:
    """Words that make a company word a job, a department or a label."""
    return frozenset(ln.strip().casefold() for ln in lines("org_suffix_stop.txt"))


NOT_IN_A_NAME = re.compile(r"[«»\"“”()\[\]{}]|^[:;!?|–—/-]+$")


LEADING_FUNCTION_WORDS = re.compile(
    r"(?:(?:de|du|des|à|au|aux|en|vers|le|la|les|sur|dans)\s+|(?:d|l)['’])+"
)


def _place_shape(e: Entity) -> Entity:
    """A place written without the preposition the model swept in ("de Saint-Martin")."""
    m = LEADING_FUNCTION_WORDS.match(e.text)
    if e.type != "LOCATION" or not m or m.end() >= len(e.text):
        return e
    return replace(e, start=e.start + m.end(), text=e.text[m.end() :])


def _title_word(word: str) -> bool:
    """A capitalized ordinary word that is neither a first name nor a surname."""
    return (
        word[:1].isupper()
        and is_ordinary_word(word)
        and first_name_gender(word) is None
        and not is_surname(word)
    )


def _after_title(text: str, start: int) -> bool:
    """Whether a civility or a title stands right before `start` ("Mme ", "Dr ")."""
    before = text[max(0, start - 16) : start].rstrip()
    last = before.rsplit(maxsplit=1)[-1] if before else ""
    return bool(last) and last in _person_prefixes()


def _person_shape(e: Entity, text: str = "") -> Entity:
    """A person's name as a person's name is written.

    The statistical model runs names into the words after them ("Inès « orageux",
    "Luc ensemble", "Nicole: Ok"): the name stops at a quote, a bracket, a colon or
    a lower-case word that is not a particle. A name ending in a company word ("Dantec Coaching",
    "Ravenel Conseil") is an organisation."""
    if e.type != "PERSON" or e.recognizer in ("DenyListRecognizer", *LOWER_CASE_CERTAIN):
        return e
    words = list(re.finditer(r"\S+", e.text))
    end = len(e.text)
    for i, w in enumerate(words):
        token = w.group()
        particle = is_surname_particle(token) and i + 1 < len(words)
        if i and (NOT_IN_A_NAME.search(token) or (token[:1].islower() and not particle)):
            end = words[i - 1].end()
            break
        if token.endswith((":", ";")) and i + 1 < len(words):
            end = w.end() - 1  # "Nicole: Ok.": a speaker, then what she says
            break
    if end < len(e.text):
        text = e.text[:end].rstrip(" ,;:")
        e = replace(e, end=e.start + len(text), text=text)
    # "Les Schneider": the household's article is not a particle of the surname
    if household := re.match(r"(?:Les|LES|Des|DES)[ \u00a0]+(?=\S)", e.text):
        cut = household.end()
        e = replace(e, start=e.start + cut, text=e.text[cut:])
    # a heading word the model ran into the name: "Coaching François", "Bilan Marie";
    # after a civility it is the surname: "Mme TOUSSAINT Aimée"
    titled = _after_title(text, e.start)
    while not titled and e.recognizer in ORDINARY_DOUBTED and len(parts := e.text.split()) > 1:
        head = parts[0]
        if first_name_gender(head) is not None or not (
            is_ordinary_word(head) or never_a_name_alone(head)
        ):
            break
        if is_surname_particle(head) and head[:1].isupper():
            break  # "Le Meur", "Da Costa": a particle opens the surname ("M. Le Du")
        if given_as_first_name(head) and is_surname(parts[1]) and head[:1].isupper():
            break  # "Noël Dupuy": a feast and a first name, before a surname
        cut = e.text.index(parts[1], len(head))
        e = replace(e, start=e.start + cut, text=e.text[cut:])
    # a title after the name: "Aurore Dupuy Directrice Générale" (surnames that are
    # words, "Rose Poulain", stay: they are in the surname lists)
    tokens = list(re.finditer(r"\S+", e.text))
    keep = len(tokens)
    while keep > 2 and _title_word(tokens[keep - 1].group()):
        keep -= 1
    if keep < len(tokens):
        end = tokens[keep - 1].end()
        e = replace(e, end=e.start + end, text=e.text[:end])
    last = e.text.split()[-1] if e.text.split() else ""
    if len(e.text.split()) > 1 and last in _org_suffixes():
        return replace(e, type="ORG", hints=())
    return e


def _left_a_feast(shaped: Entity, e: Entity, text: str) -> bool:
    """The model's "Joyeux Noël" shaped down to "Noël": a word that never names
    anyone alone is left, and no civility stands before it ("Mme Toussaint")."""
    return (
        shaped is not e
        and shaped.type == "PERSON"
        and e.recognizer in ORDINARY_DOUBTED
        and len(words := shaped.text.split()) == 1
        and never_a_name_alone(words[0])
        and not _after_title(text, shaped.start)
    )


def resolve_overlaps(entities: list[Entity], text: str) -> list[Entity]:
    """Non-overlapping entities sorted by start."""
    pieces = [p for e in entities for p in _split_at_breaks(e)]
    shaped = [
        s
        for e in pieces
        if _plausible(e, text)
        for s in (_person_shape(_place_shape(_trim_person_prefix(e)), text),)
        if not _left_a_feast(s, e, text)
    ]
    # a union of two persons' spans is shaped again ("Célina C." + "C. : Coucou")
    merged = [_person_shape(e, text) for e in _merge_same_type(shaped)]
    taken = bytearray(len(text))
    kept: list[Entity] = []
    # a max-heap on rank; the counter keeps the order of equal ranks stable
    queue = [(_neg(_rank(e)), n, e) for n, e in enumerate(merged)]
    heapq.heapify(queue)
    counter = len(queue)
    while queue:
        _, _, e = heapq.heappop(queue)
        if not any(taken[e.start : e.end]):
            kept.append(e)
            taken[e.start : e.end] = b"\x01" * len(e)
            continue
        for piece in pieces_outside(e, text, taken):
            if e.recognizer in GENERIC and not _names_something(piece, text):
                continue
            if (
                e.recognizer in GENERIC
                and not _plausible(piece, text)
                and sum(c.isdigit() for c in piece.text) < 4
            ):
                # "Directrice Générale" left of the model's "Aurore Dupuy ...";
                # "séance](2025-03-14%20Julien" leaves "séance", "20": no names
                # (a number of four digits or more is kept: "46 500", fail closed)
                continue
            if e.recognizer in FALLBACK and _digits(piece.text) < FALLBACK_MIN_DIGITS:
                continue
            heapq.heappush(queue, (_neg(_rank(piece)), counter, piece))
            counter += 1
    return sorted(kept, key=lambda e: e.start)


def _digits(text: str) -> int:
    return sum(c.isdigit() or c == "O" for c in text)


def _names_something(piece: Entity, text: str) -> bool:
    """False for the rest of a statistical detection that only a line start capitalizes.

    spaCy reads "- Profil public d'Anaïs" as one organisation; once the name
    goes to its own recognizer, "Profil public" is a list item's first words.
    """
    if piece.type not in NAME_TYPES:
        return True
    if not any(c.isalpha() for c in piece.text):
        return False  # "08:05" of "08:05 - Édith": a time, not the name
    words = piece.text.split()
    if len(words) < 2 or any(w[:1].isupper() for w in words[1:]):
        return True
    before = text[: piece.start].rstrip(" \t#*->")
    return bool(before) and not before.endswith("\n")


def _neg(rank: tuple) -> tuple:
    return tuple(-x if not isinstance(x, bool) else not x for x in rank)


def _strength(e: Entity) -> tuple[bool, float]:
    return (e.recognizer not in GENERIC, e.score)


def _merge_same_type(entities: list[Entity]) -> list[Entity]:
    """Overlapping spans of one type become their union (best score kept)."""
    out: list[Entity] = []
    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    for group in by_type.values():
        group.sort(key=lambda e: (e.start, -e.end))
        current = group[0]
        for e in group[1:]:
            if e.start < current.end:
                # the evidence built for the type keeps the union, whatever spaCy scored
                best = current if _strength(current) >= _strength(e) else e
                end = max(current.end, e.end)
                text = (
                    current.text + e.text[current.end - e.start :]
                    if end > current.end
                    else current.text
                )
                current = replace(best, start=current.start, end=end, text=text)
            else:
                out.append(current)
                current = e
        out.append(current)
    return out


ADJACENT = re.compile(r" ([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w-])")


def absorb_adjacent_names(entities: list[Entity], text: str) -> list[Entity]:
    """A known first name glued to a place or organisation joins it.

    "Cours Julien" (a Marseille square) is found as the town "Cours": left
    alone, "Julien" would stay in clear next to a fake town. Fail closed.
    """
    out: list[Entity] = []
    starts = {e.start for e in entities}
    for e in entities:
        if e.type in ("LOCATION", "ORG"):
            m = ADJACENT.match(text, e.end)
            if (
                m
                and m.end() - len(m.group(1)) not in starts
                and first_name_gender(m.group(1)) is not None
            ):
                e = replace(e, end=m.end(), text=text[e.start : m.end()])
        out.append(e)
    return out

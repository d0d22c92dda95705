"""One canonical text for detection, and the way back to the original.

A note can hide an identifier from the recognizers without hiding it from a
reader: a zero-width space inside a phone number, a decomposed accent
(`He\u0301le\u0300ne`, as macOS file systems write it), full-width letters
(`ＣＡＭＩＬＬＥ`), a non-breaking space between the digits, or a whole line in
capitals (`NOTE : APPELER CAMILLE LEFEBVRE`), where case says nothing about
what is a name. Detection therefore reads a canonical view of each note:

- NFC (`e` + U+0301 -> `é`);
- format and other invisible characters removed (Unicode category Cf: U+200B-U+200F,
  U+2060-U+2064, U+FEFF, the soft hyphen U+00AD...; variation selectors);
- compatibility forms of letters and digits folded (full-width `Ｃ`, `ﬁ`,
  mathematical `𝐂`, `①`, `ᵉ`), and full-width punctuation (`＠`, `．`); ordinary
  French punctuation (« », ’, …) and ª º are kept;
- every other space (NBSP, narrow NBSP, thin, ideographic...) and a tab a plain
  space, line and paragraph separators, CRLF and CR a newline, the hyphens
  U+2010/U+2011 `-`;
- in context (`_CONTEXT`): a dash of another kind between two letters or digits a
  hyphen (`Jean–Luc`, `06–39–98`), a modifier letter or quote between two letters
  an apostrophe (`dʼAnouk`), a word with Markdown emphasis inside read without its
  marks (`**Jul**ien`), a word cut by a hyphen at a line end joined (`Mar-⏎chand`;
  `Jean-⏎Luc` keeps its hyphen before a capital);
- lines written mostly in capitals given back their case (`capitals`): an
  ordinary French word in lower case, any other word (a name) with a capital,
  acronyms as they are: `Note : appeler Camille Lefebvre au 06 12 34 56 78`; a
  heading of ordinary words wholly in lower case (`bilan de fin d'accompagnement`);
  in other lines, a lone ordinary word in capitals in lower case (`APPELER Julien`);
  a name the note writes in mixed case elsewhere is written so in a line in
  capitals (`AVEC BISCOTTE` beside `avec Biscotte`), and the town after a postal
  code is a name (`35 850 ROMILLÉ`).

The view keeps an offset map to the original (`CanonicalView`). Detections on
the view are mapped back to spans of whole original characters (a name with a
zero-width space inside maps to a span that includes it), and replacement
happens on the original, so every character outside a replaced span is kept
as the user wrote it (the note is never normalised as a whole). What replaces a
span is written plain (`written`): a pseudonym built from a surface with a
zero-width space, a soft hyphen, full-width digits or an en dash in it carries none.

Most notes are plain: an ASCII note without words in capitals is its own view,
and a French note is scanned once for the few characters that change.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from recognizers.lexicons import (
    fold,
    is_acronym,
    is_first_name,
    is_ordinary_word,
    is_surname,
    is_surname_particle,
    line_in_capitals,
    lines,
    ordinary_word_languages,
    place_kind,
    place_population,
    table,
)

from ..entities import Entity

# -- characters ---------------------------------------------------------------

# Invisible characters outside category Cf (Unicode's Default_Ignorable_Code_Point).
_IGNORABLE = frozenset(
    [
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0),
        *range(0x180B, 0x1810),  # Mongolian variation selectors
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    ]
)
# Ordinal indicators: `nº`, `1º` are written so in French and stay as they are.
_KEEP = frozenset("ªº")
_HYPHENS = {"\u2010": "-", "\u2011": "-"}
# Enclosed letters and digits (`①`, `Ⓒ`, `🄰`) are symbols that NFKC folds to plain ones.
_ENCLOSED = ((0x2460, 0x24FF), (0x1F100, 0x1F1FF))


def _rule(c: str) -> str | None:
    """What the character `c` becomes in the view; None when it stays itself."""
    code = ord(c)
    category = unicodedata.category(c)
    if category == "Cf" or code in _IGNORABLE:
        return ""
    if category == "Zs":
        return None if c == " " else " "
    if category in ("Zl", "Zp") or c == "\x85":
        return "\n"
    if c in _HYPHENS:
        return _HYPHENS[c]
    if c in _KEEP:
        return None
    folded = unicodedata.normalize("NFKC", c)
    if folded == c:
        return None
    if 0xFF01 <= code <= 0xFFEE:  # full-width and half-width forms, punctuation included
        return folded
    enclosed = any(lo <= code <= hi for lo, hi in _ENCLOSED)
    if (category[0] in "LN" or enclosed) and folded.isalnum():
        return folded
    return None


class _Rules(dict):
    """character -> replacement (None: unchanged), filled on first sight."""

    def __missing__(self, c: str) -> str | None:
        value = self[c] = _rule(c)
        return value


_RULES = _Rules()


# Characters that change only in context:
# - a word cut at a line end by a hyphen (`Mar-⏎chand`, from a hard-wrapped or pasted
#   text) is read joined, or hyphenated when what follows has a capital (`Jean-⏎Luc`);
# - a dash of another kind between two letters or digits is a hyphen (`Jean–Luc`,
#   `06–39–98`), a modifier letter or a quote between two letters an apostrophe (`dʼAnouk`);
# - a word with Markdown emphasis inside it is read without its marks (`**Jul**ien`);
# - a tab is a space, a Windows or old Mac line end a newline.
_IN_WORDS = (
    r"(?P<dash>(?<=[^\W_])[\u2012-\u2015\u2212\ufe58\ufe63](?=[^\W_]))"
    r"|(?P<apostrophe>(?<=[^\W\d_])[\u2018\u02b9\u02bb\u02bc\u2032\u00b4](?=[^\W\d_]))"
    r"|(?P<tab>\t)"
)
_CONTEXT = (
    r"(?P<cut>(?<=[^\W\d_]|[\u0300-\u036f])[-\u2010\u2011\u00ad][ \t]*\r?\n[ \t]*"
    r"(?=[^\W\d_]))"
    r"|(?P<emphasis>(?<![\w*])\*{0,3}[^\W\d_]+(?:\*{1,3}[^\W\d_]+)+\*{0,3}(?![\w*]))"
    r"|(?P<newline>\r\n?)|" + _IN_WORDS
)
_CONTEXT_RE = re.compile(_CONTEXT)
_IN_WORDS_RE = re.compile(_IN_WORDS)


def _in_context(m: re.Match, text: str) -> str:
    """What the context match `m` becomes in the view (see `_CONTEXT`)."""
    kind = m.lastgroup
    if kind == "cut":
        after = text[m.end()]
        return "-" if after.isupper() and m.group()[0] != "\u00ad" else ""
    if kind == "emphasis":  # the word without its marks, replaced whole with them
        return _fold_cluster(m.group().replace("*", ""))
    return {"dash": "-", "apostrophe": "’", "newline": "\n", "tab": " "}[kind or ""]


def _fold_cluster(cluster: str) -> str:
    out = "".join(c if (r := _RULES[c]) is None else r for c in cluster)
    return unicodedata.normalize("NFC", out) if len(cluster) > 1 else out


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _folded(text: str, across_lines: bool = True) -> tuple[str, list[tuple[int, int, int, int]]]:
    """(text with NFC, invisible characters, spaces and compatibility forms
    canonical, and the characters of `_CONTEXT` (without `across_lines`: but for the
    line ends, cut words and emphasis), [(view start, view end, original start,
    original end)] of every cluster that changed)."""
    context_re = _CONTEXT_RE if across_lines else _IN_WORDS_RE
    context = context_re.search(text) is not None
    if text.isascii() and not context:
        return text, []
    chars = set() if text.isascii() else set(text)
    special = [c for c in chars if _RULES[c] is not None]
    marks = []
    if not unicodedata.is_normalized("NFC", text):
        # a character that NFC replaces on its own (U+212B ANGSTROM SIGN)
        special += [c for c in chars if unicodedata.normalize("NFC", c) != c]
        marks = [c for c in chars if unicodedata.combining(c)]
    elif special:  # a folded letter may compose with the mark after it (`ｅ` + U+0308)
        marks = [c for c in chars if unicodedata.combining(c)]
    if not special and not marks and not context:
        return text, []
    alternatives = [context_re.pattern] if context else []
    if marks:
        alternatives.append("." + _char_class(marks) + "+")
    if special:
        alternatives.append(_char_class(set(special)))
    pattern = re.compile("|".join(alternatives), re.DOTALL)
    pieces: list[str] = []
    clusters: list[tuple[int, int, int, int]] = []
    done = 0  # original offset copied so far
    size = 0  # view length so far
    for m in pattern.finditer(text):
        cluster = m.group()
        out = _in_context(m, text) if m.lastgroup else _fold_cluster(cluster)
        if out == cluster:
            continue
        start, end = m.span()
        pieces.append(text[done:start])
        size += start - done
        pieces.append(out)
        clusters.append((size, size + len(out), start, end))
        size += len(out)
        done = end
    if not clusters:
        return text, []
    pieces.append(text[done:])
    return "".join(pieces), clusters


# -- lines in capitals -----------------------------------------------------------

_UPPER_PAIR = re.compile(r"[^\W\d_a-zß-ÿ]{2}")
# A word with its inner apostrophes and hyphens (`D'ACCOMPAGNEMENT`, `JEAN-LUC`).
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_]))*")
_ELISION = re.compile(r"(?:[LDJMTSCN]|QU|JUSQU|LORSQU|PUISQU)['’](?=[^\W\d_])")
_SENTENCE_END = re.compile(r"[.!?…]")
_POSTAL_CODE = re.compile(r"(?<![\d.,])(?<!\d )\b\d{2} ?\d{3} +$")
_LIST_GAP = re.compile(r"[(,;/–—]|(?:^|\s)-\s")
# A web address, an e-mail or a placeholder, left exactly as written
# (`LINKEDIN.COM/IN/…`, `[PERSONNE_3]`).
_ADDRESS = re.compile(r"\S*(?:@|://|www\.|\w\.\w|_)\S*", re.IGNORECASE)
# Words after which a name comes: field labels of forms and signatures.
_LABELS = frozenset(
    {"nom", "noms", "prenom", "prenoms", "client", "cliente", "coache", "coachee",
     "beneficiaire", "participant", "participante", "signe", "signee", "interlocuteur",
     "interlocutrice", "referent", "referente", "contact"}
)  # fmt: skip
# After these words a town of some size is a place (`SÉANCE À NICE`), not a common word;
# a city is one anywhere but after a determiner or a count (`LES PARIS`, `DEUX TOURS`).
_PLACE_WORDS = frozenset({"a", "vers", "depuis"})
_PREPOSITIONS = frozenset({"de", "d", "en", "sur", "pour", "par", "pres", "entre", "au", "du"})
_TOWN = 20_000
# One-letter words, which the general lexicons leave out (`À`, `Y`, elided `L`, `D`).
_LETTER_WORDS = frozenset({"a", "y", "l", "d"})
_CITY = 100_000
_DETERMINERS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "ce", "cet", "cette", "ces", "mon", "ma",
     "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur",
     "leurs", "quel", "quelle", "quels", "quelles", "chaque", "plusieurs", "quelques",
     "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "tous",
     "toutes", "tout", "toute", "aucun", "aucune", "certains", "certaines", "premier",
     "premiere", "premiers", "premieres", "dernier", "derniere", "nombreux", "nombreuses"}
)  # fmt: skip
# Particles written in lower case inside a name or a place (`de Villeneuve`, `Aix-en-Provence`).
_LOWER_PARTICLES = frozenset(
    {"de", "du", "des", "d", "van", "von", "der", "den", "da", "dos", "das", "di", "del", "y",
     "sur", "sous", "en", "les", "lez", "et", "aux", "au", "a", "l"}
)  # fmt: skip


@cache
def _org_suffixes() -> frozenset[str]:
    """Words that end an organisation's name (`COACHING`, `CONSEIL`, `& ASSOCIÉS`)."""
    return frozenset(fold(w) for w in lines("org_suffixes.txt"))


@cache
def _titles() -> frozenset[str]:
    """Courtesy titles and kinship words, after which a name comes (`M.`, `MME`, `PAPA`)."""
    titles = {fold(t.rstrip(".")) for t in lines("person_prefixes.txt", package="anonymize")}
    return frozenset(titles - {"me"})  # `ME` is far more often the pronoun than Maître


@cache
def _plain_words() -> frozenset[str]:
    """Words of the acronym list that are plain French words in a heading (`DE`, `FIN`)."""
    words = {fold(w) for w in lines("name_never_words.txt")}
    return frozenset(words | {"le", "la", "les", "de", "du", "des", "fin", "sa", "ce"})


def _acronym(token: str) -> bool:
    """An acronym kept in capitals: `RDV`, `CHU`, `SIRET`, but not `NOTE` or `DE`.

    The acronym list also holds common words written in capitals (`BILAN`, `AVEC`)
    so that the recognizers never take them for a surname; a word of more than
    three letters that is an ordinary French word is given back in lower case.
    """
    if len(token) < 2 or not is_acronym(token):
        return False
    if fold(token) in _plain_words():
        return False
    return len(token) <= 3 or not _is_word(token)


def _lower(word: str) -> str:
    return "".join(low if len(low := c.lower()) == 1 else c for c in word)


def _upper_first(word: str) -> str:
    up = word[:1].upper()
    return (up if len(up) == 1 else word[:1]) + word[1:]


def _capital(word: str) -> str:
    """First letter kept, the rest in lower case (same length)."""
    return word[:1] + _lower(word[1:])


def _title(word: str) -> str:
    """Each part capitalized, particles inside a compound in lower case (same length)."""
    parts = re.split(r"(['’-])", word)
    out = []
    for i, part in enumerate(parts):
        if i > 0 and i % 2 == 0 and fold(part) in _LOWER_PARTICLES:
            out.append(_lower(part))
        else:
            out.append(_capital(part))
    return "".join(out)


def _is_word(word: str) -> bool:
    """An ordinary French or English word (or compound of them), no frequent name
    or place (`recognizers.lexicons.is_ordinary_word`): given back in lower case."""
    return fold(word) in _LETTER_WORDS or is_ordinary_word(word)


def _particle(token: str) -> str:
    return _lower(token) if fold(token) in _LOWER_PARTICLES else _title(token)


def _name_ahead(token: str | None) -> bool:
    """The next word would keep a capital inside a name (`LE BRAS`, not `LE SOUTIEN`)."""
    if token is None or not token.isupper() or any(c.isdigit() for c in token):
        return False
    return is_first_name(token) or is_surname(token) or not _is_word(token)


@cache
def _org_head_words() -> frozenset[str]:
    """One-word head nouns of organisations (`EHPAD`, `CLINIQUE`, `RÉSIDENCE`), folded."""
    return frozenset(fold(row[0]) for row in table("org_heads.tsv") if " " not in row[0])


_NAME_ARTICLES = frozenset({"le", "la", "les", "l"})


def _decide(token: str, nxt: str | None, after: str, listed: bool) -> tuple[str, str]:
    """The case of one word of a line in capitals, and what it announces.

    `after` is what the previous word announced: "name" after a courtesy title
    or a field label (a name comes), "person" inside a name (a surname may
    follow), "org" after an acronym or inside an organisation's name, "place"
    after `À` (a town may follow), "prep" after another preposition, "det" after
    a determiner or a count (`DEUX TOURS`, `LES PARIS`: common words), "" otherwise.
    `listed`: the word opens the line or follows `(`, `,`, `;`, `/` or a dash.
    """
    key = fold(token)
    if key in _titles():
        return _title(token), "name"
    if after == "head" and key in _NAME_ARTICLES:
        return _title(token), "orgname"  # `EHPAD LES GLYCINES`: the article opens its name
    if after == "orgname" and not _acronym(token):
        return _title(token), "orgname"
    if key in _org_head_words() and (nxt or "").strip("'’").lower() in _NAME_ARTICLES:
        return (token if _acronym(token) else _title(token)), "head"
    if after == "name":  # the name after `M.`, `MME`, `NOM :`
        if key in ("et", "ou"):  # `M. ET MME DUPONT`
            return _lower(token), ""
        if is_surname_particle(token):
            return _particle(token), "name"
        return _title(token), "person"
    if _acronym(token):
        return token, "org"
    if is_first_name(token):
        return _title(token), "person"
    if after in ("person", "org") and key in _org_suffixes():  # `LENOIR COACHING`
        return _title(token), "org"
    if after == "person":  # `CAMILLE LE BRAS`, `CAMILLE PETIT`
        if is_surname_particle(token) and key not in ("et", "a") and _name_ahead(nxt):
            return _particle(token), "person"
        if is_surname(token) or not _is_word(token):
            return _title(token), "person"
    if _is_place(token, after, listed):
        return _title(token), ""
    if after == "det" and place_population(token) and not is_surname(token):
        return _lower(token), ""  # `DEUX TOURS`, `LES PARIS`: counted, a common noun
    if _is_word(token):
        if key in _LABELS:
            return _lower(token), "name"
        if key in _PLACE_WORDS:
            return _lower(token), "place"
        if key in _PREPOSITIONS:
            return _lower(token), "prep"
        return _lower(token), "det" if key in _DETERMINERS else ""
    if not is_surname(token) and (len(token) <= 4 or (nxt or "").isdigit()):
        return token, "org"  # an acronym no list knows (`IPP`, `TISF`), a label (`ADELI 6718…`)
    return _title(token), "person"


def _is_place(token: str, after: str, listed: bool) -> bool:
    """A town or a region rather than a common word: a compound the gazetteer knows
    (`CÔTE-D'OR`), a town after `À` (`À VALENCE`), a city after a preposition or in
    a list (`TOURNOI DE TOURS`, `(PARIS, SAMEDI)`), not `DEUX TOURS` or `TROP NICE`."""
    population = place_population(token)
    if "-" in token or "'" in token:
        return bool(population) or bool(place_kind(token))
    if after == "place":
        return population >= _TOWN
    return population >= _CITY and (after == "prep" or (listed and after != "det"))


def _restore_word(token: str, nxt: str | None, after: str, listed: bool) -> tuple[str, str]:
    """The case of one word of a line in capitals (`_decide`), elided article apart."""
    if any(c.isdigit() for c in token):  # `FR76`, `06`; a small count announces a noun
        return token, "det" if token.isdigit() and len(token) <= 3 else ""
    if not token.isupper():
        return token, "person" if _capital(token) == token and len(token) > 1 else ""
    elision = _ELISION.match(token)
    if elision and elision.end() < len(token) and not _is_word(token):
        head = _lower(token[: elision.end()])
        rest, after = _restore_word(token[elision.end() :], nxt, after, False)
        return head + rest, after
    return _decide(token, nxt, after, listed)


@cache
def _known_orgs() -> tuple[re.Pattern | None, dict[str, str]]:
    """Organisations written as usual (`Crédit Agricole`), by their folded name; those
    that are also common words (`Orange`, `Le Monde`) are left to the word rules."""
    names = {}
    for row in lines("organisations.txt"):
        name, *rest = row.split("\t")
        words = fold(name).replace("'", " ").split()
        plain = words[0] in ("le", "la", "les", "l") and all(_is_word(w) for w in words)
        if "word" not in rest[1:] and len(name) > 2 and not plain:  # not `LE MONDE`
            names[fold(name)] = name
    if not names:
        return None, {}
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)"), names


# A run of capitalised words in a line in mixed case, with the lower-case particles
# between them (`Cap Ouest Accompagnement`, `La Rochelle`, `Les Barattes`, `Pointe des Galets`).
_NAME_RUN = re.compile(
    r"(?<![\w'’-])[^\W\d_a-zß-ÿ][\w'’-]*[a-zß-ÿ][\w'’-]*"
    r"(?:[ \t]+(?:(?:de|du|des|la|le|les|d['’]|l['’]|en|sur|et)[ \t]*)?"
    r"[^\W\d_a-zß-ÿ][\w'’-]*)*"
)
# What comes before a word that starts a sentence, a line or a list item.
_OPENING = re.compile(r"(?:^|[.!?…:;«\"“(\[|*#>•–—-])[ \t]*$")


def _vocabulary(text: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """How the note itself writes its names: the capitalised runs of its lines in
    mixed case (`La Rochelle`, `lycée Les Barattes`, `avec Biscotte`), by their folded
    form, so that a line in capitals writes them alike (`À LA ROCHELLE`). A run of
    ordinary words counts only where it is capitalised mid-sentence (`avec Biscotte`,
    not `Elle` or `Séance` at the start of a sentence)."""
    names: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip() or line_in_capitals(line):
            continue
        for m in _NAME_RUN.finditer(line):
            run = m.group().rstrip("'’-")
            key = fold(run)
            if key in names or len(run) < 3 or not any(c.islower() for c in run):
                continue
            words = _TOKEN.findall(run)
            opening = _OPENING.search(line[: m.start()]) is not None
            if opening and all(_is_word(w) or _acronym(w) for w in words):
                continue
            names[key] = run
    if not names:
        return None, {}
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])"), names


def _as_written(surface: str, model: str) -> str:
    """`surface` with the case of `model`, character by character (same length)."""
    return "".join(
        (u if len(u := c.upper()) == 1 else c)
        if m.isupper()
        else (lw if len(lw := c.lower()) == 1 else c)
        for c, m in zip(surface, model, strict=True)
    )


def _restore_line(
    line: str, vocabulary: tuple[re.Pattern | None, dict[str, str]] = (None, {})
) -> str:
    """One line in capitals with its case given back. A line of ordinary words only
    (a heading: `BILAN DE FIN D'ACCOMPAGNEMENT`) is given in lower case, sentence
    start included, so that the model takes no capitalized heading word for a name.
    The names the note writes in mixed case elsewhere (`vocabulary`) are written so."""
    pattern, orgs = _known_orgs()
    fixed: list[tuple[int, int, str]] = []
    folded = fold(line)
    if pattern is not None:
        for m in pattern.finditer(folded):
            model = orgs[m.group()]
            if len(model) == m.end() - m.start():
                fixed.append((m.start(), m.end(), _as_written(line[m.start() : m.end()], model)))
    addresses = [(m.start(), m.end(), m.group()) for m in _ADDRESS.finditer(line)]
    fixed += addresses
    own, names = vocabulary
    if own is not None:
        for m in own.finditer(folded):
            model = names[m.group()]
            if len(model) != m.end() - m.start() or any(
                a < m.end() and m.start() < b for a, b, _ in fixed
            ):
                continue
            before = _TOKEN.findall(folded[: m.start()])
            if before and before[-1] in _DETERMINERS and _TOKEN.fullmatch(model):
                continue  # `DEUX TOURS DU TAPIS` beside `Tours`: counted, a common noun
            fixed.append((m.start(), m.end(), model))
    tokens = list(_TOKEN.finditer(line))
    out: list[str] = []
    starts: list[int] = []  # pieces of `out` capitalized only as a sentence start
    named = False  # some word keeps a capital of its own: a name, an organisation
    done = 0
    start = True
    after = ""
    for i, m in enumerate(tokens):
        if m.start() < done:
            continue
        gap = line[done : m.start()]
        if _SENTENCE_END.search(gap) and after != "name":
            start = True
        if gap.strip(" .") and after != "name":  # punctuation ends what a word announced
            after = ""
        org = next((f for f in fixed if f[0] <= m.start() < f[1]), None)
        if org is not None:
            out.append(gap)
            out.append(org[2][m.start() - org[0] :])
            done, after, start, named = org[1], "org", False, True
            continue
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else None
        listed = start or _LIST_GAP.search(gap) is not None
        token = m.group()
        if len(token) == 1 and line[m.end() : m.end() + 1] == "." and fold(token) not in _titles():
            word, after, named = token, "person", True  # an initial: `K.`
        elif _POSTAL_CODE.search(line, 0, m.start()) and not _is_word(token):
            word, after = _title(token), "place"  # the town after a postal code: `35 850 ROMILLÉ`
        else:
            word, after = _restore_word(token, nxt, after, listed)
        if not word.isupper() and any(c.isupper() for c in word):  # `Dupont`, `d'Anouk`
            named = True
        elif start and word[:1].islower():
            starts.append(len(out) + 1)
        out.append(gap)
        out.append(word)
        start = False
        done = m.end()
    out.append(line[done:])
    if named:  # an ordinary sentence with a name in it: capitals at its starts
        for k in starts:
            out[k] = _upper_first(out[k])
    return "".join(out)


def _in_caps_run(line: str, tokens: list[re.Match], i: int) -> bool:
    """tokens[i] is next to another word in capitals (`AFS COACHING`, `FRANCE TRAVAIL`)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and tokens[j].group().isupper() and len(tokens[j].group()) > 1:
            a, b = sorted((i, j))
            if not line[tokens[a].end() : tokens[b].start()].strip():
                return True
    return False


def _common_words(line: str) -> str:
    """A line in mixed case with its ordinary words in capitals given in lower case
    (`NOTE : APPELER Julien Marchand AU 06…` -> `Note : appeler Julien Marchand au 06…`),
    so that `APPELER` is not read as the surname of `APPELER Julien`. A word that may
    be a name (`VIDAL Anaïs`, `MARCHAND Julien`), a place, an acronym, or that stands
    next to other capitals (`AFS COACHING`) keeps them."""
    out: list[str] = []
    done = 0
    tokens = list(_TOKEN.finditer(line))
    kept = [(m.start(), m.end()) for m in _ADDRESS.finditer(line)]
    for i, m in enumerate(tokens):
        token = m.group()
        if (
            len(token) < 2
            or not token.isupper()
            or not token.isalpha()
            or _in_caps_run(line, tokens, i)
            or any(a <= m.start() < b for a, b in kept)
            or "fr" not in ordinary_word_languages(token)  # `PASS` is no French word
            or is_surname(token)
            or is_first_name(token)
            or _acronym(token)
            or fold(token) in _titles()
            or place_population(token)
        ):
            continue
        start = not line[: m.start()].strip() or _SENTENCE_END.search(line[done : m.start()])
        out.append(line[done : m.start()])
        out.append(_upper_first(_lower(token)) if start else _lower(token))
        done = m.end()
    if not out:
        return line
    out.append(line[done:])
    return "".join(out)


def capitals(text: str) -> str:
    """`text` with every line written mostly in capitals given back its case, and
    ordinary words in capitals in the other lines (same length, same characters
    but for case)."""
    if not _UPPER_PAIR.search(text):
        return text
    pieces: list[str] = []
    done = 0
    seen = -1
    vocabulary = None
    for m in _UPPER_PAIR.finditer(text):
        if m.start() < seen:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        seen = end
        line = text[start:end]
        if line_in_capitals(line):
            vocabulary = _vocabulary(text) if vocabulary is None else vocabulary
            restored = _restore_line(line, vocabulary)
        else:
            restored = _common_words(line)
        if restored != line:
            pieces.append(text[done:start])
            pieces.append(restored)
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# -- the view ----------------------------------------------------------------------


@dataclass(frozen=True)
class CanonicalView:
    """The text detection reads (`text`) and how its offsets map to `original`'s.

    `clusters` lists the changed pieces, (view start, view end, original start,
    original end), in order; between them the two texts match one to one.
    """

    text: str
    original: str
    clusters: tuple[tuple[int, int, int, int], ...] = ()
    # the clusters' starts on each side (view, -, original), for bisection
    _starts: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts[0] = [c[0] for c in self.clusters]
        self._starts[2] = [c[2] for c in self.clusters]

    @property
    def identical(self) -> bool:
        return self.text is self.original or self.text == self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view span [start, end): whole original characters."""
        if not self.clusters or start >= end:
            return start, end
        return self._map(start, 0, 2, first=True), self._map(end - 1, 0, 2, first=False)

    def view_span(self, start: int, end: int) -> tuple[int, int]:
        """The view span of the original span [start, end)."""
        if not self.clusters or start >= end:
            return start, end
        return self._map(start, 2, 0, first=True), self._map(end - 1, 2, 0, first=False)

    def _map(self, pos: int, src: int, dst: int, *, first: bool) -> int:
        """Where the character at `pos` (side `src`) begins (`first`) or ends on side `dst`."""
        k = bisect_right(self._starts[src], pos) - 1
        if k < 0:
            return pos if first else pos + 1
        cluster = self.clusters[k]
        if pos < cluster[src + 1]:  # inside a changed piece: all of it
            return cluster[dst] if first else cluster[dst + 1]
        at = cluster[dst + 1] + (pos - cluster[src + 1])
        return at if first else at + 1

    def restore(self, entities: Iterable[Entity], original: str | None = None) -> list[Entity]:
        """`entities` found on the view, with the original's offsets and text."""
        original = self.original if original is None else original
        entities = list(entities)
        if self.identical:
            return entities
        out = []
        for e in entities:
            start, end = self.span(e.start, e.end)
            out.append(replace(e, start=start, end=end, text=original[start:end]))
        return out

    def to_view(self, entities: Iterable[Entity]) -> list[Entity]:
        """`entities` of the original, with the view's offsets and text."""
        entities = list(entities)
        if self.identical:
            return entities
        out = []
        for e in entities:
            start, end = self.view_span(e.start, e.end)
            if start < end:
                out.append(replace(e, start=start, end=end, text=self.text[start:end]))
        return out


def canonical_view(text: str) -> CanonicalView:
    """The canonical view of one note (computed once per note; see the module doc)."""
    folded, clusters = _folded(text)
    return CanonicalView(capitals(folded), text, tuple(clusters))


def plain(text: str) -> str:
    """The text with invisible and compatibility characters folded, capitals kept:
    the form names are compared on ("Ca\u200bmille" is "Camille")."""
    return _folded(text)[0]


def written(text: str) -> str:
    """A replacement as we write it: no invisible character, soft hyphen, full-width
    or other compatibility form, exotic space, tab or exotic dash or apostrophe
    inside a word, even where the original span it was rendered from had some
    (`Berneau\u200b Expertise` -> `Berneau Expertise`, `06–39–98` -> `06-39-98`);
    its line ends are kept as they are."""
    return _folded(text, across_lines=False)[0]


def canonical(text: str) -> str:
    """The canonical text alone, for matching terms (no offsets needed)."""
    return canonical_view(text).text

"""`check --strict`: every proper noun nobody explains, as a second opinion.

The gate (`check.py`) runs the detectors `batch` ran: what they missed, it
misses too ("une agence, Pixelune, à Mérignac", "un ancien collègue, J.-P.",
"le chien du dépôt, Tico", "EMBL"). The strict gate asks another question,
one that does not depend on recognizing a name: is there a capitalised word,
an acronym or a run of initials here that nothing explains?

Explained, never flagged:
- what we wrote: a span the gate excuses (the marker's pseudonyms for that file,
  placeholders, masks, `--known` strings);
- allow-listed terms (the config's list and the shipped defaults: tools, public
  services, famous people), and a cited author's surname where the sentence
  cites it ("selon Maslach"), as the pipeline keeps them;
- listed terms: acronyms (`acronyms.txt` of the recognizers and our
  `data/strict_acronyms.txt`: "IRM", "KPI", "CODIR"), medicines, eponyms and
  products (`data/strict_words.txt`), months, weekdays, titles, relation words;
- ordinary words: the general French and English lexicons
  (`recognizers.lexicons.is_ordinary_word`, case and accents ignored, so
  "CONFORME" and "Criticité" are words), and words built like a French
  derivation or a molecule ("Anatomopathologie", "Escitalopram").

Flagged:
- initials ("J.-P.", "M. D.", "J.R."), unless they spell a listed acronym ("N.B."),
  and two or three capitals in brackets after a name ("Mylène Couturier (AD, …)");
- a capitalised word no lexicon knows, anywhere, sentence starts included
  ("Tico a aboyé", "Pixelune", "EMBL"); two or three capitals that are no French
  word ("KHR");
- a capitalised ordinary word inside a sentence where French grammar says it is
  a name: with no determiner after a verb, a preposition or a noun ("chez
  Carrefour", "l'hébergeur Nimbus"), alone in apposition ("sa perruche, Coco."),
  after a naming cue ("dite « Lulu »"), after a capitalised article ("au centre
  Les Rosiers"), or in a compound of capitalised parts ("l'Hôtel-Dieu"); job,
  department and section words are not (`data/strict_role_words.txt`:
  "Directeur Administratif et Financier", "Head of Sales");
- what French grammar makes a name although each word is ordinary: an article
  right after a head noun ("EHPAD LES GLYCINES", "la résidence les Tilleuls":
  a common noun would take a preposition; `data/strict_name_heads.txt` and the
  recognizers' heads), a business word after a capitalised word or a code
  ("AÉRONEF SYSTÈMES", "H2P Habitat"), a bare noun opening a sentence before a
  verb ("Poivre a marché sur le clavier": a common noun needs a determiner;
  `data/strict_subject_verbs.txt`, `data/strict_pronouns.txt`), a lower-case
  word no lexicon knows in a quotation of one or two words ("ouvrir les
  guillemets élo fermer les guillemets"), a district by its number ("le
  conservatoire du 17e");
- in lower case, a first name that is no ordinary word ("sylvie roche" in a
  dictation), a surname after a title ("docteur pelletier"), and a town after a
  preposition ("de caluire", "à montreuil") when the gazetteer knows it and it
  is no ordinary word (`recognizers.lexicons.is_town_in_lower_case`).

Capitals say nothing at the start of a sentence, a line, a list item, a heading,
a cell or a bracket: an ordinary word there is flagged only before a verb, and so
is a word the lexicons keep as a name for its frequent homonym ("Réunion de
suivi", "Petit souci", `data/strict_start_words.txt`).

Everything is read in the canonical view (`detect/canonical.py`): a zero-width
space inside a name, full-width letters or a line in capitals hide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from recognizers.lexicons import (
    fold,
    is_acronym,
    is_common_word,
    is_domain_word,
    is_first_name,
    is_ordinary_word,
    is_surname,
    is_town_in_lower_case,
    lines,
    month_numbers,
    ordinary_word_languages,
    relation_words,
    table,
    titles,
)

from ..detect.allow import CITATION_AFTER, CITATION_BEFORE, CIVILITY_BEFORE, AllowList
from ..detect.canonical import canonical_view, plain

UNKNOWN = "UNKNOWN"
# A word: letters, with inner apostrophes and hyphens ("Saint-Cloud", "l'EMBL").
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Initials: two or more capitals each closed by a dot or a hyphen ("J.-P.",
# "M. D.", "J.R.", "G.M", "A. K.-L. B."); the last dot may be missing.
INITIALS = re.compile(
    r"(?<![\w.’'])[A-ZÀ-Ý]\.(?:\s?-?\s?[A-ZÀ-Ý](?:\.|(?![\w’'])))+(?![\w’'])"
    r"|(?<![\w.’'])[A-ZÀ-Ý]-[A-ZÀ-Ý]\.(?![\w’'])"
)
# An elided article or pronoun glued to a word: "l'EMBL", "d'Euralille".
ELIDED = re.compile(r"^(?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]")
# What may stand between a sentence, line, list item or cell start and its first word.
DECORATION = set(" \t*#>-+•–—_([{«\"“‘'|0123456789)") | {"\u00a0"}
SENTENCE_END = set(".!?…:;\n")
# An address, a link or a handle: the detectors judge them as a whole.
LINKISH = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:fr|com|org|net|io|eu|be|ch|ca)\b\S*"
    r"|(?<!\w)[@#][\w./-]+"
)

# A district of Paris, Lyon or Marseille by its number: "le 17e arrondissement", "vit
# dans le 11e", "le conservatoire du 17e" (a head noun right before); not "au 3e étage",
# "en 6e", "du 19e siècle", "la salle de repos du 3e" (a floor).
DISTRICT = re.compile(
    r"(?:(?<!\w)(?:dans le|du|le|au)\s+(?P<named>\d{1,2}(?:e|è|ème|eme))(?=\s+arrondissement)"
    r"|(?<!\w)(?:(?P<head>[^\W\d_]+)\s+du|dans le)\s+(?P<bare>\d{1,2}(?:e|è|ème|eme)))"
    r"(?!\w)(?=\s+arrondissement|\s*(?:[,.;:!?)»]|$))",
    re.IGNORECASE | re.M,
)
# A short quotation, typed or dictated ("ouvrir les guillemets élo fermer les
# guillemets"): a nickname is quoted so.
QUOTE = re.compile(
    r"«\s*(?P<a>[^«»\n]{1,40}?)\s*»|“(?P<b>[^“”\n]{1,40})”|\"(?P<c>[^\"\n]{1,40})\""
    r"|(?<!\w)(?:ouvr\w*|entre)\s+(?:les\s+)?guillemets\s+(?P<d>.{1,40}?)\s+"
    r"ferm\w*\s+(?:les\s+)?guillemets",
    re.IGNORECASE,
)
# Words of at most this many make a quotation a nickname rather than a saying.
QUOTE_WORDS = 2

# A word the lexicons lack but built like a French derived word or a molecule
# ("anatomopathologie", "capsulotomie", "reconsulter", "escitalopram"): names
# are seldom built so. Matched on the folded word.
DERIVED = re.compile(
    r".{4,}(?:ite|tion|sion|ment|ments|isme|iste|ique|iques|logie|graphie|therapie|tomie|ectomie"
    r"|scopie|plastie|pathie|emie|ose|ement|ateur|atrice|isation|ifier|iser|ise|isee|ee|ees|es"
    r"|olol|pril|sartan|statine|azepam|azolam|prazole|cilline|mycine|floxacine|dipine|xetine"
    r"|pramine|parine|tidine|mab|nib|zole)s?"
)


@dataclass(frozen=True)
class Unknown:
    """An unexplained proper noun: offsets into the original text, and its text."""

    start: int
    end: int
    text: str
    why: str = ""


# -- the lexicons ---------------------------------------------------------------


@cache
def _acronym_forms() -> tuple[frozenset[str], frozenset[str]]:
    """Acronyms of the recognizers' list and of ours: (folded ALL-CAPS ones, exact
    mixed-case ones such as "SpO2" or "PLUi")."""
    words = [*lines("acronyms.txt"), *_listed("strict_acronyms.txt")]
    caps = frozenset(fold(w) for w in words if w.isupper())
    mixed = frozenset(w for w in words if not w.isupper())
    return caps, mixed


def _listed(name: str) -> list[str]:
    """The words of one of our lists, several a line."""
    return [w for line in lines(name, package="anonymize") for w in line.split()]


def _known_acronym(word: str) -> bool:
    """A listed acronym as written ("IRM", "SpO2"), or a long one written like a word
    ("Comex", "Ehpad"; a heading in capitals reads so in the canonical view)."""
    caps, mixed = _acronym_forms()
    return word in mixed or ((word.isupper() or len(word) >= 4) and fold(word) in caps)


@cache
def _recognizer_acronyms() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("acronyms.txt"))


@cache
def _never_alone() -> frozenset[str]:
    """Words that name nobody alone: titles, relation words, name particles, workflow words."""
    words = [*lines("name_never_words.txt"), *titles(), *relation_words()]
    return frozenset(fold(w.strip()) for w in words)


@cache
def _calendar() -> frozenset[str]:
    """Months and weekdays, full and abbreviated, folded."""
    out = {fold(m) for m in month_numbers()}
    for row in lines("date_weekdays.tsv"):
        for cell in row.split("\t"):
            out.update(fold(w) for w in cell.split("|") if w)
    return frozenset(out)


def _listed_term(word: str) -> bool:
    """An acronym or a term of our lists, a month, a title: nobody's name, wherever it is."""
    key = fold(word)
    return (
        _known_acronym(word) or key in _never_alone() or key in _calendar() or is_domain_word(key)
    )


def _ordinary(word: str) -> bool:
    """An ordinary French or English word of the general lexicons (case and accents
    ignored), or a word built like a French derivation or a molecule."""
    if is_ordinary_word(word):
        return True
    # "Vœux" as the lexicons write it
    spelled = word.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    if spelled != word and is_ordinary_word(spelled):
        return True
    return not word.isupper() and bool(DERIVED.fullmatch(fold(word)))


def _capitalised(word: str) -> bool:
    """A proper-noun shape: a capital first ("Tico", "EMBL"), or a capital inside
    after lower case ("McKinsey"); "iPhone" and "eBay" too."""
    return any(c.isupper() for c in word)


# -- positions -------------------------------------------------------------------


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose dot ends no sentence ("M. Tico", "cf. Dupont"): titles, a lone letter."""
    return frozenset({*titles(), "cf", "p", "pp", "ex", "env", "vs", "st", "ste"})


def at_start(text: str, start: int) -> bool:
    """True when `start` opens a sentence, a line, a list item, a heading, a table
    cell, a parenthesis or a part of a heading after a spaced dash ("Article 2 - Durée")."""
    i = start - 1
    while i >= 0 and text[i] in DECORATION:
        if text[i] in '\n|(<[«"“':
            return True
        if text[i] in "-–—" and i > 0 and text[i - 1] in " \t":
            return True
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] not in SENTENCE_END:
        return False
    if text[i] == ".":
        before = re.search(r"(\w+)$", text[max(0, i - 12) : i])
        word = before.group(1) if before else ""
        if word.isdigit():
            return True  # "1. Approbation": a numbered item
        if len(word) == 1 or word.lower() in _abbreviations():
            return False
    return True


# -- the search ------------------------------------------------------------------


def _cited(text: str, start: int, end: int, cited: frozenset[str]) -> bool:
    """A cited author's surname where the sentence cites it ("selon Maslach")."""
    if fold(text[start:end]) not in cited:
        return False
    before = text[max(0, start - 80) : start]
    if CIVILITY_BEFORE.search(before):
        return False
    return bool(CITATION_BEFORE.search(before) or CITATION_AFTER.match(text, end))


# Words that make a capitalised noun after them a common noun ("la Direction").
DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "notre",
        "nos",
        "votre",
        "vos",
        "leur",
        "leurs",
        "quel",
        "quelle",
        "tout",
        "toute",
        "tous",
        "toutes",
        "chaque",
    ]
)
# A title written in lower case, as dictation software does ("docteur pelletier").
LOWER_TITLES = re.compile(
    r"(?<!\w)(?:madame|monsieur|mademoiselle|mme|mlle|m\.|docteur|dr\.?|professeur|pr\.?)\s+$"
)
# The preposition before a town ("de caluire", "à montreuil", "d'angers").
PLACE_BEFORE = re.compile(r"(?:(?<!\w)(?:à|de|du|au|en)\s+|(?<!\w)d['’])$", re.IGNORECASE)
FUNCTION_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "un",
        "une",
        "et",
        "ou",
        "en",
        "au",
        "aux",
        "à",
        "a",
        "est",
    ]
)


def _word_before(text: str, start: int) -> str:
    """The word right before `start` on its line (spaces apart), or ""."""
    m = re.search(r"([\w'’]+)[ \t]*$", text[max(0, start - 40) : start])
    return m.group(1) if m else ""


@cache
def _role_words() -> frozenset[str]:
    """Jobs, departments and section words a document capitalises (`strict_role_words.txt`)."""
    return frozenset(fold(w) for w in _listed("strict_role_words.txt"))


@cache
def _frame_words(name: str) -> frozenset[str]:
    """One of our frame lists (`strict_pronouns.txt`, `strict_start_words.txt`,
    `strict_name_heads.txt`), folded."""
    return frozenset(fold(w) for w in _listed(name))


@cache
def _name_heads() -> frozenset[str]:
    """Head nouns after which an article or a capitalised word names a place or an
    institution ("EHPAD", "unité", "résidence"): the recognizers' one-word heads
    and ours, folded."""
    heads = [row[0] for row in table("org_heads.tsv") if " " not in row[0]]
    heads += [row[0] for row in table("place_venue_heads.tsv") if " " not in row[0]]
    return frozenset(fold(h) for h in heads) | _frame_words("strict_name_heads.txt")


@cache
def _subject_verbs() -> frozenset[str]:
    """Verb forms after which a bare word opening a sentence is its subject, in lower
    case as written ("a", never "à")."""
    return frozenset(w.replace("’", "'") for w in _listed("strict_subject_verbs.txt"))


@cache
def _org_suffix_words() -> frozenset[str]:
    """Business words that end a company's name ("Systèmes", "Habitat"), folded; not
    the department words a document capitalises alone ("Communication", "Qualité")."""
    return frozenset(fold(w) for w in lines("org_suffixes.txt")) - _role_words()


# A word in apposition closes before these: "sa perruche, Coco.", "Chien, Kiki, attaché".
APPOSITION_END = re.compile(r"\s*(?:[,.;:()!?»]|$)", re.M)
# The words before a nickname: "dite « Lulu »", "l'appelle « Cricri »", "surnommé Pilou".
NAMING_CUE = re.compile(
    r"(?:\b(?:dit|dite|dits|dites|surnomm[ée]e?s?|appell?e|appelait|appelaient|surnom)\s*[«\"“]?\s*)$",
    re.IGNORECASE,
)
CONNECTORS_IN_NAMES = frozenset(["de", "d", "du", "des", "of", "la", "le", "les", "l"])


def _ordinary_name(text: str, s: int, e: int, word: str) -> str:
    """Why a capitalised ordinary word mid-sentence reads as a name, or "".

    A French common noun needs a determiner; a capital without one, after a
    verb, a preposition or a lower-case noun ("chez Carrefour", "l'hébergeur
    Nimbus Septentrion", "prof de Spa"), names something. So does a lone word in
    apposition ("sa perruche, Coco."), a word after a naming cue ("dite « Lulu »"),
    a capitalised article inside a sentence ("au centre Les Rosiers") and a
    compound of capitalised parts ("l'Hôtel-Dieu", "Part-Dieu").
    """
    before_text = text[max(0, s - 40) : s]
    if NAMING_CUE.search(before_text):
        return "named"
    parts = re.split(r"-", word)
    if len(parts) >= 2 and sum(p[:1].isupper() for p in parts) >= 2:
        return "hyphen_caps"
    before = _word_before(text, s)
    bare = fold(before.rstrip("'’"))
    if before and before.islower() and bare not in DETERMINERS:
        if bare in CONNECTORS_IN_NAMES:
            earlier = _word_before(text, s - len(before) - 1)
            if earlier[:1].isupper():
                return ""  # "Compte Personnel de Formation", "Head of Product"
        return "bare_cap"
    if text[max(0, s - 2) : s].strip() == "," and APPOSITION_END.match(text, e):
        return "apposition"
    return ""


def _lower_case_name(text: str, s: int, word: str) -> str:
    """Why a word in lower case is a name (a dictation, a hurried note), or ""."""
    if _start_word(word):
        return ""
    if is_ordinary_word(word) or fold(word) in _never_alone():
        if not (LOWER_TITLES.search(text[max(0, s - 20) : s]) and is_surname(word)):
            return ""
        return "title_lower" if fold(word) not in FUNCTION_WORDS else ""
    if len(word) >= 4 and is_first_name(word.capitalize()) and not is_common_word(word):
        return "lower_name"
    if LOWER_TITLES.search(text[max(0, s - 20) : s]) and fold(word) not in FUNCTION_WORDS:
        return "title_lower"
    if PLACE_BEFORE.search(text[max(0, s - 6) : s]) and is_town_in_lower_case(word):
        return "lower_place"
    return ""


ARTICLES = frozenset({"le", "la", "les"})
ROMAN = re.compile(r"[IVXLC]+")
PREPOSITIONS = frozenset(
    [
        "de",
        "d",
        "du",
        "des",
        "à",
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "sur",
        "sous",
        "par",
        "pour",
        "avec",
        "chez",
        "vers",
        "et",
        "ou",
    ]
)


def _initials_in_brackets(text: str, s: int, e: int) -> bool:
    """Two or three capitals opening a bracket right after a name: a person's initials
    ("Benjamin Depauw (MK, Direction commerciale)", "LAVOREL Jérémy (CS)")."""
    if text[s - 1 : s] != "(" or not re.match(r"\s*[,)]", text[e : e + 2]):
        return False
    before = _word_before(text, s - 1)
    return before[:1].isupper()


def _article_run(text: str, s: int, e: int) -> int:
    """The end of "Les Rosiers" when a capitalised article inside a sentence opens a
    name ("au centre Les Rosiers", "EHPAD LES GLYCINES"), else 0."""
    word = text[s:e]
    if not word[:1].isupper() or at_start(text, s):
        return 0
    before = _word_before(text, s)
    if not before or fold(before.rstrip("'’")) in PREPOSITIONS:
        return 0
    nxt = WORD.match(text, e + 1) if text[e : e + 1] == " " else None
    if nxt is None or not nxt.group()[:1].isupper() or _listed_term(nxt.group()):
        return 0
    return nxt.end()


# -- what makes a word a name in French --------------------------------------------

# The word before a position on its line, letters and digits ("H2P Habitat").
TOKEN_BEFORE = re.compile(r"([^\W_][\w'’&-]*)[ \t]+$")
# The word after a position on its line ("Poivre a marché", "Moka n'a pas").
WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+(?:['’][^\W\d_]+)?)")


def _head_name_run(
    view_text: str, words: list[re.Match[str]], i: int, written: Callable[[int, int], str]
) -> int:
    """The end of the name when `words[i]` is an article between a head noun and a
    capitalised word ("EHPAD LES GLYCINES", "UNITÉ LES CÈDRES", "la résidence les
    Tilleuls", "RÉSIDENCE L'ESCALE"), else 0.

    A common noun after a head noun takes a preposition ("unité de soins"); an
    article right after it opens the institution's own name. Case is read as
    written: the canonical view lowers the ordinary words of a line in capitals,
    and a name of ordinary words is what such headings hold.
    """
    if i == 0:
        return 0
    m, prev = words[i], words[i - 1]
    if view_text[prev.end() : m.start()] != " ":
        return 0
    head = written(prev.start(), prev.end())
    if (elided := ELIDED.match(head)) and len(head) > elided.end():
        head = head[elided.end() :]  # "MAISON D'ACCUEIL L'ESTRAN"
    if fold(head) not in _name_heads() and not (
        head.isupper() and is_acronym(head) and not is_ordinary_word(head)
    ):
        return 0
    word, j = m.group(), i + 1
    if re.match(r"[Ll]['’]\w", word):  # "RÉSIDENCE L'ESCALE"
        if not written(m.start() + 2, m.end())[:1].isupper():
            return 0
        end = m.end()
    else:
        if fold(word) not in ARTICLES or j >= len(words):
            return 0
        nxt = words[j]
        name = written(nxt.start(), nxt.end())
        if view_text[m.end() : nxt.start()] != " " or not name[:1].isupper():
            return 0
        if _listed_term(nxt.group()):  # "EHPAD LE JEUDI"
            return 0
        end, j = nxt.end(), j + 1
    while j < len(words) and view_text[end : words[j].start()] == " ":
        if not written(words[j].start(), words[j].end())[:1].isupper():
            break
        end, j = words[j].end(), j + 1  # "LE CLOS DES VIGNES"
    return end


def _org_suffix_start(view_text: str, m: re.Match[str], written: Callable[[int, int], str]) -> int:
    """Where a company's name starts when `m` is a capitalised business word right
    after another capitalised word or code ("AÉRONEF SYSTÈMES", "H2P Habitat",
    "Aéronef Systèmes recrute"), else -1.

    The first word alone may be ordinary, a code or stand at a sentence start:
    the business word after it makes the pair a name. Department words
    ("Responsable Formation") and listed acronyms ("IT Services") do not.
    """
    if fold(m.group()) not in _org_suffix_words():
        return -1
    if not written(m.start(), m.end())[:1].isupper():
        return -1
    before = TOKEN_BEFORE.search(view_text, max(0, m.start() - 40), m.start())
    if before is None:
        return -1
    token = written(before.start(1), before.end(1))
    key = fold(token)
    if not token[:1].isupper() or not any(c.isalpha() for c in token):
        return -1
    if token.isalpha() and _listed_term(token):
        return -1
    if key in _role_words() or key in _org_suffix_words() or key in DETERMINERS:
        return -1
    return before.start(1)


def _bare_subject(view_text: str, e: int, word: str) -> bool:
    """A capitalised ordinary word opening a sentence with no determiner, right
    before a verb: a name ("Poivre a marché sur le clavier", "Moka dort").

    A French common noun is no subject without a determiner; pronouns and
    adverbs are (`strict_pronouns.txt`), and so are the roles and relations a
    hurried note writes bare ("Patiente a bien dormi", "Mère a appelé").
    """
    if word.isupper() or not word[:1].isupper():
        return False
    key = fold(word)
    if (
        "-" in word
        or (_start_word(word) and not is_surname(word))
        or DERIVED.fullmatch(key)
        or key.endswith(("ance", "ence"))
    ):
        return False  # "Rendez-vous a été pris", "Réunion a eu lieu", "Traitement a été adapté"
    if (
        key in _frame_words("strict_pronouns.txt")
        or key in _never_alone()
        or key in _role_words()
        or key in _person_roles()
        or key in DETERMINERS
    ):
        return False
    verb = WORD_AFTER.match(view_text, e)
    return verb is not None and verb.group(1).replace("’", "'") in _subject_verbs()


@cache
def _person_roles() -> frozenset[str]:
    """Care, social-work and form roles written before a name (`person_roles.txt`)."""
    return frozenset(fold(w) for w in lines("person_roles.txt"))


def _quoted(view_text: str, taken: bytearray) -> list[tuple[int, int, str]]:
    """Lower-case words no lexicon knows in a short quotation, typed or dictated
    ("madame élodie vasseur ouvrir les guillemets élo fermer les guillemets", « titi »):
    what a note quotes in one or two words is mostly what someone is called."""
    found = []
    for q in QUOTE.finditer(view_text):
        group = next(k for k in "abcd" if q.group(k) is not None)
        inner = list(WORD.finditer(view_text, q.start(group), q.end(group)))
        if not inner or len(inner) > QUOTE_WORDS:
            continue
        for w in inner:
            s, e = w.span()
            word = w.group()
            if len(word) < 2 or _capitalised(word) or ELIDED.match(word) or any(taken[s:e]):
                continue
            if _ordinary(word) or is_common_word(word) or _listed_term(word) or _start_word(word):
                continue  # "« juste pour voir »": a first name that is a word is the word
            found.append((s, e, "quoted"))
            taken[s:e] = b"\x01" * (e - s)
    return found


def _start_word(word: str) -> bool:
    """An ordinary word the lexicons keep as a name ("réunion", "petit"): ordinary at
    a start and in lower case (`strict_start_words.txt`)."""
    return fold(word) in _frame_words("strict_start_words.txt")


def _mixed_compound(word: str) -> bool:
    """A compound of a lower-case ordinary word and capitals, a term and no name:
    "anti-EGFR", "LDL-cholestérol" (a name has a capital on each of its parts)."""
    parts = word.split("-")
    if len(parts) < 2 or any(p[:1].isupper() and not p.isupper() for p in parts):
        return False
    return any(p.islower() and _ordinary(p) for p in parts)


def _spans(
    view_text: str,
    covered: bytearray,
    allow: AllowList | None,
    original: Callable[[int, int], str] | None = None,
) -> list[tuple[int, int, str]]:
    """The unexplained words and initials of `view_text`, as view spans."""
    taken = bytearray(covered)
    for m in LINKISH.finditer(view_text):
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    cited: frozenset[str] = frozenset()
    if allow is not None:
        for s, e in allow.spans(view_text):
            taken[s:e] = b"\x01" * (e - s)
        cited = frozenset(allow._cited_folded)
    found: list[tuple[int, int, str]] = []

    def as_written(s: int, e: int) -> str:
        return plain(original(s, e)) if original is not None else view_text[s:e]

    def written_caps(s: int, e: int) -> bool:
        """Written in capitals: a heading, where "RÉUNION" is the meeting."""
        return as_written(s, e).isupper()

    for m in INITIALS.finditer(view_text):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        letters = "".join(c for c in m.group() if c.isalpha())
        if _known_acronym(letters.upper()):
            continue
        found.append((s, e, "initials"))
        taken[s:e] = b"\x01" * (e - s)
    for m in DISTRICT.finditer(view_text):
        if m["head"] is not None and fold(m["head"]) not in _name_heads():
            continue
        s, e = m.span("named") if m["named"] is not None else m.span("bare")
        if not any(taken[s:e]):
            found.append((s, e, "district"))
            taken[s:e] = b"\x01" * (e - s)
    found += _quoted(view_text, taken)
    words = list(WORD.finditer(view_text))
    for m in words:
        first = _org_suffix_start(view_text, m, as_written)
        if first >= 0 and not any(taken[first : m.end()]):
            found.append((first, m.end(), "org_suffix"))
            taken[first : m.end()] = b"\x01" * (m.end() - first)
    for i, m in enumerate(words):
        s, e = m.span()
        word = m.group()
        if (s and view_text[s - 1].isdigit()) or (e < len(view_text) and view_text[e].isdigit()):
            continue  # "CM2", "2B": a code
        run = _head_name_run(view_text, words, i, as_written)
        if run and not any(taken[s:run]):
            found.append((s, run, "head_name"))
            taken[s:run] = b"\x01" * (run - s)
            continue
        elided = ELIDED.match(word)
        if elided and len(word) > elided.end():
            s += elided.end()
            word = word[elided.end() :]
        if len(word) < 2 or any(taken[s:e]):
            continue
        if len(word) <= 3 and original is not None:
            # the view lowers a lone ordinary word in capitals ("GO" -> "go"): two or
            # three capitals are read as written (initials, an acronym)
            written = plain(original(s, e))
            if written.isupper() and len(written) == len(word):
                word = written
        start = at_start(view_text, s)
        if not _capitalised(word):
            why = _lower_case_name(view_text, s, word)
            if why:
                found.append((s, e, why))
            continue
        if _cited(view_text, s, e, cited):
            continue
        caps = word.isupper()
        if (
            caps
            and len(word) <= 3
            and fold(word) not in _recognizer_acronyms()
            and _initials_in_brackets(view_text, s, e)
        ):
            found.append((s, e, "initials"))  # "Mylène Couturier (AD, Direction…)"
            continue
        if _listed_term(word) or _mixed_compound(word):
            continue
        if fold(word) in ARTICLES:
            run = _article_run(view_text, s, e)
            if run:
                found.append((s, run, "article_run"))
                taken[s:run] = b"\x01" * (run - s)
            continue
        if caps and len(word) <= 3:
            if ROMAN.fullmatch(word) or "fr" in ordinary_word_languages(word):
                continue
            found.append((s, e, "caps_short"))
            continue
        if _ordinary(word) or ((start or written_caps(s, e)) and _start_word(word)):
            if start and _bare_subject(view_text, e, word):
                found.append((s, e, "subject"))
                continue
            if (start and not NAMING_CUE.search(view_text[max(0, s - 40) : s])) or caps:
                continue
            if fold(word) in _role_words():
                continue
            why = _ordinary_name(view_text, s, e, word)
            if why:
                found.append((s, e, why))
            continue
        found.append((s, e, "unknown"))
    return sorted(found)


def unknown_proper_nouns(
    text: str,
    excused: bytearray | None = None,
    allow: AllowList | Iterable[str] | None = None,
) -> list[Unknown]:
    """The proper nouns of `text` that nothing explains (see the module doc).

    `excused` marks, per character of `text`, what we wrote (the gate's mask of
    pseudonyms, placeholders and masks); `allow` is an `AllowList` or its terms
    (e.g. `Config().allow_terms()`).
    """
    view = canonical_view(text)
    covered = bytearray(len(view.text))
    if excused is not None:
        for s, e in _runs(excused):
            vs, ve = view.view_span(s, e)
            covered[vs:ve] = b"\x01" * (ve - vs)
    if allow is not None and not isinstance(allow, AllowList):
        allow = AllowList(allow)
    out = []

    def written(s: int, e: int) -> str:
        a, b = view.span(s, e)
        return text[a:b]

    for s, e, why in _spans(view.text, covered, allow, written):
        start, end = view.span(s, e)
        out.append(Unknown(start, end, text[start:end], why))
    return out


def _runs(mask: bytearray) -> list[tuple[int, int]]:
    """The runs of set bytes of `mask`, as spans."""
    runs, start = [], None
    for i, b in enumerate(mask):
        if b and start is None:
            start = i
        elif not b and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(mask)))
    return runs


__all__ = ["UNKNOWN", "Unknown", "at_start", "unknown_proper_nouns"]

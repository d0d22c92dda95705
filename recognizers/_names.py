"""Shared machinery of the PERSON recognizers: lexicons, word tokens, name spans.

The recognizers scan words with one regex rather than spaCy tokens because
names need their own word boundaries: a hyphenated chain (`Jean-Baptiste`,
`Saint-Julien-en-Genevois`) is one word, an elided article is not part of the
word that follows it (`d'Anouk` -> `Anouk`) but the apostrophe of `N'Guessan`
is. spaCy is used only for what it knows better: the part of speech of the
neighbours of a candidate (is it followed by a verb, is it a proper noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.attrs import IDX, IS_SPACE, POS
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc, Token

from recognizers import LANGUAGE, Named
from recognizers._data import lines, table
from recognizers._fold import fold as _fold

# An optional elided article or pronoun (kept outside the word), then a word
# made of letters, with an inner apostrophe (N'Guessan, O'Brien) and hyphens.
_WORD = re.compile(
    r"(?:(?P<elision>\b(?:[jlmtnsdcJLMTSDC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’])"
    r"(?=[^\W\d_]))?"
    r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+(?:['’][^\W\d_]+)?)*)"
)
# Characters after which a word starts a sentence (or a field value, a line).
_SENTENCE_END = set('.!?…:;\n«»"“”|')
# Decorations skipped when looking back for a sentence start: list bullets,
# Markdown emphasis and headings, quotes, brackets, numbering.
_DECORATION = set(" \t*#->•–—_([{0123456789)")

# Particles that belong to a surname (data/name_particles.tsv): written in lower
# case (`de Villeneuve`, `van der Berg`), capitalized opening it (`Le Goff`,
# `Da Silva`, `LE BRAS`).
LOWER_PARTICLES = frozenset(r[0] for r in table("name_particles.tsv") if r[1] in ("lower", "both"))
UPPER_PARTICLES = frozenset(r[0] for r in table("name_particles.tsv") if r[1] in ("upper", "both"))
PARTICLES = LOWER_PARTICLES | UPPER_PARTICLES


def fold(word: str) -> str:
    """Lower case without accents (`Hélène`, `HELENE` -> `helene`)."""
    return _fold(word)


# The predicates below are asked about the same words by nine recognizers and
# again for each neighbour: they are cached per distinct word.
@lru_cache(maxsize=1 << 16)
def is_caps(word: str) -> bool:
    """ALL-CAPS word of at least two letters (`AKONO`, `N'GUESSAN`)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1 << 16)
def is_title(word: str) -> bool:
    """Capitalized word, every hyphen part capitalized (`Lou-Anne`, not `Chalon-sur-Saône`)."""
    parts = word.split("-")
    return all(p[:1].isupper() and not is_caps(p) for p in parts if p) and not is_caps(word)


@lru_cache(maxsize=1 << 16)
def is_namelike(word: str) -> bool:
    return is_title(word) or is_caps(word)


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    elided: bool  # preceded by an elided article or pronoun (d', l', qu'...)


def words(text: str) -> list[Word]:
    """The words of a chunk; eight recognizers ask for the same chunk in a row."""
    return list(_words(text))


@lru_cache(maxsize=4)
def _words(text: str) -> tuple[Word, ...]:
    return tuple(
        Word(m.group("word"), m.start("word"), m.end("word"), m.group("elision") is not None)
        for m in _WORD.finditer(text)
    )


# ---------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class FirstName:
    name: str
    gender: str  # "F", "M" or "X"
    tier: int  # 1 (most frequent) .. 4 (very rare)


@cache
def _first_names() -> tuple[dict[str, FirstName], dict[str, FirstName]]:
    exact: dict[str, FirstName] = {}
    folded: dict[str, FirstName] = {}
    for name, gender, tier in table("first_names.tsv"):
        entry = FirstName(name, gender, int(tier))
        exact[name] = entry
        key = fold(name)
        best = folded.get(key)
        if best is None or entry.tier < best.tier:
            folded[key] = entry
    return exact, folded


@cache
def common_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("name_common_words.txt"))


@cache
def place_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("name_place_words.txt"))


@cache
def surnames() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("surnames.txt"))


@cache
def stop_words() -> frozenset[str]:
    """Capitalized words that never start or continue a person's name (folded)."""
    return frozenset(fold(w) for w in lines("name_never_words.txt"))


@cache
def particles_never_alone() -> frozenset[str]:
    """Particles that never name anyone by themselves (`de`, `Le`, `van`; not `Ben`)."""
    return frozenset(fold(r[0]) for r in table("name_particles.tsv") if r[2] == "never")


@cache
def titles() -> frozenset[str]:
    """Courtesy titles, lower-cased and without their dot (`m`, `mme`, `maître`)."""
    return frozenset(t.lower().rstrip(".") for t in lines("person_titles.txt"))


@cache
def acronyms() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("acronyms.txt"))


@cache
def place_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("name_place_heads.txt"))


@cache
def _accented_place_heads() -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in lines("name_place_heads.txt"))


def is_place_head(word: str) -> bool:
    """`lycée`, `rue`, `Cité`: a word after which a name is a place's. Its accents
    count unless the word is in capitals: "Cite Zoé" (she cites Zoé) is no "Cité"."""
    if word.isupper():
        return fold(word) in place_heads()
    return word.casefold() in _accented_place_heads()


@cache
def relation_words() -> dict[str, tuple[str, str]]:
    """relation word (folded) -> (gender, kind)."""
    return {fold(w): (g, k) for w, g, k in table("relation_words.tsv")}


@cache
def person_roles() -> frozenset[str]:
    """Roles written before a person's name in records (folded; data/person_roles.txt)."""
    return frozenset(fold(w) for w in lines("person_roles.txt"))


@cache
def person_words() -> frozenset[str]:
    """Words after which a name or initials stand for a person: kin and work
    relations (not pets) and the roles of records (folded)."""
    people = {w for w, (_, kind) in relation_words().items() if kind != "pet"}
    return frozenset(people | person_roles())


@lru_cache(maxsize=1 << 16)
def given_as_first_name(word: str) -> bool:
    """A word the INSEE lists give as a first name, stop words included: "Noël"
    is a feast and a first name ("Noël Dupuy")."""
    exact, folded = _first_names()
    return word in exact or word.title() in exact or fold(word) in folded


def first_name(word: str) -> FirstName | None:
    """The lexicon entry of a capitalized or ALL-CAPS first name, if any.

    A hyphenated chain whose parts are all first names is one (`Lou-Anne`,
    `Claire-Lise`, `Marie-Rose`); its gender is that of its first part.
    """
    if not is_namelike(word) or fold(word) in stop_words():
        return None
    exact, folded = _first_names()
    entry = exact.get(word) or exact.get(word.title())
    if entry is None and (is_caps(word) or word.lower() == fold(word)):
        # accents are often dropped in capitals or by hand (`HELENE`, `Helene`), but
        # an accented word never matches an unaccented entry (`Santé` is not `Sante`)
        entry = folded.get(fold(word))
    if entry or "-" not in word:
        return entry
    if len(word) > 3 and word[1] == "-" and word[0].isupper():
        # `M-Antonin`, `J-Baptiste`: the first part of a compound name abbreviated
        rest = first_name(word[2:])
        return FirstName(word, rest.gender, rest.tier) if rest else None
    parts = [first_name(p) for p in word.split("-")]
    if all(parts) and len(parts) <= 3:
        head = parts[0]
        assert head is not None
        return FirstName(word, head.gender, max(p.tier for p in parts if p))
    return None


def is_common_word(word: str) -> bool:
    return fold(word) in common_words()


def is_place_word(word: str) -> bool:
    return fold(word) in place_words()


def is_surname(word: str) -> bool:
    return fold(word) in surnames()


def is_acronym(word: str) -> bool:
    """Uppercase abbreviation rather than a surname (`SARL`, `CHU`, `EHPAD`)."""
    key = fold(word)
    if key in acronyms():
        return True
    letters = [c for c in fold(word) if c.isalpha()]
    return not any(c in "aeiouy" for c in letters)


def caps_surname_ok(word: str) -> bool:
    """An ALL-CAPS word before a first name is its surname (`VIDAL Anaïs`) unless it
    is a frequent first name itself or an acronym."""
    if not is_caps(word) or is_acronym(word) or fold(word) in stop_words():
        return False
    entry = first_name(word)
    return entry is None or entry.tier > 2 or is_surname(word)


# ---------------------------------------------------------------- positions


def sentence_start(text: str, start: int) -> bool:
    """True when nothing but decorations separates `start` from a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in _DECORATION:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def previous_word(ws: list[Word], i: int, text: str) -> Word | None:
    """The word before ws[i] when only spaces separate them."""
    if i == 0:
        return None
    prev = ws[i - 1]
    gap = text[prev.end : ws[i].start]
    if ws[i].elided:
        gap = gap[:-2] if len(gap) >= 2 else gap
    return prev if gap.strip() == "" and "\n" not in gap else None


def next_word(ws: list[Word], i: int, text: str) -> Word | None:
    """The word after ws[i] when only one space-like gap separates them."""
    if i + 1 >= len(ws):
        return None
    nxt = ws[i + 1]
    gap = text[ws[i].end : nxt.start]
    return nxt if gap in (" ", "\u00a0", "\u202f") and not nxt.elided else None


def surname_end(ws: list[Word], i: int, text: str, *, lenient: bool = False) -> int:
    """Index one past the last word of a surname starting at ws[i], or i if none.

    Accepted: particles then a capitalized word (`Le Goff`, `de Villeneuve`,
    `Da Silva`, `van der Berg`), an ALL-CAPS run (`LE BRAS`), a word ending
    with a particle continued by the next one (`KERVELLA-LE BIHAN`). A plain
    capitalized word must look like a surname: in the INSEE list, or not a
    stop word and `lenient` (the caller has other evidence).
    """
    j = i
    # particles
    while j < len(ws) and fold(ws[j].text) in PARTICLES:
        w = ws[j]
        if w.text.islower() and fold(w.text) not in LOWER_PARTICLES:
            return i
        if j > i and next_word(ws, j - 1, text) is not ws[j]:
            return i
        j += 1
    # `M. Le Du`, `Mme Le Dû`: after a title, a particle may close the surname
    if (
        lenient
        and j - i >= 2
        and is_namelike(ws[j - 1].text)
        and (j >= len(ws) or next_word(ws, j - 1, text) is not ws[j] or not is_namelike(ws[j].text))
    ):
        return j
    if j >= len(ws):
        return i
    if j > i and next_word(ws, j - 1, text) is not ws[j] and not ws[j].elided:
        return i
    head = ws[j]
    if not is_namelike(head.text) or fold(head.text) in stop_words():
        return i
    if is_caps(head.text) and is_acronym(head.text):
        return i
    if (
        j == i
        and not is_caps(head.text)
        and not (is_surname(head.text) or lenient or "-" in head.text)
    ):
        return i
    end = j + 1
    # an ALL-CAPS surname may go on (`LE BRAS`, `DUMAS REYES`), and a hyphenated
    # word ending in a particle goes on (`Kervella-Le Bihan`)
    while end < len(ws) and next_word(ws, end - 1, text) is ws[end]:
        prev, cur = ws[end - 1], ws[end]
        last_part = fold(prev.text.rsplit("-", 1)[-1])
        if "-" in prev.text and last_part in UPPER_PARTICLES and is_namelike(cur.text):
            end += 1
        elif is_caps(prev.text) and is_caps(cur.text) and not is_acronym(cur.text):
            if fold(prev.text) in UPPER_PARTICLES or fold(cur.text) in UPPER_PARTICLES:
                end += 1
            else:
                break
        elif fold(prev.text) in UPPER_PARTICLES and is_namelike(cur.text):
            end += 1
        else:
            break
    if fold(ws[end - 1].text) in PARTICLES:
        return i
    return end


def line_mostly_caps(text: str, pos: int) -> bool:
    """True inside a line written in capitals (a heading), where case says nothing.

    A table row or a signature with a few ALL-CAPS surnames is not a heading:
    the line must have no mixed-case word, or more than twice as many
    ALL-CAPS words as mixed-case ones.
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return _caps_line(text[start : end if end >= 0 else len(text)])


@lru_cache(maxsize=1024)
def _caps_line(line: str) -> bool:
    caps = mixed = 0
    for m in _WORD.finditer(line):
        word = m.group("word")
        if is_caps(word):
            caps += 1
        elif any(c.islower() for c in word) and len(word) > 1:
            mixed += 1
    return caps > 0 and (mixed == 0 or caps > 2 * mixed)


# Initials written after a surname in lists and signatures: `T.M.`, `G.M`,
# `J.-P.`, `A.`, or one bare capital (`DUMESNIL J`); at most four letters,
# never followed by more letters.
_UPPER = "A-ZÀÂÉÈÊÎÔÛÇ"
_TRAILING_INITIALS = re.compile(
    rf"[ \u00a0](?P<ini>[{_UPPER}](?:\.-?[{_UPPER}]|-[{_UPPER}]){{0,3}}\.?)(?![\w'’-])"
)


def initials_after(text: str, end: int) -> int | None:
    """End of the initials that follow a surname ending at `end` (`BRUNEAU T.M.`,
    `DUMESNIL J`, `Pugeat G.M`), or None. A bare capital without a dot counts
    only before a bracket, a separator or the end of a line: `VITAMINE D est`
    stays a word, `DUMESNIL J (radiologie)` is a name."""
    m = _TRAILING_INITIALS.match(text, end)
    if m is None:
        return None
    ini = m.group("ini")
    if "." not in ini and "-" not in ini:
        after = text[m.end() : m.end() + 2].lstrip(" ")
        if after and after[0] not in "(,;/|)\n":
            return None
    return m.end()


def in_caps_heading(ws: list[Word], k: int, text: str) -> bool:
    """ws[k] is an ordinary word ending a run of capitals (`COMPTE RENDU Marie`):
    a heading before a name, not the name's surname."""
    from recognizers.lexicons import is_ordinary_word  # lexicons imports this module

    prev = previous_word(ws, k, text)
    return (
        prev is not None
        and is_caps(prev.text)
        and fold(prev.text) not in UPPER_PARTICLES
        and is_ordinary_word(ws[k].text)
    )


def caps_surname_start(ws: list[Word], k: int, text: str) -> int:
    """Start of the ALL-CAPS surname whose last word is ws[k], with the capital
    particles before it (`DA SILVA`, `LE ROUX`, `VAN DER BERG`) and a capital
    elision (`M'BAREK`)."""
    while k > 0:
        prev = previous_word(ws, k, text)
        if prev is None or not is_caps(prev.text) or fold(prev.text) not in UPPER_PARTICLES:
            break
        k -= 1
    return caps_elision_start(text, ws[k])


def caps_elision_start(text: str, w: Word) -> int:
    """Start of an ALL-CAPS surname with its capital elision (`M'BAREK`, `N'DIAYE`,
    `D'ALMEIDA`): the word regex takes `M'` for an elided pronoun."""
    if w.elided and w.start >= 2 and text[w.start - 2].isupper() and is_caps(w.text):
        before = text[w.start - 3] if w.start >= 3 else " "
        if not before.isalnum():
            return w.start - 2
    return w.start


# ---------------------------------------------------------------- spaCy


class TokenIndex:
    """The spaCy tokens of a chunk by character offset of their start.

    Built once per chunk from the doc's arrays, without making a Token object
    per token: the recognizers ask for a few parts of speech among thousands.
    """

    def __init__(self, doc: Doc | None) -> None:
        self.doc = doc
        rows = doc.to_array([IDX, POS, IS_SPACE]).tolist() if doc is not None and len(doc) else []
        self._at = {row[0]: i for i, row in enumerate(rows)}
        self._rows = rows

    def pos(self, start: int) -> str:
        """The part of speech of the token starting at `start` ("" if none does)."""
        i = self._at.get(start)
        return _POS_NAMES.get(self._rows[i][1], "") if i is not None else ""

    def after(self, start: int, end: int) -> Token | None:
        """The first token starting at or after `end` (skipping spaces), after the
        token that starts at `start`."""
        i = self._at.get(start)
        if i is None or self.doc is None:
            return None
        for j in range(i + 1, len(self._rows)):
            if self._rows[j][0] >= end and not self._rows[j][2]:
                return self.doc[j]
        return None


def token_index(nlp_artifacts) -> TokenIndex:
    """The chunk's TokenIndex, built by the first name recognizer that asks."""
    cached = getattr(nlp_artifacts, "_token_index", None)
    if cached is None:
        cached = TokenIndex(getattr(nlp_artifacts, "tokens", None))
        if nlp_artifacts is not None:
            nlp_artifacts._token_index = cached
    return cached


# ---------------------------------------------------------------- results


def result(
    recognizer: Named,
    start: int,
    end: int,
    score: float,
    *,
    gender: str | None = None,
    part: str | None = None,
    kind: str | None = None,
) -> RecognizerResult:
    meta: dict[str, object] = {
        RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
    }
    if gender in ("F", "M"):
        meta["gender"] = gender
    if part:
        meta["part"] = part
    if kind:
        meta["kind"] = kind
    explanation = AnalysisExplanation(
        recognizer=recognizer.name, original_score=score, textual_explanation="name"
    )
    return RecognizerResult(
        "PERSON", start, end, score, analysis_explanation=explanation, recognition_metadata=meta
    )


class NameRecognizer(EntityRecognizer):
    """Base of the PERSON recognizers of this package: one way to be built and
    asked, each subclass only says where names are (`find`)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON"],
            supported_language=LANGUAGE,
            name=type(self).__name__,
        )

    def load(self) -> None:  # lexicons are loaded lazily and cached per process
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and "PERSON" not in entities:
            return []
        return self.find(text, nlp_artifacts)

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        raise NotImplementedError

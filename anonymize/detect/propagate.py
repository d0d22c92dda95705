"""Propagate names: once someone is named, catch every other mention of the scope.

Recognizers see one sentence at a time and miss "Marchand" alone three
paragraphs after "Julien Marchand", or "MARCHAND" in a table. Each detected
name (and each token of a person's name) is searched again in every text of
the scope (one note, or a whole batch with its file names): as written, in
capitals, or title-cased from capitals, as a whole word, elided forms
included (d'Élodie, l'Adèle); file names and slugs are searched without
regard to case, accents or separators. Slugs are the places of a note where
a name is written like a file name (`slugs`: a vault's link targets, tags
and front-matter lists, given by the caller) and, anywhere, a person's name
in lower case joined by hyphens, underscores or nothing ("julien-marchand",
"jmarchand"); they carry the hint `slug`, so that they are written back in
their own shape.

Propagation multiplies a mistake as much as a find, so only what is shaped
like a name is spread:

- titles and civilities, weekdays, months, particles, words that never name
  anyone alone ("Coaching", "SAS") and ordinary words are never propagated;
- a form only the statistical model found is searched again in its own note
  only; a form a dedicated recognizer found is searched in the whole scope;
- a word the scope mostly writes in lower case ("rose", "partner") is an
  ordinary word that sometimes names someone: searched in its own note only,
  never after an article;
- a name a recognizer read in lower case on purpose (a dictation: "madame
  élodie vasseur", "domiciliée à caluire") is searched as written in its own
  note only, word by word, each word of four letters or more that is neither an
  ordinary word nor a word that is also a first name ("jade", "rose"): "vit avec
  élodie" is the same person.

`merge` then adds what was found to a note's detections without ever
re-deciding them: a propagated mention fills gaps and lengthens a name
("Julien" -> "Julien Marchand"), nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import ahocorasick

from recognizers.lexicons import (
    fold,
    is_common_word,
    is_ordinary_word,
    is_surname_particle,
    lines,
    month_numbers,
    never_a_name_alone,
    org_name,
    particles_never_alone,
    place_kind,
    table,
    titles,
)

from ..entities import Entity
from .overlaps import LOWER_CASE_CERTAIN

PROPAGATED_TYPES = ("PERSON", "ORG", "LOCATION")
RECOGNIZER = "NamePropagation"
# Detections no dedicated recognizer vouches for: spread inside their note only.
STATISTICAL = frozenset({"SpacyRecognizer", RECOGNIZER})
# A propagated mention is a little less certain than its source.
SCORE_FACTOR = 0.95
MIN_TOKEN_LETTERS = 2
# A lower-case word is searched again only from this length ("élo" is not).
MIN_LOWER_LETTERS = 4
TOKEN_SPLIT = re.compile(r"[\s'’]+")
# Lower-case particles opening a propagated surname ("de Kerviler") belong to it
# only after a title, a quote or a line start; elsewhere they are prepositions.
PARTICLE_CONTEXT = re.compile(
    r"(?:\b(?:M|Mme|Mlle|Me|Dr|Pr)\.?|\b(?:Madame|Monsieur|Maître|Docteur)|^|[«\"“(\n:;])\s*$"
)
INITIALS = re.compile(r"[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.)+")
ARTICLE_BEFORE = re.compile(
    r"\b(?:[Ll]e|[Ll]a|[Ll]es|[Uu]ne?|[Dd]es|[Dd]u|[Cc]ette|[Ss]a|[Mm]a|[Tt]a)\s+$"
)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n|#*>-])\s*$")


@cache
def _stopwords() -> frozenset[str]:
    """Tokens never searched alone: particles, titles and civilities."""
    return particles_never_alone() | titles()


@cache
def _never_propagated() -> frozenset[str]:
    """Folded words that are never a name on their own, whatever a recognizer said:
    titles and civilities, weekdays, months, and the pipeline's stop words."""
    words = {fold(w.rstrip(".")) for w in lines("person_prefixes.txt", package="anonymize")}
    words |= {fold(w) for w in _stopwords()}
    words |= {fold(m) for m in month_numbers()}
    words |= {fold(row[0]) for row in table("date_weekdays.tsv")}
    return frozenset(words)


def is_propagable(form: str, short_ok: bool = False) -> bool:
    """Whether a detected form is shaped like a name that can be searched again
    (`short_ok`: a one-letter nickname, "Q")."""
    words = form.split()
    if not words or any(
        fold(w.rstrip(".")) in _never_propagated() for w in words if len(words) == 1
    ):
        return False
    if len(words) > 1 and words[0] == "M.":
        return False  # "Dr M. Bruneau" searched elsewhere would turn "M. Bruneau" into initials
    shortest = 1 if short_ok else 2
    if all(
        len(w) < shortest or never_a_name_alone(w) or fold(w) in _never_propagated() for w in words
    ):
        return False  # "IL A" of a heading the model took for a name
    return any(w[:1].isupper() for w in words)


def _leading_particles(form: str) -> int:
    """Length of the lower-case particles opening a form ("de " of "de Kerviler")."""
    end = 0
    for m in re.finditer(r"\S+\s+", form):
        word = m.group().strip()
        if m.start() != end or not word.islower() or not is_surname_particle(word):
            break
        end = m.end()
    return end


def _variants(surface: str) -> set[str]:
    """The written forms under which a name is searched again."""
    forms = {surface, surface.upper()}
    if surface.isupper() and len(surface) > 1:
        # "LE BRIS" -> "Le Bris", "JEAN-PIERRE" -> "Jean-Pierre": each word and part
        # capitalized, never the rest of the words lowered ("IL A" is not "Il a")
        words = surface.title().split(" ")
        forms.add(" ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in words))
        forms.add(surface.title())
    return {f for f in forms if f}


def name_tokens(entity: Entity) -> list[str]:
    """Tokens of a person's name worth searching alone: 'Julien', 'Marchand', and a
    surname with its particles ('Le Gall', 'de Kerviler'), so that 'Mme de
    Kerviler' loses its particle too rather than read 'Mme de Morin'."""
    tokens = []
    words = entity.text.split()
    for i, word in enumerate(words):
        if is_surname_particle(word) and (i == 0 or not is_surname_particle(words[i - 1])):
            j = i
            while j < len(words) and is_surname_particle(words[j]):
                j += 1
            if j < len(words) and words[j][:1].isupper():
                tokens.append(" ".join(words[i : j + 1]).rstrip('.,;:!?)]}"»'))
    for raw in TOKEN_SPLIT.split(entity.text):
        tok = raw.strip(',;:!?()[]{}"«»')
        # initials keep their full stops ("H.-C."): replaced as initials, not as a name
        tok = tok if INITIALS.fullmatch(tok) else tok.strip(".")
        letters = sum(c.isalpha() for c in tok)
        if letters < MIN_TOKEN_LETTERS or not tok[:1].isupper():
            continue
        if tok.casefold().rstrip(".") in _stopwords() or never_a_name_alone(tok):
            continue
        tokens.append(tok)
    return tokens


def short_org_names(entity: Entity) -> list[str]:
    """The name a company goes by once its business word or legal form is dropped,
    when it opens the full name: "Tavelle" of "Tavelle Robotics SAS" ("ci-après
    « Tavelle »"). A name after a head noun ("lycée Victor Hugo") is not searched."""
    text = " ".join(entity.text.split())
    short = org_name(text, entity.hint("head") or "")
    if short == text or not text.startswith(short) or is_ordinary_word(short):
        return []
    return [short]


@dataclass
class _Form:
    """A searchable form, the entity it came from, and where it may be searched."""

    source: Entity
    notes: set[int | None] = field(default_factory=set)  # where it was detected
    dedicated: bool = False  # found by a recognizer built for its type
    ordinary: bool = False  # also an ordinary word: its own notes only, no article
    local: bool = False  # a pet's name, a country: true of its own notes only


class NameIndex:
    """Surface forms collected from detections, searched again in every note."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = {a.casefold() for a in allow}
        self.forms: dict[str, _Form] = {}
        self._lower: Counter[str] = Counter()  # folded word -> lower-case uses in the scope
        self._upper: Counter[str] = Counter()  # ... capitalized uses, not opening a sentence
        self._compiled: _Matcher | None = None
        self._loose: _Matcher | None = None
        # surnames searched only after a civility ("M. Toussaint")
        self.titled: dict[str, _Form] = {}
        self._titled_pattern: re.Pattern | None = None
        self._glued: dict[str, str] = {}

    def observe(self, text: str) -> None:
        """Count how the scope writes each word: a name is capitalized mid-sentence."""
        for m in WORD.finditer(text):
            word = m.group()
            if word.islower():
                self._lower[fold(word)] += 1
            elif word[:1].isupper() and not SENTENCE_END.search(
                text[max(0, m.start() - 3) : m.start()]
            ):
                self._upper[fold(word)] += 1

    def add(self, entities: Iterable[Entity], doc: int | None = None) -> None:
        for e in entities:
            if e.type not in PROPAGATED_TYPES or e.text.casefold() in self.allow:
                continue
            surfaces = [" ".join(e.text.split())]
            if e.type == "PERSON":
                surfaces += name_tokens(e)
                surfaces += _surname_first(e.text)
                self._add_titled(e, doc)
            if e.type == "ORG":
                surfaces += short_org_names(e)
            if e.recognizer in LOWER_CASE_CERTAIN and e.text.islower():
                self._add_lower(e, doc)
                continue
            if e.type == "PERSON":
                self._add_lowered(e, doc)
            # a one-letter nickname ("Q") is searched too, as written only
            short_ok = e.hint("part") == "nickname"
            for surface in surfaces:
                if sum(c.isalpha() for c in surface) < MIN_TOKEN_LETTERS and not short_ok:
                    continue
                if surface.casefold() in self.allow or not is_propagable(surface, short_ok):
                    continue
                # a name that is also a word ("Rose", "TRICOT"): its own notes only
                common = is_common_word(surface) or all(
                    is_ordinary_word(w) for w in surface.split() if w[:1].isupper()
                )
                for variant in _variants(surface):
                    form = self.forms.get(variant)
                    if form is None:
                        form = self.forms[variant] = _Form(e)
                        self._compiled = self._loose = None
                    elif e.score > form.source.score:
                        form.source = e
                    form.notes.add(doc)
                    form.dedicated |= e.recognizer not in STATISTICAL
                    form.ordinary |= common
                    # a dog called Céline here is no Céline there; a country names
                    # someone's origin only in its own frame
                    form.local |= e.hint("kind") == "pet" or place_kind(e.text) == "country"

    def _add_lower(self, e: Entity, doc: int | None) -> None:
        """A lower-case name read in its frame (see the module doc): its words, as
        written, in its own note only."""
        surfaces = {" ".join(e.text.split()), *e.text.split()}
        for surface in surfaces:
            words = surface.split()
            if any(
                len(w) < MIN_LOWER_LETTERS
                or is_common_word(w)
                or is_ordinary_word(w)
                or fold(w) in _never_propagated()
                for w in words
            ):
                continue
            form = self.forms.get(surface)
            if form is None:
                form = self.forms[surface] = _Form(e, ordinary=True)
                self._compiled = self._loose = None
            form.notes.add(doc)
            form.dedicated = True

    def _add_lowered(self, e: Entity, doc: int | None) -> None:
        """A person's name written in capitals, searched again in lower case in its
        own note: quick notes and dictations drop the capitals ("Annick Le Texier"
        ... "- annick demande un passage"). Only words of four letters or more that
        are no ordinary word and never name anyone alone ("marcel", "rose" and
        "pierre" are words too), as for a dictated name."""
        lowered = {t.lower() for t in name_tokens(e) if " " not in t and not t.islower()}
        full = " ".join(e.text.split())
        if len(full.split()) > 1 and not full.islower():
            lowered.add(full.lower())
        for surface in lowered:
            words = surface.split()
            if any(
                len(w) < MIN_LOWER_LETTERS
                or not w.isalpha()
                or is_common_word(w)
                or is_ordinary_word(w)
                or is_surname_particle(w)
                or fold(w) in _never_propagated()
                or fold(w) in self.allow
                for w in words
            ):
                continue
            form = self.forms.get(surface)
            if form is None:
                form = self.forms[surface] = _Form(e, ordinary=True)
                self._compiled = self._loose = None
            form.notes.add(doc)

    def _add_titled(self, e: Entity, doc: int | None) -> None:
        """A surname that is a word no one bears alone ("Toussaint", "Pâques") is
        still searched right after a civility: "M. Toussaint" is the person."""
        words = [w.strip('.,;:!?()«»"') for w in e.text.split()]
        if len(words) < 2:
            return
        last = words[-1]
        if len(last) < MIN_TOKEN_LETTERS or not last[:1].isupper() or not never_a_name_alone(last):
            return
        if fold(last) in _never_propagated():
            return
        for variant in (last, last.upper()):  # "Mme TOUSSAINT Aimée" in a register
            form = self.titled.setdefault(variant, _Form(e))
            form.notes.add(doc)
            form.dedicated |= e.recognizer not in STATISTICAL
        self._titled_pattern = None

    def _find_titled(self, text: str, doc: int | None) -> list[Entity]:
        if not self.titled:
            return []
        if self._titled_pattern is None:
            body = "|".join(re.escape(w) for w in sorted(self.titled, key=len, reverse=True))
            self._titled_pattern = re.compile(
                rf"(?<![\w])(?:M\.|MM\.|Mme|Mmes|Mlle|Dr|Pr|Me|Monsieur|Madame|Mademoiselle|"
                rf"Docteur|Maître)\s+(?P<name>{body})(?![\w-])"
            )
        found = []
        for m in self._titled_pattern.finditer(text):
            form = self.titled[m.group("name")]
            if form.dedicated or doc in form.notes:
                found.append(_found(form.source, text, m.start("name"), m.end("name")))
        return found

    def _searchable(self, form: _Form, key: str) -> _Form:
        """Demote a single word the scope mostly writes in lower case."""
        if not form.ordinary and " " not in key:
            word = fold(key)
            if self._lower[word] > self._upper[word]:
                form.ordinary = True
        return form

    def _matcher(self) -> _Matcher:
        if self._compiled is None:
            self._compiled = _Matcher(self.forms, word=_is_word_char)
        return self._compiled

    def _loose_matcher(self) -> _Matcher:
        """Folded forms, hyphens and underscores as spaces: for file names and slugs;
        a person's full name also glued ("jmarchand", "julienmarchand")."""
        if self._loose is None:
            self._loose_forms: dict[str, _Form] = {}
            self._glued = {}  # glued key -> the name it writes
            for f, form in self.forms.items():
                if len(_loose_key(f)) >= 3:
                    self._loose_forms.setdefault(_loose_key(f), form)
            for f, form in list(self.forms.items()):
                if form.source.type == "PERSON" and f == " ".join(form.source.text.split()):
                    for key, written in _glued_forms(f):
                        if key not in self._loose_forms:
                            self._loose_forms[key] = form
                            self._glued[key] = written
            self._loose = _Matcher(self._loose_forms, word=str.isalnum)
        return self._loose

    def find(
        self, text: str, doc: int | None = None, loose: bool = False, owner: int | None = None
    ) -> list[Entity]:
        """Every mention of a known form in `text` (note number `doc`), typed like its source.

        `loose`: a file name or a slug, searched without regard to case, accents
        or separators ("julien-marchand_bilan"); `owner`: the note a file name
        belongs to, whose names it holds even when they are ordinary words."""
        if loose:
            return self._find_loose(text, doc, owner=owner)
        found = self._find_titled(text, doc)
        if not self.forms:
            return found
        for start, end, key in self._matcher().spans(text.translate(SPACES)):
            form = self.forms[key]
            if not self._allowed_in(form, key, doc):
                continue
            if self._searchable(form, key).ordinary and ARTICLE_BEFORE.search(
                text[max(0, start - 8) : start]
            ):
                continue
            lead = _leading_particles(text[start:end])
            if lead and not PARTICLE_CONTEXT.search(text[max(0, start - 12) : start]):
                start += lead  # "les fables de La Fontaine": there "de" is a preposition
            found.append(_found(form.source, text, start, end))
        return found

    def _allowed_in(self, form: _Form, key: str, doc: int | None) -> bool:
        form = self._searchable(form, key)
        if form.ordinary or form.local or not form.dedicated:
            return doc in form.notes
        return True

    def _find_loose(
        self,
        text: str,
        doc: int | None,
        slug: bool = False,
        whole_names: bool = False,
        owner: int | None = None,
    ) -> list[Entity]:
        """`slug`: in a note (not in a file name), initials are not searched;
        `whole_names`: a person's full name only, separated or glued."""
        folded = fold(text)
        if not self.forms or len(folded) != len(text):
            return []
        matcher = self._loose_matcher()
        found = []
        for start, end, key in matcher.spans(folded.translate(SEPARATORS)):
            form = self._loose_forms[key]
            if slug and " " in key and all(len(w) < 2 for w in key.split()):
                continue  # initials ("N. A.") are no slug: "n'a" is not them
            if whole_names and (
                form.source.type != "PERSON"
                or not (key in self._glued or " " in key)
                or not _in_slug(text, start, end)
            ):
                continue
            # a file name is short and publishes what it holds: every name of the
            # scope is searched there, ordinary words only where they named someone
            mine = doc in form.notes or (owner is not None and owner in form.notes)
            if (self._searchable(form, key).ordinary or form.local) and not mine:
                continue
            found.append(
                _found(form.source, text, start, end, loose=True, as_=self._glued.get(key, ""))
            )
        return found

    def find_slugs(
        self, text: str, doc: int | None, regions: Sequence[tuple[int, int]] = ()
    ) -> list[Entity]:
        """Names written as slugs in a note: in `regions` (a vault's link targets,
        tags, front-matter lists) every name of the scope, as in a file name;
        anywhere else a person's full name in lower case, joined by hyphens,
        underscores or nothing ("julien-marchand", "jmarchand")."""
        if not self.forms:
            return []
        found: list[Entity] = []
        for start, end in regions:
            for e in self._find_loose(text[start:end], doc, slug=True):
                found.append(_shifted(e, start, text))
        taken = [(e.start, e.end) for e in found]
        for e in self._find_loose(text, doc, slug=True, whole_names=True):
            if not any(s < e.end and e.start < t for s, t in taken):
                found.append(e)
        return [replace(e, hints=(*e.hints, ("slug", "1"))) for e in found]


# White space read as one plain space, and file-name separators too (same length).
SPACES = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\u00a0\u202f", " "))
SEPARATORS = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\u00a0\u202f_.-'’", " "))


def _is_word_char(c: str) -> bool:
    """No letter, digit, underscore or hyphen beside a whole word (an apostrophe is fine)."""
    return c.isalnum() or c in "_-"


class _Matcher:
    """Whole-word, leftmost-longest search of many forms at once (Aho-Corasick):
    a folder's thousands of names cost one pass over each text."""

    def __init__(self, keys: Iterable[str], word) -> None:
        self.word = word
        self.automaton = ahocorasick.Automaton()
        for key in keys:
            self.automaton.add_word(key, key)
        self.empty = not len(self.automaton)
        if not self.empty:
            self.automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        if self.empty:
            return []
        word = self.word
        hits = []
        for last, key in self.automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            if (start > 0 and word(text[start - 1])) or (end < len(text) and word(text[end])):
                continue
            hits.append((start, end, key))
        hits.sort(key=lambda h: (h[0], -h[1]))
        chosen, reach = [], 0
        for h in hits:
            if h[0] >= reach:
                chosen.append(h)
                reach = h[1]
        return chosen


def _loose_key(form: str) -> str:
    return re.sub(r"[\s_.'’-]+", " ", fold(form)).strip()


# A name written as a slug: words of two letters or more joined by "-" or "_", or glued.
SLUG_WORDS = re.compile(r"[^\W_]{2,}(?:[-_][^\W_]{2,})*")


def _in_slug(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a lower-case word joined by hyphens or
    underscores ("julien-marchand", "jmarchand"), not in an e-mail, a link or a path."""
    left, right = start, end
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] in "-_"):
        left -= 1
    while right < len(text) and (text[right].isalnum() or text[right] in "-_"):
        right += 1
    token = text[left:right]
    if any(c.isupper() for c in token) or not SLUG_WORDS.fullmatch(text, start, end):
        return False
    before = text[left - 1] if left > 0 else " "
    after = text[right] if right < len(text) else " "
    return before not in "@/.:" and after not in "@/"


GLUED_MIN = 6


def _surname_first(name: str) -> list[str]:
    """'Arthur Toussaint' written surname first, as registers and file names do
    ('TOUSSAINT_Arthur_certificat.txt'): searched too, so that a surname no one
    bears alone still goes with its first name."""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return []
    if any(is_surname_particle(w) for w in words):
        return []
    return [f"{words[1]} {words[0]}"]


def _glued_forms(name: str) -> list[tuple[str, str]]:
    """A two-word full name glued as in e-mail addresses and handles: 'jmarchand'
    (written 'J. Marchand'), 'julienmarchand' (written 'Julien Marchand')."""
    words = name.split()
    if len(words) != 2 or any(is_surname_particle(w) or not w[:1].isupper() for w in words):
        return []
    first, last = (re.sub(r"[\W_]+", "", fold(w)) for w in words)
    if len(first) < 2 or len(last) < 3:
        return []
    forms = [(first[0] + last, f"{words[0][0]}. {words[1]}"), (first + last, name)]
    return [(k, w) for k, w in forms if len(k) >= GLUED_MIN and not is_common_word(k)]


def _shifted(e: Entity, offset: int, text: str) -> Entity:
    return replace(e, start=e.start + offset, end=e.end + offset,
                   text=text[e.start + offset : e.end + offset])  # fmt: skip


def _found(source: Entity, text: str, start: int, end: int, loose: bool = False,
           as_: str = "") -> Entity:  # fmt: skip
    """A mention found again; a loose one ("julien-marchand") says which form it is
    (hint `as`), so that it is read as the name it writes."""
    hints = source.hints
    if loose or as_:
        hints = (*hints, ("as", as_ or _as_written(source, text[start:end])))
    return Entity(
        start=start,
        end=end,
        type=source.type,
        text=text[start:end],
        score=source.score * SCORE_FACTOR,
        recognizer=RECOGNIZER,
        hints=hints,
    )


def _as_written(source: Entity, found: str) -> str:
    """The source form a loose match stands for: the whole name or one of its tokens."""
    key = _loose_key(found)
    for form in (source.text, *(name_tokens(source) if source.type == "PERSON" else ())):
        if _loose_key(form) == key:
            return form
    return found


def merge(kept: list[Entity], found: list[Entity]) -> list[Entity]:
    """`kept` (non-overlapping) plus the propagated mentions that add something:
    a mention over free text, or one that lengthens a name of its own type
    ("Julien" detected, "Julien Marchand" found)."""
    out = list(kept)
    for f in sorted(found, key=lambda e: (e.start, -e.end)):
        inside = [k for k in out if k.start < f.end and f.start < k.end]
        if not inside:
            out.append(f)
        elif all(
            k.type == f.type and f.start <= k.start and k.end <= f.end and len(k) < len(f)
            for k in inside
        ):
            out = [k for k in out if k not in inside] + [f]
    return sorted(out, key=lambda e: e.start)


def propagate(
    texts: Sequence[str],
    detected: Sequence[list[Entity]],
    allow: Iterable[str] = (),
    loose: Sequence[bool] | None = None,
    slugs: Sequence[Sequence[tuple[int, int]]] | None = None,
    owners: Sequence[int] | None = None,
) -> list[list[Entity]]:
    """Every text's detections plus the other mentions of the scope's names
    (`loose`: the texts that are file names; `slugs`: each note's regions
    written like file names, see NameIndex.find_slugs; `owners`: the note each
    text belongs to, whose ordinary-word names its file name may hold)."""
    index = NameIndex(allow)
    for doc, (text, entities) in enumerate(zip(texts, detected, strict=True)):
        index.observe(text)
        index.add(entities, doc)
    loose = loose or [False] * len(texts)
    slugs = slugs or [()] * len(texts)
    out = []
    for doc, (text, entities, is_loose, regions) in enumerate(
        zip(texts, detected, loose, slugs, strict=True)
    ):
        owner = owners[doc] if owners is not None else doc
        found = index.find(text, doc, loose=is_loose, owner=owner)
        if not is_loose:
            found += index.find_slugs(text, doc, regions)
        out.append(merge(entities, found))
    return out

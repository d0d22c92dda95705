"""Propagate names: once someone is named anywhere, catch every other mention.

Recognizers see one sentence at a time and miss "Marchand" alone three
paragraphs after "Julien Marchand", or "MARCHAND" in a table. Each detected
name (and each token of a person's name) is searched again in every note of
the scope (one note, or a whole batch): as written, in capitals, or title-cased
from capitals, as a whole word, elided forms included (d'Élodie, l'Adèle).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from recognizers.lexicons import is_common_word, is_surname_particle, lines, never_a_name_alone

from ..entities import Entity

PROPAGATED_TYPES = ("PERSON", "ORG", "LOCATION")
RECOGNIZER = "NamePropagation"
# A propagated mention is a little less certain than its source.
SCORE_FACTOR = 0.95
MIN_TOKEN_LETTERS = 2
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


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(ln.strip() for ln in lines("name_stopwords.txt", package="anonymize"))


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


def _name_tokens(entity: Entity) -> list[str]:
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


class NameIndex:
    """Surface forms collected from detections, searched again in every note."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = {a.casefold() for a in allow}
        # surface form -> source entity (first seen, best score kept)
        self.forms: dict[str, Entity] = {}
        # forms that are also common words ("Rose", "Pierre") -> the notes they
        # were detected in: only searched again there, and not after an article
        self.local: dict[str, set[int | None]] = {}
        self._compiled: re.Pattern | None = None

    def add(self, entities: Iterable[Entity], doc: int | None = None) -> None:
        for e in entities:
            if e.type not in PROPAGATED_TYPES or e.text.casefold() in self.allow:
                continue
            surfaces = [e.text.strip()]
            if e.type == "PERSON":
                surfaces += _name_tokens(e)
            # a one-letter nickname ("Q") is searched too, as written only
            short_ok = e.hint("part") == "nickname"
            for surface in surfaces:
                if sum(c.isalpha() for c in surface) < MIN_TOKEN_LETTERS and not short_ok:
                    continue
                parts = surface.split()
                if len(parts) > 1 and all(len(w) < 2 or never_a_name_alone(w) for w in parts):
                    continue  # "IL A" of a heading the model took for a name
                if surface.casefold() in self.allow:
                    continue
                common = is_common_word(surface)
                for form in _variants(surface):
                    if common:
                        self.local.setdefault(form, set()).add(doc)
                    known = self.forms.get(form)
                    if known is None or e.score > known.score:
                        self.forms[form] = e
                        self._compiled = None

    def _pattern(self) -> re.Pattern | None:
        if not self.forms:
            return None
        if self._compiled is not None:
            return self._compiled
        alternatives = sorted(self.forms, key=len, reverse=True)
        body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alternatives)
        # Whole word: no letter, digit, underscore or hyphen on either side; an
        # apostrophe before is fine (d'Élodie).
        self._compiled = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        return self._compiled

    def find(self, text: str, doc: int | None = None) -> list[Entity]:
        """Every mention of a known form in `text` (note number `doc`), typed like its source."""
        pattern = self._pattern()
        if pattern is None:
            return []
        found = []
        for m in pattern.finditer(text):
            form = re.sub(r"\s+", " ", m.group())
            source = self.forms.get(form) or self.forms.get(m.group())
            if source is None:
                continue
            if form in self.local and (
                doc not in self.local[form]
                or ARTICLE_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
            ):
                continue
            start = m.start()
            lead = _leading_particles(m.group())
            if lead and not PARTICLE_CONTEXT.search(text[max(0, start - 12) : start]):
                start += lead  # "les fables de La Fontaine": there "de" is a preposition
            found.append(
                Entity(
                    start=start,
                    end=m.end(),
                    type=source.type,
                    text=text[start : m.end()],
                    score=source.score * SCORE_FACTOR,
                    recognizer=RECOGNIZER,
                    hints=source.hints,
                )
            )
        return found

"""Names written in lower case after a title or a role: `madame sylvie roche`.

Dictation software and hurried notes write everything in lower case
("compte rendu du docteur lionel marchetti", "vu par le dr martin", "sa fille
jade dix-neuf ans"): the capital every other PERSON recognizer relies on is
gone. What is left is the frame: a courtesy title, a care role or a relation
word, then words of the first-name and surname lexicons that are no ordinary
French word. The cue stays outside the span.

How much the frame proves depends on the cue:

- a title (`madame`, `monsieur`, `docteur`, `dr`, `pr`...) is followed by a
  name and nothing else: one name word is enough, even one that is also a word
  (`madame rose`, `docteur blanc`); a determiner or a preposition after it says
  it is not a name (`madame la directrice`, `docteur en droit`);
- a role or a relation word (`patiente`, `interne`, `l'infirmière`, `sa
  fille`) is also followed by adjectives and complements (`patient calme`,
  `sa fille aînée`): it takes a first name and a surname, or a first name that
  is no word, or a first name that is a word only when an age follows it
  (`sa fille jade dix-neuf ans`, not `sa fille rose de honte`). A surname alone
  after a role is left alone: too many frequent surnames are also adjectives
  (`petit`, `blanc`, `brun`).

Capitalised names are the other recognizers' (`title_name`, `role_name`,
`relation_name`): only all-lower-case words are read here.
"""

from __future__ import annotations

import re
from functools import cache

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    PARTICLES,
    NameRecognizer,
    Word,
    first_name,
    fold,
    is_common_word,
    is_surname,
    person_words,
    result,
    stop_words,
    titles,
    words,
)
from recognizers.lexicons import is_ordinary_word, parse_spelled, relation_words

SCORE_TITLE = 0.8
SCORE_ROLE = 0.7
# The longest name taken after a cue: two first names and a surname.
MAX_WORDS = 3
# Titles that are other words in lower case: the pronoun `me`, `maître` of
# `maître de stage`, the letter `m` without its dot.
_NOT_LOWER_TITLES = frozenset({"me", "maitre"})
_DOTTED_TITLES = frozenset({"m"})
# An age right after a name: `jade dix-neuf ans`, `pierre, 12 ans`.
_AGE_AFTER = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?:\(\s*)?(?P<n>\d{1,3}|[a-zéèêàâîïôûç]+(?:[ -][a-zéèêàâîïôûç]+){0,3})"
    r"[ \u00a0]+ans\b"
)


@cache
def _lower_titles() -> frozenset[str]:
    """Titles read in lower case (folded, without their dot)."""
    return frozenset(fold(t) for t in titles()) - _NOT_LOWER_TITLES


@cache
def _roles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Roles and relation words (not pets) as folded word tuples, by their last word:
    the name follows the role, so it is found from its end."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for role in person_words():
        parts = tuple(role.split())
        out.setdefault(parts[-1], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _capitalised(word: str) -> str:
    """`mercier-aubry` -> `Mercier-Aubry`, as the lexicons are asked."""
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def name_word(word: str) -> str | None:
    """ "first" or "last" for a lower-case word of the name lexicons that is no
    ordinary word, no title, role or particle; None otherwise."""
    if not word.islower() or sum(c.isalpha() for c in word) < 2:
        return None
    key = fold(word)
    if (
        key in stop_words()
        or key in _lower_titles()
        or key in person_words()
        or key in relation_words()
        or key in PARTICLES
        or is_ordinary_word(word)
    ):
        return None
    written = _capitalised(word)
    if first_name(written) is not None:
        return "first"
    if all(is_surname(p) or first_name(_capitalised(p)) for p in word.split("-")):
        return "last"
    return None


class DictatedNameRecognizer(NameRecognizer):
    """PERSON for a lower-case name after a lower-case title, role or relation word."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        ws = words(text)
        found: list[RecognizerResult] = []
        for i, w in enumerate(ws[:-1]):
            key = fold(w.text)
            if not w.text.islower() or (len(key) < 3 and key not in _lower_titles()):
                continue  # `as` (aide-soignant) is also the verb
            if key in _lower_titles():
                hit = self._after_title(text, ws, i)
            elif key in _roles() and self._role_ends_at(ws, i, text):
                hit = self._after_role(text, ws, i)
            else:
                continue
            if hit is not None:
                found.append(hit)
        return found

    def _after_title(self, text: str, ws: list[Word], i: int) -> RecognizerResult | None:
        cue, nxt = ws[i], ws[i + 1]
        gap = text[cue.end : nxt.start]
        dotted = gap.startswith(".")
        if fold(cue.text) in _DOTTED_TITLES and not dotted:
            return None
        if gap.lstrip(".") not in (" ", "\u00a0", "\u202f") or nxt.elided:
            return None
        if cue.start > 0 and (text[cue.start - 1].isalnum() or text[cue.start - 1] in "-."):
            return None  # inside a longer token (`e-mme`, `x.dr`)
        run = _name_run(text, ws, i + 1)
        if not run:
            return None
        parts = [name_word(ws[k].text) for k in run]
        part = "full" if len(run) > 1 and "first" in parts else "last"
        return result(self, ws[run[0]].start, ws[run[-1]].end, SCORE_TITLE, part=part)

    def _after_role(self, text: str, ws: list[Word], i: int) -> RecognizerResult | None:
        if text[ws[i].end : ws[i + 1].start] not in (" ", "\u00a0") or ws[i + 1].elided:
            return None
        run = _name_run(text, ws, i + 1)
        if not run:
            return None
        head = ws[run[0]].text
        if name_word(head) != "first":
            return None  # `patient petit`, `l'interne brun`: a lone surname is too weak
        end = ws[run[-1]].end
        if len(run) == 1 and is_common_word(head) and not _age_after(text, end):
            return None  # `sa fille rose de honte`
        part = "full" if len(run) > 1 else "first"
        gender = relation_words().get(fold(ws[i].text), ("X", ""))[0]
        return result(self, ws[run[0]].start, end, SCORE_ROLE, part=part, gender=gender)

    @staticmethod
    def _role_ends_at(ws: list[Word], i: int, text: str) -> bool:
        """A role or relation word ends at ws[i], written in lower case
        (`assistante sociale`, `infirmière`, `fille`)."""
        for parts in _roles()[fold(ws[i].text)]:
            start = i - len(parts) + 1
            if start < 0:
                continue
            if tuple(fold(w.text) for w in ws[start : i + 1]) == parts and all(
                w.text.islower() for w in ws[start : i + 1]
            ):
                return True
        return False


def _name_run(text: str, ws: list[Word], k: int) -> list[int]:
    """Indexes of the lower-case name words from ws[k], one space apart, at most three."""
    run: list[int] = []
    while k < len(ws) and len(run) < MAX_WORDS and name_word(ws[k].text):
        if run and (text[ws[k - 1].end : ws[k].start] != " " or ws[k].elided):
            break
        run.append(k)
        k += 1
    return run


def _age_after(text: str, end: int) -> bool:
    """An age follows the name: `jade dix-neuf ans`, `pierre, 12 ans`."""
    m = _AGE_AFTER.match(text, end)
    if m is None:
        return False
    n = m.group("n")
    return n.isdigit() or parse_spelled(n.replace(" ", "-")) is not None

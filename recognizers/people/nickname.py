"""Nicknames: `dit JB`, `dite « Q »`, `l'appellent Vic`, `Patrice Lagarde (« Pat » ...)`.

A nickname is rarely a lexicon name and would slip through; French introduces
it with a handful of fixed phrases, or quotes it right after the full name.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import NameRecognizer, fold, relation_words, result, stop_words
from recognizers.lexicons import is_ordinary_word

_NICK = r"[A-ZÀ-Ý][\w'’-]{0,20}(?:[ ][A-ZÀ-Ý][\w'’-]{0,20})?"
_OPEN = r"(?:«[ \u00a0\u202f]?|[\"“])"
_CLOSE = r"(?:[ \u00a0\u202f]?»|[\"”])"
_PATTERNS = [
    # `Jean-Baptiste Lefèvre, dit JB,` / `Quentin Masson, dit « Q »` (after a name or a comma)
    re.compile(
        rf"(?:(?:,|[A-ZÀ-Ý][\w'’-]+)[ \u00a0]+|\([ \u00a0]*)"
        rf"(?:dit|dite|surnommée?|alias|aka|a\.k\.a\.)[ \u00a0]+"
        rf"(?:{_OPEN}(?P<q>{_NICK}){_CLOSE}|(?P<bare>{_NICK})(?=[\s,.;:)!?]|$))"
    ),
    # `l'appellent Vic`, `qu'on appelle Roro`, `se fait appeler Titi`, `son surnom : Bazou`
    re.compile(
        rf"(?:\bl['’]appel(?:le|lent|lait|laient|lera|leront|lions|liez)|\bon[ ]appelle|"
        rf"\bse[ ]fai(?:t|sait)[ ]appeler|\bsurnom(?:[ ]?:|[ ]est|[ ]c['’]est)?)[ \u00a0]+"
        rf"(?:{_OPEN}(?P<q>{_NICK}){_CLOSE}|(?P<bare>{_NICK})(?=[\s,.;:)!?]|$))"
    ),
    # `Patrice Lagarde (« Pat » pour tout le monde)`, `Romain Lecoeur (« Roro »)`
    re.compile(
        rf"[A-ZÀ-Ý][\w'’-]+[ \u00a0]*(?:\([ \u00a0]*|,[ \u00a0]*)?{_OPEN}(?P<q>{_NICK}){_CLOSE}"
        rf"(?=[ \u00a0]*(?:\)|pour|,|entre|chez|au|à|dans))"
    ),
    # `appelle son mari « Cécel »`, `l'appelle parfois « Mimi »`, `signe ses mails « KHR »`:
    # a quoted name after calling someone or signing, a few words apart
    re.compile(
        rf"\b(?:[Aa]ppel(?:le|lent|lait|laient)|[Ss]ign(?:e|ent|ait|aient))"
        rf"(?:[ \u00a0]+[\w'’-]+){{0,3}}?[ \u00a0]+{_OPEN}(?P<q>{_NICK}){_CLOSE}"
    ),
    # `Jérémy « Jerem » Pothier`: a quoted nickname between a first name and a
    # surname; the surname is a name too (group `last`)
    re.compile(
        rf"(?<![\w'’-])(?P<first>[A-ZÀ-Ý][\w'’-]+)[ \u00a0]+{_OPEN}(?P<q>{_NICK}){_CLOSE}[ \u00a0]+"
        rf"(?P<last>[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0][A-ZÀ-Ý][\w'’-]+)?)(?![\w'’-])"
    ),
    # `« Cricri » (Christelle)`: a quoted name then the name it stands for
    re.compile(
        rf"{_OPEN}(?P<q>{_NICK}){_CLOSE}[ \u00a0]*\((?=[A-ZÀ-Ý][\w'’-]+(?:[ ][A-ZÀ-Ý][\w'’-]+)?\))"
    ),
    # `Doudou (c'est comme ça qu'on l'appelle)`: the name, then a bracket that says so
    re.compile(
        r"(?<![\w'’-])(?P<bare>[A-ZÀ-Ý][\w'’-]{1,20})[ \u00a0]*\("
        r"(?=[^()\n]{0,40}(?:l['’]appel|surnom))"
    ),
]
# A quoted word after `appelle` that is a thing, not a person (`il appelle ça « X »`).
_THING_CALLED = re.compile(r"\b(?:ça|cela|ceci|ce|le|la|les|un|une)[ \u00a0]+$")


class NicknameRecognizer(NameRecognizer):
    """PERSON (part nickname) for a nickname introduced as such."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found: list[RecognizerResult] = []
        for pattern in _PATTERNS:
            for m in pattern.finditer(text):
                group = "q" if "q" in pattern.groupindex and m.group("q") else "bare"
                if group == "bare" and "bare" not in pattern.groupindex:
                    continue
                nick = m.group(group)
                if not nick:
                    continue
                if _THING_CALLED.search(text, m.start(), m.start(group) - 2):
                    continue
                first = m.groupdict().get("first")
                if first and is_ordinary_word(first):
                    continue  # `Projet « Phénix » Lancement`: a title, not a name
                key = fold(nick.split()[0])
                if key in stop_words() or key in relation_words():
                    continue
                # above the statistical model's 0.85, whose longer span swallowing the
                # quote (`Lucie dite « Lulu`) would otherwise drop this one as a duplicate
                if any(r.start == m.start(group) for r in found):
                    continue  # two frames for one nickname
                found.append(result(self, m.start(group), m.end(group), 0.9, part="nickname"))
                last = m.groupdict().get("last")
                if last and not is_ordinary_word(last.split()[0]):
                    found.append(result(self, m.start("last"), m.end("last"), 0.9, part="last"))
        return found

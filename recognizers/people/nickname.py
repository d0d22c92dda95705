"""Nicknames: `dit JB`, `dite « Q »`, `l'appellent Vic`, `Patrice Lagarde (« Pat » ...)`.

A nickname is rarely a lexicon name and would slip through; French introduces
it with a handful of fixed phrases, or quotes it right after the full name.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import NameRecognizer, fold, relation_words, result, stop_words

_NICK = r"[A-ZÀ-Ý][\w'’-]{0,20}(?:[ ][A-ZÀ-Ý][\w'’-]{0,20})?"
_OPEN = r"(?:«[ \u00a0\u202f]?|[\"“])"
_CLOSE = r"(?:[ \u00a0\u202f]?»|[\"”])"
_PATTERNS = [
    # `Jean-Baptiste Lefèvre, dit JB,` / `Quentin Masson, dit « Q »` (after a name or a comma)
    re.compile(
        rf"(?:,|[A-ZÀ-Ý][\w'’-]+)[ \u00a0]+(?:dit|dite|surnommée?|alias|aka|a\.k\.a\.)[ \u00a0]+"
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
]


class NicknameRecognizer(NameRecognizer):
    """PERSON (part nickname) for a nickname introduced as such."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found: list[RecognizerResult] = []
        for pattern in _PATTERNS:
            for m in pattern.finditer(text):
                group = "q" if m.group("q") else "bare"
                if group == "bare" and "bare" not in pattern.groupindex:
                    continue
                nick = m.group(group)
                if not nick:
                    continue
                key = fold(nick.split()[0])
                if key in stop_words() or key in relation_words():
                    continue
                found.append(result(self, m.start(group), m.end(group), 0.85, part="nickname"))
        return found

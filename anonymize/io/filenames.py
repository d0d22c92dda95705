"""Anonymize file and folder names with the same mapping as the notes.

Coaches name files after clients and sessions: "2025-03-14 Julien Marchand.md"
publishes the name even when the note inside is clean. Each component of an
output path is treated like a tiny note: its dates are coarsened in the file
name's own format ("2025-03-14" -> "2025-03" by default, following the
`dates` setting), every name, place or organisation detected anywhere in the
batch is found again in it (case and accents ignored, `_`, `.` and `-` taken as
spaces), and the analyzer looks at it too. Replacements come from the batch's
own style and identity book, so "Julien Marchand" gets the same pseudonym in
the file name as in the text. Two sources that end up with the same output
path are told apart with " (2)", " (3)"...
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from recognizers.lexicons import fold

from ..detect.analyze import analyze_texts
from ..detect.overlaps import resolve_overlaps
from ..detect.propagate import _name_tokens
from ..entities import Entity
from ..pipeline import Pipeline

NAMED_TYPES = ("PERSON", "ORG", "LOCATION")
# Shorter forms ("Jo", "Ain") would match too many unrelated words of a file name.
MIN_FORM_LETTERS = 3
SEPARATORS = str.maketrans({"_": " ", ".": " ", "+": " "})
# Characters a file name cannot hold on Windows or Unix.
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
FALLBACK_NAME = "note"
SEASONS = {12: "hiver", 1: "hiver", 2: "hiver", 3: "printemps", 4: "printemps", 5: "printemps",
           6: "été", 7: "été", 8: "été", 9: "automne", 10: "automne", 11: "automne"}  # fmt: skip
YMD = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[-_.]?)(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)(?!\d)")
DMY = re.compile(r"(?<!\d)(?P<d>[0-3]\d)(?P<s>[-_.])(?P<m>[01]\d)(?P=s)(?P<y>(?:19|20)\d\d)(?!\d)")
YM = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[-_.])(?P<m>[01]\d)(?![-_.]?\d)")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    value: str
    rank: int  # lower wins an overlap: dates, then known names, then detections


def _coarse(year: str, month: str, sep: str, month_first: bool, dates: str) -> str | None:
    """A file-name date at the precision the config allows; None: drop it."""
    if dates == "year":
        return year
    if dates == "remove":
        return None
    if dates == "season":
        return f"{year}{sep or '-'}{SEASONS[int(month)]}"
    return f"{month}{sep}{year}" if month_first else f"{year}{sep}{month}"


def date_spans(name: str, dates: str) -> list[_Span]:
    """Dates of a file name, with their coarser form ("" when removed)."""
    if dates == "keep":
        return []
    spans: list[_Span] = []
    for pattern, month_first in ((YMD, False), (DMY, True), (YM, False)):
        for m in pattern.finditer(name):
            if not 1 <= int(m["m"]) <= 12 or ("d" in m.groupdict() and not 1 <= int(m["d"]) <= 31):
                continue
            if any(s.start < m.end() and m.start() < s.end for s in spans):
                continue
            if pattern is YM and dates == "month":
                continue  # already no finer than a month
            value = _coarse(m["y"], m["m"], m["s"], month_first, dates)
            spans.append(_Span(m.start(), m.end(), value or "", 0))
    return spans


def _tidy(name: str) -> str:
    """Separators left doubled or dangling by a removed part."""
    name = re.sub(r"([ _.-])[ _.-]*(?=[ _.-])", "", name)
    name = re.sub(r"\(\s*\)|\[\s*\]", "", name)
    return name.strip(" _.-")


def safe(value: str) -> str:
    return UNSAFE.sub("-", value).strip(" .")


class FileNamer:
    """Maps source paths (relative to SRC) to anonymized output paths."""

    def __init__(self, pipeline: Pipeline, detected: Sequence[list[Entity]]) -> None:
        self.pipeline = pipeline
        allow = {a.casefold() for a in pipeline.config.allow_terms()}
        # folded surface form -> an entity whose text is the form as written in a note
        self.forms: dict[str, Entity] = {}
        for entities in detected:
            for e in entities:
                if e.type not in NAMED_TYPES:
                    continue
                surfaces = [e.text] + (_name_tokens(e) if e.type == "PERSON" else [])
                for surface in surfaces:
                    surface = " ".join(surface.split())
                    if sum(c.isalpha() for c in surface) < MIN_FORM_LETTERS:
                        continue
                    if surface.casefold() in allow:
                        continue
                    self.forms.setdefault(_key(surface), _as(e, surface))
        body = "|".join(
            re.escape(f).replace(r"\ ", "[ -]+") for f in sorted(self.forms, key=len, reverse=True)
        )
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)") if body else None

    # -- one component -------------------------------------------------------
    def _known(self, human: str) -> list[_Span]:
        if self._pattern is None:
            return []
        spans = []
        folded = fold(human)
        for m in self._pattern.finditer(folded):
            source = self.forms.get(_key(m.group()))
            if source is not None:
                spans.append(_Span(m.start(), m.end(), self._value(source, human, m.start()), 1))
        return spans

    def _value(self, entity: Entity, context: str, start: int) -> str:
        placed = Entity(start, start + len(entity.text), entity.type, entity.text,
                        entity.score, entity.recognizer, entity.hints)  # fmt: skip
        return self.pipeline.style.replacement(placed, context)

    def anonymize_names(self, names: Sequence[str]) -> list[str]:
        """Each name (a folder, or a file stem) anonymized; the analyzer runs once for all."""
        humans = [n.translate(SEPARATORS) for n in names]
        detected = list(analyze_texts(humans, self.pipeline.config)) if humans else []
        out = []
        for name, human, raw in zip(names, humans, detected, strict=True):
            spans = date_spans(name, self.pipeline.config.dates)
            if self.pipeline.config.shift_dates:
                # a shifted date cannot be coarsened from the real one: drop it
                spans = [_Span(s.start, s.end, "", 0) for s in spans]
            spans += self._known(human)
            for e in resolve_overlaps(raw, human):
                spans.append(_Span(e.start, e.end, self.pipeline.style.replacement(e, human), 2))
            out.append(self._apply(name, spans))
        return out

    def _apply(self, name: str, spans: list[_Span]) -> str:
        chosen: list[_Span] = []
        for s in sorted(spans, key=lambda s: (s.rank, -(s.end - s.start), s.start)):
            if all(s.end <= c.start or s.start >= c.end for c in chosen):
                chosen.append(s)
        result = name
        for s in sorted(chosen, key=lambda s: s.start, reverse=True):
            value = safe(s.value)
            original = name[s.start : s.end]
            if "_" in original and " " not in original:
                value = value.replace(" ", "_")
            if original.islower() and value[:1].isalpha():
                value = value.lower()  # "annecy.md" stays in lower case
            result = result[: s.start] + value + result[s.end :]
        if chosen:
            result = _tidy(result)
        return result or FALLBACK_NAME

    # -- whole paths ---------------------------------------------------------
    def plan(self, sources: Sequence[Path]) -> list[Path]:
        """Output paths (relative) for source paths (relative), in the same order."""
        parts = [PurePosixPath(p.as_posix()) for p in sources]
        names: list[str] = []
        for p in parts:
            names.extend(p.parts[:-1])
            names.append(p.stem)
        unique = sorted(set(names))
        mapped = dict(zip(unique, self.anonymize_names(unique), strict=True))
        outputs = [
            Path(*[mapped[d] for d in p.parts[:-1]], mapped[p.stem] + p.suffix) for p in parts
        ]
        return _deduplicate(outputs)


def _key(surface: str) -> str:
    """Folded, with hyphens and runs of spaces as one space: "Jean-Pierre" ~ "jean_pierre"."""
    return re.sub(r"[ -]+", " ", fold(surface)).strip()


def _as(entity: Entity, surface: str) -> Entity:
    return Entity(0, len(surface), entity.type, surface, entity.score, entity.recognizer,
                  entity.hints)  # fmt: skip


def _deduplicate(outputs: list[Path]) -> list[Path]:
    """Different sources never share an output path (case-insensitively, for macOS and Windows)."""
    folders = {str(parent).casefold() for out in outputs for parent in out.parents}
    used: set[str] = set()
    result = []
    for out in outputs:
        candidate, n = out, 1
        while str(candidate).casefold() in used or str(candidate).casefold() in folders:
            n += 1
            candidate = out.with_name(f"{out.stem} ({n}){out.suffix}")
        used.add(str(candidate).casefold())
        result.append(candidate)
    return result

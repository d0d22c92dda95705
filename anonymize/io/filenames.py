"""File and folder names: short texts of the batch's scope, written back as names.

Coaches name files after clients and sessions: "2025-03-14 Julien
Marchand.md" publishes the name even when the note inside is clean. Each
component of a path (a folder, a file stem) is one more short text of the
batch: it goes through the same stages as the notes (annotate, resolve,
propagate without regard to case or separators, identities, replace), as part
of the note it names, so "Julien Marchand" gets the same pseudonym in the file
name as in the text. Only the writing differs: a date keeps the file name's
own format at the precision of the `dates` setting ("2025-03-14" ->
"2025-03"), a replacement keeps the name's separators, case and alphabet
("aurore-hernandez_bilan" -> "emeline-vanhille_bilan": an ASCII slug stays
ASCII), and nothing a file system refuses is written. Two sources that end up with the same output
path are told apart with " (2)", " (3)"...
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from recognizers.lexicons import fold

from ..entities import Entity

# Separators a file name uses for spaces; read as spaces (same length).
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
            spans.append(_Span(m.start(), m.end(), value or ""))
    return spans


def humanize(name: str) -> str:
    """The name as a short text for detection: separators read as spaces (same length)."""
    return name.translate(SEPARATORS)


def _tidy(name: str) -> str:
    """Separators left doubled or dangling by a removed part."""
    name = re.sub(r"([ _.-])[ _.-]*(?=[ _.-])", "", name)
    name = re.sub(r"\(\s*\)|\[\s*\]", "", name)
    return name.strip(" _.-")


def safe(value: str) -> str:
    return UNSAFE.sub("-", value).strip(" .")


def shaped(value: str, original: str, name: str) -> str:
    """A replacement written like the part of the file name it replaces.

    Its words are joined by the separator the original used between its own
    words ("aurore-hernandez" -> "emeline-vanhille"), else by the one the name
    uses for spaces ("MARCHAND_Julien" -> "VANHILLE_Emeline"); a name without
    spaces is a slug, written in plain ASCII when it was ("Julien" -> "Etienne"),
    while "2025-03-14 Julien Marchand" is a title and keeps its accents
    ("Étienne Laplaud"); a lower-case part stays lower case ("annecy.md")."""
    slug = " " not in name
    own = re.search(r"[-_.+ ]", original)
    if own is not None:
        separator = own.group()
    elif slug:
        separator = "_" if "_" in name else "-" if "-" in name else "_"
    else:
        separator = " "
    value = value.replace(" ", separator)
    if slug and name.isascii():
        value = _ascii(value)
    if original.islower() and value[:1].isalpha():
        value = value.lower()
    return value


def _ascii(text: str) -> str:
    """`text` without its accents ("Émeline" -> "Emeline", "Œ" -> "OE")."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def components(sources: Sequence[Path]) -> tuple[list[str], list[int]]:
    """The distinct folder names and file stems of `sources`, and for each the
    index of the first source it belongs to (a name is read as part of that note)."""
    names: dict[str, int] = {}
    for i, p in enumerate(sources):
        parts = PurePosixPath(p.as_posix())
        for part in (*parts.parts[:-1], parts.stem):
            names.setdefault(part, i)
    return list(names), list(names.values())


def rename(
    name: str, entities: Sequence[Entity], values: Sequence[str], dates: str, shifted: bool
) -> str:
    """`name` with its dates coarsened in its own format and each entity replaced."""
    spans = date_spans(name, dates)
    if shifted:  # a shifted date cannot be coarsened from the real one: drop it
        spans = [_Span(s.start, s.end, "") for s in spans]
    for e, value in zip(entities, values, strict=True):
        if any(s.start < e.end and e.start < s.end for s in spans):
            continue
        if e.type == "DATE":
            value = ""  # a date the file-name formats do not cover: dropped
        spans.append(_Span(e.start, e.end, value))
    result = name
    for s in sorted(spans, key=lambda s: s.start, reverse=True):
        original = name[s.start : s.end]
        value = shaped(safe(s.value), original, name)
        result = result[: s.start] + value + result[s.end :]
    if spans:
        result = _tidy(result)
    return result or FALLBACK_NAME


def plan(sources: Sequence[Path], renamed: dict[str, str]) -> list[Path]:
    """Output paths (relative) for source paths (relative), in the same order."""
    parts = [PurePosixPath(p.as_posix()) for p in sources]
    outputs = [Path(*[renamed[d] for d in p.parts[:-1]], renamed[p.stem] + p.suffix) for p in parts]
    return _deduplicate(outputs)


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


__all__ = ["components", "date_spans", "fold", "humanize", "plan", "rename"]

"""The one reader of the lookup lists shipped as data files.

The recognizers' lists live in `recognizers/data/`; the pipeline's own lists
(allow-list, pseudonym pools, titles) in `anonymize/data/`, read through the
same function (`package="anonymize"`, via `recognizers.lexicons`) so that
detection and replacement agree on how a list is read.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str, package: str = "recognizers") -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, trailing spaces removed (cached)."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return tuple(ln.rstrip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@cache
def words(name: str, package: str = "recognizers") -> frozenset[str]:
    """The lines of a one-word-a-line list after its `#` header, as a set (cached).

    For the large word lists (tens of thousands of lines): no per-line stripping,
    so that loading one costs a split and a set.
    """
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    rows = text.split("\n")
    start = 0
    while start < len(rows) and rows[start].startswith("#"):
        start += 1
    return frozenset(filter(None, rows[start:]))


@cache
def table(name: str, package: str = "recognizers") -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file."""
    return tuple(tuple(ln.split("\t")) for ln in lines(name, package))

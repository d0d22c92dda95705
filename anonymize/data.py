"""The one reader of the lookup lists shipped as data files.

`anonymize/data/` holds the pipeline's own lists (allow-list, pseudonym
pools, titles); the recognizers' lists in `recognizers/data/` are read
through the same function so that detection and replacement agree.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str, package: str = "anonymize") -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, trailing spaces removed (cached)."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return tuple(ln.rstrip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))

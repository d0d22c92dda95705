"""Access to the lookup lists shipped in `recognizers/data/`."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file (cached per process)."""
    text = resources.files("recognizers").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(
        ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file."""
    return tuple(tuple(ln.split("\t")) for ln in lines(name))

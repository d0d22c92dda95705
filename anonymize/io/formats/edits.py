"""Where the output differs from the original: one edit per replacement.

A `Result` says where each replacement landed in the output and which span of
the original it stands for; the grammar repair may also have rewritten a few
characters just before it ("d'Annecy" -> "de Brest"). Formats that must put
the output back into a structure (Word runs) and the review page that shows
both texts side by side need the exact regions that changed, in both texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...replace.splice import Replacement
from ...results import Result

if TYPE_CHECKING:
    from ...results import Result

# The grammar repair rewrites at most the word before a replacement
# ("jusqu'" -> "jusque "); anything longer means the result is inconsistent.
MAX_REPAIR = 12


class EditError(ValueError):
    """The output is not the original with its replacements: refuse to map it."""


@dataclass(frozen=True)
class Edit:
    """`original[start:end]` became `output[out_start:out_end]`."""

    start: int
    end: int
    out_start: int
    out_end: int
    new: str
    replacement: Replacement


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def edits_of(original: str, result: Result) -> list[Edit]:
    """The changed regions, sorted; everything between them is byte-identical."""
    out = result.text
    found: list[Edit] = []
    prev, prev_out = 0, 0
    for r in sorted(result.replacements, key=lambda r: r.start):
        source = r.source
        gap, gap_out = original[prev : source.start], out[prev_out : r.start]
        same = _common_prefix(gap, gap_out)
        if len(gap) - same > MAX_REPAIR or len(gap_out) - same > MAX_REPAIR:
            raise EditError("output does not match the original around a replacement")
        start, out_start = prev + same, prev_out + same
        found.append(Edit(start, source.end, out_start, r.end, out[out_start : r.end], r))
        prev, prev_out = source.end, r.end
    if original[prev:] != out[prev_out:]:
        raise EditError("output does not end like the original")
    return found


def map_offset(edits: list[Edit], offset: int) -> int:
    """The output offset of an original offset that lies outside every edit."""
    shift = 0
    for e in edits:
        if e.end > offset:
            break
        shift = e.out_end - e.end
    return offset + shift

"""Size limits of a note, and how a size is shown next to its limit.

The limit (`max_size_mb`, 5 MB by default) bounds what the analysis will
read: the bytes of a text note, and for a Word file its bytes on disk, its
parts once unzipped, and the text extracted from them.
"""

from __future__ import annotations

import math

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# A Word file's XML is several times its text; anything unzipping to more
# than this many times the limit (or 4 MB for tiny limits: the empty
# document's styles alone weigh about 40 KB) is refused before it is parsed.
UNZIPPED_FACTOR = 4
UNZIPPED_FLOOR = 4 * 1024 * 1024


def unzipped_limit(max_bytes: int) -> int:
    """How many bytes the parts of a Word file may hold once unzipped."""
    return max(UNZIPPED_FACTOR * max_bytes, UNZIPPED_FLOOR)


def describe_size(size: int, limit: int) -> str:
    """ "6.0 MB (limit 5.0 MB)": the size rounded up, so it never reads as the limit."""
    shown, shown_limit = format_size(size, up=True), format_size(limit, up=False)
    if shown == shown_limit:
        return f"{size:,} bytes (limit {limit:,} bytes)"
    return f"{shown} (limit {shown_limit})"


def format_size(n: int, up: bool = False) -> str:
    """n bytes in MB (from 1 MB) or KB, one decimal, rounded up or down."""
    unit, scale = ("MB", 1048576) if n >= 1048576 else ("KB", 1024)
    tenths = n * 10 / scale
    tenths = math.ceil(tenths) if up else math.floor(tenths)
    return f"{tenths / 10:.1f} {unit}"

"""Write atomically: a reader of the output folder never sees half a note.

Each output goes to a temporary file beside it (created 0600), is flushed to
disk, then renamed over the target. When the disk is full or the folder
read-only, the temporary file is removed and the error raised: the target is
either the old file, the whole new one, or absent, never half written.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, text: str, bom: bool = False, mode: int | None = None) -> None:
    """Write UTF-8 `text` to `path` through a temporary file and a rename."""
    atomic_write_bytes(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"), mode)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` through a temporary file (created 0600) and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

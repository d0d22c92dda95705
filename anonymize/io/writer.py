"""Write atomically: a reader of the output folder never sees half a note."""

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
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

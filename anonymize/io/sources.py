"""Every entry of a source folder, and what `batch` does with it.

`scan_source` walks SRC without following anything by default and gives each
file a verdict: a note to anonymize, or skipped with the reason (hidden,
symbolic link, dangling link, FIFO or other special file, not a note, Word
lock file). A hidden folder (`.git/`, `.obsidian/`) is one skipped entry,
its content is not walked.

Symbolic links are followed only with `follow_symlinks`, and then only when
their target lies inside SRC (a link out of SRC is never followed: SRC is
the scope the coach chose); a folder reached twice is read once.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .reader import NOTE_SUFFIXES

KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


@dataclass(frozen=True)
class SourceEntry:
    """One entry of SRC: a note to read (`skipped` None), or why it is skipped."""

    rel: str  # POSIX path relative to SRC; a skipped folder ends with "/"
    path: Path
    skipped: str | None = None
    via_link: bool = False  # reached through a followed symbolic link

    @property
    def is_note(self) -> bool:
        return self.skipped is None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _file_verdict(name: str, mode: int) -> str | None:
    """Why a file is not a note to read, or None when it is one."""
    if not stat.S_ISREG(mode):
        return f"not a regular file: {KINDS.get(stat.S_IFMT(mode), 'an unknown kind of file')}"
    if name.startswith("~$"):
        return "Word lock file"
    suffix = Path(name).suffix.lower()
    if suffix not in NOTE_SUFFIXES:
        return f"not a note ({suffix or 'no extension'}; notes are {', '.join(NOTE_SUFFIXES)})"
    return None


def scan_source(src: Path, follow_symlinks: bool = False) -> list[SourceEntry]:
    """Every entry of `src`, sorted by relative path, each a note or skipped with a reason."""
    root = src.resolve()
    found: list[SourceEntry] = []
    visited = {root}

    def skip(rel: PurePosixPath, path: Path, reason: str, folder: bool = False) -> None:
        found.append(SourceEntry(f"{rel}/" if folder else str(rel), path, reason))

    def walk(folder: Path, rel: PurePosixPath, via_link: bool) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skip(rel, folder, f"cannot read folder ({exc.strerror or type(exc).__name__})", True)
            return
        for entry in entries:
            path, r = folder / entry.name, rel / entry.name
            hidden = entry.name.startswith(".")
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                skip(r, path, f"cannot read ({exc.strerror or type(exc).__name__})")
                continue
            if hidden:
                skip(r, path, "hidden folder" if is_dir else "hidden file", is_dir)
            elif is_link:
                link(path, r)
            elif is_dir:
                visited.add(path.resolve())
                walk(path, r, via_link)
            else:
                try:
                    mode = entry.stat(follow_symlinks=False).st_mode
                except OSError as exc:
                    skip(r, path, f"cannot read ({exc.strerror or type(exc).__name__})")
                    continue
                reason = _file_verdict(entry.name, mode)
                found.append(SourceEntry(str(r), path, reason, via_link))

    def link(path: Path, r: PurePosixPath) -> None:
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing target, or a loop of links
            skip(r, path, "dangling symbolic link")
            return
        if not follow_symlinks:
            skip(r, path, "symbolic link (not followed; see --follow-symlinks)")
        elif not _inside(target, root):
            skip(r, path, "symbolic link pointing outside the source folder (never followed)")
        elif target.is_dir():
            if target in visited:
                skip(r, path, "symbolic link to a folder already read", True)
            else:
                visited.add(target)
                walk(path, r, True)
        else:
            mode = target.stat().st_mode
            reason = _file_verdict(path.name, mode)
            found.append(SourceEntry(str(r), path, reason, True))

    walk(src, PurePosixPath(), False)
    return sorted(found, key=lambda e: e.rel)

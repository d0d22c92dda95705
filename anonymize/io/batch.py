"""Anonymize a folder of notes into another, never touching the source.

Reading and writing happen in this process; the expensive analysis can be
spread over worker processes forked after the model is loaded, so each worker
starts with the engine in memory, and dies with this process. Names are
propagated and pseudonyms chosen once for the whole batch, so a person keeps
one pseudonym in every note.

What can make the run fail is checked before the analysis: the folders, the
output folder being writable, and notes already in it (refused without
`force`: output names are only known after the analysis, so any note in DST
counts). Every entry of SRC gets a line in the report. Writing goes on past a
file that cannot be written (disk full, read-only folder): each output is
whole or absent, and the report says which.
"""

from __future__ import annotations

import ctypes
import errno
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from recognizers.user.custom_patterns import drain_timeouts, timeout_warnings

from ..config import Config
from ..detect.engine import get_analyzer
from ..entities import Entity
from ..errors import AnonymizeError, NotANote, NoteError
from ..pipeline import Pipeline, annotate
from ..replace.mapping import Mapping
from .marker import OUTPUT_MARKER, marker_record, recorded_files, source_id, write_marker
from .reader import NOTE_SUFFIXES, Note, read_note
from .sources import scan_source

# Notes analyzed per task: large enough for nlp.pipe batching, small enough
# for a smooth progress bar and an even spread over workers.
SHARD = 8
PR_SET_PDEATHSIG = 1
# Errors that stop every later write as well: said once for the whole run.
DISK_ERRORS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
               errno.EROFS: "the output folder is read-only"}  # fmt: skip


class BatchError(AnonymizeError):
    """The batch cannot start (bad folders, existing outputs): nothing was analysed."""


@dataclass
class FileReport:
    source: str
    output: str | None
    status: str  # "ok", "failed" or "skipped"
    entities: int = 0
    error: str | None = None  # why it failed
    encoding: str | None = None
    reason: str | None = None  # why it was skipped


@dataclass
class BatchReport:
    files: list[FileReport] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # about the whole run (disk full...)
    removed: list[str] = field(default_factory=list)  # stale outputs removed with force

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors

    def summary(self) -> dict:
        return {
            "files": len(self.files),
            "ok": sum(f.status == "ok" for f in self.files),
            "failed": len(self.failed),
            "skipped": sum(f.status == "skipped" for f in self.files),
            "entities": sum(self.by_type.values()),
            "entities_by_type": dict(sorted(self.by_type.items())),
            "seconds": round(self.seconds, 2),
        }

    def to_json(self) -> dict:
        return {
            "files": [asdict(f) for f in self.files],
            "summary": self.summary(),
            "warnings": self.warnings,
            "errors": self.errors,
            "removed": self.removed,
        }


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or below it (after resolving links)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def notes_in(folder: Path) -> list[Path]:
    """Note files already in a folder (hidden ones and links not counted)."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(parent) / f
            for f in sorted(files)
            if not f.startswith(".") and Path(f).suffix.lower() in NOTE_SUFFIXES
        ]
    return found


def prepare_output(src: Path, dst: Path, force: bool) -> None:
    """Check the folders and that DST can be written, or raise BatchError.

    Without `force`, a DST that already holds notes is refused: the names of
    the outputs are anonymized with the notes, so which of them would be
    overwritten is not known before the analysis. DST is created if needed.
    """
    if not src.is_dir():
        raise BatchError(f"source folder not found: {src}")
    if is_inside(dst, src):
        raise BatchError(f"output folder {dst} is inside the source folder {src}: refused")
    if is_inside(src, dst):
        raise BatchError(f"source folder {src} is inside the output folder {dst}: refused")
    if dst.exists() and not dst.is_dir():
        raise BatchError(f"output {dst} exists and is not a folder")
    if dst.is_dir() and not force:
        existing = notes_in(dst)
        if existing:
            more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
            raise BatchError(
                f"output folder {dst} already holds notes ({existing[0].relative_to(dst)}{more});"
                " use --force to overwrite"
            )
    try:
        dst.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".anonymize-probe-", dir=dst)
        try:
            os.write(fd, b"probe\n")
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BatchError(f"output folder {dst} is not writable: {reason}") from None


# -- analysis in worker processes ------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Worker initializer: never outlive the batch process, even after a kill -9."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watchdog below still works
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _analyze_shard(texts: list[str], config: Config) -> tuple[list[list[Entity]], dict[str, int]]:
    return annotate(texts, config), drain_timeouts()


def analyze_parallel(
    texts: Sequence[str],
    config: Config,
    jobs: int = 1,
    on_progress: Callable[[int], None] | None = None,
    timeouts: Counter | None = None,
) -> list[list[Entity]]:
    """Raw detections for every text, with `jobs` forked workers when > 1.

    Custom patterns that ran out of time are counted into `timeouts`.
    """
    shards = [list(texts[i : i + SHARD]) for i in range(0, len(texts), SHARD)]
    results: list[list[Entity]] = []
    timeouts = timeouts if timeouts is not None else Counter()
    get_analyzer(config)  # load once here; forked workers inherit it
    if jobs <= 1 or len(shards) <= 1:
        for shard in shards:
            found, late = _analyze_shard(shard, config)
            results.extend(found)
            timeouts.update(late)
            if on_progress:
                on_progress(len(shard))
        return results
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        futures = [pool.submit(_analyze_shard, shard, config) for shard in shards]
        for shard, future in zip(shards, futures, strict=True):
            found, late = future.result()
            results.extend(found)
            timeouts.update(late)
            if on_progress:
                on_progress(len(shard))
    return results


# -- the run ------------------------------------------------------------------------


def _write_error(exc: OSError) -> str:
    return f"cannot write: {exc.strerror or type(exc).__name__}"


def _remove_stale(dst: Path, earlier: list[str], kept: set[str]) -> list[str]:
    """Outputs an earlier run of the same SRC recorded and this run does not write
    (their note was deleted or renamed, or their name was drawn from another seed):
    removed with force. Outputs of other source folders are left alone."""
    removed = []
    for rel in earlier:
        path = dst / rel
        if rel in kept or rel == OUTPUT_MARKER or not is_inside(path, dst):
            continue
        if path.is_file() and not path.is_symlink():
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(rel)
            for parent in path.parents:  # folders this left empty
                if parent == dst or not is_inside(parent, dst):
                    break
                try:
                    parent.rmdir()
                except OSError:
                    break
    return removed


def run_batch(
    src: Path,
    dst: Path,
    config: Config | None = None,
    *,
    style: str | None = None,
    jobs: int = 1,
    force: bool = False,
    follow_symlinks: bool = False,
    mapping: Mapping | None = None,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BatchReport:
    """Anonymize every note of `src` into the same tree under `dst`.

    Raises BatchError before any analysis when the run cannot start; after
    that, problems are in the report (per file, or in `errors` for the run).
    """
    started = time.perf_counter()
    config = config or Config()
    prepare_output(src, dst, force)
    report = BatchReport()
    notes: list[tuple[str, Note]] = []
    for entry in scan_source(src, follow_symlinks):
        if not entry.is_note:
            report.files.append(FileReport(entry.rel, None, "skipped", reason=entry.skipped))
            continue
        try:
            note = read_note(entry.path, config.max_bytes, follow_symlinks=entry.via_link)
        except NotANote as exc:
            report.files.append(FileReport(entry.rel, None, "skipped", reason=str(exc)))
            continue
        except NoteError as exc:
            report.files.append(FileReport(entry.rel, None, "failed", error=str(exc)))
            continue
        notes.append((entry.rel, note))
    if on_start:
        on_start(len(notes) + len(report.failed))
    if on_progress and report.failed:
        on_progress(len(report.failed))

    pipeline = Pipeline(config, style, mapping)
    texts = [note.text for _, note in notes]
    timeouts: Counter = Counter()
    raw = analyze_parallel(texts, config, jobs, on_progress, timeouts)
    report.warnings += timeout_warnings(dict(timeouts), config.source or "the config")
    # File and folder names are short texts of their notes' scope: same pseudonyms.
    results, names = pipeline.anonymize_folder(texts, [Path(rel) for rel, _ in notes], raw)
    outputs = [name.as_posix() for name in names]

    source = source_id(src)
    earlier = recorded_files(dst, source)
    records = {
        out: marker_record(None if note.is_docx else result.text, result.replacements, source)
        for out, (_, note), result in zip(outputs, notes, results, strict=True)
    }
    disk_errors: set[str] = set()
    try:  # marked first, so that a folder left half written is still a batch output
        write_marker(dst, records)
    except OSError as exc:
        disk_errors.add(DISK_ERRORS.get(exc.errno or 0, ""))
    written: dict[str, dict] = {}
    for out, (rel, note), result in zip(outputs, notes, results, strict=True):
        try:
            note.write(dst / out, result, config)
        except OSError as exc:
            disk_errors.add(DISK_ERRORS.get(exc.errno or 0, ""))
            report.files.append(FileReport(rel, None, "failed", error=_write_error(exc)))
            continue
        except NoteError as exc:
            report.files.append(FileReport(rel, None, "failed", error=str(exc)))
            continue
        except Exception as exc:  # one file must not stop the batch
            # the class name only: a message could quote the note
            error = f"cannot anonymize: {exc.__class__.__name__}"
            report.files.append(FileReport(rel, None, "failed", error=error))
            continue
        written[out] = records[out]
        report.by_type.update(e.type for e in result.entities)
        report.files.append(
            FileReport(rel, out, "ok", entities=len(result.entities), encoding=note.encoding)
        )
    if force:
        report.removed = _remove_stale(dst, earlier, set(outputs))
    try:
        write_marker(dst, written, drop=set(records) - set(written))
    except OSError as exc:
        disk_errors.add(DISK_ERRORS.get(exc.errno or 0, ""))
        report.errors.append(
            f"cannot write the marker {OUTPUT_MARKER}: {exc.strerror or type(exc).__name__}; "
            "`anonymize check` will take the pseudonyms of this folder for leaks"
        )
    unwritten = sum(1 for f in report.failed if (f.error or "").startswith("cannot write"))
    for reason in sorted(r for r in disk_errors if r):
        report.errors.insert(0, f"{reason}: {unwritten} of {len(notes)} notes not written")
    report.files.sort(key=lambda f: f.source)
    report.seconds = time.perf_counter() - started
    return report

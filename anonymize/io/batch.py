"""Anonymize a folder of notes into another, never touching the source.

Reading and writing happen in this process; the expensive analysis can be
spread over worker processes forked after the model is loaded, so each worker
starts with the engine in memory. Names are propagated and pseudonyms chosen
once for the whole batch, so a person keeps one pseudonym in every note.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..config import Config
from ..detect.analyze import analyze_texts
from ..detect.engine import get_analyzer
from ..entities import Entity
from ..errors import AnonymizeError, NoteError
from ..pipeline import Pipeline
from ..replace.mapping import Mapping
from .formats.docx import ENCODING as DOCX_ENCODING
from .formats.docx import anonymize_docx
from .marker import marker_record, write_marker
from .reader import Note, find_notes, read_note
from .writer import atomic_write

# Notes analyzed per task: large enough for nlp.pipe batching, small enough
# for a smooth progress bar and an even spread over workers.
SHARD = 8


class BatchError(AnonymizeError):
    """The batch cannot start (bad folders, existing outputs): nothing was written."""


@dataclass
class FileReport:
    source: str
    output: str | None
    status: str
    entities: int = 0
    error: str | None = None
    encoding: str | None = None


@dataclass
class BatchReport:
    files: list[FileReport] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "failed"]

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
        return {"files": [asdict(f) for f in self.files], "summary": self.summary()}


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or below it (after resolving links)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def plan_outputs(src: Path, dst: Path, force: bool) -> list[tuple[Path, Path]]:
    """(source, output) pairs, or BatchError before anything is written."""
    if not src.is_dir():
        raise BatchError(f"source folder not found: {src}")
    if is_inside(dst, src):
        raise BatchError(f"output folder {dst} is inside the source folder {src}: refused")
    if is_inside(src, dst):
        raise BatchError(f"source folder {src} is inside the output folder {dst}: refused")
    # Output names are anonymized after the analysis: `run_batch` checks for
    # existing outputs then (`refuse_existing`), still before writing anything.
    return [(p, dst / p.relative_to(src)) for p in find_notes(src)]


def refuse_existing(outputs: Sequence[Path]) -> None:
    """BatchError naming the first output that already exists (nothing written yet)."""
    existing = [out for out in outputs if out.exists()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise BatchError(f"output file exists: {existing[0]}{more}; use --force to overwrite")


def _analyze_shard(texts: list[str], config: Config) -> list[list[Entity]]:
    return list(analyze_texts(texts, config))


def analyze_parallel(
    texts: Sequence[str],
    config: Config,
    jobs: int = 1,
    on_progress: Callable[[int], None] | None = None,
) -> list[list[Entity]]:
    """Raw detections for every text, with `jobs` forked workers when > 1."""
    shards = [list(texts[i : i + SHARD]) for i in range(0, len(texts), SHARD)]
    results: list[list[Entity]] = []
    get_analyzer(config)  # load once here; forked workers inherit it
    if jobs <= 1 or len(shards) <= 1:
        for shard in shards:
            results.extend(_analyze_shard(shard, config))
            if on_progress:
                on_progress(len(shard))
        return results
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_analyze_shard, shard, config) for shard in shards]
        for shard, future in zip(shards, futures, strict=True):
            results.extend(future.result())
            if on_progress:
                on_progress(len(shard))
    return results


def run_batch(
    src: Path,
    dst: Path,
    config: Config | None = None,
    *,
    style: str | None = None,
    jobs: int = 1,
    force: bool = False,
    mapping: Mapping | None = None,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BatchReport:
    """Anonymize every note of `src` into the same tree under `dst`."""
    started = time.perf_counter()
    config = config or Config()
    pairs = plan_outputs(src, dst, force)
    report = BatchReport()
    notes: list[tuple[Path, Path, Note]] = []
    for source, output in pairs:
        rel = str(source.relative_to(src))
        try:
            notes.append((source, output, read_note(source, config.max_bytes)))
        except NoteError as exc:
            report.files.append(FileReport(rel, None, "failed", error=str(exc)))
    if on_start:
        on_start(len(pairs))
    if on_progress and report.failed:
        on_progress(len(report.failed))

    pipeline = Pipeline(config, style, mapping)
    texts = [note.text for _, _, note in notes]
    raw = analyze_parallel(texts, config, jobs, on_progress)
    # File and folder names are short texts of their notes' scope: same pseudonyms.
    sources = [source.relative_to(src) for source, _, _ in notes]
    results, names = pipeline.anonymize_folder(texts, sources, raw)
    notes = [(s, dst / name, note) for (s, _, note), name in zip(notes, names, strict=True)]
    if not force:
        refuse_existing([output for _, output, _ in notes])
    records: dict[str, dict] = {}
    for (source, output, note), result in zip(notes, results, strict=True):
        rel = str(source.relative_to(src))
        try:
            if note.encoding == DOCX_ENCODING:
                anonymize_docx(source, output, result)
            else:
                atomic_write(output, result.text, bom=note.bom)
        except NoteError as exc:
            report.files.append(FileReport(rel, None, "failed", error=str(exc)))
            continue
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            report.files.append(FileReport(rel, None, "failed", error=f"cannot write: {reason}"))
            continue
        except Exception as exc:  # one file must not stop the batch
            # the class name only: a message could quote the note
            error = f"cannot anonymize: {exc.__class__.__name__}"
            report.files.append(FileReport(rel, None, "failed", error=error))
            continue
        docx = note.encoding == DOCX_ENCODING
        written = output.relative_to(dst).as_posix()
        records[written] = marker_record(None if docx else result.text, result.replacements)
        report.by_type.update(e.type for e in result.entities)
        report.files.append(
            FileReport(
                rel,
                str(output.relative_to(dst)),
                "ok",
                entities=len(result.entities),
                encoding=note.encoding,
            )
        )
    report.files.sort(key=lambda f: f.source)
    write_marker(dst, records)
    report.seconds = time.perf_counter() - started
    return report

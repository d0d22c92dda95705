"""The marker of a batch output folder: what each run wrote, and where.

`batch` leaves `.anonymize-output` at the root of its output folder: for each
file, the spans it replaced and the strings it wrote there (nothing real, all
of it already in the published text). The publishing gate (`publish/check.py`)
reads it to tell our pseudonyms from leaks; `review` reads it to refuse
writing the raw notes into a batch output folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from .. import __version__
from ..replace.splice import Replacement
from .writer import atomic_write

OUTPUT_MARKER = ".anonymize-output"


def source_id(src: Path) -> str:
    """An opaque tag of a source folder, so that runs of different folders into one
    output folder are told apart (a digest of its resolved path, never a note's name)."""
    return hashlib.sha256(str(src.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def marker_record(
    text: str | None, replacements: Sequence[Replacement], source: str | None = None
) -> dict:
    """What one run wrote in one output file: where, and which strings.

    `text` is the file's text as written (None for a Word file, whose text is
    rebuilt from runs): its digest tells the gate whether the recorded spans
    still point at our replacements. `source` is the `source_id` of the run's
    source folder.
    """
    record = {
        "sha256": _digest(text) if text is not None else None,
        # a dropped name ("sa sœur Claire est" -> "sa sœur est") wrote nothing to excuse
        "spans": [[r.start, r.end] for r in replacements if r.end > r.start]
        if text is not None
        else None,
        "replacements": sorted({r.text for r in replacements if r.text.strip()}),
    }
    if source is not None:
        record["source"] = source
    return record


def write_marker(dst: Path, records: dict[str, dict], drop: Iterable[str] = ()) -> None:
    """Mark `dst` as a batch output and record, per file, what this run wrote there.

    Records of files this run did not write are kept while the file exists (an
    earlier run into the same folder), except those in `drop` (files this run
    meant to write and could not: what is there now is not what was recorded);
    nothing is excused folder-wide.
    """
    path = dst / OUTPUT_MARKER
    earlier = read_marker(path)
    dropped = set(drop)
    files = {
        rel: r
        for rel, r in marker_files(earlier).items()
        if rel not in dropped and (dst / rel).is_file()
    }
    files.update(records)
    # a marker written before per-file records: its strings cannot be told
    # apart by file, and the files they were written in are still there
    legacy = string_values(earlier.get("replacements"))
    payload = {
        "tool": "anonymize",
        "version": __version__,
        "about": "Output folder of `anonymize batch`: anonymized notes only. For each file, "
        "the spans and strings the tool wrote in place of identifiers (nothing real); "
        "`anonymize check` excuses them in that file only.",
        "files": dict(sorted(files.items())),
    }
    if legacy:
        payload["replacements"] = sorted(set(legacy))
    atomic_write(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def recorded_files(dst: Path, source: str) -> list[str]:
    """The files (relative to `dst`) that the marker of `dst` says a run of `source` wrote."""
    files = marker_files(read_marker(dst / OUTPUT_MARKER))
    return sorted(rel for rel, record in files.items() if record.get("source") == source)


def find_marker(path: Path) -> Path | None:
    """The marker of the batch output folder that holds `path`, if any."""
    path = path.resolve()
    folder = path if path.is_dir() else path.parent
    for candidate in (folder, *folder.parents):
        marker = candidate / OUTPUT_MARKER
        if marker.is_file():
            return marker
    return None


def read_marker(marker: Path) -> dict:
    """A marker's content; empty when missing or unreadable (nothing is excused)."""
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def marker_files(data: dict) -> dict[str, dict]:
    """The per-file records of a read marker, well-formed ones only."""
    files = data.get("files")
    if not isinstance(files, dict):
        return {}
    return {rel: r for rel, r in files.items() if isinstance(rel, str) and isinstance(r, dict)}


def string_values(values: object) -> list[str]:
    """The strings of a list read from a marker (anything else is ignored)."""
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def load_known(marker: Path) -> list[str]:
    """Every replacement string recorded in a marker file (for `--known`; empty if unreadable)."""
    data = read_marker(marker)
    known = string_values(data.get("replacements"))  # a marker written before per-file records
    for record in marker_files(data).values():
        known += string_values(record.get("replacements"))
    return known


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def record_spans(record: dict, text: str) -> list[tuple[int, int]] | None:
    """The recorded spans, if the file is still exactly as the run wrote it."""
    spans = record.get("spans")
    if record.get("sha256") != _digest(text) or not isinstance(spans, list):
        return None
    valid = [
        (s[0], s[1])
        for s in spans
        if isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s)
    ]
    if len(valid) != len(spans) or not all(0 <= a < b <= len(text) for a, b in valid):
        return None
    return valid

"""Benchmark: one 5 MB note through `anonymize text`, with its peak memory.

A coach's whole year in one file is about the largest note the tool accepts
(5 MB by default). This script builds such a note from the samples, giving
every copy different names so that propagation and identities have work to
do, runs the real CLI on it in a child process and prints the wall time and
the child's peak resident memory (the core issue's bound is 1.5 GB).
Not a test: run it by hand, `python bench/big_note.py [--mb 5]`.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Julien", "Claire", "Malik", "Sophie", "Hugo", "Inès", "Thomas", "Léa", "Karim", "Anaïs"]
LAST = ["Marchand", "Dupont", "Benali", "Lefèvre", "Rousseau", "Morel", "Garnier", "Faure"]
LIMIT_BYTES = 5 * 1024 * 1024


def build(target_bytes: int) -> str:
    """Samples repeated with a different client name per copy, up to `target_bytes`."""
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("0*"))
               if p.suffix in (".md", ".txt")]  # fmt: skip
    rng = random.Random(5)
    parts, size, n = [], 0, 0
    while True:
        text = samples[n % len(samples)]
        header = f"\n\n## Copie {n} : {rng.choice(FIRST)} {rng.choice(LAST)} ({n})\n\n"
        piece = header + text.replace("---\n", "- - -\n")  # one front matter only
        if size + len(piece.encode("utf-8")) > target_bytes:
            break
        parts.append(piece)
        size += len(piece.encode("utf-8"))
        n += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.95, help="note size in MB (limit 5)")
    parser.add_argument("--style", default="pseudonym")
    args = parser.parse_args()
    target = min(int(args.mb * 1024 * 1024), LIMIT_BYTES)
    with tempfile.TemporaryDirectory() as tmp:
        note, out = Path(tmp) / "annee.md", Path(tmp) / "annee-anonyme.md"
        note.write_text(build(target), encoding="utf-8")
        size = note.stat().st_size
        words = len(note.read_text(encoding="utf-8").split())
        cli = str(Path(sys.executable).parent / "anonymize")
        command = [cli, "text", str(note), "-o", str(out), "--style", args.style]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            sys.exit(done.returncode)
        leaked = sum(out.read_text(encoding="utf-8").count(f" {name} ") for name in LAST)
    print(f"note: {size / 1048576:.2f} MB, {words} words, style {args.style}")
    rate = words / seconds
    print(f"anonymize text: {seconds:.1f} s ({rate:.0f} words/s), peak RSS {peak_mb:.0f} MB")
    print(f"surnames of the header lines left in clear: {leaked}")


if __name__ == "__main__":
    main()

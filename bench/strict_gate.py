"""How well `anonymize check --strict` catches what `batch` leaves behind.

For each gold corpus (dev-corpus format: notes + gold JSON): run `anonymize batch`
on a copy of its notes, find the gold secrets still in the output with the team
scorer's own rules (`shared/tools/score.py`: `document_secrets`, `secret_pattern`),
run `anonymize check --strict --show` on the output, and count

- caught: leaked secrets with at least one occurrence overlapped by a finding of
  the strict gate (any type: `check`'s own findings count too, UNKNOWN ones are
  also counted alone);
- flags per 1,000 words: UNKNOWN findings per 1,000 words of the output (what a
  coach has to read on top of `check`).

Leaks of an allow-listed term (a public service the product keeps by policy,
"CNIL") are shown apart: the gate is not meant to flag them.

    python bench/strict_gate.py                      # every corpus found
    python bench/strict_gate.py --corpus bench/clinical --seed 3 --show
    python bench/strict_gate.py --workdir /tmp/gate --show --flags  # batch once, then tune

The scorer lives beside the project (`../shared/tools/`, `--tools`); the CLI is
the venv's `anonymize` (`--exe`). Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "dev": ROOT.parent / "shared" / "dev-corpus",
    "samples": ROOT / "samples",
    "heldout": ROOT / "bench" / "heldout",
    "business": ROOT / "bench" / "business",
    "clinical": ROOT / "bench" / "clinical",
}
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+) (?P<type>[A-Z]+) (?P<text>.*)$")
WORDS = re.compile(r"\w+")


@dataclass
class Row:
    name: str
    docs: int = 0
    words: int = 0
    leaks: int = 0
    allowed: int = 0
    caught: int = 0
    caught_unknown: int = 0
    unknown: int = 0
    other: int = 0
    missed: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def _offset(text: str, line: int, col: int) -> int:
    """The offset of `line:col` (both from 1) in `text`, as `Note.locate` counts."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + col - 1


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """`text[start:end]` in brackets, with `width` characters around it on one line."""
    before = text[max(0, start - width) : start].replace("\n", "⏎")
    after = text[end : end + width].replace("\n", "⏎")
    return f"{before}[{text[start:end]}]{after}"


def run_corpus(
    name: str, gold: Path, exe: str, seed: int, workdir: Path | None = None, flags: bool = False
) -> Row:
    from corpus import load_corpus  # the team's scorer, on sys.path
    from score import document_secrets, secret_pattern

    from anonymize.config import Config
    from anonymize.detect.allow import AllowList

    allow = AllowList(Config().allow_terms())
    corpus = load_corpus(gold)
    row = Row(name, docs=len(corpus.docs))
    with tempfile.TemporaryDirectory() as scratch:
        tmp = workdir / f"{name}-{seed}" if workdir else Path(scratch)
        src, dst = tmp / "notes", tmp / "public"
        report = tmp / "report.json"
        if not report.is_file():  # --workdir: the batch of an earlier run is reused
            src.mkdir(parents=True, exist_ok=True)
            for doc in corpus.docs:  # only the notes: the gold folder holds .json files
                (src / doc.name).write_text(doc.text, encoding="utf-8")
            batch = [exe, "batch", str(src), "-o", str(dst), "--seed", str(seed), "--force"]
            subprocess.run([*batch, "--report", str(report)], check=True, capture_output=True)
        by_source = {  # output names are anonymized too
            Path(f["source"]).name: Path(f["output"]).name
            for f in json.loads(report.read_text(encoding="utf-8"))["files"]
            if f.get("status") == "ok"
        }
        check = subprocess.run(
            [exe, "check", "--strict", "--show", str(dst)], capture_output=True, text=True
        )
        findings: dict[str, list[tuple[int, int, str]]] = {}
        texts = {p.name: p.read_text(encoding="utf-8") for p in dst.iterdir() if p.is_file()}
        for line in check.stdout.splitlines():
            m = FINDING.match(line)
            if not m or int(m["line"]) == 0:
                continue
            file = Path(m["path"]).name
            start = _offset(texts[file], int(m["line"]), int(m["col"]))
            end = start + len(m["text"])
            findings.setdefault(file, []).append((start, end, m["type"]))
            if flags and m["type"] == "UNKNOWN":
                row.flags.append(f"{file}: {_context(texts[file], start, end)}")
        for doc in corpus.docs:
            file = by_source.get(doc.name)
            if file is None:
                continue
            output = texts[file]
            row.words += len(WORDS.findall(output))
            found = findings.get(file, [])
            row.unknown += sum(t == "UNKNOWN" for *_, t in found)
            row.other += sum(t != "UNKNOWN" for *_, t in found)
            for secret in document_secrets(doc):
                where = [m.span() for m in secret_pattern(secret).finditer(output)]
                if not where:
                    continue
                if any(s <= a and b <= t for a, b in where for s, t in allow.spans(output)):
                    row.allowed += 1
                    continue
                row.leaks += 1
                hits = {t for a, b in where for s, e, t in found if s < b and a < e}
                row.caught += bool(hits)
                row.caught_unknown += "UNKNOWN" in hits
                if not hits:
                    row.missed.append(f"{doc.name}: {secret}")
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", help="a gold folder (default: all known)")
    ap.add_argument("--tools", default=str(ROOT.parent / "shared" / "tools"))
    ap.add_argument("--exe", default=str(Path(sys.executable).parent / "anonymize"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", action="store_true", help="list the leaks no finding caught")
    ap.add_argument("--flags", action="store_true", help="list every UNKNOWN flag in context")
    ap.add_argument(
        "--workdir",
        type=Path,
        help="keep each batch output here and reuse it on the next run (to tune the gate alone)",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, args.tools)
    corpora = (
        {Path(c).name: Path(c) for c in args.corpus}
        if args.corpus
        else {n: p for n, p in CORPORA.items() if p.is_dir()}
    )
    rows = [
        run_corpus(name, path, args.exe, args.seed, args.workdir, args.flags)
        for name, path in corpora.items()
    ]
    print(
        f"{'corpus':<10} {'docs':>4} {'words':>7} {'leaks':>5} {'caught':>7} {'rate':>5} "
        f"{'by UNKNOWN':>10} {'UNKNOWN':>7} {'/1000 w':>7} {'check':>5} {'allowed':>7}"
    )
    for r in rows:
        rate = f"{r.caught / r.leaks:.2f}" if r.leaks else "—"
        print(
            f"{r.name:<10} {r.docs:>4} {r.words:>7} {r.leaks:>5} {r.caught:>7} {rate:>5} "
            f"{r.caught_unknown:>10} {r.unknown:>7} {1000 * r.unknown / max(r.words, 1):>7.2f} "
            f"{r.other:>5} {r.allowed:>7}"
        )
    if args.show:
        for r in rows:
            for m in r.missed:
                print(f"  missed {r.name}: {m}")
    for r in rows:
        for f in r.flags:
            print(f"  flag {r.name}: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

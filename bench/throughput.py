"""Throughput, cold start and peak memory: prints figures, asserts nothing.

    python bench/throughput.py [--notes 300] [--words 600]

Builds a corpus of notes of about 600 words from the bundled samples (or the
dev corpus if samples are missing) with varied names, then measures words/s
for: bare spaCy fr_core_news_md `nlp.pipe`; vanilla Presidio
`AnalyzerEngine.analyze` in a loop (its default French setup); `anonymize
batch` with one job and with `--jobs 2`; the cold start of `anonymize text` on
a short note; and the peak memory (RSS) of each `anonymize` process.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST = [
    "Julien",
    "Claire",
    "Sofiane",
    "Maëlle",
    "Thierry",
    "Inès",
    "Bruno",
    "Léa",
    "Karim",
    "Anne",
]
LAST = ["Marchand", "Perrin", "Benali", "Le Goff", "Rousseau", "Faure", "Nguyen", "Lambert"]
TOWNS = ["Annecy", "Rennes", "Brest", "Colmar", "Niort", "Albi", "Vannes", "Dijon"]


def source_texts() -> list[str]:
    for folder in (ROOT / "samples", ROOT.parent / "shared" / "dev-corpus"):
        texts = [
            p.read_text(encoding="utf-8")
            for p in sorted(folder.glob("*.[mt][dx]*"))
            if p.suffix in (".md", ".txt") and p.name != "README.md"
        ]
        if texts:
            return texts
    sys.exit("no sample notes found")


def build_corpus(folder: Path, n: int, words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = source_texts()
    folder.mkdir(parents=True)
    notes = []
    for i in range(n):
        text = base[i % len(base)]
        tokens = text.split(" ")
        while len(" ".join(tokens).split()) < words:
            tokens += base[(i + 1) % len(base)].split(" ")
        note = " ".join(tokens)
        note = " ".join(note.split(" ")[: int(len(tokens) * words / len(note.split()))])
        header = (
            f"Séance avec {rng.choice(FIRST)} {rng.choice(LAST)}, "
            f"{rng.randint(20, 65)} ans, de {rng.choice(TOWNS)}.\n\n"
        )
        note = header + note
        (folder / f"note_{i:04d}.md").write_text(note, encoding="utf-8")
        notes.append(note)
    return notes


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bench_spacy(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return words_of(texts) / (time.perf_counter() - t0)


def bench_presidio(texts: list[str]) -> float:
    import types

    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    # Presidio's e-mail recognizer calls tldextract, which would try to download
    # the public suffix list: the benchmark stays offline like the tool.

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract = types.SimpleNamespace(extract=offline)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    t0 = time.perf_counter()
    for text in texts:
        engine.analyze(text=text, language="fr")
    return words_of(texts) / (time.perf_counter() - t0)


BASELINES = {"spacy": bench_spacy, "presidio": bench_presidio}


def baseline(name: str, corpus: Path) -> float:
    """Words/s of one baseline, in its own process: this one stays small, so the
    peak memory read for the `anonymize` runs below is theirs alone."""
    cmd = [sys.executable, __file__, "--baseline", name, "--corpus", str(corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc (Linux)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += parents.get(p, [])
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS counts a page shared by n processes as 1/n."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = {ln.split(":")[0]: int(ln.split()[1]) for ln in text.splitlines()[1:] if ":" in ln}
    return fields.get("Rss", 0), fields.get("Pss", 0)


class TreeMemory:
    """Peak memory of a whole process tree, sampled every 50 ms from /proc.

    `rss` sums the RSS of every process (pages the forked workers share with
    their parent counted in each); `pss` shares them out (counted once)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.rss, self.pss = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for p in _tree(self.pid):
                r, s = _memory_kb(p)
                rss, pss = rss + r, pss + s
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self._stop.wait(0.05)

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join()
        return self.rss / 1024, self.pss / 1024


def timed_run(cmd: list[str], stdin: str | None = None) -> tuple[float, float, float, float]:
    """(wall seconds, peak RSS MB, tree RSS MB, tree PSS MB) of one command.

    The first peak is the largest single process, read with wait4 (the
    command and the workers it forked and waited for); the tree figures sum
    every process of the command alive at the same moment (see TreeMemory).
    """
    t0 = time.perf_counter()
    child = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    tree = TreeMemory(child.pid) if Path("/proc/self/smaps_rollup").exists() else None
    assert child.stdin is not None and child.stderr is not None
    child.stdin.write(stdin or "")
    child.stdin.close()
    errors = child.stderr.read()
    tree_rss, tree_pss = tree.stop() if tree else (float("nan"), float("nan"))
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"{cmd[1]} failed ({child.returncode}): {errors[-500:]}")
    return wall, usage.ru_maxrss / 1024, tree_rss, tree_pss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--baseline", choices=sorted(BASELINES), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:  # a child run: one baseline over the corpus, words/s on stdout
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.md"))]
        print(BASELINES[args.baseline](texts))
        return
    exe = shutil.which("anonymize") or str(ROOT / ".venv" / "bin" / "anonymize")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "notes"
        texts = build_corpus(src, args.notes, args.words)
        total = words_of(texts)
        print(f"corpus: {len(texts)} notes, {total} words ({total // len(texts)} per note)")
        rows = []
        presidio = None
        if not args.skip_baselines:
            rows.append(("spaCy fr_core_news_md nlp.pipe (all components)", baseline("spacy", src)))
            presidio = baseline("presidio", src)
            rows.append(("vanilla Presidio AnalyzerEngine.analyze loop", presidio))
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            command = [exe, "batch", str(src), "-o", str(out), "--jobs", str(jobs)]
            wall, peak, tree_rss, tree_pss = timed_run(command)
            rows.append((f"anonymize batch --jobs {jobs} (incl. model load)", total / wall))
            rows.append(("  peak RSS of its largest process (MB)", peak))
            rows.append(("  peak RSS of its process tree, summed (MB)", tree_rss))
            rows.append(("  peak PSS of its process tree, shared pages once (MB)", tree_pss))
        text_cmd = [exe, "text"]
        cold, peak, *_ = timed_run(text_cmd, stdin="Julien Marchand, 38 ans, habite à Annecy.")
        rows.append(("anonymize text cold start on a short note (s)", cold))
        rows.append(("  peak RSS (MB)", peak))
        width = max(len(name) for name, _ in rows)
        for name, value in rows:
            print(f"{name:<{width}}  {value:>10.1f}")
        if presidio:
            for jobs_row in (
                "anonymize batch --jobs 1 (incl. model load)",
                "anonymize batch --jobs 2 (incl. model load)",
            ):
                value = dict(rows)[jobs_row]
                print(f"{jobs_row}: {value / presidio:.2f}x vanilla Presidio")


if __name__ == "__main__":
    main()

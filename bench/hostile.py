"""What hostile typography costs: leaks per transform of the annotated corpora.

Every annotated corpus (dev-corpus format: a note and its gold JSON beside it) is
rewritten by each transform below, its gold spans moved with the text, into a
scratch folder (`--workdir` keeps it: each transform's folder is a gold folder the
team scorer reads). `anonymize batch SRC -o OUT --seed 1` then runs once per
transform over all the corpora, and the gold secrets still in the output are
counted with the team scorer's own rules (`shared/tools/score.py`:
`document_secrets`, `secret_pattern`: whole words, any whitespace for any
whitespace, a whole mention in any case, a lone name token as written or in
capitals), after the output is read as a reader reads it: NFKC, invisible
characters and soft hyphens dropped, apostrophes and dashes of every kind the
plain ones, a word cut by a hyphen at the end of a line joined again, Markdown
emphasis marks dropped. The secrets are those of the untransformed gold (what
the transform disguised), so every row counts the same secrets. A secret that the
input also holds outside every gold span (`Tours` beside `DEUX TOURS DU TAPIS`
once a paragraph is in capitals) leaks only when the output holds it more often.

Transforms (one hostile habit each):

    baseline         the corpus as annotated
    caps_paragraphs  every other paragraph in capitals
    caps_all         the whole note in capitals
    zero_width       an invisible character (U+200B/200C/200D/2060/FEFF) inside every gold span
    soft_hyphen      a soft hyphen (U+00AD) inside every word of 6 letters or more
    nfd              decomposed accents (NFD), as macOS file systems write them
    fullwidth        the gold spans in full-width letters and digits
    fullwidth_digits every digit of the note full-width (amounts, dates, phones)
    spaces           every space a no-break, narrow no-break or thin space (U+00A0/202F/2009)
    punctuation      apostrophes ’ ʼ and dashes ‐ ‑ – — for ' and - (not inside e-mails and URLs)
    crlf             Windows line endings
    tabs             tabs for the spaces inside gold spans, after a colon, and one space in five
    markdown         Markdown emphasis inside names (`**Jul**ien`)
    line_hyphen      the longest word of every name, place and organisation cut by `-` + newline

    python bench/hostile.py                              # every corpus found, every transform
    python bench/hostile.py --transform nfd --transform crlf --corpus samples
    python bench/hostile.py --workdir /tmp/hostile       # keep the folders, reuse the batches

Not a test: it prints a table and examples, and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "samples": ROOT / "samples",
    "heldout": ROOT / "bench" / "heldout",
    "clinical": ROOT / "bench" / "clinical",
    "business": ROOT / "bench" / "business",
    "dev": ROOT.parent / "shared" / "dev-corpus",
}
NOTE_SUFFIXES = (".txt", ".md")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
SPACES = ("\u00a0", "\u202f", "\u2009")
APOSTROPHES = ("\u2019", "\u02bc")
DASHES = ("\u2010", "\u2011", "\u2013", "\u2014")
NAMED = ("PERSON", "LOCATION", "ORG")


@dataclass
class Mention:
    start: int
    end: int
    type: str
    text: str


@dataclass
class Doc:
    corpus: str
    name: str
    text: str
    mentions: list[Mention]
    keep: list[str] | None = None

    @property
    def rel(self) -> str:
        return f"{self.corpus}/{self.name}"


def load(corpus: str, folder: Path) -> list[Doc]:
    """The annotated notes of `folder` (a `.json` beside each `.txt`/`.md`)."""
    docs = []
    for gold in sorted(folder.glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "entities" not in data:
            continue
        name = data.get("document") or next(
            (gold.with_suffix(s).name for s in NOTE_SUFFIXES if gold.with_suffix(s).is_file()), None
        )
        if not name or not (folder / name).is_file():
            continue
        text = (folder / name).read_text(encoding="utf-8")
        mentions = [Mention(e["start"], e["end"], e["type"], e["text"]) for e in data["entities"]]
        if any(text[m.start : m.end] != m.text for m in mentions):
            print(f"warning: {folder / name}: gold offsets do not match, skipped", file=sys.stderr)
            continue
        docs.append(Doc(corpus, name, text, mentions, data.get("keep")))
    return docs


# -- transforms ----------------------------------------------------------------------
# A transform gives, for each character of the note, the string that replaces it
# (itself, another, several, or with characters inserted before it). A gold span
# [s, e) moves to [new offset of s, new offset of e): what is inserted before an
# inner character stays inside the span.

Pieces = list[str]


def _inside(doc: Doc, types: tuple[str, ...] | None = None) -> list[Mention]:
    return [m for m in doc.mentions if types is None or m.type in types]


def t_baseline(doc: Doc) -> Pieces:
    return list(doc.text)


def t_caps_paragraphs(doc: Doc) -> Pieces:
    out = list(doc.text)
    for k, m in enumerate(re.finditer(r"(?:[^\n]+\n?)+", doc.text)):
        if k % 2:
            out[m.start() : m.end()] = [c.upper() for c in m.group()]
    return out


def t_caps_all(doc: Doc) -> Pieces:
    return [c.upper() for c in doc.text]


def t_zero_width(doc: Doc) -> Pieces:
    out = list(doc.text)
    for k, m in enumerate(doc.mentions):
        if m.end - m.start >= 2:
            at = m.start + (m.end - m.start) // 2
            out[at] = INVISIBLE[k % len(INVISIBLE)] + out[at]
    return out


def t_soft_hyphen(doc: Doc) -> Pieces:
    out = list(doc.text)
    for m in re.finditer(r"[^\W\d_]{6,}", doc.text):
        at = m.start() + len(m.group()) // 2
        out[at] = "\u00ad" + out[at]
    return out


def t_nfd(doc: Doc) -> Pieces:
    return [unicodedata.normalize("NFD", c) for c in doc.text]


def _full(c: str) -> str:
    return chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c


def t_fullwidth(doc: Doc) -> Pieces:
    out = list(doc.text)
    for m in doc.mentions:
        for i in range(m.start, m.end):
            out[i] = _full(doc.text[i])
    return out


def t_fullwidth_digits(doc: Doc) -> Pieces:
    return [_full(c) if c.isascii() and c.isdigit() else c for c in doc.text]


def t_spaces(doc: Doc) -> Pieces:
    out = list(doc.text)
    for k, m in enumerate(re.finditer(" ", doc.text)):
        out[m.start()] = SPACES[k % len(SPACES)]
    return out


def t_punctuation(doc: Doc) -> Pieces:
    out = list(doc.text)
    spared = bytearray(len(doc.text))
    for m in _inside(doc, ("EMAIL", "URL")):
        spared[m.start : m.end] = b"\x01" * (m.end - m.start)
    for m in re.finditer(r"\S*(?:@|://|www\.)\S*", doc.text):  # addresses nobody annotated
        spared[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    apostrophe = dash = 0
    for i, c in enumerate(doc.text):
        if spared[i]:
            continue
        if c == "'":
            out[i] = APOSTROPHES[apostrophe % len(APOSTROPHES)]
            apostrophe += 1
        elif c == "-":
            out[i] = DASHES[dash % len(DASHES)]
            dash += 1
    return out


def t_crlf(doc: Doc) -> Pieces:
    return ["\r\n" if c == "\n" else c for c in doc.text]


def t_tabs(doc: Doc) -> Pieces:
    out = list(doc.text)
    for m in doc.mentions:
        for i in range(m.start, m.end):
            if doc.text[i] == " ":
                out[i] = "\t"
    for m in re.finditer(r"(?<=:) ", doc.text):
        out[m.start()] = "\t"
    for k, m in enumerate(re.finditer(" ", doc.text)):
        if k % 5 == 4:
            out[m.start()] = "\t"
    return out


def t_markdown(doc: Doc) -> Pieces:
    out = list(doc.text)
    for m in _inside(doc, ("PERSON",)):
        word = re.search(r"[^\W\d_]{4,}", m.text)
        if word:
            a = m.start + word.start()
            cut = a + len(word.group()) // 2
            out[a] = "**" + out[a]
            out[cut] = "**" + out[cut]
    return out


def t_line_hyphen(doc: Doc) -> Pieces:
    out = list(doc.text)
    for m in _inside(doc, NAMED):
        words = list(re.finditer(r"[^\W\d_]{6,}", m.text))
        if words:
            word = max(words, key=lambda w: len(w.group()))
            cut = m.start + word.start() + len(word.group()) // 2
            out[cut] = "-\n" + out[cut]
    return out


TRANSFORMS: dict[str, Callable[[Doc], Pieces]] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("t_") and callable(fn)
}


def transform(doc: Doc, name: str) -> Doc:
    """`doc` rewritten by the transform `name`, its gold spans moved along."""
    pieces = TRANSFORMS[name](doc)
    assert len(pieces) == len(doc.text)
    at = [0]
    for p in pieces:
        at.append(at[-1] + len(p))
    text = "".join(pieces)
    mentions = [
        Mention(at[m.start], at[m.end], m.type, text[at[m.start] : at[m.end]]) for m in doc.mentions
    ]
    keep = [k for k in doc.keep or [] if k in text] if doc.keep is not None else None
    return Doc(doc.corpus, doc.name, text, mentions, keep)


def write_gold(doc: Doc, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    # newline="": a CRLF note is written as it is
    with (folder / doc.name).open("w", encoding="utf-8", newline="") as handle:
        handle.write(doc.text)
    gold = {
        "document": doc.name,
        "entities": [
            {"text": m.text, "type": m.type, "start": m.start, "end": m.end} for m in doc.mentions
        ],
    }
    if doc.keep is not None:
        gold["keep"] = doc.keep
    (folder / Path(doc.name).with_suffix(".json").name).write_text(
        json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
    )


# -- reading the output as a reader does -----------------------------------------------

_DASH = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_APOSTROPHE = re.compile("[\u2018\u2019\u02bc\u02b9\u2032\uff07`´]")
_CUT = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def read_as_reader(text: str) -> list[str]:
    """The ways a reader reads `text`: NFKC, invisible characters dropped, every
    apostrophe `'` and every dash `-`, Markdown emphasis marks dropped; a word cut
    by `-` at a line end read joined (`Mar-⏎chand`) and kept hyphenated (`Jean-⏎Luc`)."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # U+00AD is Cf too
    text = unicodedata.normalize("NFKC", text)
    text = _APOSTROPHE.sub("'", _DASH.sub("-", text)).replace("*", "")
    joined = _CUT.sub("", text)
    return [text] if joined == text else [joined, _CUT.sub("-", text)]


# -- running -----------------------------------------------------------------------------


@dataclass
class Row:
    transform: str
    docs: int = 0
    secrets: int = 0
    leaks: int = 0
    failed: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)


def _context(text: str, start: int, end: int, width: int = 35) -> str:
    def flat(s: str) -> str:
        return s.replace("\r", "␍").replace("\n", "⏎").replace("\t", "⇥")

    before, after = text[max(0, start - width) : start], text[end : end + width]
    return f"{flat(before)}[{flat(text[start:end])}]{flat(after)}"


def run_transform(
    name: str, docs: list[Doc], tools: Path | None, exe: str, seed: int, jobs: int, work: Path
) -> Row:
    document_secrets, secret_pattern = scorer(tools)
    row = Row(name, docs=len(docs))
    folder = work / name
    src, dst, report = folder / "gold", folder / "out", folder / "report.json"
    moved = [transform(doc, name) for doc in docs]
    started = time.perf_counter()
    if not report.is_file():  # --workdir: an earlier run's batch is reused
        for doc in moved:
            write_gold(doc, src / doc.corpus)
        cmd = [exe, "batch", str(src), "-o", str(dst), "--seed", str(seed), "--force"]
        cmd += ["--jobs", str(jobs), "--report", str(report)]
        subprocess.run(cmd, capture_output=True, check=False)
    row.seconds = time.perf_counter() - started
    outputs = {
        f["source"]: f["output"]
        for f in json.loads(report.read_text(encoding="utf-8"))["files"]
        if f.get("status") == "ok" and f.get("output")
    }
    for doc, note in zip(docs, moved, strict=True):  # the secrets of the untransformed note
        secrets = document_secrets(doc)
        row.secrets += len(secrets)
        out = outputs.get(doc.rel)
        if out is None:
            row.failed += 1
            continue
        raw = (dst / out).read_bytes().decode("utf-8-sig")
        readings = read_as_reader(raw)
        outside = _outside_gold(note)
        for secret in secrets:
            plain = read_as_reader(str(secret))[0]
            pattern = secret_pattern(type(secret)(plain))
            hits = [list(pattern.finditer(r)) for r in readings]
            # a secret the input also holds outside every gold span (`Tours` and
            # `DEUX TOURS DU TAPIS` once a paragraph is in capitals) leaks when the
            # output holds it more often than that
            common = max(len(pattern.findall(r)) for r in outside)
            found = max(hits, key=len)
            if len(found) <= common:
                continue
            hit = found[0]
            row.leaks += 1
            reading = next(r for r in readings if hit.string is r)
            row.examples.append(
                f"{doc.rel}: {secret!s} … {_context(reading, hit.start(), hit.end())}"
            )
    return row


def _outside_gold(doc: Doc) -> list[str]:
    """The readings of `doc` with every gold span blanked out."""
    text = doc.text
    for m in sorted(doc.mentions, key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    return read_as_reader(text)


def scorer(tools: Path | None):
    """The team scorer's `document_secrets` and `secret_pattern`."""
    if tools is not None and (tools / "score.py").is_file():
        if str(tools) not in sys.path:
            sys.path.insert(0, str(tools))
        from score import document_secrets, secret_pattern

        return document_secrets, secret_pattern
    sys.exit(f"the team scorer is needed (score.py in --tools, not found in {tools})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", help="a gold folder (default: every one found)")
    ap.add_argument("--transform", action="append", choices=sorted(TRANSFORMS))
    ap.add_argument("--tools", type=Path, default=ROOT.parent / "shared" / "tools")
    ap.add_argument("--exe", default=str(Path(sys.executable).parent / "anonymize"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--examples", type=int, default=5, help="leaks shown per transform")
    ap.add_argument("--workdir", type=Path, help="keep the folders here; reuse their batches")
    args = ap.parse_args(argv)
    scorer(args.tools)
    corpora = (
        {Path(c).name: Path(c) for c in args.corpus}
        if args.corpus
        else {n: p for n, p in CORPORA.items() if p.is_dir()}
    )
    docs = [d for name, path in corpora.items() for d in load(name, path)]
    names = args.transform or list(TRANSFORMS)
    if "baseline" not in names:
        names = ["baseline", *names]
    with tempfile.TemporaryDirectory() as scratch:
        work = args.workdir or Path(scratch)
        rows = []
        for name in names:
            row = run_transform(name, docs, args.tools, args.exe, args.seed, args.jobs, work)
            rows.append(row)
            print(f"… {name}: {row.leaks} leaks ({row.seconds:.0f} s)", file=sys.stderr)
    base = rows[0].leaks
    print(f"{len(docs)} notes ({', '.join(corpora)}), {rows[0].secrets} secrets, seed {args.seed}")
    print(f"{'transform':<17} {'leaks':>6} {'over baseline':>13} {'failed':>6}")
    for r in rows:
        extra = "" if r.transform == "baseline" else f"{r.leaks - base:+d}"
        print(f"{r.transform:<17} {r.leaks:>6} {extra:>13} {r.failed:>6}")
    baseline = {e.split(" … ")[0] for e in rows[0].examples}
    for r in rows:
        new = [e for e in r.examples if e.split(" … ")[0] not in baseline]
        shown = new if r.transform != "baseline" else r.examples
        if shown:
            print(
                f"\n{r.transform}: {len(shown)} leak(s)" + (" not in the baseline" if new else "")
            )
            for e in shown[: args.examples]:
                print(f"  {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

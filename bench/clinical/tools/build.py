#!/usr/bin/env python3
"""Build the clinical corpus from its sources.

Each source tools/src/NN_slug.src holds:
    keep: phrase            (3 to 8 lines, phrases that must survive)
    ---
    the record, where each mention is written [[surface|T]] with T one of
    P PERSON, L LOCATION, O ORG, A ADDRESS, E EMAIL, T PHONE, U URL, D DATE, G AGE, I ID

The markup is only used to collect the mention list (surface form, type) of a
document; it is written to tools/mentions/NN_slug.tsv. Offsets are then computed
from that list alone: every whole-word, case-sensitive occurrence of each
surface form, longest forms first, skipping occurrences that overlap a span
already taken. The result is compared with the marked positions: any occurrence
found by the search but not marked (a forgotten mark) or marked but not found
(a partial word) stops the build, so the two always agree.

Writes NN_slug.txt (UTF-8, NFC, \n) and NN_slug.json next to this folder.
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TYPES = {"P": "PERSON", "L": "LOCATION", "O": "ORG", "A": "ADDRESS", "E": "EMAIL",
         "T": "PHONE", "U": "URL", "D": "DATE", "G": "AGE", "I": "ID"}
MARK = re.compile(r"\[\[(.+?)\|([A-Z])\]\]")


def whole_word(text, s):
    pat = re.compile(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def parse(path):
    raw = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    raw = unicodedata.normalize("NFC", raw)
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise SystemExit(f"{path}: no '---' separator")
    keep = []
    for line in head.splitlines():
        if line.startswith("keep:"):
            keep.append(line[5:].strip())
        elif line.strip():
            raise SystemExit(f"{path}: unexpected header line {line!r}")
    body = body.strip("\n") + "\n"
    text, marked, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(body):
        chunk = body[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        surf, code = m.group(1), m.group(2)
        if code not in TYPES:
            raise SystemExit(f"{path}: unknown type code {code!r} in {m.group(0)!r}")
        marked.append((out_len, out_len + len(surf), TYPES[code], surf))
        text.append(surf)
        out_len += len(surf)
        pos = m.end()
    text.append(body[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text:
        raise SystemExit(f"{path}: malformed markup left in text near {text[text.find('[['):][:40]!r}")
    return keep, text, marked


def spans_from_list(text, mentions):
    taken = []
    free = [True] * len(text)
    for surf, typ in sorted(mentions, key=lambda m: (-len(m[0]), m[0])):
        for s, e in whole_word(text, surf):
            if all(free[s:e]):
                taken.append((s, e, typ, surf))
                for i in range(s, e):
                    free[i] = False
    return sorted(taken)


def build(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    keep, text, marked = parse(path)
    problems = []
    types_of = {}
    for s, e, t, surf in marked:
        types_of.setdefault(surf, set()).add(t)
    for surf, ts in types_of.items():
        if len(ts) > 1:
            problems.append(f"surface {surf!r} marked with several types {sorted(ts)}")
    mentions = sorted({(surf, t) for s, e, t, surf in marked}, key=lambda m: (m[1], m[0]))
    found = spans_from_list(text, mentions)
    fs, ms = set(found), set(marked)
    for s, e, t, surf in sorted(fs - ms):
        ctx = text[max(0, s - 30):e + 30].replace("\n", " / ")
        problems.append(f"unmarked occurrence of {surf!r} ({t}) at {s}: ...{ctx}...")
    for s, e, t, surf in sorted(ms - fs):
        ctx = text[max(0, s - 30):e + 30].replace("\n", " / ")
        problems.append(f"marked {surf!r} ({t}) at {s} not found as a whole word: ...{ctx}...")
    if problems:
        return stem, problems
    with open(os.path.join(HERE, "mentions", stem + ".tsv"), "w", encoding="utf-8", newline="\n") as f:
        for surf, t in mentions:
            f.write(f"{t}\t{surf}\n")
    with open(os.path.join(OUT, stem + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    ann = {"document": stem + ".txt",
           "entities": [{"text": surf, "type": t, "start": s, "end": e} for s, e, t, surf in found],
           "keep": keep}
    with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(ann, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return stem, []


def main(argv):
    srcs = sorted(glob.glob(os.path.join(HERE, "src", "*.src")))
    if argv:
        srcs = [p for p in srcs if any(os.path.basename(p).startswith(a) for a in argv)]
    bad = 0
    for p in srcs:
        stem, problems = build(p)
        if problems:
            bad += 1
            print(f"{stem}: {len(problems)} problem(s)")
            for pr in problems:
                print("   ", pr)
    print(f"built {len(srcs) - bad}/{len(srcs)} documents")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

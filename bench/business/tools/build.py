#!/usr/bin/env python3
"""Build the business corpus from the marked-up sources in tools/src/.

A source file tools/src/NN_slug.(md|txt).src has a header of "KEEP: phrase" lines,
a line "=====", then the document text in which mentions are marked once or
more as {surface|X}, X being one of
    P PERSON  L LOCATION  O ORG  A ADDRESS  E EMAIL  T PHONE  U URL  D DATE  G AGE  I ID

The markup only yields the mention list (surface form -> type). The offsets are
then computed on the clean text: every whole-word, case-sensitive occurrence of
every surface form, longest forms first, skipping occurrences that touch a span
already placed. Occurrences found by the search but not marked in the source are
listed so that they can be reviewed.

    python3 build.py            build every document
    python3 build.py 07         build documents whose name starts with 07
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CODES = {"P": "PERSON", "L": "LOCATION", "O": "ORG", "A": "ADDRESS", "E": "EMAIL",
         "T": "PHONE", "U": "URL", "D": "DATE", "G": "AGE", "I": "ID"}
MARK = re.compile(r"\{([^{}|]+)\|([PLOAETUDGI])\}")


def whole_word(text, s):
    pat = re.compile(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def build(src):
    name = os.path.basename(src)[:-len(".src")]
    raw = open(src, encoding="utf-8").read().replace("\r\n", "\n")
    head, body = raw.split("\n=====\n", 1)
    keep = [l[5:].strip() for l in head.splitlines() if l.startswith("KEEP:")]
    mentions, marked = {}, []
    out, pos = [], 0
    for m in MARK.finditer(body):
        out.append(body[pos:m.start()])
        start = sum(len(x) for x in out)
        surf, typ = m.group(1), CODES[m.group(2)]
        if mentions.get(surf, typ) != typ:
            raise SystemExit(f"{name}: {surf!r} marked as {mentions[surf]} and {typ}")
        mentions[surf] = typ
        out.append(surf)
        marked.append((start, start + len(surf)))
        pos = m.end()
    out.append(body[pos:])
    text = unicodedata.normalize("NFC", "".join(out))
    if "{" in text or "}" in text:
        raise SystemExit(f"{name}: stray brace in text: " + text[text.find("{") - 30:text.find("{") + 30])
    covered = [False] * len(text)
    ents = []
    for surf in sorted(mentions, key=lambda s: (-len(s), s)):
        for s, e in whole_word(text, surf):
            if any(covered[s:e]):
                continue
            for i in range(s, e):
                covered[i] = True
            ents.append({"text": surf, "type": mentions[surf], "start": s, "end": e})
    ents.sort(key=lambda e: e["start"])
    marked_set = set(marked)
    unmarked = [(e["text"], e["type"], e["start"]) for e in ents if (e["start"], e["end"]) not in marked_set]
    lost = [text[s:e] for s, e in marked if not all(covered[s:e])]
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    stem = os.path.splitext(name)[0]
    with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"document": name, "entities": ents, "keep": keep}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{name}: {len(text.split())} words, {len(ents)} spans, {len(keep)} keep")
    for u in unmarked:
        print("   unmarked occurrence:", u)
    for l in lost:
        print("   MARKED BUT NOT COVERED:", l)


def main():
    pref = sys.argv[1] if len(sys.argv) > 1 else ""
    for src in sorted(glob.glob(os.path.join(HERE, "src", pref + "*.src"))):
        build(src)


if __name__ == "__main__":
    main()

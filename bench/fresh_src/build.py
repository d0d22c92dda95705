#!/usr/bin/env python3
"""Build bench/fresh (documents + gold JSON) from the *.spec files here.

A spec holds the document text, then its mentions (TYPE|surface), then its
keep phrases.  Every whole-word, case-sensitive occurrence of a surface form
is annotated, longest forms first, skipping occurrences inside a longer span
(the method described in the shared dev-corpus README).

    ===TEXT===
    ...
    ===MENTIONS===
    PERSON|Samia BENHADDOU
    ===KEEP===
    la CAF

Standard library only.
"""

import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "fresh")


def parse(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    text_part, rest = raw.split("===TEXT===\n", 1)[1].split("\n===MENTIONS===\n", 1)
    ment_part, keep_part = rest.split("\n===KEEP===\n", 1)
    text = unicodedata.normalize("NFC", text_part.rstrip("\n") + "\n")
    mentions = []
    for line in ment_part.splitlines():
        if line.strip() and not line.startswith("#"):
            typ, surf = line.split("|", 1)
            mentions.append((typ.strip(), surf))
    keep = [k for k in keep_part.splitlines() if k.strip()]
    return text, mentions, keep


def annotate(text, mentions):
    covered = [False] * len(text)
    ents = []
    problems = []
    for typ, surf in sorted(mentions, key=lambda m: -len(m[1])):
        pat = re.compile(r"(?<![\w-])" + re.escape(surf) + r"(?![\w-])")
        found = False
        for m in pat.finditer(text):
            found = True
            if any(covered[m.start() : m.end()]):
                if not all(covered[m.start() : m.end()]):
                    problems.append(f"partial overlap for {surf!r} at {m.start()}")
                continue
            for i in range(m.start(), m.end()):
                covered[i] = True
            ents.append({"text": surf, "type": typ, "start": m.start(), "end": m.end()})
        if not found:
            problems.append(f"mention {surf!r} not found")
    ents.sort(key=lambda e: e["start"])
    return ents, problems


def main():
    bad = 0
    for spec in sorted(glob.glob(os.path.join(HERE, "*.spec"))):
        name = os.path.basename(spec)[: -len(".spec")]
        text, mentions, keep = parse(spec)
        ents, problems = annotate(text, mentions)
        for e in ents:
            assert text[e["start"] : e["end"]] == e["text"]
        for p in problems:
            print(f"{name}: {p}")
            bad += 1
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        stem = os.path.splitext(name)[0]
        with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(
                {"document": name, "entities": ents, "keep": keep}, f, ensure_ascii=False, indent=1
            )
            f.write("\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Print documents with their spans bracketed, [text|TYPE], for the read-through.
Also lists month-name dates and 'N ans' phrases that lie outside spans."""
import glob, json, os, re, sys
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MONTHS = "janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc"
for jp in sorted(glob.glob(os.path.join(OUT, "[0-9][0-9]_*.json"))):
    if len(sys.argv) > 1 and not os.path.basename(jp).startswith(tuple(sys.argv[1:])):
        continue
    d = json.load(open(jp, encoding="utf-8"))
    text = open(os.path.join(OUT, d["document"]), encoding="utf-8").read()
    out, pos = [], 0
    cov = [False] * len(text)
    for e in d["entities"]:
        out += [text[pos:e["start"]], "[", e["text"], "|", e["type"][:3], "]"]
        pos = e["end"]
        for i in range(e["start"], e["end"]):
            cov[i] = True
    out.append(text[pos:])
    print("=" * 30, d["document"])
    print("".join(out))
    for m in re.finditer(r"\b\d{1,2}(?:er)?\s+(?:%s)\w*\.?(?:\s+\d{4})?|\b\d+\s+ans\b|\b(?:%s)\w*\.?\s+\d{4}" % (MONTHS, MONTHS), text):
        if not all(cov[m.start():m.end()]):
            print("   ?? outside spans:", repr(m.group()))

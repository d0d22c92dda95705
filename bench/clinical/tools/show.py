#!/usr/bin/env python3
"""Print documents with their gold spans marked, for the read-through: python3 show.py 01 02 ..."""
import glob, json, os, sys
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AB = {"PERSON": "P", "LOCATION": "L", "ORG": "O", "ADDRESS": "A", "EMAIL": "E", "PHONE": "T",
      "URL": "U", "DATE": "D", "AGE": "G", "ID": "I"}
for pre in sys.argv[1:]:
    for jp in sorted(glob.glob(os.path.join(HERE, pre + "*.json"))):
        ann = json.load(open(jp, encoding="utf-8"))
        text = open(os.path.join(HERE, ann["document"]), encoding="utf-8").read()
        out, pos = [], 0
        for e in ann["entities"]:
            out.append(text[pos:e["start"]])
            out.append("⟦" + text[e["start"]:e["end"]] + "|" + AB[e["type"]] + "⟧")
            pos = e["end"]
        out.append(text[pos:])
        print("=" * 20, ann["document"], "keep:", ann["keep"])
        print("".join(out))

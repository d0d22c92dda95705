#!/usr/bin/env python3
"""Checker for the French coaching-notes development corpus.

Run from anywhere:  python3 verify.py
It reads every NN_name.md / NN_name.txt in the folder that holds this script,
together with its NN_name.json, and checks:

  1. file pairing, JSON structure, known types, word count (300 to 800);
  2. every span slices to its text (text[start:end] == entity["text"]) and
     starts and ends at a word boundary;
  3. no two spans overlap;
  4. 5 to 10 keep phrases per document, each present and never overlapping a span;
  5. every other whole-word, case-sensitive occurrence of an annotated surface
     form lies inside a span;
  6. every capitalized token of a PERSON / LOCATION / ORG span (function words
     excepted) lies inside a span wherever it occurs as a whole word;
  7. IDs pass their checksums (SIREN/SIRET Luhn, TVA key, IBAN mod-97, NIR key,
     licence-plate format) or have the shape of a reference number;
  8. phone numbers (digits or French number words) fall in the ARCEP fiction
     ranges 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98;
  9. light convention checks: no courtesy title inside a PERSON span, no legal
     form at the end of an ORG span, "France" never annotated, e-mail and URL
     spans look like e-mails and URLs.

Exit status 0 when everything passes, 1 otherwise.
"""

import collections
import glob
import itertools
import json
import os
import re
import sys
from pathlib import Path

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fresh")
TYPES = ["PERSON", "LOCATION", "ORG", "ADDRESS", "EMAIL", "PHONE", "URL", "DATE", "AGE", "ID"]
NAME_TYPES = {"PERSON", "LOCATION", "ORG"}
FICTION_PREFIXES = {"019900", "026191", "035301", "046571", "053649", "063998"}
# Tokens of a name span that are not themselves identifying (articles, prepositions).
STOP_TOKENS = {
    "le",
    "la",
    "les",
    "l",
    "de",
    "du",
    "des",
    "d",
    "et",
    "en",
    "sur",
    "sous",
    "lez",
    "lès",
    "au",
    "aux",
    "à",
    "saint",
    "sainte",
}
MIN_WORDS, MAX_WORDS = 120, 800
MIN_KEEP, MAX_KEEP = 5, 10


def whole_word(text, s):
    """Start/end of every whole-word, case-sensitive occurrence of s in text.
    A word boundary is any character that is not a letter, a digit, '_' or '-'."""
    pat = re.compile(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def substring(text, s):
    out, i = [], text.find(s)
    while i != -1:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


# ---------------------------------------------------------------- checksums
def luhn(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        x = int(c)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def iban_ok(s):
    if not re.fullmatch(r"FR76[0-9A-Z]{23}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1


def tva_ok(s):
    m = re.fullmatch(r"FR(\d{2})(\d{9})", s)
    if not m:
        return False
    siren = m.group(2)
    return luhn(siren) and int(m.group(1)) == (12 + 3 * (int(siren) % 97)) % 97


def nir_ok(d):
    if len(d) != 15 or d[0] not in "12378":
        return False
    return 97 - int(d[:13]) % 97 == int(d[13:])


PLATE = re.compile(r"[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}")
REFERENCE = re.compile(r"[A-Z0-9]+(?:[-/][A-Z0-9]+)*")


def classify_id(s):
    """Return (kind, ok)."""
    compact = re.sub(r"[\s.]", "", s)
    if compact.startswith("FR") and len(compact) == 27:
        return "IBAN", iban_ok(compact)
    if re.fullmatch(r"FR\d{11}", compact):
        return "TVA", tva_ok(compact)
    if compact.isdigit():
        if len(compact) == 9:
            return "SIREN", luhn(compact)
        if len(compact) == 14:
            return "SIRET", luhn(compact)
        if len(compact) == 15:
            return "NIR", nir_ok(compact)
        return "digits", True
    if PLATE.fullmatch(s):
        return "plate", True
    if REFERENCE.fullmatch(s) and sum(ch.isdigit() for ch in s) >= 3:
        return "reference", True
    return "unknown", False


# ---------------------------------------------------------------- phones
def _fr_number_words():
    units = [
        "zéro",
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
    ]
    words = {w: i for i, w in enumerate(units)}
    words.update({"dix-sept": 17, "dix-huit": 18, "dix-neuf": 19})
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
    for t, w in tens.items():
        words[w] = t
        for u in range(1, 10):
            words[w + (" et un" if u == 1 else "-" + units[u])] = t + u
    for u in range(10, 20):  # 70-79
        w = units[u] if u < 17 else {17: "dix-sept", 18: "dix-huit", 19: "dix-neuf"}[u]
        words["soixante" + (" et onze" if u == 11 else "-" + w)] = 60 + u
    words["quatre-vingts"] = 80
    words["quatre-vingt"] = 80
    for u in range(1, 20):
        w = units[u] if u < 17 else {17: "dix-sept", 18: "dix-huit", 19: "dix-neuf"}[u]
        words["quatre-vingt-" + w] = 80 + u
    # 1990 spelling reform: hyphens everywhere
    for w, n in list(words.items()):
        words[w.replace(" ", "-")] = n
    return words


FR_WORDS = _fr_number_words()


def phone_digits(s):
    if re.search(r"[a-zà-ÿ]", s):  # spelled out, e.g. "zéro six, trente-neuf, ..."
        out = ""
        for g in re.split(r"\s*,\s*|\s+puis\s+", s.strip().lower()):
            g = g.strip()
            if g.startswith("zéro") and g != "zéro":
                rest = g[4:].strip(" -")
                if FR_WORDS.get(rest, 99) > 9:
                    return None
                out += "0" + str(FR_WORDS[rest])
            elif g in FR_WORDS:
                out += f"{FR_WORDS[g]:02d}"
            else:
                return None
        return out
    d = re.sub(r"\D", "", s)
    if s.strip().startswith("+33"):
        d = d[2:]
        if "(0)" in s:
            d = d[1:]
        d = "0" + d
    return d


# ---------------------------------------------------------------- main
def main():
    problems = []
    totals = collections.Counter()
    id_kinds = collections.Counter()
    rows = []
    docs = sorted(
        p
        for p in glob.glob(os.path.join(HERE, "*"))
        if re.fullmatch(r"\d\d_[a-z0-9_]+\.(md|txt)", os.path.basename(p))
    )
    jsons = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.json")))
    if not docs:
        problems.append("no documents found next to verify.py")
    doc_stems = {os.path.splitext(os.path.basename(p))[0] for p in docs}
    for jp in jsons:
        if os.path.splitext(os.path.basename(jp))[0] not in doc_stems:
            problems.append(f"{os.path.basename(jp)}: no matching document")

    for dp in docs:
        name = os.path.basename(dp)
        stem = os.path.splitext(name)[0]
        jp = os.path.join(HERE, stem + ".json")

        def err(msg, name=name):
            return problems.append(f"{name}: {msg}")

        if not os.path.exists(jp):
            err("missing JSON")
            continue
        text = Path(dp).read_text(encoding="utf-8")
        ann = json.loads(Path(jp).read_text(encoding="utf-8"))
        if set(ann) != {"document", "entities", "keep"}:
            err(f"JSON keys are {sorted(ann)}")
        if ann.get("document") != name:
            err(f"'document' is {ann.get('document')!r}")
        ents = ann.get("entities", [])
        keep = ann.get("keep", [])

        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            err(f"{words} words, outside {MIN_WORDS}-{MAX_WORDS}")

        # 2. spans slice to their text; known types
        for e in ents:
            if set(e) != {"text", "type", "start", "end"}:
                err(f"entity keys {sorted(e)}")
                continue
            if e["type"] not in TYPES:
                err(f"unknown type {e['type']!r}")
            if text[e["start"] : e["end"]] != e["text"]:
                err(
                    f"span {e['start']}-{e['end']} slices to "
                    f"{text[e['start'] : e['end']]!r}, not {e['text']!r}"
                )
            if e["text"] != e["text"].strip():
                err(f"span {e['text']!r} has leading/trailing whitespace")
            before = text[e["start"] - 1] if e["start"] > 0 else " "
            after = text[e["end"]] if e["end"] < len(text) else " "
            if re.match(r"\w", before) or re.match(r"\w", after):
                err(f"span {e['text']!r}@{e['start']} cuts through a word")

        # 3. no overlaps
        srt = sorted(ents, key=lambda e: (e["start"], e["end"]))
        if [(e["start"], e["end"]) for e in srt] != [(e["start"], e["end"]) for e in ents]:
            err("entities are not sorted by offset")
        for a, b in itertools.pairwise(srt):
            if b["start"] < a["end"]:
                err(f"overlap {a['text']!r}@{a['start']} / {b['text']!r}@{b['start']}")

        covered = [False] * len(text)
        for e in ents:
            for i in range(e["start"], e["end"]):
                covered[i] = True

        def inside(s, e, covered=covered):
            return all(covered[s:e])

        def touches(s, e, covered=covered):
            return any(covered[s:e])

        # 4. keep phrases
        if not MIN_KEEP <= len(keep) <= MAX_KEEP:
            err(f"{len(keep)} keep phrases, expected {MIN_KEEP}-{MAX_KEEP}")
        for k in keep:
            occ = substring(text, k)
            if not occ:
                err(f"keep phrase {k!r} not found")
            for s, e in occ:
                if touches(s, e):
                    err(f"keep phrase {k!r} at {s} overlaps an annotated span")

        # 5. every occurrence of an annotated surface form is covered
        for surf in sorted({e["text"] for e in ents}):
            for s, e in whole_word(text, surf):
                if not inside(s, e):
                    err(f"occurrence of {surf!r} at {s} is not annotated")

        # 6. capitalized tokens of names
        tokens = set()
        for e in ents:
            if e["type"] in NAME_TYPES:
                for tok in re.split(r"[\s'’]+", e["text"]):
                    tok = tok.strip('.,;:!?()«»"“”[]')
                    if (
                        len(tok.rstrip(".")) < 2
                        or not tok[0].isupper()
                        or tok.lower() in STOP_TOKENS
                    ):
                        continue
                    tokens.add(tok)
        for tok in sorted(tokens):
            for s, e in whole_word(text, tok):
                if not inside(s, e):
                    err(f"name token {tok!r} at {s} lies outside every span")

        # 7-9. type-specific checks
        for e in ents:
            t, s = e["type"], e["text"]
            if t == "ID":
                kind, ok = classify_id(s)
                id_kinds[kind] += 1
                if not ok:
                    err(f"ID {s!r} ({kind}) fails its check")
            elif t == "PHONE":
                d = phone_digits(s)
                if not d or len(d) != 10 or d[:6] not in FICTION_PREFIXES:
                    err(f"phone {s!r} -> {d!r} is not in a fiction range")
            elif t == "PERSON":
                if re.match(
                    r"(M\.|MM\.|Mme|Mmes|Mlle|Dr|Pr|Me|Madame|Monsieur)\s+[A-ZÀ-Þ][a-zà-ÿ]", s
                ):
                    err(f"PERSON {s!r} includes a title")
            elif t == "ORG":
                if re.search(r"\s(SAS|SARL|SA|EURL|SASU|SCI|EI)$", s):
                    err(f"ORG {s!r} includes a legal form")
            elif t == "LOCATION":
                if s == "France":
                    err("'France' must not be annotated")
            elif t == "EMAIL":
                if not (re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", s) or "arobase" in s):
                    err(f"EMAIL {s!r} does not look like an e-mail")
            elif t == "URL" and not (s.startswith("@") or re.search(r"\w\.\w", s)):
                err(f"URL {s!r} does not look like a URL or handle")

        c = collections.Counter(e["type"] for e in ents)
        totals.update(c)
        rows.append((name, words, len(keep), c))

    # ------------------------------------------------------------ report
    head = "document".ljust(34) + "words keep " + " ".join(t[:4].rjust(4) for t in TYPES) + "  all"
    print(head)
    for name, words, nk, c in rows:
        print(
            name.ljust(34)
            + str(words).rjust(5)
            + str(nk).rjust(5)
            + " "
            + " ".join(str(c[t]).rjust(4) for t in TYPES)
            + str(sum(c.values())).rjust(5)
        )
    print(
        "TOTAL".ljust(44)
        + " "
        + " ".join(str(totals[t]).rjust(4) for t in TYPES)
        + str(sum(totals.values())).rjust(5)
    )
    print("ID kinds:", ", ".join(f"{k} {v}" for k, v in sorted(id_kinds.items())))
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s)")
        for p in problems:
            print("  -", p)
        return 1
    print(f"\nAll checks pass ({len(rows)} documents, {sum(totals.values())} entities).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

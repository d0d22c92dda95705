"""Folder-scale quality: what a publishing coach would reject in a whole anonymized folder.

    python bench/folder.py [--notes 300] [--jobs 2] [--seed 1] [--corpus DIR]... [--keep DIR]

1. Builds a folder of distinct people from annotated gold folders (dev-corpus format:
   NN_name.md/.txt beside NN_name.json): the project's samples/ and bench/heldout/, plus
   ../shared/dev-corpus when it exists and no --corpus is given, plus every --corpus DIR.
   Each copy is re-cast: every name-shaped PERSON mention gets a consistent new identity
   inside the copy (Faker fr_FR first names of the original's gender when Faker's French
   lists, else INSEE's, know it; Faker surnames; initials, e-mails and handles follow),
   every one-word LOCATION that is a French commune becomes another town of 5,000+
   inhabitants. Half of the copies carry their main person's name in the file name
   ("2025-03-14 Julien Marchand.md", "julien-marchand_bilan.md", "MARCHAND_Julien_bilan.md").
   The re-cast gold JSON is written beside each copy ("gender" and "role" on PERSON spans,
   "filename_names" for the names put in the file name).
2. Runs `anonymize batch SRC -o OUT --seed S --jobs J --report R.json`, timed.
3. Counts, over the folder, by word alignment (difflib) of each source and output:
     numbered          a capitalised word plus a number the source did not have ("Arnaud 254")
     placeholders      "[PERSON]", "<LOCATION>" and the like
     titles            civilities and titles (M., Mme, MM., Dr, Pr, Me, Monsieur, Madame,
                       Mlle) changed or lost
     inconsistent      a gold PERSON written the same way twice in a note, two renderings
     name parts        a first name or surname alone rendered unlike in the full name
     place->first name a gold LOCATION replaced by a first name
     person->town      a gold PERSON replaced by a town
     org->person       a gold ORG replaced by a person's full name
     org->town         a gold ORG replaced by a lone town
     gender kept       of the lone gold first names of known gender that were replaced, the
                       share replaced by a first name of the same gender (and the flips)
     file names        output file names that gained a space or a number, or that still
                       hold a real name of the note
     real names reused output words in replaced stretches that are real name tokens
                       (gold PERSON/LOCATION/ORG) of the source folder
     leaks             gold PERSON/LOCATION/ORG/EMAIL/PHONE/ID surfaces still verbatim in
                       the output, outside the stretches the tool rewrote
     over-replaced     stretches changed outside every gold span (for reading, not a target)
   and the time. Examples are short snippets of the re-cast (fictional) notes.

Targets: 0 on every count (not the over-replaced), gender kept >= 97 %; --fail exits 1 if not.
First names, surnames and communes come from Faker and, when present, the project's data
files (recognizers/data, anonymize/data). Standard library plus Faker; no network.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = (ROOT / "samples", ROOT / "bench" / "heldout")
DEV_CORPUS = ROOT.parent / "shared" / "dev-corpus"
NOTE_SUFFIXES = (".md", ".txt")
NAME_TYPES = ("PERSON", "LOCATION", "ORG")
LEAK_TYPES = ("PERSON", "LOCATION", "ORG", "EMAIL", "PHONE", "ID")
GENDER_TARGET = 97.0

UP = "A-ZÀ-ÖØ-Ý"
LOW = "a-zß-öø-ÿœ"
# Words, with French elisions split off ("d'Agen" -> "d'", "Agen") so that a gold span
# starting after an apostrophe starts on a word boundary.
WORD = re.compile(
    r"(?:[DdLlJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w)|\w+(?:[-'’]\w+)*|\S"
)
TITLE = re.compile(r"(?<![\w.])(M\.|MM\.|Mme|Mmes|Mlle|Dr|Pr|Me|Monsieur|Madame)(?=[\s.,])")
NUMBERED = re.compile(rf"\b([{UP}][\w'’-]*(?: [{UP}][\w'’-]*)?) (\d{{2,6}})\b")
PLACEHOLDER = re.compile(r"\[[A-Z_]+(?:_\d+)?\]|<[A-Z_]+(?:_\d+)?>")
NOT_NAMES = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "printemps", "été", "automne", "hiver", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "séance", "semaine",
    "article", "page", "étape", "niveau", "bat", "batiment", "lot", "appt", "etage",
    "porte", "escalier", "residence", "route", "rue", "avenue", "chemin", "allee",
    "impasse", "boulevard", "place", "cedex", "bureau", "salle", "chambre", "zone",
    "secteur", "version", "box", "case", "tel", "poste", "n", "no",
}  # fmt: skip
PARTICLES = {
    "le", "la", "les", "de", "du", "des", "d'", "d’", "van", "von", "der", "den",
    "ben", "el", "al", "di", "da", "dos", "do", "del", "della", "ter", "mac", "saint",
    "sainte", "sur", "en", "et", "l'", "l’", "lez", "lès", "sous",
}  # fmt: skip
SMALL_WORDS = {
    "de", "d'", "d’", "du", "des", "le", "la", "les", "l'", "l’", "à", "au", "aux", "et",
    "en", "un", "une", "a", "est", "il", "elle", "on", "se", "s'", "s’", "qu'", "qu’", "que",
    "qui", "ne", "n'", "n’", "pas", "par", "pour", "sur", "dans", "avec", "son", "sa", "ses",
}  # fmt: skip
CONSONANTS = "BCDFGHJKLNPRSTVZ"
VOWELS = "AEIOUY"
ACRONYMS = {
    "PDG", "DG", "DRH", "RH", "CEO", "CTO", "CFO", "COO", "SAS", "SA", "SARL", "CHU", "BTS",
    "CAP", "TVA", "RCS", "IBAN", "RIB", "CV", "CDI", "CDD", "RTT", "TGV", "SNCF", "EDF", "FIT",
    "OK", "NB", "PS", "RAS", "TODO", "HT", "TTC", "ETP", "IUT", "BAC", "PME", "TPE", "ONG",
}  # fmt: skip
INITIAL = re.compile(rf"[{UP}]\.(?:-[{UP}]\.)*")
LETTERS = re.compile(rf"[{UP}]{{1,3}}")
CAPS = re.compile(rf"(?:[{UP}]['’])?[{UP}][{UP}'’-]*[{UP}]")
TITLE_WORD = re.compile(rf"(?:[{UP}]['’])?[{UP}][{LOW}'’]+(?:-[{UP}{LOW}][{LOW}'’]*)*")
TOWN_WORD = re.compile(rf"[{UP}][{LOW}]+(?:-[{UP}{LOW}][{LOW}]*)*")
FILE_DATES = ("2024", "2025", "2026")


def fold(s: str) -> str:
    """Lower case without accents: 'Élodie' -> 'elodie'."""
    nfd = unicodedata.normalize("NFD", s)
    return "".join(c for c in nfd if not unicodedata.combining(c)).casefold()


NOT_NAMES_FOLDED = frozenset(fold(w) for w in NOT_NAMES)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


# ---------------------------------------------------------------------------------------
# Name data
# ---------------------------------------------------------------------------------------


def _faker_names(locale: str) -> tuple[list[str], list[str], list[str]]:
    import importlib

    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except (ImportError, AttributeError):
        return [], [], []
    return (
        list(getattr(provider, "first_names_female", ())),
        list(getattr(provider, "first_names_male", ())),
        list(getattr(provider, "last_names", ())),
    )


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


_TOWNS = (
    "Dreux Vierzon Guéret Millau Auch Cahors Figeac Sedan Épernay Saumur Vitré Lannion "
    "Morlaix Dax Mende Privas Tulle Aurillac Rodez Albi Castres Montauban Agen Périgueux "
    "Angoulême Cognac Niort Saintes Rochefort Cholet Laval Alençon Lisieux Bayeux Vire "
    "Évreux Vernon Compiègne Soissons Laon Péronne Abbeville Arras Douai Cambrai Verdun "
    "Épinal Colmar Belfort Vesoul Dole Autun Nevers Moulins Vichy Roanne Annonay Valence"
)
FALLBACK_TOWNS = _TOWNS.split()


@dataclass
class Names:
    """First names by gender, surnames and towns: what the re-cast draws and the counts read."""

    first_f: list[str]  # Faker fr_FR: the re-cast draws from these
    first_m: list[str]
    surnames: list[str]
    towns: list[str]  # one-word communes of 5,000+ inhabitants: re-cast towns
    src_gender: dict[str, str]  # folded first name -> F/M, Faker's French lists
    insee_gender: dict[str, str]  # folded first name -> F/M, INSEE (when the data is there)
    out_gender: dict[str, str]  # broader: also INSEE and the project's pseudonym lists
    first_set: set[str]  # folded first names (frequent ones) for the kind checks
    surname_set: set[str]  # folded surnames (Faker and the project's pseudonym pool)
    communes: set[str]  # folded names of every commune (any size)
    mid_towns: set[str]  # folded communes of 5,000+ inhabitants
    epicene: set[str] = field(default_factory=set)  # INSEE's X first names (Camille, Claude)
    acronyms: set[str] = field(default_factory=lambda: set(ACRONYMS))

    def gender(self, first: str, table: dict[str, str] | None = None) -> str | None:
        table = self.src_gender if table is None else table
        key = fold(first)
        if key in table:
            return table[key]
        head = key.split("-")[0]
        return table.get(head) if head != key else None

    def is_first(self, word: str) -> bool:
        key = fold(word)
        return key in self.first_set or key.split("-")[0] in self.first_set


def _gender_table(pairs: list[tuple[str, str]]) -> dict[str, str]:
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for name, g in pairs:
        seen[fold(name)].add(g)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def load_names(root: Path = ROOT) -> Names:
    f_fr, m_fr, last_fr = _faker_names("fr_FR")
    pairs: list[tuple[str, str]] = []
    for loc in ("fr_FR", "fr_BE", "fr_CA", "fr_CH"):
        f, m, _ = _faker_names(loc)
        pairs += [(n, "F") for n in f] + [(n, "M") for n in m]
    src_gender = _gender_table(pairs)
    # Optional, for reading outputs: INSEE first names (frequent tiers) and the project's
    # own pseudonym pools, when the files are there.
    insee = _rows(root / "recognizers" / "data" / "first_names.tsv")
    frequent = [(r[0], r[1]) for r in insee if len(r) > 2 and r[1] in "FM" and r[2] in "12"]
    pool = [(r[0], r[1]) for r in _rows(root / "anonymize" / "data" / "pseudo_first_names.tsv")]
    out_pairs = pairs + frequent + [(n, g) for n, g in pool if g in ("F", "M")]
    out_gender = _gender_table(out_pairs)
    first_set = {fold(n) for n, _ in out_pairs}
    surname_set = {fold(n) for n in last_fr}
    surname_set |= {fold(r[0]) for r in _rows(root / "anonymize" / "data" / "pseudo_surnames.txt")}
    communes_rows = [r for r in _rows(root / "recognizers" / "data" / "communes.tsv") if len(r) > 2]
    communes = {fold(r[0]) for r in communes_rows}
    mid = {fold(r[0]) for r in communes_rows if r[2].isdigit() and int(r[2]) >= 5000}
    towns = sorted(
        {
            r[0]
            for r in communes_rows
            if r[2].isdigit()
            and int(r[2]) >= 5000
            and TOWN_WORD.fullmatch(r[0])
            and not r[0].startswith(("Le-", "La-", "Les-"))
            and fold(r[0]) not in first_set
            and fold(r[0]) not in surname_set
        }
    )
    if not towns:
        towns = list(FALLBACK_TOWNS)
        communes |= {fold(t) for t in towns}
        mid |= {fold(t) for t in towns}
    epicene = {fold(r[0]) for r in insee if len(r) > 2 and r[1] == "X" and r[2] in "12"}

    def plain(names: list[str], g: str) -> list[str]:
        """Drawn first names: of one gender only (no Dominique, no Camille)."""
        return [n for n in names if src_gender.get(fold(n)) == g and fold(n) not in epicene]

    return Names(
        first_f=plain(f_fr, "F") or f_fr,
        first_m=plain(m_fr, "M") or m_fr,
        surnames=[s for s in last_fr if " " not in s],
        towns=towns,
        src_gender=src_gender,
        insee_gender=_gender_table(frequent),
        out_gender=out_gender,
        first_set=first_set,
        surname_set=surname_set,
        communes=communes,
        mid_towns=mid,
        epicene=epicene,
        acronyms=ACRONYMS | {r[0] for r in _rows(root / "recognizers" / "data" / "acronyms.txt")},
    )


# ---------------------------------------------------------------------------------------
# Gold folders
# ---------------------------------------------------------------------------------------


@dataclass
class Doc:
    name: str
    text: str
    spans: list[dict]
    keep: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def load_gold(folder: Path) -> list[Doc]:
    """Every note of an annotated folder that has its gold JSON."""
    docs = []
    for js in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(js.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        name = data.get("document") if isinstance(data, dict) else None
        if (
            not name
            or not (Path(folder) / name).is_file()
            or Path(name).suffix not in NOTE_SUFFIXES
        ):
            continue
        text = (Path(folder) / name).read_text(encoding="utf-8")
        spans = sorted(data.get("entities", []), key=lambda e: (e["start"], e["end"]))
        extra = {k: v for k, v in data.items() if k not in ("document", "entities", "keep")}
        docs.append(Doc(name, text, spans, list(data.get("keep", [])), extra))
    return docs


# ---------------------------------------------------------------------------------------
# Re-cast: a different person in every copy
# ---------------------------------------------------------------------------------------


def name_tokens(surface: str) -> list[tuple[str, str]] | None:
    """(token, kind) of a PERSON surface, kind in first-or-last 'word', 'caps', 'initial',
    'letters', 'particle+' (a surname with its particle: 'Le Bras'); None if not name-shaped."""
    raw = surface.split(" ")
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        if not tok:
            return None
        if tok.casefold() in PARTICLES and i + 1 < len(raw):
            nxt = raw[i + 1]  # "Le Bras", "de Kerviler", "LE BRIS": one surname
            if TITLE_WORD.fullmatch(nxt) or CAPS.fullmatch(nxt):
                out.append((f"{tok} {nxt}", "particle+"))
                i += 2
                continue
        if INITIAL.fullmatch(tok):
            out.append((tok, "initial"))
        elif LETTERS.fullmatch(tok) and len(raw) == 1:
            out.append((tok, "letters"))
        elif CAPS.fullmatch(tok):
            out.append((tok, "caps"))
        elif TITLE_WORD.fullmatch(tok):
            out.append((tok, "word"))
        else:
            return None
        i += 1
    return out


def styled(new: str, like: str) -> str:
    return new.upper() if like.isupper() and len(like) > 1 else new


def initials_of(name: str) -> list[str]:
    """Letters a person's initials are made of: 'Hélène-Claire' -> ['H', 'C']."""
    letters = []
    for part in re.split(r"[\s-]+", name):
        if part and part.casefold() not in PARTICLES:
            letters.append(fold(part[0]).upper())
    return letters


class Recaster:
    """Re-casts one note: consistent new identities for its people and towns."""

    def __init__(self, names: Names, rng: random.Random, doc: Doc):
        self.names, self.rng, self.doc = names, rng, doc
        self.map: dict[str, str] = {}  # folded original token -> new (Title case)
        self.gender: dict[str, str | None] = {}  # folded original first -> known gender
        self.role: dict[str, str] = {}  # folded token -> 'first' | 'last'
        self.pairs: list[tuple[list[str], list[str]]] = []  # original first and last tokens
        self.used: set[str] = set()
        # never draw a word of the note ("Aline", a novel cited, is not a person)
        self.originals = {fold(w) for w in re.findall(r"[\w'’-]+", doc.text)}
        # initials: consonants to consonants, vowels to vowels ("KHR" stays vowel-less,
        # as the tool treats such words as acronyms); M stays M (not a "M." invented)
        self.letter: dict[str, str] = {}
        for group in (CONSONANTS, VOWELS):
            shuffled = list(group)
            rng.shuffle(shuffled)
            self.letter.update(zip(group, shuffled, strict=True))

    # -- drawing ---------------------------------------------------------------------
    def _draw(self, pool: list[str]) -> str:
        for _ in range(200):
            pick = self.rng.choice(pool)
            if fold(pick) not in self.used and fold(pick) not in self.originals:
                self.used.add(fold(pick))
                return pick
        return self.rng.choice(pool)

    def context_gender(self, original: str) -> str | None:
        """'Kader, né en Algérie… il' -> M: votes of the words right after the mentions."""
        votes = collections.Counter()
        for m in re.finditer(rf"(?<![\w-]){re.escape(original)}(?![\w-])", self.doc.text):
            after = self.doc.text[m.end() : m.end() + 80].casefold()
            votes["F"] += len(re.findall(r"\b(?:elle|née|mariée|arrivée|partie)\b", after))
            votes["M"] += len(re.findall(r"\b(?:il|né|marié|arrivé|parti)\b", after))
        if votes["F"] != votes["M"]:
            return "F" if votes["F"] > votes["M"] else "M"
        return None

    def first(self, original: str) -> str:
        """A new first name: the original's gender when Faker's French lists (then INSEE's)
        know it, and only then is it recorded in the gold; else the context's, else random."""
        key = fold(original)
        if key not in self.map:
            g = self.names.gender(original) or self.names.gender(original, self.names.insee_gender)
            if key in self.names.epicene:
                g = None  # Camille, Dominique: the note says which
            self.gender[key] = g
            g = g or self.context_gender(original) or self.rng.choice("FM")
            self.map[key] = self._draw(self.names.first_f if g == "F" else self.names.first_m)
        return self.map[key]

    def last(self, original: str) -> str:
        key = fold(original)
        if key not in self.map:
            self.map[key] = self._draw(self.names.surnames)
        return self.map[key]

    def town(self, original: str) -> str:
        key = "town:" + fold(original)
        if key not in self.map:
            self.map[key] = self._draw(self.names.towns)
        return self.map[key]

    # -- roles -----------------------------------------------------------------------
    def learn_roles(self) -> None:
        for s in self.doc.spans:
            if s["type"] != "PERSON":
                continue
            toks = name_tokens(s["text"])
            if not toks:
                continue
            words = [(t, k) for t, k in toks if k in ("word", "caps", "particle+")]
            if len(words) < 2:
                if len(words) == 1 and words[0][1] == "particle+":
                    self.role.setdefault(fold(words[0][0]), "last")
                continue
            caps = [t for t, k in words if k == "caps" or (k == "particle+" and t.isupper())]
            if caps and len(caps) < len(words):
                firsts = [t for t, k in words if k == "word"]
                lasts = [t for t, k in words if k != "word"]
            else:
                firsts, lasts = [words[0][0]], [t for t, _ in words[1:]]
            for t in firsts:
                self.role.setdefault(fold(t), "first")
            for t in lasts:
                self.role.setdefault(fold(t), "last")
            self.pairs.append((firsts, lasts))

    def lone_role(self, tok: str, start: int) -> str:
        key = fold(tok)
        if key in self.role:
            return self.role[key]
        before = self.doc.text[max(0, start - 12) : start]
        if re.search(r"\bnom\s*:\s*$", before, re.I) or (tok.isupper() and len(tok) > 1):
            return "last"  # "Nom : DUPONT", a lone ALL-CAPS word: a surname
        if TITLE.search(before + " ") and re.search(
            r"(M\.|Mme|Mlle|Dr|Pr|Me|Monsieur|Madame)\s+$", before
        ):
            return "last"  # "Mme Leroy": a surname, even one INSEE also lists as a first name
        if self.names.gender(tok) or self.names.gender(tok, self.names.insee_gender):
            return "first"
        if re.search(r"\b(?:les|des|chez)\s+$", before, re.I):
            return "last"
        return "first"

    # -- rendering -------------------------------------------------------------------
    def new_name(self, tokens: list[str]) -> str | None:
        parts = [self.map.get(fold(t)) for t in tokens]
        return " ".join(parts) if parts and all(parts) else None  # type: ignore[arg-type]

    def initials_for(
        self, want: list[str], first: str | None = None, last: str | None = None
    ) -> list[str] | None:
        """New letters for initials, from the matching person's new name when there is one:
        'S.' before 'Rigal', 'V.' after 'Prune', or 'A. K.-L. B.' alone."""
        for firsts, lasts in self.pairs:
            old_f, old_l = " ".join(firsts), " ".join(lasts)
            new_f, new_l = self.new_name(firsts), self.new_name(lasts)
            if not new_f or not new_l:
                continue
            if last is not None:
                same = fold(old_l) == fold(last)
                cands = [(initials_of(old_f), initials_of(new_f))] if same else []
            elif first is not None:
                same = fold(old_f) == fold(first)
                cands = [(initials_of(old_l), initials_of(new_l))] if same else []
            else:
                cands = [
                    (
                        initials_of(old_f) + initials_of(old_l),
                        initials_of(new_f) + initials_of(new_l),
                    ),
                    (initials_of(old_f), initials_of(new_f)),
                ]
            for orig, new in cands:
                if orig[: len(want)] == want and len(new) >= len(want):
                    return new[: len(want)]
        return None

    def swap_letters(self, tok: str, new: list[str] | None) -> str:
        it = iter(new) if new else None
        for shift in range(len(CONSONANTS)):
            out = []
            for c in tok:
                if not c.isalpha():
                    out.append(c)
                    continue
                key = fold(c).upper()
                if it is not None:
                    out.append(next(it, key))
                    continue
                mapped = self.letter.get(key, key)
                group = CONSONANTS if mapped in CONSONANTS else VOWELS
                if mapped in group:
                    mapped = group[(group.index(mapped) + shift) % len(group)]
                out.append(mapped)
            result = "".join(out)
            if it is not None or re.sub(r"[^A-Z]", "", result) not in self.names.acronyms:
                return result  # never "PDG" or "DRH" for someone's initials
        return result

    def person(self, surface: str, start: int) -> tuple[str, dict]:
        toks = name_tokens(surface)
        if toks is None:
            return self.apply_maps(surface), {"role": "other"}
        kinds = [k for _, k in toks]
        if all(k in ("initial", "letters") for k in kinds):
            letters = [fold(c).upper() for t, _ in toks for c in t if c.isalpha()]
            new = self.initials_for(letters)
            if new is None:
                return " ".join(self.swap_letters(t, None) for t, _ in toks), {"role": "initials"}
            it = iter(new)
            out = ["".join(next(it) if c.isalpha() else c for c in t) for t, _ in toks]
            return " ".join(out), {"role": "initials"}
        if len(toks) == 1:
            tok, kind = toks[0]
            role = "last" if kind == "particle+" else self.lone_role(tok, start)
            if role == "first":
                new = styled(self.first(tok), tok)
                g = self.gender.get(fold(tok))
                return new, {"role": "first", **({"gender": g} if g else {})}
            return styled(self.last(tok), tok), {"role": "last"}
        has_caps = "caps" in kinds
        out: list[str] = []
        info: dict = {"role": "full"}
        for idx, (tok, kind) in enumerate(toks):
            if kind in ("initial", "letters"):
                want = [fold(c).upper() for c in tok if c.isalpha()]
                new = None
                if idx + 1 < len(toks) and toks[idx + 1][1] not in ("initial", "letters"):
                    new = self.initials_for(want, last=" ".join(t for t, _ in toks[idx + 1 :]))
                elif idx > 0 and toks[idx - 1][1] == "word":
                    new = self.initials_for(want, first=toks[idx - 1][0])
                out.append(self.swap_letters(tok, new))
                continue
            role = self.role.get(fold(tok))
            if role is None:
                if kind in ("caps", "particle+"):
                    role = "last"
                elif has_caps:
                    role = "first"
                else:
                    role = "first" if idx == 0 else "last"
            out.append(styled(self.first(tok) if role == "first" else self.last(tok), tok))
            if role == "first" and "gender" not in info and self.gender.get(fold(tok)):
                info["gender"] = self.gender[fold(tok)]
        return " ".join(out), info

    def apply_maps(self, surface: str, towns_only: bool = False) -> str:
        """Mapped name tokens inside another span (ORG 'Boulangerie Delmas', 'CHU de Poitiers')."""

        def sub(m: re.Match) -> str:
            w = m.group()
            key = fold(w)
            if key in self.map and not towns_only:
                return styled(self.map[key], w)
            if "town:" + key in self.map:
                return styled(self.map["town:" + key], w)
            return w

        return re.sub(r"[\w][\w'’-]*", sub, surface)

    def slugs(self, surface: str) -> str:
        """Name parts inside e-mails and handles follow the new names."""
        out = surface
        for key, new in sorted(self.map.items(), key=lambda kv: -len(kv[0])):
            orig = key.removeprefix("town:")
            if len(orig) < 3 or not re.fullmatch(r"[a-z'’ -]+", orig):
                continue
            pat = re.escape(orig).replace(r"\ ", "[-_. ]?").replace(r"\-", "[-_.]?")
            out = re.sub(rf"(?i)(?<![a-z]){pat}(?![a-z])", slug(new).replace("-", ""), out)
        return out


ELIDED = re.compile(r"(?<![\w])([Dd]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]$")
FULL = re.compile(r"(?<![\w])([Dd]|[Qq]u)e $")


def starts_with_vowel(s: str) -> bool:
    return bool(s) and fold(s[0]) in "aeiouyh"


def recast(doc: Doc, names: Names, rng: random.Random) -> tuple[str, list[dict], Recaster]:
    """The note with new people and towns, and its gold spans at their new offsets."""
    rc = Recaster(names, rng, doc)
    rc.learn_roles()
    spans = doc.spans
    # People and towns first, so that ORG, e-mail and URL spans can follow them.
    rendered: dict[int, tuple[str, dict]] = {}
    for i, s in enumerate(spans):
        surface = doc.text[s["start"] : s["end"]]
        if s["type"] == "PERSON":
            rendered[i] = rc.person(surface, s["start"])
        elif (
            s["type"] == "LOCATION"
            and TOWN_WORD.fullmatch(surface)
            and fold(surface) in names.communes
        ):
            rendered[i] = (rc.town(surface), {})
    for i, s in enumerate(spans):
        surface = doc.text[s["start"] : s["end"]]
        if i in rendered:
            continue
        if s["type"] in ("EMAIL", "URL"):
            rendered[i] = (rc.slugs(surface), {})
        elif s["type"] in ("ORG", "LOCATION"):
            rendered[i] = (rc.apply_maps(surface, towns_only=s["type"] == "LOCATION"), {})
        else:
            rendered[i] = (surface, {})
    apostrophe = "’" if doc.text.count("’") > doc.text.count("'") else "'"
    out: list[str] = []
    length = 0
    new_spans: list[dict] = []
    pos = 0
    for i, s in enumerate(spans):
        if s["start"] < pos:
            continue
        gap = doc.text[pos : s["start"]]
        rep, info = rendered[i]
        if rep != doc.text[s["start"] : s["end"]] and s["type"] in ("PERSON", "LOCATION", "ORG"):
            m = ELIDED.search(gap)
            if m and not starts_with_vowel(rep):
                gap = gap[: m.start()] + m.group(1) + "e "  # d'Agen -> de Dreux
            m = FULL.search(gap)
            if m and starts_with_vowel(rep):
                gap = gap[: m.start()] + m.group(1) + apostrophe  # de Brest -> d'Albi
        out.append(gap)
        length += len(gap)
        span = {"start": length, "end": length + len(rep), "type": s["type"], "text": rep}
        span.update(info)
        new_spans.append(span)
        out.append(rep)
        length += len(rep)
        pos = s["end"]
    out.append(doc.text[pos:])
    return "".join(out), new_spans, rc


def main_person(spans: list[dict]) -> tuple[str, str] | None:
    """(first, last) of the most mentioned person with a plain 'First Last' mention."""
    counts: collections.Counter = collections.Counter()
    full: dict[str, tuple[str, str]] = {}
    for s in spans:
        if s["type"] != "PERSON":
            continue
        parts = s["text"].split(" ")
        if len(parts) == 2 and all(TITLE_WORD.fullmatch(p) for p in parts):
            full.setdefault(fold(parts[0]), (parts[0], parts[1]))
    for s in spans:
        if s["type"] == "PERSON":
            head = fold(s["text"].split(" ")[0])
            if head in full:
                counts[head] += 1
    if not counts:
        return None
    return full[counts.most_common(1)[0][0]]


def file_name(doc: Doc, index: int, copy: int, spans: list[dict], rc: Recaster, rng: random.Random):
    """A realistic file name for the copy, and the names it carries."""
    stem, suffix = Path(doc.name).stem, Path(doc.name).suffix
    # Name parts of the original file name (a town, a surname) follow the copy's identities.
    parts = re.split(r"([_\-. ]+)", stem)
    carried: list[str] = []
    for i, p in enumerate(parts):
        key = fold(p)
        new = rc.map.get("town:" + key) or rc.map.get(key)
        if new and len(key) >= 3:
            parts[i] = slug(new) if p.islower() else new
            carried.append(new)
    topic = re.sub(r"^\d+[_\- ]*", "", "".join(parts)) or "note"
    who = main_person(spans)
    kind = index % 6 if who else 0
    date = f"{rng.choice(FILE_DATES)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == 1 and who:
        return f"{date} {who[0]} {who[1]}{suffix}", [*carried, f"{who[0]} {who[1]}"]
    if kind == 3 and who:
        return f"{slug(who[0])}-{slug(who[1])}_{topic}{suffix}", [*carried, f"{who[0]} {who[1]}"]
    if kind == 5 and who:
        return f"{who[1].upper()}_{who[0]}_{topic}{suffix}", [*carried, f"{who[0]} {who[1]}"]
    return f"c{copy:03d}_{''.join(parts)}{suffix}", carried


def gather(sources: list[Path]) -> list[Doc]:
    docs: list[Doc] = []
    for folder in sources:
        docs += load_gold(folder)
    return docs


def build_folder(
    sources: list[Path], dst: Path, notes: int, seed: int = 1, names: Names | None = None
) -> list[str]:
    """Writes `notes` re-cast copies (with their gold JSON) into dst; returns their names."""
    names = names or load_names()
    docs = gather(sources)
    if not docs:
        raise SystemExit(f"no annotated note in {', '.join(map(str, sources))}")
    dst.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written: list[str] = []
    stems: set[str] = set()
    for i in range(notes):
        doc = docs[i % len(docs)]
        copy = i // len(docs)
        text, spans, rc = recast(doc, names, rng)
        name, carried = file_name(doc, i, copy, spans, rc, rng)
        n = 1
        while Path(name).stem.casefold() in stems:
            n += 1
            name = f"{Path(name).stem}_{n}{Path(name).suffix}"
        stems.add(Path(name).stem.casefold())
        keep = [k for k in doc.keep if k in text]
        gold = {
            "document": name,
            "entities": spans,
            "keep": keep,
            "filename_names": carried,
            "source": doc.name,
        }
        (dst / name).write_text(text, encoding="utf-8")
        (dst / (Path(name).stem + ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        written.append(name)
    return written


# ---------------------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------------------


class Alignment:
    """Word alignment of a source and its output: what replaced what."""

    def __init__(self, src: str, out: str):
        self.src, self.out = src, out
        self.a = [(m.start(), m.end(), m.group()) for m in WORD.finditer(src)]
        self.b = [(m.start(), m.end(), m.group()) for m in WORD.finditer(out)]
        # Small words never anchor a match on their own (they only extend one): otherwise
        # "de Salles. Son frère" -> "d'Aullène. … moins de vingt" aligns the wrong "de".
        sm = difflib.SequenceMatcher(
            lambda w: w.casefold() in SMALL_WORDS,
            [w for *_, w in self.a],
            [w for *_, w in self.b],
            autojunk=False,
        )
        self.ops = []
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "replace":
                self.ops.append((op, i1, i2, j1, j2))
                continue
            # inside a rewritten stretch, small words may anchor: "Brigitte et Gérard"
            # -> "Céline et Rémi Martin" is two replacements around an "et" kept
            inner = difflib.SequenceMatcher(
                None,
                [w for *_, w in self.a[i1:i2]],
                [w for *_, w in self.b[j1:j2]],
                autojunk=False,
            )
            for op2, k1, k2, l1, l2 in inner.get_opcodes():
                self.ops.append((op2, i1 + k1, i1 + k2, j1 + l1, j1 + l2))
        self.starts = [s for s, _, _ in self.a]

    def words(self, start: int, end: int) -> tuple[int, int]:
        """Source word indices [g1, g2) overlapping the characters [start, end)."""
        g1 = next((k for k, (_, e, _) in enumerate(self.a) if e > start), len(self.a))
        g2 = g1
        while g2 < len(self.a) and self.a[g2][0] < end:
            g2 += 1
        return g1, g2

    def name_run(self, j1: int, j2: int, from_end: bool) -> range:
        """Output words j1..j2 that read as one name, from the start or the end of a stretch:
        capitalised words, a particle inside, a number after a name ('Émilie 253')."""
        words = [w for *_, w in self.b[j1:j2]]
        order = list(range(len(words)))[::-1] if from_end else list(range(len(words)))
        taken: list[int] = []
        for pos in order:
            w = words[pos]
            ok = w[:1].isupper() or (
                w.casefold() in PARTICLES and taken and words[taken[-1]][:1].isupper()
            )
            if w.isdigit():
                ok = (not from_end and taken) or (
                    from_end and not taken and pos > 0 and words[pos - 1][:1].isupper()
                )
            if not ok:
                break
            taken.append(pos)
        while taken and words[taken[-1]].casefold() in PARTICLES:
            taken.pop()  # a trailing "de" belongs to the text around
        if not taken:
            return range(0)
        return range(j1 + min(taken), j1 + max(taken) + 1)

    def rendering(self, start: int, end: int, name: bool = False) -> tuple[str, bool]:
        """(output text standing for source[start:end], whether it changed). With `name`,
        a rewritten stretch wider than the span gives the span the run of name-like words
        at its side of the stretch."""
        g1, g2 = self.words(start, end)
        if g1 >= g2:
            return "", False
        js: list[int] = []
        changed = False
        stretch = start  # where the first rewritten stretch under the span starts
        for op, i1, i2, j1, j2 in self.ops:
            if op == "insert":
                if g1 < i1 < g2:
                    js += range(j1, j2)
                    changed = True
                continue
            lo, hi = max(i1, g1), min(i2, g2)
            if lo >= hi:
                continue
            if op == "equal":
                js += range(j1 + lo - i1, j1 + hi - i1)
                continue
            changed = True
            stretch = min(stretch, self.a[i1][0])
            if op == "delete":
                continue
            pre, post, n, k = lo - i1, i2 - hi, j2 - j1, hi - lo
            run = (
                self.name_run(j1, j2, from_end=pre > 0)
                if name and (pre == 0) != (post == 0)
                else None
            )
            word_for_word = range(j1 + pre, j2 - post)
            if i2 - i1 == n and not (
                name and run and not any(self.b[j][2][:1].isupper() for j in word_for_word)
            ):
                js += word_for_word  # word for word ("Fixe d'Agnès" -> "Christian Briand 3995"
                # is not: the name is the capitalised run)
            elif run:
                js += run
            elif n > pre + post:
                js += range(j1 + pre, j2 - post)  # the words around kept their count
            elif post == 0:
                js += range(max(j1, j2 - k), j2)  # the span ends the stretch
            elif pre == 0:
                js += range(j1, min(j2, j1 + k))  # the span starts it
            else:
                js += range(j1, j2)
        if not js:
            return "", changed
        out = self.out[self.b[min(js)][0] : self.b[max(js)][1]]
        if "\n" not in self.src[start:end] and "\n" in out:
            # two rewritten lines in a row ("Alexandre Chrétien\nAFS Coaching"): the
            # span's rendering is the output line of the same rank in the stretch
            rank = self.src.count("\n", min(stretch, start), start)
            lines = out.split("\n")
            out = lines[min(rank, len(lines) - 1)]
        return out, changed

    def changes(self):
        """(source start, source end, output start, output end) of every rewritten stretch."""
        for op, i1, i2, j1, j2 in self.ops:
            if op == "equal":
                continue
            s0 = self.a[i1][0] if i1 < i2 else (self.a[i1 - 1][1] if i1 else 0)
            s1 = self.a[i2 - 1][1] if i1 < i2 else s0
            o0 = self.b[j1][0] if j1 < j2 else (self.b[j1 - 1][1] if j1 else 0)
            o1 = self.b[j2 - 1][1] if j1 < j2 else o0
            yield s0, s1, o0, o1


def snippet(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def words_of(s: str) -> list[str]:
    return re.findall(r"\w[\w'’-]*", s)


def name_words(rendering: str) -> list[str]:
    """Capitalised words of a rendering, leading articles and prepositions dropped."""
    return [w for w in words_of(rendering) if w[0].isupper() and w.casefold() not in PARTICLES]


def is_name_token(w: str) -> bool:
    return bool(TITLE_WORD.fullmatch(w) or CAPS.fullmatch(w)) and w.casefold() not in PARTICLES


# Counts whose target is 0, in the order printed; the gender flips have their own target
# (gender kept >= 97 %), the over-replacements none.
COUNT_KEYS = (
    "batch failures",
    "numbered",
    "placeholders",
    "titles",
    "inconsistent",
    "name parts",
    "place->first name",
    "person->town",
    "org->person",
    "org->town",
    "file names",
    "real names reused",
    "leaks",
)
INFO_KEYS = ("gender flips", "over-replaced")


@dataclass
class Figures:
    counts: collections.Counter = field(default_factory=collections.Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))
    detail: collections.Counter = field(default_factory=collections.Counter)
    notes: int = 0
    words: int = 0
    seconds: float = 0.0

    def add(self, key: str, example: str, n: int = 1) -> None:
        self.counts[key] += n
        self.examples[key].append(example)

    @property
    def gender_share(self) -> float | None:
        total = self.detail["gender total"]
        return 100.0 * self.detail["gender kept"] / total if total else None

    def failing(self) -> list[str]:
        bad = [k for k in COUNT_KEYS if self.counts[k]]
        share = self.gender_share
        if share is not None and share < GENDER_TARGET:
            bad.append("gender kept")
        return bad

    def to_json(self) -> dict:
        return {
            "notes": self.notes,
            "words": self.words,
            "seconds": round(self.seconds, 2),
            "notes_per_second": round(self.notes / self.seconds, 2) if self.seconds else None,
            "counts": {k: self.counts[k] for k in COUNT_KEYS + INFO_KEYS},
            "gender_kept_percent": None
            if self.gender_share is None
            else round(self.gender_share, 2),
            "detail": dict(self.detail),
            "failing": self.failing(),
        }


class Checker:
    """Counts what a publishing coach would reject, note by note, over a folder."""

    def __init__(self, names: Names, gold: dict[str, Doc]):
        self.names = names
        self.gold = gold
        lowered: set[str] = set()
        for doc in gold.values():
            lowered |= set(re.findall(r"\b[a-zà-ÿ][\w'’-]*", doc.text))
        self.note_tokens: dict[str, set[str]] = {}
        self.folder_tokens: set[str] = set()
        self.person_tokens: set[str] = set()
        for key, doc in gold.items():
            toks = set()
            for s in doc.spans:
                if s["type"] not in ("PERSON", "LOCATION", "ORG"):
                    continue
                for w in words_of(s["text"]):
                    if not is_name_token(w):
                        continue
                    if s["type"] != "PERSON" and (
                        w.casefold() in lowered or (w.isupper() and len(w) <= 5)
                    ):
                        continue  # 'Lycée', 'Clinique', 'CHU': words, not names
                    toks.add(w.casefold())
                    if s["type"] == "PERSON":
                        self.person_tokens.add(w.casefold())
            self.note_tokens[key] = toks
            self.folder_tokens |= toks

    def count(self, fig: Figures, key: str, src: str, out: str, out_name: str) -> None:
        doc = self.gold.get(key)
        spans = doc.spans if doc else []
        al = Alignment(src, out)
        self.numbered(fig, key, al)
        for m in PLACEHOLDER.finditer(out):
            if m.group() not in src:
                fig.add("placeholders", f"{key}: {m.group()!r}")
        self.titles(fig, key, al, spans)
        self.file_name(fig, key, out_name, spans, doc)
        self.reused(fig, key, al)
        self.leaks(fig, key, al, spans)
        if not spans:
            return
        self.by_span(fig, key, al, spans)
        self.over_replaced(fig, key, al, spans)

    def numbered(self, fig: Figures, key: str, al: Alignment) -> None:
        changed = [(o0, o1) for _, _, o0, o1 in al.changes()]

        def new(pos: int) -> bool:
            return any(o0 <= pos < o1 for o0, o1 in changed)

        for m in NUMBERED.finditer(al.out):
            word = m.group(1)
            if len(m.group(2)) == 5:
                continue  # a postal code after a street name: "rue des Lilas 13180 Istres"
            if not (new(m.start(1)) and new(m.start(2))):
                continue  # the word or the number stood there in the source
            last = word.split(" ")[-1]
            if m.group() in al.src or {fold(last), fold(last.split("-")[-1])} & NOT_NAMES_FOLDED:
                continue
            if word.isupper() and len(word) > 1 and not self.names.is_first(word):
                continue  # an acronym before a number
            fig.add("numbered", f"{key}: {m.group()!r}")

    def titles(self, fig: Figures, key: str, al: Alignment, spans: list[dict]) -> None:
        inside = [(s["start"], s["end"]) for s in spans if s["type"] == "PERSON"]
        for m in TITLE.finditer(al.src):
            if any(a <= m.start() < b for a, b in inside):
                continue  # "M." as an initial
            rep, changed = al.rendering(m.start(), m.end())
            if not changed or rep.strip() == m.group():
                continue
            g1, _ = al.words(m.start(), m.end())
            g2 = min(len(al.a), g1 + (3 if m.group().endswith(".") else 2))
            s0, s1 = al.a[g1][0], al.a[g2 - 1][1]
            ctx, _ = al.rendering(s0, s1)
            fig.add("titles", f"{key}: {snippet(al.src[s0:s1], 40)!r} -> {snippet(ctx, 40)!r}")

    def file_name(self, fig: Figures, key: str, out_name: str, spans: list[dict], doc) -> None:
        """One count per file: a space or a number gained, or a real name of the note kept
        (in any case and accents: 'julien-marchand_bilan')."""
        if doc and doc.extra.get("filename_names"):
            fig.detail["file names with a name"] += 1
        s_stem, o_stem = Path(key).stem, Path(out_name).stem
        gained_space = " " in o_stem and " " not in s_stem
        gained_number = set(re.findall(r"\d+", o_stem)) - set(re.findall(r"\d+", s_stem))
        real = set()
        for s in spans:
            if s["type"] in ("PERSON", "LOCATION"):
                real |= {fold(w) for w in words_of(s["text"]) if is_name_token(w) and len(w) >= 3}
        if doc:
            for n in doc.extra.get("filename_names", []):
                real |= {fold(w) for w in words_of(n) if len(w) >= 3}
        kept = real & {fold(w) for w in re.split(r"[^\w]+|_", o_stem) if w}
        why = []
        if gained_space or gained_number:
            why.append("space or number")
            fig.detail["file names gained space/number"] += 1
        if kept:
            why.append("a real name of the note")
            fig.detail["file names keeping a real name"] += 1
        if why:
            fig.add("file names", f"{key} -> {out_name} ({', '.join(why)})")

    def reused(self, fig: Figures, key: str, al: Alignment) -> None:
        note = self.note_tokens.get(key, set())
        for s0, s1, o0, o1 in al.changes():
            before = {w.casefold() for w in words_of(al.src[s0:s1])}
            for w in words_of(al.out[o0:o1]):
                cf = w.casefold()
                if cf in before or not is_name_token(w) or cf not in self.folder_tokens:
                    continue
                where = "same note" if cf in note else "folder"
                fig.add(
                    "real names reused", f"{key}: {snippet(al.src[s0:s1], 30)!r} -> {w!r} ({where})"
                )
                fig.detail[f"real names reused ({where})"] += 1
                if cf in self.person_tokens:
                    fig.detail["real names reused (people)"] += 1

    def leaks(self, fig: Figures, key: str, al: Alignment, spans: list[dict]) -> None:
        """Gold surfaces still in the output, outside what the tool rewrote (inside, the same
        string is a pseudonym that happens to be a real name: 'real names reused')."""
        rewritten = [(o0, o1) for _, _, o0, o1 in al.changes()]
        seen = set()
        for s in spans:
            if s["type"] not in LEAK_TYPES or (s["type"], s["text"]) in seen:
                continue
            seen.add((s["type"], s["text"]))
            pat = rf"(?<![\w-]){re.escape(s['text'])}(?![\w-])"
            for m in re.finditer(pat, al.out):
                if not any(o0 <= m.start() and m.end() <= o1 for o0, o1 in rewritten):
                    fig.add("leaks", f"{key}: {s['type']} {snippet(s['text'], 40)!r}")
                    fig.detail[f"leaks {s['type']}"] += 1
                    break

    def by_span(self, fig: Figures, key: str, al: Alignment, spans: list[dict]) -> None:
        names = self.names
        renderings: dict[str, set[str]] = collections.defaultdict(set)
        full: dict[str, set[str]] = collections.defaultdict(set)  # folded first -> firsts
        fulllast: dict[str, set[str]] = collections.defaultdict(set)
        lone: list[tuple[str, str, str]] = []
        for s in spans:
            surface = s["text"]
            rep, changed = al.rendering(s["start"], s["end"], name=s["type"] in NAME_TYPES)
            if not changed:
                continue
            rep_words = name_words(rep)
            plain = [w for w in rep_words if not w.isdigit()]
            kind = s["type"]
            if kind == "PERSON":
                renderings[surface].add(rep.casefold())
                parts = surface.split(" ")
                if len(parts) >= 2 and all(
                    TITLE_WORD.fullmatch(p) or p.casefold() in PARTICLES for p in parts
                ):
                    rw = [w for w in words_of(rep) if not w.isdigit()]
                    if len(rw) >= 2:
                        full[fold(parts[0])].add(fold(rw[0]))
                        fulllast[fold(" ".join(parts[1:]))].add(fold(" ".join(rw[1:])))
                elif len(parts) == 1 or (len(parts) == 2 and parts[0].casefold() in PARTICLES):
                    lone.append((surface, rep, s.get("role", "")))
                # gender of lone first names
                if len(parts) == 1 and s.get("role", "first") == "first":
                    g_src = s.get("gender") or (None if "role" in s else names.gender(surface))
                    if g_src:
                        fig.detail["gender total"] += 1
                        g_out = names.gender(plain[0], names.out_gender) if plain else None
                        if g_out == g_src:
                            fig.detail["gender kept"] += 1
                        elif g_out:
                            fig.add(
                                "gender flips",
                                f"{key}: {surface!r} ({g_src}) -> {snippet(rep, 30)!r}",
                            )
                        else:
                            fig.detail["gender: replaced by something else"] += 1
                            fig.examples["gender: something else"].append(
                                f"{key}: {surface!r} -> {snippet(rep, 30)!r}"
                            )
                # person -> town
                text = " ".join(plain)
                if (
                    plain
                    and fold(text) in names.mid_towns
                    and not names.is_first(text)
                    and fold(text) not in names.surname_set
                    and fold(text) != fold(surface)
                ):
                    fig.add("person->town", f"{key}: {surface!r} -> {snippet(rep, 30)!r}")
            elif kind == "LOCATION":
                if (
                    plain
                    and names.is_first(plain[0])
                    and fold(plain[0]) not in names.communes
                    and not names.is_first(surface.split(" ")[0])
                ):
                    fig.add("place->first name", f"{key}: {surface!r} -> {snippet(rep, 30)!r}")
            elif kind == "ORG":
                src_words = {fold(w) for w in words_of(surface)}
                if (
                    len(plain) in (2, 3)
                    and len(rep_words) == len(words_of(rep))
                    and names.is_first(plain[0])
                    and fold(plain[0]) not in src_words
                    and fold(plain[0]) not in names.communes
                ):
                    fig.add(
                        "org->person", f"{key}: {snippet(surface, 30)!r} -> {snippet(rep, 30)!r}"
                    )
                elif (
                    len(plain) == 1
                    and len(words_of(rep)) == 1
                    and fold(plain[0]) in names.mid_towns
                    and fold(plain[0]) not in src_words
                    and not names.is_first(plain[0])
                ):
                    fig.add("org->town", f"{key}: {snippet(surface, 30)!r} -> {snippet(rep, 30)!r}")
        for surface, reps in renderings.items():
            # initials the word alignment cut in pieces ("G.-O." seen as "G." and "O.")
            # are one rendering
            reps = {r for r in reps if not any(r != o and r in o for o in reps)}
            if len(reps) > 1:
                shown = sorted(reps)[:3]
                fig.add("inconsistent", f"{key}: {surface!r} -> {shown}")
        done = set()
        for surface, rep, _ in lone:
            k = fold(surface)
            if k in done:
                continue
            done.add(k)
            r = fold(" ".join(w for w in words_of(rep) if not w.isdigit()))
            for table in (full, fulllast):
                if k in table and r not in table[k]:
                    fig.add(
                        "name parts",
                        f"{key}: {surface!r} -> {snippet(rep, 25)!r}, "
                        f"in the full name {sorted(table[k])[:2]}",
                    )
                    break

    def over_replaced(self, fig: Figures, key: str, al: Alignment, spans: list[dict]) -> None:
        bounds = [(s["start"], s["end"]) for s in spans]
        for s0, s1, o0, o1 in al.changes():
            if s1 <= s0 or not re.search(r"\w", al.src[s0:s1]):
                continue
            if any(a < s1 and s0 < b for a, b in bounds):
                continue
            # a contracted article next to a span ("à le" -> "au") is grammar, not a name
            if all(w.casefold() in PARTICLES | {"à", "au", "aux"} for w in words_of(al.src[s0:s1])):
                continue
            fig.add(
                "over-replaced",
                f"{key}: {snippet(al.src[s0:s1], 30)!r} -> {snippet(al.out[o0:o1], 30)!r}",
            )


def count_folder(src: Path, out: Path, report: dict, names: Names) -> Figures:
    gold = {d.name: d for d in load_gold(src)}
    checker = Checker(names, gold)
    fig = Figures()
    for f in report.get("files", []):
        source = str(f.get("source", ""))
        if not source.endswith(NOTE_SUFFIXES):
            continue
        fig.notes += 1
        if f.get("status") != "ok" or not f.get("output"):
            fig.add("batch failures", f"{source}: {f.get('status')} {f.get('error') or ''}".strip())
            continue
        text = (src / source).read_text(encoding="utf-8")
        result = (out / f["output"]).read_text(encoding="utf-8")
        fig.words += len(text.split())
        checker.count(fig, source, text, result, Path(f["output"]).name)
    return fig


# ---------------------------------------------------------------------------------------
# Running and printing
# ---------------------------------------------------------------------------------------


def find_exe(given: str | None) -> str:
    if given:
        return given
    local = ROOT / ".venv" / "bin" / "anonymize"
    if local.exists():
        return str(local)
    found = shutil.which("anonymize")
    if not found:
        raise SystemExit("anonymize not found: install it (pip install -e .) or give --run EXE")
    return found


def run_batch(exe: str, src: Path, out: Path, report: Path, seed: int, jobs: int) -> float:
    cmd = [exe, "batch", str(src), "-o", str(out), "--seed", str(seed), "--jobs", str(jobs)]
    cmd += ["--report", str(report), "--force"]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if not report.exists():
        sys.stderr.write(proc.stderr[-2000:])
        raise SystemExit(f"anonymize batch failed (exit {proc.returncode}), no report")
    return seconds


def print_figures(fig: Figures, examples: int, out=sys.stdout) -> None:
    def line(label: str, value: str, key: str | None = None) -> None:
        print(f"{label:<24} {value}", file=out)
        for e in list(dict.fromkeys(fig.examples.get(key or label, [])))[:examples]:
            print(f"    {e}", file=out)

    rate = f"{fig.notes / fig.seconds:.2f} notes/s" if fig.seconds else "-"
    print(f"{'notes':<24} {fig.notes} ({fig.words:,} words)", file=out)
    print(f"{'time':<24} {fig.seconds:.1f} s, {rate}", file=out)
    for key in COUNT_KEYS[: COUNT_KEYS.index("file names")]:
        line(key, str(fig.counts[key]), key)
    d = fig.detail
    share = fig.gender_share
    shown = "-" if share is None else f"{share:.1f} %"
    line(
        "gender kept",
        f"{shown} ({d['gender kept']}/{d['gender total']}; {fig.counts['gender flips']} flips, "
        f"{d['gender: replaced by something else']} replaced by something else)",
        "gender flips",
    )
    others = list(dict.fromkeys(fig.examples.get("gender: something else", [])))
    for e in others[: max(0, examples - 1)]:
        print(f"    {e}", file=out)
    line(
        "file names",
        f"{fig.counts['file names']} ({d['file names gained space/number']} gained a space or "
        f"number, {d['file names keeping a real name']} hold a real name of the note; "
        f"{d['file names with a name']} sources had a name in their file name)",
    )
    line(
        "real names reused",
        f"{fig.counts['real names reused']} ({d['real names reused (same note)']} from the same "
        f"note, {d['real names reused (folder)']} from elsewhere in the folder; "
        f"{d['real names reused (people)']} are people's names)",
    )
    by_type = ", ".join(f"{t} {d['leaks ' + t]}" for t in LEAK_TYPES if d["leaks " + t])
    line("leaks", f"{fig.counts['leaks']}" + (f" ({by_type})" if by_type else ""))
    line("over-replaced", f"{fig.counts['over-replaced']} (for reading, not a target)")
    bad = fig.failing()
    print(
        f"{'verdict':<24} "
        + ("all counts at target" if not bad else "off target: " + ", ".join(bad)),
        file=out,
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="bench/folder.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--notes", type=int, default=300, help="notes in the folder (default 300)")
    ap.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="DIR",
        help="another annotated folder (repeatable); "
        "without any, ../shared/dev-corpus is used if present",
    )
    ap.add_argument(
        "--no-builtin", action="store_true", help="leave out samples/ and bench/heldout/"
    )
    ap.add_argument("--seed", type=int, default=1, help="seed of the re-cast and of the batch")
    ap.add_argument("--jobs", type=int, default=2, help="anonymize batch --jobs (default 2)")
    ap.add_argument("--run", metavar="EXE", help="the anonymize CLI (default .venv/bin/anonymize)")
    ap.add_argument(
        "--keep", metavar="DIR", help="keep src/, out/ and report.json in DIR (new or empty)"
    )
    ap.add_argument(
        "--recount",
        metavar="DIR",
        help="count again a folder kept with --keep (no build, no run; the time is not measured)",
    )
    ap.add_argument("--examples", type=int, default=3, help="examples per count (default 3)")
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    ap.add_argument("--fail", action="store_true", help="exit 1 if a count is not at target")
    args = ap.parse_args(argv)
    if args.notes < 1:
        ap.error("--notes must be at least 1")

    names = load_names()
    if args.recount:
        base = Path(args.recount)
        report = json.loads((base / "report.json").read_text(encoding="utf-8"))
        fig = count_folder(base / "src", base / "out", report, names)
    else:
        sources = [] if args.no_builtin else [p for p in BUILTIN if p.is_dir()]
        corpora = [Path(c) for c in args.corpus]
        if not corpora and DEV_CORPUS.is_dir():
            corpora = [DEV_CORPUS]
        for c in corpora:
            if not c.is_dir():
                ap.error(f"--corpus {c}: not a folder")
        sources += corpora
        if args.keep:
            base = Path(args.keep)
            if base.exists() and any(base.iterdir()):
                ap.error(f"--keep {base}: not empty")
            base.mkdir(parents=True, exist_ok=True)
        else:
            base = Path(tempfile.mkdtemp(prefix="bench-folder-"))
        exe = find_exe(args.run)
        try:
            build_folder(sources, base / "src", args.notes, args.seed, names)
            print(
                f"folder: {args.notes} notes from {', '.join(str(s) for s in sources)}; "
                f"anonymize batch --seed {args.seed} --jobs {args.jobs}",
                flush=True,
            )
            seconds = run_batch(
                exe, base / "src", base / "out", base / "report.json", args.seed, args.jobs
            )
            report = json.loads((base / "report.json").read_text(encoding="utf-8"))
            fig = count_folder(base / "src", base / "out", report, names)
            fig.seconds = seconds
        finally:
            if not args.keep:
                shutil.rmtree(base, ignore_errors=True)
    print_figures(fig, args.examples)
    if args.keep:
        print(f"kept in {args.keep}")
    if args.json:
        Path(args.json).write_text(json.dumps(fig.to_json(), ensure_ascii=False, indent=1) + "\n")
    return 1 if args.fail and fig.failing() else 0


if __name__ == "__main__":
    sys.exit(main())

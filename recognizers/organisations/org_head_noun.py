"""Organisations named by a head noun and a proper name: `lycée Marcelin-Berthelot`.

spaCy's French NER finds about a third of the organisations of a coaching
note. Most of the rest follow one French pattern: an institution noun
(`crèche`, `EHPAD`, `CHU`, `association`, `cabinet`) then a capitalized name,
or `de` + a town when the town is the official name (`CHU de Poitiers`). The
head noun is part of the span. Without a name (`la mairie`, `le club`, `la
clinique`) nothing is flagged. A town after a name only locates a branch
(`cabinet Fiducial de Bourg`) and stays outside, for the LOCATION recognizers.

Also here, because they are the same idea with the head in another place:
sports clubs (`Judo Club Agenais`, `RC Lens`), shop names built on a trade
noun (`Le Fournil de Mathis`, `L'Atelier de Rose`) and `Chez Sof'`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from recognizers import _place_context as ctx
from recognizers._data import lines, table
from recognizers._gazetteer import scan
from recognizers._names import first_name, fold, is_surname, stop_words, titles
from recognizers._proper_names import CAP_WORD, CONNECTOR, UPPER, cap_name
from recognizers._regex_entity import _RegexEntityRecognizer
from recognizers.lexicons import place_entry
from recognizers.organisations._org_common import (
    Candidate,
    cut_branch_town,
    not_org_names,
    other_mentions,
    public,
)
from recognizers.organisations.known_org import known_name_end

SCORE = 0.86
# `Maison Pradel`: a capitalized common noun + a name; above spaCy (0.85), whose
# wider ORG of the same words Presidio would keep instead (`Initiative Bresse |...`)
SCORE_CAP_HEAD = 0.86
SCORE_WEAK = 0.55  # `studio`, `entreprise`: everyday words
SCORE_SHOP_NAME = 0.7  # `Le Fournil de Mathis`
SCORE_CLUB = 0.86
# a company word is strong evidence, and above spaCy (0.85): Presidio drops a result
# contained in a same-type one of equal or higher score ("Agilium Academy" inside
# spaCy's table-wide ORG)
SCORE_SUFFIX = 0.86

# Adjectives that may sit between a head and its name (`orchestre national du
# Capitole`, `lycée agricole Le Robillard` is a head of its own).
_ADJECTIVES = r"(?:\s+(?:" + "|".join(lines("org_head_adjectives.txt")) + "))*"
# Sports-club abbreviations placed before the town or name (`RC Lens`).
_CLUB_PREFIXES = lines("org_club_prefixes.txt")


@dataclass(frozen=True)
class Head:
    text: str
    kind: str
    town: bool  # `de <town>` without a name is the official name
    conn: bool  # the name may follow `de`, `des`, `du`
    cap: bool  # only when written with a capital
    weak: bool
    person: bool = False  # the name may be a person's (`le client Dupont`)


@cache
def _head_rows() -> tuple[Head, ...]:
    rows = []
    for row in table("org_heads.tsv"):
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        rows.append(
            Head(
                row[0],
                row[1],
                "town" in flags,
                "conn" in flags,
                "cap" in flags,
                "weak" in flags,
                "person" in flags,
            )
        )
    return tuple(rows)


@cache
def _heads() -> dict[str, Head]:
    """Head by its lower-cased text (`EHPAD` and `Ehpad` are one head)."""
    heads: dict[str, Head] = {}
    for head in _head_rows():
        heads.setdefault(head.text.lower(), head)
    return heads


def _head_alternation() -> str:
    alts = []
    for head in sorted(_head_rows(), key=lambda h: len(h.text), reverse=True):
        first = head.text[0]
        if head.cap or head.text.isupper() or not first.isalpha():
            alts.append(re.escape(first) + _head_body(head.text[1:]))
        else:
            alts.append(f"[{first.upper()}{first}]" + _head_body(head.text[1:]))
    # any trade noun in -erie (savonnerie, tonnellerie, chocolaterie...) heads a
    # business name: the list above only needs the other heads
    alts.append(TRADE_ERIE)
    return "|".join(alts)


def _head_body(rest: str) -> str:
    """The rest of a head, its later words capitalized or not: an official name
    capitalizes them (`Centre Hospitalier Cochin`, `Tribunal Judiciaire de Lyon`)."""
    body = ""
    for i, word in enumerate(rest.split(" ")):
        if i:
            body += r"\s+"
            elided = re.match(r"[dl]'", word)
            if elided:
                body += elided.group(0)[0] + "['’]"
                word = word[2:]
            if word[:1].islower() and (len(word) > 3 or elided):
                body += f"[{word[0].upper()}{word[0]}]"
                word = word[1:]
        body += re.escape(word).replace("'", "['’]")
    return body


# `-eries` too: `Fromageries du Revard`, `Cartonneries de l'Andelle`
TRADE_ERIE = r"[A-ZÉa-zé][a-zéèêëàâîïôûç]{2,}eries?"
_TRADE_ERIE_HEAD = Head("-erie", "company", False, False, False, False)


def _acronym_heads() -> str:
    return "|".join(re.escape(h.text) for h in _head_rows() if h.text.isupper())


@cache
def _patterns() -> dict[str, re.Pattern]:
    name = cap_name(6)
    return {
        "head": re.compile(
            rf"(?<![\w-])(?P<head>{_head_alternation()})(?P<adj>{_ADJECTIVES})"
            rf"[ \u00a0]+(?:(?P<conn>{CONNECTOR})[ \u00a0]*)?(?P<name>{name})"
        ),
        "club": re.compile(
            rf"(?<![\w-])(?:(?:[{UPPER}][\w-]+[ \u00a0]+){{1,2}}Club|"
            rf"(?:{'|'.join(_CLUB_PREFIXES)}))[ \u00a0]+"
            rf"(?:{CONNECTOR}[ \u00a0]*)?(?P<name>{cap_name(3)})"
        ),
        "shop": re.compile(rf"(?<![\w-])(?:Le|La|Les|L['’])[ \u00a0]*(?P<name>{name})"),
        # an acronym head with a code for a name: "OPCO 2i", "CFA 3D"
        "code": re.compile(
            rf"(?<![\w-])(?P<head>{_acronym_heads()})"
            r"[ \u00a0]+(?P<name>\d\w{0,4})(?![\w-])"
        ),
        "chez": re.compile(rf"(?<=[\w,;|(] )Chez[ \u00a0]+(?P<name>{cap_name(3)})"),
        "suffix": re.compile(
            rf"(?:(?<=\b[dlDL]['’])|(?<![\w'’-]))"  # "auprès d'Harmonie Santé"
            rf"(?P<name>{CAP_WORD}(?:[ \u00a0]+{CAP_WORD}){{0,2}})[ \u00a0]+"
            rf"(?P<suffix>{_suffix_alternation()})(?![\w-])"
        ),
    }


def _suffix_alternation() -> str:
    words = sorted(lines("org_suffixes.txt"), key=len, reverse=True)
    alts = []
    for w in words:
        body = re.escape(w).replace(r"\ ", r"[ \u00a0]+")
        alts.append(body + "|" + re.escape(w.upper()).replace(r"\ ", r"[ \u00a0]+"))
    return "|".join(alts)


@cache
def _trade_nouns() -> frozenset[str]:
    return frozenset(lines("org_trade_nouns.txt"))


@cache
def _suffix_stop() -> frozenset[str]:
    return frozenset(lines("org_suffix_stop.txt"))


def _is_place(name: str) -> bool:
    """The whole name is a French place (`Bordeaux`, `l'Ain`), or a foreign city
    whose name is no common surname (`Delmas` is also a town in Haiti)."""
    return any(
        h.start == 0
        and h.end == len(name)
        and not (h.entry.ambiguous and h.entry.best.kind == "foreign_city")
        for h in scan(name)
    )


def _located(conn: str, name: str) -> bool:
    """`CHU de Poitiers`, `clinique du Mans`: a place after the connector. "du" and
    "des" hold an article, so the place must take one (`du Havre`); `des
    Bruyères` is a practice's name, not the commune of Bruyères."""
    if _is_place(conn + name):
        return True
    if fold(conn).strip() in ("du", "des"):
        place = place_entry(name, aliases=False)
        return place is not None and bool(place.article) and _is_place(name)
    return _is_place(name)


def _may_be_person(name: str, after_connector: bool = False) -> bool:
    """`le client Julien`, `la fournisseuse Mme Roux`, `le client Dupont`: after
    a head that also names people, a first name, a title or a lone surname is
    a person, left to the PERSON recognizers. After "du", "des" ("cabinet médical
    du Légué", "des Bruyères") only a title makes a person: a place or a plant
    names the practice."""
    first = re.split(r"[ \u00a0'’-]", name, maxsplit=1)[0]
    if fold(first).rstrip(".") in _titles():
        return True
    if after_connector:
        return False
    if first_name(first) is not None:
        return True
    return " " not in name and is_surname(name)


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold(t) for t in titles())


class OrgHeadNounRecognizer(_RegexEntityRecognizer):
    """ORG: head noun + name, sports clubs, trade-noun shop names."""

    ENTITY = "ORG"

    def candidates(self, text: str) -> Iterator[Candidate]:
        found = [
            *self._headed(text),
            *self._coded(text),
            *self._clubs(text),
            *self._shops(text),
            *self._suffixed(text),
        ]
        # `Club Agenais` inside `Judo Club Agenais`: keep the longest reading.
        found = [
            c
            for c in found
            if not any(o[0] <= c[0] and c[1] <= o[1] and o[:2] != c[:2] for o in found)
        ]
        yield from ((s, e, score, public(extra)) for s, e, score, extra in found)
        yield from other_mentions(text, [c for c in found if "_name" in c[3]])

    def _coded(self, text: str) -> Iterator[Candidate]:
        for m in _patterns()["code"].finditer(text):
            head = _heads()[m.group("head").lower()]
            extra = {"kind": head.kind, "head": head.text.lower(), "_name": m.group("name")}
            yield m.start("head"), m.end("name"), SCORE, extra

    def _headed(self, text: str) -> Iterator[Candidate]:
        for m in _patterns()["head"].finditer(text):
            key = " ".join(m.group("head").lower().replace("’", "'").split())
            head = _heads().get(key, _TRADE_ERIE_HEAD)
            name = m.group("name")
            if name in not_org_names() or name.split()[0] in not_org_names():
                continue
            if (head.person or m.group("conn")) and _may_be_person(
                name, after_connector=bool(m.group("conn"))
            ):
                continue  # "le client Dupont"; "en EHPAD du Dr Rousseau": the doctor's visit
            if known_name_end(text, m.start("name")) > m.end("name"):
                continue  # `agence Pôle emploi`: a listed name, longer than the capitals
            start, end = m.start("head"), m.end("name")
            link = re.search(r"[ \u00a0]+(?:et|&)[ \u00a0]+", name)
            if m.group("conn") and link and _is_place(name[: link.start()]):
                # "l'IAE de Grenoble et Sciences Po Bordeaux": the town ends the name
                name = name[: link.start()]
                end = m.start("name") + link.start()
            if m.group("conn"):
                place = _located(m.group("conn"), name)
                named = self._named_trade(text, m, head, place)
                if not (head.conn or head.town or named):
                    continue
                if not named and ((place and not head.town) or (not place and not head.conn)):
                    continue
            else:
                end = cut_branch_town(text, m.start("name"), end)
            if head.cap and not m.group("head")[0].isupper():
                continue
            score = SCORE_WEAK if head.weak else SCORE_CAP_HEAD if head.cap else SCORE
            extra = {"kind": head.kind, "head": head.text.lower()}
            if not m.group("conn") and not _is_place(text[m.start("name") : end]):
                extra["_name"] = text[m.start("name") : end]
            yield start, end, score, extra

    def _named_trade(self, text: str, m: re.Match, head: Head, place: bool) -> bool:
        """`Fromageries du Revard`, `Laiterie de Montauban-de-Bretagne`: a trade
        noun in -erie capitalized inside a sentence is a business's own name,
        `de` + a town included (`la laiterie de Montauban` is only located)."""
        written = m.group("head")
        if not written.rstrip("s").endswith("erie") or not written[0].isupper() or head.town:
            return False
        return not (place and self._starts_sentence(text, m.start("head")))

    @staticmethod
    def _starts_sentence(text: str, start: int) -> bool:
        before = ctx.line_before(text, start).rstrip()
        return not before or before[-1] in ".!?:;-*#>|"

    def _suffixed(self, text: str) -> Iterator[Candidate]:
        """`Ravenel Conseil`, `AFS COACHING`: a name ended by a business word."""
        stop = _suffix_stop()
        for m in _patterns()["suffix"].finditer(text):
            start = m.start()
            # `Pour Mazerolles Expertise`: a capitalized function word opening a
            # line is no part of the name
            while (w := re.match(r"(\S+)[ \u00a0]+", text[start : m.start("suffix")])) and fold(
                w.group(1)
            ) in stop_words():
                start += w.end()
            words = text[start : m.end("name")].split()
            if (
                not words
                or any(w.lower() in stop for w in words)
                or " ".join(words) in not_org_names()
            ):
                continue
            extra = {
                "kind": "company",
                "head": m.group("suffix").lower(),
                "_name": text[start : m.end()],
            }
            yield start, m.end(), SCORE_SUFFIX, extra

    def _clubs(self, text: str) -> Iterator[Candidate]:
        for m in _patterns()["club"].finditer(text):
            name = m.group("name")
            if name in not_org_names():
                continue
            yield m.start(), m.end("name"), SCORE_CLUB, {"kind": "club", "head": "club"}

    def _shops(self, text: str) -> Iterator[Candidate]:
        """`Le Fournil de Mathis`, `L'Atelier de Rose`: a trade noun names a shop."""
        nouns = _trade_nouns()
        for m in _patterns()["shop"].finditer(text):
            words = re.findall(r"[\w’']+", m.group("name"))
            if not words or (words[0] not in nouns and (len(words) < 2 or words[1] not in nouns)):
                continue
            if len(words) == 1 and self._starts_sentence(text, m.start()):
                continue
            yield m.start(), m.end(), SCORE_SHOP_NAME, {"kind": "shop", "_name": m.group(0)}
        for m in _patterns()["chez"].finditer(text):
            if m.group("name") not in not_org_names():
                yield m.start(), m.end(), SCORE_SHOP_NAME, {"kind": "shop"}

"""Named venues and neighbourhoods: `gare Montparnasse`, `quartier du Panier`.

No gazetteer lists every concert hall, estate or district, but French names
them with a head noun followed by a capitalized name. A venue keeps its head
noun (`salle Molière`, `domaine de la Baume`, `Station F`); a district does
not (`quartier des Couronneries` -> `Couronneries`), nor does a district named
in brackets after its town (`Marseille (Belle de Mai)`). Every other
occurrence of a name found this way is flagged too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers import _place_context as ctx
from recognizers._data import lines, table
from recognizers._gazetteer import scan
from recognizers._proper_names import CONNECTOR, cap_name
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

# Venue heads, kept inside the span, and district heads, left outside;
# `place` and street types are addresses.
VENUE_HEADS = tuple(row[0] for row in table("place_venue_heads.tsv") if row[1] == "venue")
DISTRICT_HEADS = tuple(row[0] for row in table("place_venue_heads.tsv") if row[1] == "district")
# Names after a head that do not make it a named venue (`gare SNCF`, `salle B`).
GENERIC_NAMES = frozenset(lines("place_venue_not_names.txt"))
SCORE_VENUE = 0.65
SCORE_DISTRICT = 0.65
SCORE_BRACKETED = 0.5


def _heads(words: tuple[str, ...]) -> str:
    alts = sorted(words, key=len, reverse=True)
    return "|".join(
        "["
        + w[0].upper()
        + w[0]
        + "]"
        + re.escape(w[1:]).replace("\\ ", r"\s+").replace("'", "['’]")
        for w in alts
    )


_NAME = cap_name(5)
_VENUE = re.compile(
    rf"(?<![\w-])(?P<head>{_heads(VENUE_HEADS)})\s+(?:(?P<conn>{CONNECTOR})\s*)?(?P<name>{_NAME})"
)
_DISTRICT = re.compile(
    rf"(?<![\w-])(?:{_heads(DISTRICT_HEADS)})\s+(?:{CONNECTOR}\s*)?(?P<name>{_NAME})"
)
_BRACKETED = re.compile(rf"\s*\((?P<name>{_NAME})\)")


def _usable(name: str, head: str) -> bool:
    if name in GENERIC_NAMES or name.isdigit():
        return False
    # A lone capital letter names a room (`salle B`), except `Station F`.
    return len(name) > 1 or head.lower() == "station"


class PlaceVenueRecognizer(_RegexEntityRecognizer):
    """LOCATION: venues with their head noun, districts without theirs."""

    ENTITY = "LOCATION"

    def candidates(self, text: str) -> Iterator[Candidate]:
        found: list[Candidate] = []
        for m in _VENUE.finditer(text):
            name = m.group("name")
            if not _usable(name, m.group("head")) or not self._not_sentence_start(text, m):
                continue
            found.append((m.start("head"), m.end("name"), SCORE_VENUE, {"kind": "venue"}))
        for m in _DISTRICT.finditer(text):
            if _usable(m.group("name"), ""):
                found.append(
                    (m.start("name"), m.end("name"), SCORE_DISTRICT, {"kind": "neighbourhood"})
                )
        for hit in scan(text):
            if hit.entry.best.kind != "commune" or hit.entry.ambiguous:
                continue
            bracket = _BRACKETED.match(text, hit.end)
            # Title-case words only: `(CEO)`, `(RH)` are roles, not districts.
            if (
                bracket
                and _usable(bracket.group("name"), "")
                and not any(w.isupper() and len(w) > 1 for w in bracket.group("name").split())
                and not self._is_place(bracket.group("name"))
            ):
                found.append(
                    (
                        bracket.start("name"),
                        bracket.end("name"),
                        SCORE_BRACKETED,
                        {"kind": "neighbourhood"},
                    )
                )
        yield from found
        yield from self._other_mentions(text, found)

    @staticmethod
    def _not_sentence_start(text: str, m: re.Match) -> bool:
        """A capitalized head at a sentence start is just a capital (`Port du casque`)."""
        if not m.group("head")[0].isupper():
            return True
        if re.search(
            r"(?<![\w-])(?:Le|La|Les|L['’])[ \u00a0]*$", text[max(0, m.start() - 4) : m.start()]
        ):
            return False  # `Les Jardins de Lucie`: a business name, not a venue
        # `Île de Nantes`, `Station F`: capitalized heads name the place itself,
        # but need a capitalized name right after (checked by the pattern).
        return not ctx.line_before(text, m.start()).rstrip().endswith((".", "!", "?"))

    @staticmethod
    def _is_place(name: str) -> bool:
        """A department or commune in brackets is the gazetteer's business."""
        return any(h.start == 0 and h.end == len(name) for h in scan(name))

    @staticmethod
    def _other_mentions(text: str, found: list[Candidate]) -> Iterator[Candidate]:
        """The same name elsewhere in the note, without its head noun."""
        seen: set[str] = set()
        for start, end, score, extra in list(found):
            surface = text[start:end]
            if extra["kind"] != "neighbourhood" or len(surface) < 4 or surface in seen:
                continue
            seen.add(surface)
            for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
                if not any(f[0] == m.start() for f in found):
                    yield m.start(), m.end(), score - 0.05, extra

"""French street lines, with their building, floor, flat and business-park parts.

One span per line, as the corpus conventions want: `Bât. B, 1er étage, 14
boulevard de la République`, `ZA du Bois-Joli, 6 rue des Artisans`,
`lieu-dit La Cour Vérel`, plus postal boxes (`BP 123`, `CS 40001`) and
`CEDEX`. The postal code and the city that follow are left to
`postal_code.py` and `postal_city.py` (separate spans). A floor without a
street (`au 3e étage` of a hospital) is never matched: details only count
when attached to a numbered street.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from recognizers._regex_entity import Candidate, Claims, _RegexEntityRecognizer
from recognizers.places._address_grammar import (
    SP,
    address_line,
    name,
    postal_box,
    street_number_after,
    street_without_number,
    type_regex,
    zone_line,
)

# `les 2 cours de Français`, `ses 3 places Bellecour`: a determiner before the
# number makes it a count of common nouns, not a house number.
_COUNT_BEFORE = re.compile(
    r"(?:^|[^\w])(?:les|des|ses|mes|tes|nos|vos|leurs|ces|aux|en|sur|pour|de|quelques)\s*$",
    re.IGNORECASE,
)


@cache
def _street_before_code() -> re.Pattern[str]:
    """A street named without a number, then a comma or a spaced dash and a postal code."""
    return re.compile(
        rf"(?<![\w-]){type_regex('street', 'strict')}{SP}+{name(lenient=False)}"
        rf"(?=[ \t]*(?:,|[ \t][-–])[ \t]*"
        rf"(?:0[1-9]|[1-8]\d|9[0-8])[ \u00a0]?\d{{3}}(?![\w]|[.,/-]\d))"
    )


class FrenchStreetAddressRecognizer(_RegexEntityRecognizer):
    """A numbered street line with its details, a business park, a lieu-dit, a BP/CS."""

    ENTITY = "ADDRESS"
    # Only used to lift a street named without a house number (`habite rue des Lilas`).
    CONTEXT = (
        "adresse",
        "habite",
        "habitent",
        "domicile",
        "domicilié",
        "domiciliée",
        "siège",
        "situé",
        "située",
        "réside",
        "résident",
        "demeurant",
        "installé",
        "installée",
        "déménagé",
        "déménage",
        "emménagé",
    )

    def candidates(self, text: str) -> Iterator[Candidate]:
        claim = Claims().claim

        for match in address_line().finditer(text):
            if match.group("strict") and _COUNT_BEFORE.search(
                text[max(0, match.start("number") - 30) : match.start("number")]
            ):
                continue
            if claim(*match.span()):
                type_start = match.start("lenient") if match.group("lenient") else match.start()
                detailed = (
                    match.start() < match.start("number")
                    or "," in text[max(type_start, match.end("number") + 2) : match.end()]
                )
                yield match.start(), match.end(), 0.9 if detailed else 0.85, {}
        for match in street_number_after().finditer(text):
            if claim(*match.span()):
                yield match.start(), match.end(), 0.85, {}
        for match in zone_line().finditer(text):
            if claim(*match.span()):
                yield match.start(), match.end(), 0.7, {}
        for match in postal_box().finditer(text):
            if claim(*match.span()):
                score = 0.5 if match.group().upper().startswith("CEDEX") else 0.7
                yield match.start(), match.end(), score, {}
        for match in _street_before_code().finditer(text):
            # a postal code right after it closes an address line: "Route de Mons - 59600"
            if claim(*match.span()):
                yield match.start(), match.end(), 0.8, {}
        for match in street_without_number().finditer(text):
            if claim(*match.span()):
                yield match.start(), match.end(), 0.3, {}

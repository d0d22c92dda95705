"""The town right after a French postal code, as a LOCATION (kind=commune).

spaCy's NER misses many small towns (`Espalion`, `Ancenis-Saint-Géréon`), but
a town after a postal code is certain: this recognizer gives recall where the
NER is weakest. The hint `kind=commune` lets the replacement step pick a
plausible French town.
"""

from __future__ import annotations

from collections.abc import Iterator

from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.places._address_grammar import postal_codes


class FrenchPostalCityRecognizer(_RegexEntityRecognizer):
    """The capitalized town name that follows a postal code."""

    ENTITY = "LOCATION"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for _start, _end, _score, town in postal_codes(text):
            if town and town[1] > town[0]:
                yield town[0], town[1], 0.9, {"kind": "commune"}

"""French five-digit postal codes (ADDRESS), the code only.

`47000 Agen` gives `47000`; the town is a LOCATION found by `postal_city.py`
and the NER. See `_address_grammar.postal_codes` for what makes a five-digit
number a postal code rather than an amount or a piece of a SIRET.
"""

from __future__ import annotations

from collections.abc import Iterator

from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.places._address_grammar import postal_codes


class FrenchPostalCodeRecognizer(_RegexEntityRecognizer):
    """A postal code followed by a town, after a label, or closing an address line."""

    ENTITY = "ADDRESS"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for start, end, score, _town in postal_codes(text):
            yield start, end, score, {}

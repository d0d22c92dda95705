"""Fictitious identifiers fail the very checks the ID recognizers apply.

A fake SIRET, IBAN, NIR or VAT number keeps the layout of the original but
must never be taken for a real one: run through the recognizers themselves,
it never reaches the certain score that a right check digit gives.
"""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import EntityRecognizer

from anonymize.replace.fictitious import fake_id, passes_a_check
from recognizers.numbers.iban import IbanRecognizer
from recognizers.numbers.nir import NirRecognizer
from recognizers.numbers.siren_siret import SirenSiretRecognizer
from recognizers.numbers.vat import VatRecognizer

FAKES_PER_ORIGINAL = 2000

# (kind, recognizer class, valid originals in the layouts notes use)
KINDS = [
    ("siren", SirenSiretRecognizer, ["732 829 320", "519472682"]),
    ("siret", SirenSiretRecognizer, ["519 472 682 00011", "51947268200011"]),
    ("iban", IbanRecognizer, ["FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000"]),
    ("nir", NirRecognizer, ["2 84 05 75 115 032 57", "1 89 12 2A 004 005 90"]),
    ("vat", VatRecognizer, ["FR 40 303 265 045", "FR40303265045"]),
]


def _certain(recognizer: EntityRecognizer, text: str) -> list[str]:
    """What the recognizer, alone, reports with its certain score in `text`."""
    results = recognizer.analyze(text, recognizer.supported_entities, None) or []
    return [text[r.start : r.end] for r in results if r.score >= EntityRecognizer.MAX_SCORE]


@pytest.mark.parametrize(("kind", "cls", "originals"), KINDS, ids=[k[0] for k in KINDS])
def test_originals_pass_the_recognizers_check(kind, cls, originals):
    recognizer = cls()
    for original in originals:
        assert _certain(recognizer, original) == [original], original
        assert passes_a_check(original)


@pytest.mark.parametrize(("kind", "cls", "originals"), KINDS, ids=[k[0] for k in KINDS])
def test_fakes_fail_the_recognizers_check(kind, cls, originals):
    recognizer = cls()
    for original in originals:
        seen = set()
        for seed in range(FAKES_PER_ORIGINAL):
            fake = fake_id(original, random.Random(seed))
            seen.add(fake)
            assert len(fake) == len(original)
            assert [c.isdigit() for c in fake] == [c.isdigit() for c in original]
            assert recognizer.validate_result(fake) is not True, (original, fake)
            assert _certain(recognizer, fake) == [], (original, fake)
            assert not passes_a_check(fake), (original, fake)
        # the fakes are varied, not one safe constant
        assert len(seen) > FAKES_PER_ORIGINAL * 0.9


def test_a_fake_keeps_the_separators_and_the_country():
    fake = fake_id("FR76 3000 6000 0112 3456 7890 189", random.Random(1))
    assert fake.startswith("FR")
    assert [i for i, c in enumerate(fake) if c == " "] == [4, 9, 14, 19, 24, 29]

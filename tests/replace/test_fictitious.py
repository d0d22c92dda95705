"""Fictitious identifiers: the layout of the original, and the right check
digits where a reader expects them.

A fake IBAN keeps the layout of the original but must never be taken for a
real one: run through the recognizers themselves, it never reaches the certain
score that a right check digit gives. The same holds for a NIR, a SIREN, a
SIRET or a VAT number (with `siren_rng`, a company's numbers agree:
tests/replace/test_rendering_editor.py).
"""

from __future__ import annotations

import random
import re

import pytest
from presidio_analyzer import EntityRecognizer

from anonymize.replace.fictitious import (
    digit_layout,
    fake_address,
    fake_id,
    fake_phone,
    fake_postal_code,
    passes_a_check,
)
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


FAILING = KINDS


@pytest.mark.parametrize(("kind", "cls", "originals"), FAILING, ids=[k[0] for k in FAILING])
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


@pytest.mark.parametrize(
    ("written", "layout"),
    [
        ("01.42.16.10.O2", "01.42.16.10.02"),
        ("O6 39 98 12 34", "06 39 98 12 34"),
        ("25O1936670", "2501936670"),
        ("06 39 98 O 12", "06 39 98 0 12"),
        # letters of a code are no zeros
        ("PO-2025-0311", "PO-2025-0311"),
        ("ROC-123456", "ROC-123456"),
    ],
)
def test_a_letter_o_for_a_zero_is_a_digit_slot(written, layout):
    assert digit_layout(written) == layout


@pytest.mark.parametrize(
    "original",
    ["01.42.16.1O.O2", "0 6 3 5 3 4 6 5 7 7", "(33) 1 02 21 77 12", "00-33-1-42-16-10-02"],
)
def test_a_fake_phone_keeps_the_layout_and_lands_in_fiction(original):
    for seed in range(20):
        fake = fake_phone(original, random.Random(seed))
        assert re.sub(r"\d", "9", fake) == re.sub(r"[\dO]", "9", original), (original, fake)
        national = re.sub(r"\D", "", fake)[-9:]
        assert national[:5] in {"19900", "63998", "26191", "35301", "46571", "53649"}


@pytest.mark.parametrize(
    "original", ["2 8 4 1 1 8 3 8 0 6 3 3 5", "3 3 0 0 9 8 1 2 4 7", "77O3O9215", "P 2 1 0 4 4 7"]
)
def test_a_fake_id_keeps_a_dictated_or_typed_layout_and_never_the_digits(original):
    for seed in range(20):
        fake = fake_id(original, random.Random(seed))
        assert re.sub(r"\d", "9", fake) == re.sub(r"\d|(?<=\d)O|O(?=\d)", "9", original) or (
            original.startswith("P ") and re.fullmatch(r"[A-Z]( \d){6}", fake)
        ), (original, fake)
        assert re.sub(r"\D", "", fake) != re.sub(r"\D", "", digit_layout(original))


def test_a_spaced_postal_code_is_written_in_one_group():
    """ "rue du Stade 51 970" would read as a number glued to the street's name."""
    for seed in range(20):
        assert re.fullmatch(r"\d{5}", fake_address("51 330", random.Random(seed)))


@pytest.mark.parametrize(
    ("original", "shape"),
    [
        ("trois un deux zéro zéro", r"(?:\S+ ){4}\S+"),
        ("quarante-quatre mille", r"[a-z-]+(?: et [a-z]+)? mille"),
        ("vingt-deux ter rue des glycines", r"[a-zé-]+(?: et [a-z]+)? rue [a-zé' ]+"),
    ],
)
def test_what_was_said_aloud_is_written_in_words(original, shape):
    for seed in range(20):
        fake = fake_address(original, random.Random(seed))
        assert re.fullmatch(shape, fake), (original, fake)
        assert not re.search(r"\d", fake)
        assert fake != original


def test_a_fake_address_is_never_the_original():
    # the street pool holds "de la Paix": seeds that draw it with the same number redraw
    original = "7 rue de la Paix"
    assert all(fake_address(original, random.Random(seed)) != original for seed in range(3000))


def test_a_postal_code_for_a_town_of_the_same_department_is_never_the_original():
    for seed in range(2000):
        fake = fake_postal_code("74000", "74", random.Random(seed))
        assert fake != "74000" and fake.startswith("74"), fake
        spaced = fake_postal_code("74 000", "74", random.Random(seed))
        assert spaced != "74000" and re.fullmatch(r"74\d{3}", spaced), spaced


@pytest.mark.parametrize(("original", "shape"), [("Cedex", r"Cedex"), ("CEDEX 03", r"CEDEX 0\d")])
def test_cedex_stays_a_sorting_word(original, shape):
    for seed in range(10):
        assert re.fullmatch(shape, fake_address(original, random.Random(seed)))


@pytest.mark.parametrize("original", ["FA-2025-0147", "BC-2025-00417", "DOS-2024-00123"])
def test_a_reference_keeps_its_document_code_and_its_year(original):
    code = original.split("-")[0]
    for seed in range(10):
        fake = fake_id(original, random.Random(seed))
        prefix, year, serial = fake.split("-")
        assert prefix == code and year == original.split("-")[1], fake
        assert serial != original.split("-")[2] and len(serial) == len(original.split("-")[2])

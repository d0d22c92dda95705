"""Property-based hardening: random notes never crash, never leak, keep offsets valid.

Notes are built from French sentence frames filled with generated people,
places, e-mails, phone numbers (in the ranges ARCEP reserves for fiction) and
SIRET-like numbers. The people are deny-listed in the config, so the property
is strict: none of them may survive, whatever the statistical model thinks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anonymize.config import Config
from anonymize.io.formats.edits import edits_of
from anonymize.io.reader import Note
from anonymize.pipeline import Pipeline, Result
from anonymize.publish.check import Gate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_fake = Faker("fr_FR")
_fake.seed_instance(2025)


def _plain(name: str) -> str:
    return re.sub(r"[^A-Za-zÀ-ÿ' -]", "", name).strip()


FIRST = sorted({_plain(_fake.first_name()) for _ in range(60)} - {""})[:30]
LAST = sorted({_plain(_fake.last_name()) for _ in range(60)} - {""})[:30]
CITIES = sorted({_fake.city() for _ in range(40)})[:20]
FICTION_PREFIXES = ("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49", "06 39 98")
# A fixed seed: the default seed is secret and fresh per run, and a property test
# must replay its failing example.
CONFIG = Config(style="redact", seed=7, deny=[f"{f} {n}" for f in FIRST for n in LAST[:5]] + LAST)

FRAMES = (
    "Séance avec {first} {last} ce matin.",
    "{first} {last} travaille à {city} depuis longtemps.",
    "Je revois {first} le mois prochain, {last} doit confirmer.",
    "Sa sœur, {first2} {last}, l'encourage à changer de poste.",
    "Mme {last} a rappelé pour décaler la séance.",
    "Contact : {email}, {phone}.",
    "Appeler {first} au {phone} avant jeudi.",
    "Facture adressée à {first} {last}, SIRET {siret}.",
    "Il a grandi à {city} et vit maintenant à {city2}.",
    "La séance a porté sur la confiance et la délégation.",
    "On parle du sentiment d'imposture, très présent cette semaine.",
    "Objectif : poser des limites claires avec son équipe.",
)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)))


@st.composite
def notes(draw) -> tuple[str, set[str], set[str]]:
    """(note, deny-listed people in it, contact strings in it)."""
    parts, people, contacts = [], set(), set()
    for _ in range(draw(st.integers(2, 9))):
        frame = draw(st.sampled_from(FRAMES))
        first, first2 = draw(st.sampled_from(FIRST)), draw(st.sampled_from(FIRST))
        last = draw(st.sampled_from(LAST[:5]))
        city, city2 = draw(st.sampled_from(CITIES)), draw(st.sampled_from(CITIES))
        digits = draw(st.lists(st.integers(10, 99), min_size=2, max_size=2))
        phone = f"{draw(st.sampled_from(FICTION_PREFIXES))} {digits[0]} {digits[1]}"
        email = (
            f"{_ascii(first)}.{_ascii(last)}@{draw(st.sampled_from(['gmail.com', 'orange.fr']))}"
        )
        siret = "".join(str(draw(st.integers(0, 9))) for _ in range(14))
        values = dict(first=first, first2=first2, last=last, city=city, city2=city2,
                      phone=phone, email=email, siret=siret)  # fmt: skip
        parts.append(frame.format(**values))
        if "{last}" in frame:
            people.add(last)
        if "{phone}" in frame:
            contacts.add(phone)
        if "{email}" in frame:
            contacts.add(email)
    separator = draw(st.sampled_from([" ", "\n", "\n\n", "\r\n"]))
    return separator.join(parts) + "\n", people, contacts


def _assert_valid(text: str, result: Result) -> None:
    previous = 0
    for e in result.entities:
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.text
        assert e.start >= previous, "entities overlap"
        previous = e.end
    for r in result.replacements:
        assert result.text[r.start : r.end] == r.text
    edits_of(text, result)  # raises if a byte outside the replacements changed


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w'-]+", text)}


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(notes())
def test_random_notes_never_leak_deny_listed_people_or_contacts(note):
    text, people, contacts = note
    pipeline = Pipeline(CONFIG, style="redact")
    result = pipeline.anonymize(text)
    _assert_valid(text, result)
    left = _words(result.text)
    for surname in people:
        assert surname.casefold() not in left, surname
    for contact in contacts:
        assert contact not in result.text


@SETTINGS
@given(notes())
def test_random_notes_in_pseudonym_style_keep_offsets_and_never_show_a_denied_name(note):
    text, _, contacts = note
    result = Pipeline(CONFIG, style="pseudonym").anonymize(text)
    _assert_valid(text, result)
    for contact in contacts:
        assert contact not in result.text
    # not even as someone else's pseudonym: a deny-listed name is a real person
    denied = {t.casefold() for t in CONFIG.deny if " " not in t}
    assert not denied & _words(result.text), denied & _words(result.text)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(notes())
def test_anonymizing_again_finds_nothing_identifying(note):
    """A second pass over our output finds only our own replacements."""
    text, _, _ = note
    config = Config(style="pseudonym", seed=7)
    result = Pipeline(config, style="pseudonym").anonymize(text)
    gate = Gate(config, known=[r.text for r in result.replacements])
    findings = gate.check_documents([Note(result.text, "utf-8", path=Path("note.md"))], ["note"])
    assert findings == [], [f.format(show=True) for f in findings]


@pytest.mark.parametrize("style", ["redact", "pseudonym"])
def test_samples_anonymized_twice_change_nothing_identifying(style):
    """What a second pass replaces was never an identifier of the source (gold spans).

    The samples come with gold annotations: if the second pass over our output
    replaced one of them, the first pass had left it in clear.
    """
    placeholder = re.compile(r"\[[A-Z]+_\d+\]")
    for sample in sorted(SAMPLES.glob("0*")):
        if sample.suffix not in (".md", ".txt"):
            continue
        text = sample.read_text(encoding="utf-8")
        gold = json.loads(sample.with_suffix(".json").read_text(encoding="utf-8"))["entities"]
        # dates and ages are coarsened, not removed: "septembre 2025" may stay
        secrets = {e["text"].casefold() for e in gold if e["type"] not in ("DATE", "AGE")}
        first = Pipeline(Config(seed=7), style=style).anonymize(text)
        second = Pipeline(Config(seed=7), style="redact").anonymize(first.text)
        caught = {r.source.text.casefold() for r in second.replacements} & secrets
        assert not caught, (sample.name, caught)
        if style == "redact":  # our placeholders are left alone, not nested
            kept = Counter(placeholder.findall(second.text))
            assert not Counter(placeholder.findall(first.text)) - kept
            assert "[[" not in second.text

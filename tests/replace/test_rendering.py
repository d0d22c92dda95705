"""Pseudonyms that read as real: domains, postal codes and acronyms.

An editor who read an anonymized folder stumbled on `@example.org` everywhere,
"20070 Borgo" (Borgo is 20290) and "XKT" for an acronym. Each rule has a test
here, with our own sentences through the real pipeline, asserting what a
reader sees.
"""

from __future__ import annotations

import re

import pytest

from anonymize import Config, anonymize_text
from anonymize.replace.fictitious import ascii_slug
from anonymize.replace.places import department_of, postal_codes
from recognizers.lexicons import lines

SEEDS = (1, 2, 3)


def _anonymize(text: str, seed: int = 7) -> str:
    return anonymize_text(text, Config(seed=seed)).text


def _slug(text: str) -> str:
    return ascii_slug(text).replace("-", "")


# -- postal codes ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "line",
    [
        "Adresse : 12 rue des Capucines, 74000 Annecy.",
        "Elle habite 5 allée Verte, 29200 Brest, depuis 2019.",
        "Domicile : 31000 Toulouse",
    ],
)
def test_a_postal_code_is_the_real_code_of_the_pseudonym_town(seed, line):
    out = _anonymize(f"Fiche de Nadia Benali. {line}", seed)
    code, town = re.search(r"(\d{5}) ([^\d.,\n]+?)(?:[.,]|$)", out).groups()
    codes = postal_codes(town)
    assert codes, f"{town} should be a town of the pool with known codes: {out}"
    assert code in codes, out
    assert code[:2] == department_of(town)[:2] or department_of(town) in ("2A", "2B")


def test_a_corsican_town_gets_its_own_code():
    # Borgo (Haute-Corse) is 20290: a code drawn from the department number
    # would read "20070 Borgo", which no Corsican writes
    assert postal_codes("Borgo") == ("20290",)
    assert "75011" in postal_codes("Paris")
    assert postal_codes("Nowhere-sur-Rien") == ()


def test_a_spaced_postal_code_keeps_its_layout():
    out = _anonymize("Envoyer à : Marc Delorme, 8 impasse du Lavoir, 74 000 Annecy.")
    code, town = re.search(r"(\d\d \d{3}) ([A-ZÀ-Ý][\wÀ-ÿ' -]+?)\.", out).groups()
    assert code.replace(" ", "") in postal_codes(town), out


# -- acronyms -------------------------------------------------------------------------


VOWELS = set("AEIOUY")


def _pronounceable(acronym: str) -> bool:
    letters = [c for c in acronym if c.isalpha()]
    return all((c in VOWELS) == (k % 2 == 1) for k, c in enumerate(letters))


@pytest.mark.parametrize("seed", SEEDS)
def test_an_acronym_named_in_full_takes_the_initials_of_the_pseudonym(seed):
    out = _anonymize(
        "Léa Martin prépare un concours à la Bibliothèque nationale et universitaire. "
        "La BNU ferme en août, elle révisera ailleurs.",
        seed,
    )
    name = re.search(r"à la (.+?)\. ", out).group(1)
    initials = "".join(
        w[0] for w in re.split(r"[\s-]+", name) if w.lower() not in ("de", "des", "du", "et")
    ).upper()
    assert "BNU" not in out
    assert f"La {initials} ferme" in out, out


@pytest.mark.parametrize("seed", SEEDS)
def test_an_acronym_alone_becomes_a_pronounceable_one_of_the_same_length(seed):
    out = _anonymize("Karim Haddad a quitté la BNU en mars pour un poste à la CRCA.", seed)
    found = re.search(r"quitté la ([A-Z]{3}) en mars pour un poste à la ([A-Z]{4})\.", out)
    assert found, out
    for acronym in found.groups():
        assert _pronounceable(acronym), out
    known = {w.strip().upper() for w in lines("acronyms.txt") + lines("common_acronyms.txt")}
    assert not set(found.groups()) & known

"""The shipped gazetteer files: sourced, complete enough, and shaped as documented."""

from __future__ import annotations

from importlib import resources

import pytest

from recognizers._data import lines, table
from recognizers._gazetteer import lookup

FILES = [
    "communes.tsv",
    "commune_aliases.tsv",
    "departments.tsv",
    "regions.txt",
    "countries.txt",
    "foreign_cities.tsv",
    "place_ambiguous.txt",
    "organisations.txt",
    "org_heads.tsv",
    "org_suffixes.txt",
    "org_suffix_stop.txt",
    "org_trade_nouns.txt",
    "org_not_names.txt",
]


@pytest.mark.parametrize("name", FILES)
def test_file_starts_with_source_comment(name):
    text = resources.files("recognizers").joinpath("data", name).read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert lines(name), f"{name} has no data line"


def test_communes_carry_department_and_population():
    rows = {r[0]: r for r in table("communes.tsv")}
    assert len(rows) > 30_000
    assert rows["Curières"][1] == "12"
    assert int(rows["Marseille"][2]) > 800_000
    assert rows["La Ciotat"][1] == "13"


def test_departments_are_the_101():
    rows = table("departments.tsv")
    assert len(rows) == 101
    assert ("2A", "Corse-du-Sud") in rows


def test_france_is_no_country_to_flag():
    assert "France" not in lines("countries.txt")
    assert "Inde" in lines("countries.txt")


def test_foreign_cities_have_french_names_and_population():
    rows = {r[0]: r for r in table("foreign_cities.tsv")}
    for name in ("Londres", "Bruxelles", "Genève", "Yaoundé", "Dakar", "Montréal"):
        assert int(rows[name][2]) > 100_000, name


@pytest.mark.parametrize("word", ["Tours", "Cassis", "Camembert", "Nuits", "Bourg", "Lens"])
def test_word_like_places_need_context(word):
    entry = lookup(word)
    assert entry is not None
    assert entry.ambiguous or entry.is_alias


def test_big_cities_are_plain():
    assert not lookup("Bordeaux").ambiguous
    assert not lookup("Nice").ambiguous

"""The word lists that moved out of the code: sourced, licensed, read as the code expects."""

from __future__ import annotations

from importlib import resources

import pytest

from recognizers._data import lines, table
from recognizers._names import LOWER_PARTICLES, UPPER_PARTICLES
from recognizers.lexicons import is_surname_particle, particles_never_alone, titles

FILES = [
    "number_words.tsv",
    "name_particles.tsv",
    "name_never_words.txt",
    "person_titles.txt",
    "person_roles.txt",
    "place_country_cues.txt",
    "place_verb_cues.txt",
    "place_venue_heads.tsv",
    "place_venue_not_names.txt",
    "org_employment_cues.txt",
    "org_branch_words.txt",
    "org_head_adjectives.txt",
    "org_club_prefixes.txt",
    "org_leading_words.txt",
    "org_legal_forms.tsv",
    "digit_run_cues.tsv",
    "spoken_street_stops.txt",
    "common_acronyms.txt",
    "org_apposition_nouns.txt",
    "org_institutions.txt",
    "org_suffixes.txt",
]
# Columns and the values a column may take, for the tables read by position.
COLUMNS = {
    "number_words.tsv": (3, {2: {"zero", "unit", "teen", "ten", "hundred", "eighty", "and"}}),
    "name_particles.tsv": (3, {1: {"lower", "upper", "both", "-"}, 2: {"never", "-"}}),
    "place_venue_heads.tsv": (2, {1: {"venue", "district"}}),
    "digit_run_cues.tsv": (2, {0: {"label", "unit", "currency", "quantity", "extension", "text"}}),
}


@pytest.mark.parametrize("name", FILES)
def test_header_gives_source_and_licence(name):
    text = resources.files("recognizers").joinpath("data", name).read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert text.startswith("# ")
    assert any("Source:" in ln or "source" in ln for ln in header), name
    assert any("icence" in ln for ln in header), name
    assert lines(name), f"{name} has no data line"
    assert len(set(lines(name))) == len(lines(name)), f"{name} repeats a line"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_tables_have_their_columns(name):
    width, allowed = COLUMNS[name]
    for row in table(name):
        assert len(row) == width, row
        for column, values in allowed.items():
            assert row[column] in values, row


def test_legal_forms_flag_only_ordinary_words():
    flagged = {row[0] for row in table("org_legal_forms.tsv") if row[1:] == ("word",)}
    assert flagged == {"SA", "SAS", "EI", "SEL", "SEM", "GIE", "SCP"}
    assert all(len(row) in (1, 2) for row in table("org_legal_forms.tsv"))


def test_particles_serve_both_the_recognizers_and_the_other_stages():
    assert "de" in LOWER_PARTICLES and "de" in UPPER_PARTICLES
    assert "le" in UPPER_PARTICLES and "le" not in LOWER_PARTICLES
    assert is_surname_particle("Van") and is_surname_particle("Da")
    # never a name by itself: not searched alone, not a name left in clear
    assert {"de", "le", "van", "saint", "st"} <= particles_never_alone()
    # may be a name by itself ("Ben", "Li")
    assert "ben" not in particles_never_alone() and "li" not in particles_never_alone()
    # the stages that need titles add them
    assert {"m", "mme", "maître", "docteur"} <= titles()
    assert not titles() & particles_never_alone()

"""Pseudonyms that read as real, second pass: what an editor found in a 20-note folder.

Initials in an e-mail became words ("as.hernandez@" -> "henninger.vanhille@"),
an EHPAD's mailbox became a person's, a NIR said a woman of "la trentaine" was
born in 2007, a 2025 document cited references of 2027, a grandmother was
called Mégane and Frédéric became "Jerôme". Each rule has a test here, with our
own sentences through the real pipeline and several seeds, asserting what a
reader sees and what must not happen. (File names: tests/io/test_filename_shapes.py.)
"""

from __future__ import annotations

import re

import pytest

from anonymize import Config, anonymize_text
from anonymize.replace.fictitious import ascii_slug
from recognizers.lexicons import table
from recognizers.numbers.checksums import fr_vat_ok, nir_ok, siren_ok, siret_ok

SEEDS = (1, 2, 3, 4, 5)
NAME = r"[A-ZÀ-Ý][\wÀ-ÿ]+(?:-[A-ZÀ-Ý][\wÀ-ÿ]+)?"


def _anonymize(text: str, seed: int) -> str:
    return anonymize_text(text, Config(seed=seed)).text


def _decades(name: str) -> set[int]:
    """The birth decades in which the pool says `name` was frequently given."""
    for row in table("pseudo_first_names.tsv", "anonymize"):
        if row[0] == name:
            return {int(cell.split(":")[0]) for cell in row[2].split(",")}
    raise AssertionError(f"{name} is not a pseudonym first name")


# -- e-mail local parts and handles ---------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_initials_in_an_address_stay_the_initials_of_the_pseudonym(seed):
    out = _anonymize(
        "Premier entretien avec Aurore Hernandez, qui écrit depuis ah.hernandez@gmail.com.",
        seed,
    )
    first, last = re.search(rf"avec ({NAME}) ({NAME}),", out).groups()
    local = re.search(r"([\w.]+)@gmail\.com", out).group(1)
    initials = ascii_slug(first)[0] + ascii_slug(last)[0]
    assert local == f"{initials}.{ascii_slug(last).replace('-', '')}", out
    assert "hernandez" not in out.lower() and not local.startswith("ah.")


@pytest.mark.parametrize("seed", SEEDS)
def test_letters_beside_a_surname_stay_two_letters_in_the_same_order(seed):
    out = _anonymize(
        "Bilan avec Aurore Hernandez. Sa nouvelle adresse : as.hernandez@free.fr.", seed
    )
    first, last = re.search(rf"avec ({NAME}) ({NAME})\.", out).groups()
    local = re.search(r"([\w.]+)@free\.fr", out).group(1)
    letters, surname = local.split(".")
    # two letters, not a second surname: "ev.vanhille", never "henninger.vanhille"
    assert len(letters) == 2 and letters[0] == ascii_slug(first)[0], out
    assert surname == ascii_slug(last).replace("-", "")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_compound_first_name_keeps_its_initials(seed):
    out = _anonymize("Séance avec Anne-Sophie Hernandez (as.hernandez@gmail.com).", seed)
    first, last = re.search(rf"avec ({NAME}) ({NAME}) \(", out).groups()
    local = re.search(r"\(([\w.]+)@gmail\.com", out).group(1)
    expected = "".join(ascii_slug(w)[0] for w in first.split("-"))
    assert local == f"{expected}.{ascii_slug(last).replace('-', '')}", out


@pytest.mark.parametrize("seed", SEEDS)
def test_an_organisation_mailbox_follows_the_organisation_not_a_person(seed):
    out = _anonymize(
        "Ma cliente travaille à l'EHPAD Le Beffroi depuis 2019. Les familles "
        "écrivent à ehpad.lebeffroi@orange.fr pour les visites.",
        seed,
    )
    name = re.search(r"l'EHPAD (.+?) depuis", out).group(1)
    # "lebeffroi" glued the name with its article: "lespeupliers", "saintetherese"
    glued = ascii_slug(name).replace("-", "")
    assert f"ehpad.{glued}@orange.fr" in out, out
    assert "beffroi" not in out.lower()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_club_handle_follows_the_club_and_its_place(seed):
    out = _anonymize(
        "Le samedi, elle grimpe avec Les Grimpeurs de Meuse (@grimpeurs.de.meuse sur Instagram).",
        seed,
    )
    club = re.search(r"avec Les (.+?) \(", out).group(1)
    handle = re.search(r"\(@([\w.]+) ", out).group(1)
    words = [ascii_slug(w).replace("-", "") for w in re.split(r"\s+|['’]", club) if w]
    # "@grimpeurs.de.dordogne" beside "Les Grimpeurs de Dordogne"
    assert handle.startswith("grimpeurs.") and handle.endswith("." + words[-1]), out
    assert "meuse" not in out.lower()


# -- NIR, SIREN, SIRET --------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_a_nir_agrees_with_the_person_and_is_never_real(seed):
    out = _anonymize(
        "Mme Durand, 38 ans, a transmis son numéro de sécurité sociale : "
        "2 86 03 75 112 345 35 pour le dossier.",
        seed,
    )
    nir = re.search(r"sociale : ([\d ]{21})", out).group(1)
    digits = nir.replace(" ", "")
    assert "la trentaine" in out
    assert digits[0] == "2" and digits[1] == "8", out  # a woman born in the 1980s
    assert 1 <= int(digits[3:5]) <= 12 and digits[5:7] != "20"
    assert not nir_ok(digits), out  # never somebody's real number
    assert [c == " " for c in nir] == [c == " " for c in "2 86 03 75 112 345 35"]
    assert "112 345" not in out


@pytest.mark.parametrize("seed", SEEDS)
def test_company_numbers_agree_and_are_never_real(seed):
    out = _anonymize(
        "La SARL Dupuis Menuiserie (SIREN 552 100 554, SIRET 552 100 554 00077, "
        "TVA FR40552100554) a signé la convention.",
        seed,
    )
    siren = re.search(r"SIREN (\d{3} \d{3} \d{3})", out).group(1).replace(" ", "")
    siret = re.search(r"SIRET (\d{3} \d{3} \d{3} \d{5})", out).group(1).replace(" ", "")
    vat = re.search(r"TVA (FR\d{11})", out).group(1)
    assert not (siren_ok(siren) or siret_ok(siret) or fr_vat_ok(vat)), out
    assert siret[:9] == siren and vat[4:] == siren and siren != "552100554"
    nic = siret[9:]
    assert len(set(nic[:4])) > 1 or nic[:4] != nic[4] * 4, nic  # not "66666"
    assert "00077" not in out


def test_establishment_numbers_are_drawn_digit_by_digit():
    nics = set()
    for seed in range(1, 9):
        out = _anonymize("Établissement SIRET 519 472 682 00011, à Lyon.", seed)
        nic = re.search(r"SIRET \d{3} \d{3} \d{3} (\d{5})", out).group(1)
        nics.add(nic)
        assert not re.fullmatch(r"(\d)\1{4}", nic), out
    assert len(nics) > 4


# -- references ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("reference", "year_at"),
    [("RH-2025-0563", 1), ("CONV-2025-0219", 1), ("FT-93-2025", 2), ("DOS-1998-00123", 1)],
)
def test_a_year_inside_a_reference_stays(seed, reference, year_at):
    out = _anonymize(f"Courrier du 12 mars 2025, votre référence {reference}.", seed)
    found = re.search(r"référence ([A-Z]+-\d+-\d+)", out).group(1)
    parts, real = found.split("-"), reference.split("-")
    assert parts[0] == real[0] and parts[year_at] == real[year_at], out
    assert found != reference
    other = 3 - year_at
    assert len(parts[other]) == len(real[other])


# -- first names of the right generation ----------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("sentence", "word", "decades"),
    [
        ("Le dimanche, Mamie Jacqueline garde les enfants.", "Mamie", {1930, 1940, 1950}),
        ("Le dimanche, Papy Robert garde les enfants.", "Papy", {1930, 1940, 1950}),
        ("Le dimanche, Mémé Germaine garde les enfants.", "Mémé", {1930, 1940, 1950}),
        ("Le dimanche, Bonne-maman Yvette garde les enfants.", "Bonne-maman", {1930, 1940, 1950}),
        ("Le dimanche, Tonton Marcel garde les enfants.", "Tonton", {1950, 1960, 1970}),
        ("Le dimanche, sa marraine Josiane garde les enfants.", "marraine", {1950, 1960, 1970}),
    ],
)
def test_a_family_word_before_a_name_gives_its_generation(seed, sentence, word, decades):
    out = _anonymize(sentence, seed)
    name = re.search(rf"{word} ({NAME}) garde", out).group(1)
    assert name not in sentence
    assert _decades(name) & decades, (out, sorted(_decades(name)))


def test_a_grandmother_is_never_given_a_name_of_the_nineties():
    for seed in range(1, 13):
        out = _anonymize("Mamie Jacqueline nous a reçus pour Noël.", seed)
        name = re.search(rf"Mamie ({NAME})", out).group(1)
        assert min(_decades(name)) < 1970, out


# -- spelling of the first names ------------------------------------------------------


def test_pseudonym_first_names_are_spelt_the_usual_way():
    pool = {row[0] for row in table("pseudo_first_names.tsv", "anonymize")}
    assert {"Jérôme", "Edmée", "Josée", "Adélaïde", "Gaëtan", "Laëtitia", "Mia"} <= pool
    assert not {"Jerôme", "Jérome", "Jerome", "Edmee", "Josee", "Adelaïde", "Mïa"} & pool


@pytest.mark.parametrize("seed", range(1, 9))
def test_a_replaced_first_name_is_written_correctly(seed):
    out = _anonymize("Frédéric, 52 ans, dirige une équipe de vingt personnes.", seed)
    name = re.search(rf"^({NAME}),", out).group(1)
    pool = {row[0] for row in table("pseudo_first_names.tsv", "anonymize")}
    assert name in pool and name not in {"Jerôme", "Jérome", "Frederic"}, out

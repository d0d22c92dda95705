"""Organisations in the pseudonym style, through the real pipeline: what a reader of
an anonymized folder sees where a note names a shop, a bank, a network, a club."""

from __future__ import annotations

import re

import pytest

from anonymize import Config, Pipeline, anonymize_text
from anonymize.detect.identities import key_of
from anonymize.replace.pools import words
from recognizers.lexicons import table

SEEDS = (1, 2, 3, 4)


def _listed(kind: str) -> dict[str, str]:
    """Folded name -> flag of the listed organisations of `kind`."""
    rows = (*table("organisations.txt"), *table("org_institutions.txt"))
    return {key_of(r[0]): (r[2] if len(r) > 2 else "") for r in rows if r[1] == kind}


def _orgs(result) -> list[tuple[str, str]]:
    """(source, value) of every organisation the note's output rewrote."""
    return [(r.source.text, r.text) for r in result.replacements if r.type == "ORG"]


def _value_of(result, source: str) -> str:
    found = [v for s, v in _orgs(result) if s == source]
    assert found, _orgs(result)
    return found[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_listed_retailer_is_another_real_one_of_its_kind_across_the_folder(seed):
    notes = [
        "Sophie Perrin est caissière à l'Intermarché d'Herblay depuis 2019.",
        "Sophie Perrin veut quitter Intermarché : trop d'heures le samedi.",
    ]
    out = Pipeline(Config(seed=seed)).anonymize_many(notes)
    grocers = _listed("grocery")
    values = {_value_of(r, "Intermarché") for r in out}
    assert len(values) == 1, values  # one retailer for the whole folder
    (value,) = values
    assert key_of(value) in grocers and grocers[key_of(value)] not in ("word", "surname")
    assert key_of(value) != key_of("Intermarché")
    text = " ".join(r.text for r in out)
    assert "Intermarché" not in text and "Herblay" not in text
    # the branch's town is a town's pseudonym, after its retailer
    assert re.search(rf"{re.escape(value)} d(?:e |')[A-ZÉ]", out[0].text), out[0].text


@pytest.mark.parametrize("seed", SEEDS)
def test_a_bank_with_its_region_is_another_bank_of_another_department(seed):
    out = anonymize_text(
        "Marc Girard a rendez-vous avec sa conseillère de la Banque Populaire du Nord.",
        Config(seed=seed),
    )
    value = _value_of(out, "Banque Populaire du Nord")
    bank, _, place = value.partition(" du ")
    assert key_of(bank) in _listed("bank"), value
    assert "Populaire" not in out.text and "Nord" not in out.text
    assert place[:1].isupper(), value


@pytest.mark.parametrize("seed", SEEDS)
def test_a_folder_never_gets_a_brand_it_names_for_real(seed):
    notes = [
        "Julie Roche travaille chez Decathlon à Rennes.",
        "Julie Roche a postulé chez Intersport et chez Go Sport.",
        "Julie Roche a signé chez Sport 2000 la semaine dernière.",
    ]
    out = Pipeline(Config(seed=seed)).anonymize_many(notes)
    real = {"Decathlon", "Intersport", "Go Sport", "Sport 2000"}
    values = [v for r in out for _s, v in _orgs(r)]
    assert not real & set(values), values
    # four shops of one kind: never two the same
    assert len(set(values)) == len({s for r in out for s, _v in _orgs(r)}), values


@pytest.mark.parametrize("seed", SEEDS)
def test_an_acronym_is_another_real_acronym_of_its_kind(seed):
    out = anonymize_text("Nadia Benali est adhérente à la MGEN depuis 2010.", Config(seed=seed))
    value = _value_of(out, "MGEN")
    assert key_of(value) in _listed("insurance") and value.isupper(), value
    assert "MGEN" not in out.text


@pytest.mark.parametrize("seed", SEEDS)
def test_a_national_network_with_its_place_keeps_its_name(seed):
    out = anonymize_text(
        "Nadia Benali est aide à domicile à l'ADMR du Tarn depuis mars.", Config(seed=seed)
    )
    assert re.search(r"l'ADMR (?:du|de la|de l'|des|de) ?[A-ZÉ]", out.text), out.text
    assert "Tarn" not in out.text


@pytest.mark.parametrize("seed", SEEDS)
def test_a_sports_club_keeps_its_prefix_and_its_sport(seed):
    out = anonymize_text(
        "Théo Marchal joue à l'ES Arvert Football ; son frère est à l'ASM Clermont Auvergne.",
        Config(seed=seed),
    )
    es = _value_of(out, "ES Arvert Football")
    asm = _value_of(out, "ASM Clermont Auvergne")
    assert re.fullmatch(r"ES [A-ZÉÈ][\w'’ -]+ Football", es), es
    assert asm.startswith("ASM ") and "Clermont" not in asm and "Auvergne" not in asm, asm
    town = es[3 : -len(" Football")]
    assert town != "Arvert" and not set(town.split()) & set(words("org_name_second.txt"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_club_by_its_nickname_keeps_it_and_takes_a_town(seed):
    out = anonymize_text(
        "Son fils nage aux Dauphins Sablais depuis deux ans. "
        "Les Dauphins Sablais l'ont sélectionné pour les régionaux.",
        Config(seed=seed),
    )
    found = re.findall(r"Dauphins (d(?:e |')[A-ZÉÈ][\w'’-]*(?:[ -][\w'’-]+)*?)[ .]", out.text)
    assert len(found) == 2 and found[0] == found[1], out.text
    assert "Sablais" not in out.text


@pytest.mark.parametrize("seed", SEEDS)
def test_a_hospital_by_its_short_name_stays_a_hospital(seed):
    out = anonymize_text("Elle a été opérée à l'Hôtel-Dieu en mars.", Config(seed=seed))
    assert re.search(r"à l'hôpital Saint", out.text), out.text
    assert "Hôtel" not in out.text


@pytest.mark.parametrize("seed", SEEDS)
def test_an_engineering_school_abroad_stays_abroad(seed):
    out = anonymize_text("Il a fait son doctorat à l'EPFL avant de rentrer.", Config(seed=seed))
    assert "à l'ETH Zurich" in out.text, out.text


@pytest.mark.parametrize("seed", SEEDS)
def test_invented_names_share_no_word_across_a_folder(seed):
    notes = [
        "Paul Garnier dirige Kerbrat Conseil.",
        "Paul Garnier a racheté Lumeo Robotics.",
        "Paul Garnier conseille Alizor Ingénierie.",
        "Paul Garnier travaille avec Brevik Solutions.",
        "Paul Garnier facture Talvane Consulting.",
        "Paul Garnier a signé avec Morvic Logistique.",
        "Paul Garnier démarche Pixelune Studio.",
        "Paul Garnier relance Ondria Développement.",
    ]
    out = Pipeline(Config(seed=seed)).anonymize_many(notes)
    suffixes = {"conseil", "robotics", "ingenierie", "solutions", "consulting"}
    suffixes |= {"logistique", "studio", "developpement"}
    owners: dict[str, str] = {}
    for r in out:
        for source, value in _orgs(r):
            for w in key_of(value).split():
                if w in suffixes:
                    continue
                assert owners.setdefault(w, source) == source, (w, owners[w], source)

"""Pseudonyms that read as real: domains, postal codes and acronyms.

An editor who read an anonymized folder stumbled on `@example.org` everywhere,
"20070 Borgo" (Borgo is 20290) and "XKT" for an acronym. Each rule has a test
here, with our own sentences through the real pipeline, asserting what a
reader sees.
"""

from __future__ import annotations

import re

import pytest

from anonymize import Config, Pipeline, anonymize_text
from anonymize.replace.contacts import public_domains
from anonymize.replace.fictitious import ascii_slug
from anonymize.replace.places import department_of, postal_codes
from recognizers.lexicons import lines, table

SEEDS = (1, 2, 3)


def _anonymize(text: str, seed: int = 7) -> str:
    return anonymize_text(text, Config(seed=seed)).text


def _slug(text: str) -> str:
    return ascii_slug(text).replace("-", "")


# -- e-mail and web domains -----------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("domain", ["gmail.com", "orange.fr", "laposte.net", "free.fr"])
def test_a_webmail_domain_stays_and_the_local_part_follows_the_person(seed, domain):
    out = _anonymize(
        f"Séance avec Hélène Garnier. Elle écrit depuis helene.garnier@{domain}.", seed
    )
    first, last = re.search(r"Séance avec ([\wÀ-ÿ-]+) ([\wÀ-ÿ-]+)\.", out).groups()
    assert f"{_slug(first)}.{_slug(last)}@{domain}" in out, out
    assert "garnier" not in out.lower()


def test_no_address_or_link_is_written_on_a_placeholder_domain():
    out = _anonymize(
        "Rendez-vous avec Paul Verdier, gérant de l'Atelier Brindille. Contact : "
        "p.verdier@atelier-brindille.fr, site www.atelier-brindille.fr. Sa coach "
        "Inès Caradec répond depuis ines@caradec-coaching.fr."
    )
    assert "example" not in out
    assert "brindille" not in out.lower() and "caradec" not in out.lower()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_company_domain_follows_the_company_pseudonym(seed):
    out = _anonymize(
        "Julien Marchand dirige Lumeo Robotics depuis 2019. "
        "Il écrit depuis julien.marchand@lumeo-robotics.com ; "
        "le site https://www.lumeo-robotics.com/equipe présente l'équipe.",
        seed,
    )
    company = re.search(r"dirige (.+?) depuis", out).group(1)
    domain = ascii_slug(company) + ".com"
    assert "lumeo" not in out.lower()
    assert re.search(rf"[a-z.]+@{re.escape(domain)} ;", out), out
    assert f"https://www.{domain}/equipe" in out, out


def test_a_domain_that_drops_the_head_noun_or_the_articles_still_follows_the_company():
    out = _anonymize(
        "Employeur : Conserverie Ty Glaz, à Douarnenez. Mail de la DRH : "
        "rh@conserverie-tyglaz.bzh ; sa sœur travaille à la Polyclinique des Vénètes "
        "(accueil@polyclinique-venetes.fr)."
    )
    cannery = re.search(r"Employeur : (.+?), à", out).group(1)
    clinic = re.search(r"travaille à la (.+?) \(", out).group(1)
    assert "tyglaz" not in out.lower() and "venetes" not in out.lower()
    # the regional .bzh would point to Brittany: the domain moves to .fr
    assert f"rh@{ascii_slug(cannery)}.fr" in out, out
    words = [w for w in ascii_slug(clinic).split("-") if w not in ("de", "des", "du", "la", "le")]
    assert f"accueil@{'-'.join(words)}.fr" in out, out


@pytest.mark.parametrize("seed", SEEDS)
def test_a_private_domain_becomes_a_plausible_invented_one_stable_across_the_folder(seed):
    notes = [
        "Point avec Marc Lenoir : écrire à m.lenoir@groupe-vauban-ingenierie.fr.",
        "Relance de Sophie Berthet, s.berthet@groupe-vauban-ingenierie.fr, pour le devis.",
        "Autre client : a.durand@filature-dumoulin.com.",
    ]
    out = [r.text for r in Pipeline(Config(seed=seed)).anonymize_many(notes)]
    first = re.search(r"@([\w.-]+\.fr)\b", out[0]).group(1)
    second = re.search(r"@([\w.-]+\.fr)\b", out[1]).group(1)
    third = re.search(r"@([\w.-]+)\.com\b", out[2]).group(1)
    assert first == second, out  # one company, one domain, whichever note
    assert third != first.removesuffix(".fr")
    for domain in (first.removesuffix(".fr"), third):
        assert re.fullmatch(r"[a-z]+-[a-z]+", domain), out  # two invented words, no digits
        assert "vauban" not in domain and "dumoulin" not in domain
        assert domain not in ("groupe-vauban-ingenierie", "filature-dumoulin")


def test_an_invented_domain_is_never_a_real_domain_of_the_folder():
    # every invented name of the lists is also a real domain of this folder but one:
    # whatever is drawn, it is never one of these
    real = [ln for ln in lines("org_name_first.txt", "anonymize")][:40]
    notes = [f"Échange avec contact@{ascii_slug(w)}.fr." for w in real]
    notes.append("Écrire à n.perrot@menuiserie-perrot-freres.fr pour le chantier.")
    out = Pipeline(Config(seed=3)).anonymize_many(notes)
    domain = re.search(r"@([\w.-]+)\.fr", out[-1].text).group(1)
    assert domain not in {ascii_slug(w) for w in real}
    assert "perrot" not in domain


def test_a_domain_named_after_a_person_of_the_note_follows_that_person():
    out = _anonymize(
        "Bilan avec Thomas Thierry, consultant indépendant. "
        "Son adresse : t.thierry@thierry-conseil.fr."
    )
    last = re.search(r"Bilan avec [\wÀ-ÿ-]+ ([\wÀ-ÿ-]+),", out).group(1)
    assert f"@{_slug(last)}-conseil.fr" in out, out
    assert "thierry" not in out.lower()


def test_a_dictated_address_is_dictated_with_its_new_domain():
    out = _anonymize("Mail : claire.vasseur arobase cabinet-vasseur point fr, à rappeler.")
    assert "vasseur" not in out.lower()
    assert re.search(r"arobase [a-z-]+ point fr", out), out
    assert "example" not in out


def test_the_public_domains_list_is_data_and_holds_the_usual_ones():
    found = public_domains()
    for domain in ("gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr"):
        assert domain in found
    for domain in ("yahoo.fr", "outlook.fr", "wanadoo.fr", "sfr.fr", "icloud.com", "proton.me"):
        assert domain in found


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


def test_a_spaced_postal_code_is_the_towns_in_one_group():
    out = _anonymize("Envoyer à : Marc Delorme, 8 impasse du Lavoir, 74 000 Annecy.")
    code, town = re.search(r"(\d{5}) ([A-ZÀ-Ý][\wÀ-ÿ' -]+?)\.", out).groups()
    assert code.replace(" ", "") in postal_codes(town), out


# -- acronyms -------------------------------------------------------------------------


VOWELS = set("AEIOUY")


def _pronounceable(acronym: str) -> bool:
    letters = [c for c in acronym if c.isalpha()]
    return all((c in VOWELS) == (k % 2 == 1) for k, c in enumerate(letters))


@pytest.mark.parametrize("seed", SEEDS)
def test_an_acronym_named_in_full_is_the_same_organisation_as_its_full_name(seed):
    out = _anonymize(
        "Léa Martin prépare un concours à la Bibliothèque nationale et universitaire. "
        "La BNU ferme en août, elle révisera ailleurs.",
        seed,
    )
    name = re.search(r"à la (.+?)\. ", out).group(1)
    initials = "".join(
        w[0] for w in re.split(r"[\s-]+", name) if w.lower() not in ("de", "des", "du", "et")
    ).upper()
    assert "BNU" not in out and "universitaire" not in out
    # another library, named once in full and once by its acronym, or twice alike
    assert f"La {initials} ferme" in out or f"La {name} ferme" in out, out


@pytest.mark.parametrize("seed", SEEDS)
def test_an_acronym_alone_becomes_a_pronounceable_one_of_the_same_length(seed):
    out = _anonymize("Karim Haddad a quitté la BNU en mars pour un poste à la CRCA.", seed)
    found = re.search(r"quitté la (\S+) en mars pour un poste à la ([A-Z]{4})\.", out)
    assert found, out
    assert _pronounceable(found.group(2)), out
    known = {w.strip().upper() for w in lines("acronyms.txt") + lines("common_acronyms.txt")}
    assert found.group(2) not in known
    # a listed library is another listed library ("BNU" -> "BnF", "BULAC")
    libraries = {row[0] for row in table("org_institutions.txt") if row[1] == "library"}
    assert found.group(1) in libraries - {"BNU"}, out

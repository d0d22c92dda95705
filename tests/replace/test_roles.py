"""The roles style reads like a published case illustration: the client is
"ma cliente" / "mon client" under every form of their name, the others are
what the text says they are, and the French around them stays right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize import Config, anonymize_text, detect_text
from anonymize.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _roles(text: str, **config) -> str:
    config.setdefault("seed", 7)
    return anonymize_text(text, Config(style="roles", **config)).text


# (note, config, expected output)
CASES = [
    # the client's husband is never the client, even named more often
    ("Séance avec Claire Dumas. Son mari, Paul Dumas, l'attend dehors. Paul est inquiet. "
     "Paul la soutient. Paul conduit.", {},
     "Séance avec ma cliente. Son mari l'attend dehors. Son mari est inquiet. "
     "Son mari la soutient. Son mari conduit."),
    # ... nor when his relation follows his name
    ("Paul, son mari, arrive. Paul insiste. Paul rappelle. Claire Dumas hésite.", {},
     "Son mari arrive. Son mari insiste. Son mari rappelle. Ma cliente hésite."),
    # every form of the client's name, labelled "Cliente :", is the client
    ("Cliente : Nathalie Perrin (« Nath »).\n\nNath arrive en retard. Mme Perrin s'excuse. "
     "NATHALIE PERRIN signe.", {},
     "Cliente : ma cliente.\n\nMa cliente arrive en retard. Ma cliente s'excuse. "
     "Ma cliente signe."),
    # never "Mme ma cliente"; "à" agrees
    ("J'ai vu Mme Lambert. Mme Lambert hésite. Je parle à Mme Lambert.", {},
     "J'ai vu ma cliente. Ma cliente hésite. Je parle à ma cliente."),
    # the person of the title is the client, even when his daughter is named more often
    ("# Suivi de Karim Haddad\n\nKarim est venu avec sa fille Inès. Inès a 12 ans. Inès parle. "
     "Inès rit. Inès chante.", {},
     "# Suivi de mon client\n\nMon client est venu avec sa fille. Sa fille a une douzaine "
     "d'années. Sa fille parle. Sa fille rit. Sa fille chante."),
    # a name right after its relation goes; later it is the relation
    ("Victoire Akono, 19 ans, vient me voir. Victoire doute. Sa sœur Capucine est venue. "
     "Victoire parle souvent de Capucine.", {},
     "Ma cliente, moins de vingt ans, vient me voir. Ma cliente doute. Sa sœur est venue. "
     "Ma cliente parle souvent de sa sœur."),
    # "ma cliente, X," and "son adjointe, X," lose the name and its commas as needed
    ("Ma cliente, Sophie Marin, arrive. Sophie parle de son adjointe, Nadège, qui démissionne. "
     "Nadège hésite.", {},
     "Ma cliente arrive. Ma cliente parle de son adjointe, qui démissionne. Son adjointe hésite."),
    # a name followed by its role becomes the role
    ("Sophie Marin arrive. Mme Roux, sa médecin traitante, l'a arrêtée. "
     "Sophie a confiance en Mme Roux.", {},
     "Ma cliente arrive. Sa médecin traitante l'a arrêtée. "
     "Ma cliente a confiance en sa médecin traitante."),
    # an enumeration is not an apposition: M. Vidal is not "la coach"
    ("Réunion avec la coach, M. Vidal et Mme Roux. Mme Roux parle.", {"client": "Roux"},
     "Réunion avec la coach, une autre personne et ma cliente. Ma cliente parle."),
    # people with no role stay apart
    ("Sophie Marin arrive. Sophie travaille avec M. Girard et avec Lucie Bernard. "
     "Lucie part.", {},
     "Ma cliente arrive. Ma cliente travaille avec une autre personne et avec une deuxième "
     "personne. Une deuxième personne part."),
    # a title says the role when nothing else does; "du" agrees
    ("Sophie Marin consulte le Dr Marc Huchet. Sophie attend l'avis du Dr Huchet.", {},
     "Ma cliente consulte le médecin. Ma cliente attend l'avis du médecin."),
    # a greeting keeps its title
    ("Bonjour Madame Le Guen,\n\nVotre reprise est confirmée.", {"client": "Le Guen"},
     "Bonjour Madame,\n\nVotre reprise est confirmée."),
    # a name said to someone in a dialogue goes
    ("LA COACH : Valérie, qu'en pensez-vous ?\n\nVALÉRIE : Rien.\n\n"
     "LA COACH : Et vous, Valérie ?", {},
     "LA COACH : Qu'en pensez-vous ?\n\nMa cliente : Rien.\n\nLA COACH : Et vous ?"),
    # a household, plural as it was
    ("Claire Dumas arrive. Les Dumas sont venus. Claire parle.", {},
     "Ma cliente arrive. Les proches de ma cliente sont venus. Ma cliente parle."),
    # "à" and "de" before a role agree: never "à le commanditaire"
    ("Claire Dumas arrive. Le commanditaire, Gilles Bonnard, signe. Claire écrit à "
     "Gilles Bonnard, puis au nom de Gilles Bonnard.", {},
     "Ma cliente arrive. Le commanditaire signe. Ma cliente écrit au commanditaire, "
     "puis au nom du commanditaire."),
    # a nickname given after the name goes with its commas, and names the same person
    ("Claire Dumas écoute. Justine Roux, dite Juju, arrive. Juju parle. Claire écoute.",
     {"client": "Claire Dumas"},
     "Ma cliente écoute. Une autre personne arrive. Une autre personne parle. "
     "Ma cliente écoute."),
    # places by kind, size and part of the country; the next one "autre"; again "cette"
    ("Claire Dumas vit à Vannes et travaille à Lorient. Claire aime Vannes.", {},
     "Ma cliente vit dans une ville moyenne de l'Ouest et travaille dans une autre ville "
     "moyenne. Ma cliente aime cette ville."),
    # organisations by head noun, with the article the sentence gives them
    ("Claire Dumas étudie à l'IUT d'Annecy, puis au lycée Berthollet. L'IUT d'Annecy l'a "
     "acceptée. Employeur : polyclinique des Vénètes.", {},
     "Ma cliente étudie à l'IUT, puis au lycée. L'IUT l'a acceptée. "
     "Employeur : une polyclinique."),
    # a table's role column names the people of its rows
    ("| Participant | Rôle |\n|---|---|\n| André Bercier | fondateur |\n"
     "| Anne Bercier | cogérante |\n\nAndré parle. Anne écoute. Anne décide. Anne signe.", {},
     "| Participant | Rôle |\n|---|---|\n| le fondateur | fondateur |\n"
     "| ma cliente | cogérante |\n\nLe fondateur parle. Ma cliente écoute. Ma cliente décide. "
     "Ma cliente signe."),
    # names enumerated after their role go; each is then one of them
    ("Julie Martin vit avec Antoine, éleveur, et leurs deux enfants, Lison et Mathis. "
     "Lison a une otite. Mathis rit. Julie parle.", {},
     "Ma cliente vit avec l'éleveur et leurs deux enfants. Une de leurs deux enfants a une "
     "otite. Un de leurs deux enfants rit. Ma cliente parle."),
    # a household followed by its role is that role
    ("Julie Martin a peur, comme chez les Hébert, les voisins, qui ne se parlent plus. "
     "Julie pleure.", {},
     "Ma cliente a peur, comme chez les voisins, qui ne se parlent plus. Ma cliente pleure."),
    # an article that does not fit the organisation's or the place's kind goes
    ("Julie Martin était caissière au Leclerc de Pessac, puis à la Savonnerie Bastide. "
     "Julie a été mutée dans l'Ain.", {},
     "Ma cliente était caissière au supermarché d'une ville moyenne du Sud-Ouest, puis à "
     "la savonnerie. Ma cliente a été mutée dans un département du Sud-Est."),
    # "Cliente :" says the client's gender, whatever the first name says
    ("Cliente : Larry Siebert, violoniste.\n\nLarry joue. Larry est fatiguée.", {},
     "Cliente : ma cliente, violoniste.\n\nMa cliente joue. Ma cliente est fatiguée."),
    # a relation column that names somebody gives the relation, and that somebody's role
    ("| Qui | Lien |\n|---|---|\n| Julien Lecoeur | fils aîné |\n"
     "| Estelle Marie | compagne de Julien |\n\nJulien parle. Estelle écoute.", {},
     "| Qui | Lien |\n|---|---|\n| le fils aîné | fils aîné |\n"
     "| la compagne | compagne du fils aîné |\n\nLe fils aîné parle. La compagne écoute."),
    # the client from the config, by whole name tokens: Anne, not Marianne
    ("Marianne Dupont passe. Anne Morel, ma coachée, arrive. Anne parle, Marianne écoute.",
     {"client": "Anne"},
     "Une autre personne passe. Ma cliente arrive. Ma cliente parle, une autre personne "
     "écoute."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "config", "expected"), CASES)
def test_roles_read_like_a_case_illustration(text, config, expected):
    assert _roles(text, **config) == expected


def test_dates_keep_their_sentence_in_the_roles_style_too():
    out = _roles("Claire Dumas revient avant le 21 mars, du lundi 10 au vendredi 14 février.")
    assert out == "Ma cliente revient avant fin mars, du lundi au vendredi, mi-février."


# Read from the bundled samples: what must never be printed in the roles style.
BROKEN = [
    # "Mme ma cliente", "M. une autre personne"
    r"\b(?:M|Mme|Mlle|Dr|Me|Madame|Monsieur)\.? (?:ma|mon|sa|son|une?|le|la|l')\b",
    r"\b[àÀ] les? ",  # "à le client"
    r"(?<![\w'])de le\b",
    r"\b(?:du|au) (?:une?|ma|mon|sa|son|ce|cette)\b",  # "du une autre personne"
    r"\bl['’]une? ",  # "l'un IUT"
    r"\bd['’](?=[bcdfgjklmnpqrstvwxz])",  # "d'cette ville"
    r",,|, ,| ,",
]


@pytest.fixture(scope="module")
def roles_samples(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("roles")
    result = CliRunner().invoke(
        main, ["batch", str(SAMPLES), "-o", str(out), "--style", "roles", "--seed", "3"]
    )
    assert result.exit_code == 0, result.output
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.name[0] != "."}


def test_the_samples_in_roles_style_name_their_client_and_read_right(roles_samples):
    assert len(roles_samples) == 6
    for name, text in roles_samples.items():
        assert re.search(r"\b[Mm](?:a cliente|on client)\b", text), name
        for pattern in BROKEN:
            found = re.search(pattern, text)
            assert found is None, (
                name,
                pattern,
                text[max(0, found.start() - 60) : found.end() + 20],
            )


def test_the_samples_in_roles_style_keep_no_name_of_their_people(roles_samples):
    for note in sorted(SAMPLES.glob("0*.*[dt]")):
        found = detect_text(note.read_text(encoding="utf-8"))
        out = next(t for n, t in roles_samples.items() if n[:2] == note.name[:2])
        for name in {e.text for e in found if e.type == "PERSON"}:
            # whole words only: "Clo" is in "Clotilde"
            assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", out), (note.name, name)

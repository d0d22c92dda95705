"""A whole folder read as a publishing coach reads it (issue 9).

Every defect a reader met at folder scale has a test here, written with our
own sentences: numbered pseudonyms, one person with several renderings, a
place turned into a first name, a title replaced, a false positive spread
over the folder, a woman who becomes a man. The folders are built from the
INSEE first-name lexicon, so they hold far more distinct people than any
pseudonym pool used to.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize import Config, Pipeline, anonymize_text
from anonymize.cli import main
from anonymize.replace.fictitious import ascii_slug
from anonymize.replace.places import department_name, department_of
from anonymize.replace.pools import Picker, PoolExhausted, first_names, towns
from recognizers.lexicons import first_name_gender, lines, place_entry, table

NUMBERED = re.compile(r"\b[A-ZÀ-Ý][\wÀ-ÿ'-]+ \d{2,5}\b")


def _batch(tmp_path: Path, notes: dict[str, str], seed: int) -> dict[str, str]:
    """Run `anonymize batch` on a folder of `notes` (file name -> text) through the
    CLI; the output folder's notes, file name -> text."""
    src, dst = tmp_path / "notes", tmp_path / "out"
    src.mkdir()
    for name, text in notes.items():
        (src / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--seed", str(seed)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_text(encoding="utf-8") for p in dst.glob("*.txt")}


def _people(count: int, seed: int = 5) -> list[tuple[str, str, str]]:
    """(first name, surname, gender) of `count` distinct people from the lexicons."""
    rng = random.Random(seed)
    firsts = [(r[0], r[1]) for r in table("first_names.tsv") if r[1] in "FM" and r[2] == "1"]
    firsts = [(n, g) for n, g in firsts if re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+", n)]
    lasts = [r[0] for r in table("surnames.txt")][:3000]
    rng.shuffle(firsts)
    return [(f, rng.choice(lasts), g) for f, g in firsts[:count]]


def _note(people: list[tuple[str, str, str]]) -> str:
    (f1, l1, g1), (f2, l2, _), (f3, l3, _) = people
    title = "Mme" if g1 == "F" else "M."
    return (
        f"Séance avec {f1} {l1}. {title} {l1} parle de son équipe.\n"
        f"{f1} évoque {f2} {l2}, son manager, et {f3} {l3}.\n"
        f"Plus tard, {f2} rappelle. {f1} hésite ; {f3} ne dit rien.\n"
    )


@pytest.fixture(scope="module")
def folder():
    """120 notes about 360 distinct people, anonymized as one batch."""
    people = _people(360)
    notes = [_note(people[i : i + 3]) for i in range(0, 360, 3)]
    results = Pipeline(Config(seed=11)).anonymize_many(notes)
    return people, notes, [r.text for r in results]


def test_a_folder_of_hundreds_of_people_gets_no_numbered_pseudonym(folder):
    _, notes, outputs = folder
    for note, out in zip(notes, outputs, strict=True):
        assert not [m for m in NUMBERED.findall(out) if m not in note], out


def test_every_person_keeps_one_rendering_in_a_note(folder):
    _, _, outputs = folder
    for out in outputs:
        line1, line2, line3 = out.splitlines()
        full = re.match(r"Séance avec (\S+) (\S+)\.", line1)
        assert full, out
        first, last = full.groups()
        assert f" {last} parle" in line1, out  # the title keeps the same surname
        assert line2.startswith(first + " évoque"), out
        manager = re.search(r"évoque (\S+) (\S+), son manager", line2).group(1)
        assert f"Plus tard, {manager} rappelle. {first} hésite" in line3, out


def test_no_real_name_of_the_folder_comes_back_as_a_pseudonym(folder):
    people, _, outputs = folder
    real = {w for f, last, _ in people for w in (f, last)}
    for out in outputs:
        words = set(re.findall(r"[A-ZÀ-Ý][\wÀ-ÿ'-]+", out))
        assert not words & real, words & real


def test_a_lone_first_name_keeps_its_gender(folder):
    people, _, outputs = folder
    for k, out in enumerate(outputs):
        real_first, _, gender = people[3 * k]
        first = re.match(r"Séance avec (\S+)", out).group(1)
        assert first_name_gender(first) == gender, (real_first, first)


def test_titles_are_never_replaced(folder):
    _, notes, outputs = folder
    for note, out in zip(notes, outputs, strict=True):
        assert re.findall(r"\b(?:Mme|M\.) ", note) == re.findall(r"\b(?:Mme|M\.) ", out)


def test_a_pool_is_drawn_without_numbers_and_says_when_a_note_exhausts_it():
    picker = Picker(seed=1, table={})
    pool = ("Alpha", "Bravo", "Charlie")
    values = [picker.pick(f"k{i}", "test", pool, notes={0}) for i in range(3)]
    assert sorted(values) == sorted(pool)  # unique inside a note
    assert picker.pick("k0", "test", pool, notes={0}) == values[0]  # stable per key
    with pytest.raises(PoolExhausted):
        picker.pick("k3", "test", pool, notes={0})
    assert picker.pick("k4", "test", pool, notes={1}) in pool  # another note may reuse


def test_the_pools_are_large():
    assert len(first_names()["F"].names) >= 2000 and len(first_names()["M"].names) >= 2000
    assert len(table("pseudo_surnames.txt", "anonymize")) >= 10000
    assert len(towns().names) >= 2000


def test_a_first_name_fits_the_generation_of_the_person():
    older = first_names()["F"].for_generation(1950)
    younger = first_names()["F"].for_generation(2010)
    assert "Martine" in older and "Martine" not in younger
    out = anonymize_text("Jeanne Morel, 72 ans, et sa petite-fille Lina, 9 ans.", Config(seed=2))
    grandmother, granddaughter = re.match(r"(\S+) \S+, .*petite-fille (\S+),", out.text).groups()
    decades = first_names()["F"].decades
    assert min(decades[grandmother]) <= 1960 and max(decades[granddaughter]) >= 2000, out.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Elle vit à Meylan avec Bernard depuis deux ans.", "à "),
        ("Sa fille, qui vit à Orly, appelle le dimanche.", "à "),
        ("Retour de Suzan la semaine prochaine, vit à Suzan.", "vit à "),
    ],
)
def test_a_town_that_is_also_a_first_name_stays_a_town(text, place):
    out = anonymize_text(text, Config(seed=4)).text
    town = re.search(re.escape(place) + r"([A-ZÀ-Ý][\wÀ-ÿ'-]+(?:-[\wÀ-ÿ'-]+)*)", out).group(1)
    assert place_entry(town) is not None and first_name_gender(town) is None, out


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ancienne collègue de la maternité de Saran, elle hésite.", r"maternité (?:de |d')"),
        ("Un violon acheté à une brocante d'Orly, il y a longtemps.", r"brocante (?:de |d')"),
        ("Employeur : polyclinique des Vénètes, Villars (Morbihan).", r"polyclinique [^,]+, "),
    ],
)
def test_a_town_named_by_its_institution_or_its_department_stays_a_town(text, place):
    out = anonymize_text(text, Config(seed=4)).text
    town = re.search(place + r"([A-ZÀ-Ý][\wÀ-ÿ'-]+)", out)
    assert town is not None, out
    assert first_name_gender(town.group(1).split("-")[0]) is None, out


def test_a_word_of_a_full_name_stays_that_person_after_a_bare_a():
    text = (
        "Lorraine Lacroix, infirmière. Margaret reste seule avec Lorraine. Lorraine ose parler.\n"
        "Vit à Peymeinade avec Luc Jean. Luc a pris le relais. Copie par mail à Luc.\n"
        "Bernard Verdier est son N+1. Il veut parler à Verdier. Verdier profite de son absence.\n"
    )
    out = anonymize_text(text, Config(seed=4)).text
    lorraine, verdier = re.search(
        r"^(\S+) \S+, infirmière.*\n.*\n(?:\S+) (\S+) est son", out
    ).groups()
    luc = re.search(r"avec \S+ \S+\. (\S+) a pris", out).group(1)
    assert out.count(lorraine) == 3, out  # never "avec Périgord"
    assert f"mail à {luc}." in out and first_name_gender(luc) == "M", out
    assert f"parler à {verdier}." in out and f"{verdier} profite" in out, out


def test_a_first_name_after_a_relation_word_stays_a_person():
    out = anonymize_text("Pour l'agenda, son adjointe, Nadège, s'occupe de tout.", Config(seed=4))
    name = re.search(r"son adjointe, (\S+),", out.text).group(1)
    assert first_name_gender(name) == "F", out.text


def test_an_organisation_keeps_its_head_noun_and_never_becomes_a_person():
    out = anonymize_text(
        "Elle est infirmière au CHU Grenoble Alpes depuis que le cabinet Verdier Conseil a fermé.",
        Config(seed=4),
    ).text
    assert "au CHU " in out and "Grenoble" not in out, out
    assert "le cabinet " in out and "Verdier" not in out, out


def test_a_nickname_an_initial_and_an_address_follow_their_person():
    text = (
        "Justine Roux, dite Juju, arrive en avance. Juju a tout préparé.\n"
        "Écrire à justine.roux@gmail.com ; signé J. Roux.\n"
    )
    out = anonymize_text(text, Config(seed=6)).text
    first, last = re.match(r"(\S+) (\S+), dite (\S+),", out).groups()[:2]
    nickname = re.match(r"\S+ \S+, dite (\S+),", out).group(1)
    assert f"{nickname} a tout préparé" in out, out
    local = re.search(r"Écrire à (\S+)@", out).group(1)
    assert last.lower() in local and "roux" not in local, out
    assert f"signé {first[0]}. {last}." in out, out


def test_a_false_positive_is_not_spread_over_the_folder():
    notes = [
        "Mme Laure Duchemin, Partner responsable, valide le budget. Mme Duchemin signe.",
        "Présents : Mme Anne Perrot, M. Karim Saïdi. Mme Perrot ouvre la séance.",
        "Le Partner responsable relit. Direction Financière : VALIDÉ.",
    ]
    outputs = [r.text for r in Pipeline(Config(seed=3)).anonymize_many(notes)]
    for note, out in zip(notes, outputs, strict=True):
        assert out.count("Mme ") == note.count("Mme ") and out.count("M. ") == note.count("M. ")
    assert outputs[2] == notes[2]


def test_a_batch_keeps_file_names_of_ordinary_words_and_renames_people(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "board_minutes.txt").write_text("Le conseil a voté.\n", encoding="utf-8")
    (src / "2025-03-14 Julien Marchand.md").write_text(
        "Séance avec Julien Marchand.\n", encoding="utf-8"
    )
    dst = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--seed", "2"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in dst.iterdir() if not p.name.startswith("."))
    assert "board_minutes.txt" in names
    renamed = next(n for n in names if n.startswith("2025-03 "))
    person = Path(renamed).stem[len("2025-03 ") :]
    assert not re.search(r"\d", person) and "Marchand" not in person
    assert f"Séance avec {person}." in (dst / renamed).read_text(encoding="utf-8")


def test_a_titled_name_is_a_surname_even_when_it_is_a_first_name_too():
    text = (
        "MARGOT : M. François, mon prof d'arts plastiques, m'encourage.\n"
        "- Convenu : Margot contacte M. François pour son portfolio.\n"
        "| NOM | DENIS |\n| Prénom | Rémy |\nPersonne à prévenir : son frère Charles DENIS.\n"
        "Le projet avance. M. Mercier l'a présenté. « C'est surtout Mercier qui le veut. »\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    teacher = re.search(r"M\. (\S+), mon prof", out).group(1)
    assert f"contacte M. {teacher} pour" in out, out
    surname = re.search(r"\| NOM \| (\S+) \|", out).group(1)
    assert f"Charles {surname}" not in out and re.search(rf"\S+ {surname}\.", out), out
    boss = re.search(r"M\. (\S+) l'a présenté", out).group(1)
    assert f"surtout {boss} qui" in out, out


def test_a_company_named_after_a_person_follows_the_person_and_leaks_nothing():
    text = (
        "entreprise: Arnaud Mécanique SAS\ncommanditaire: David Arnaud (PDG)\n"
        "Elle dirige la production d'Arnaud Mécanique. M. Arnaud veut une deuxième ligne.\n"
        "Nos bouteilles partent chez l'importateur Nakamura Shoten à Osaka. "
        "On vend aussi à Kenji Shoten.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    surname = re.search(r"commanditaire: \S+ (\S+) \(PDG\)", out).group(1)
    assert f"entreprise: {surname} Mécanique SAS" in out, out
    assert f"M. {surname} veut" in out, out
    assert "Arnaud" not in out and "Nakamura" not in out, out


def test_a_nickname_before_its_full_name_and_slugs_follow_the_person():
    text = (
        "Titi (Thibaut Rouchon) est venu. Titi a dit oui.\n"
        "Jo (Johanna Perrin) appelle. Jo est contente.\n"
        "Jean-Baptiste Marchand-Leclerc écrit de jb.marchand-leclerc@gmail.com.\n"
        "Justine Roux, dite Juju, écrit de juju.roux@free.fr.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    titi = re.search(r"^(\S+) \(\S+ \S+\) est venu", out).group(1)
    assert f"{titi} a dit oui" in out and titi[:2].lower() * 2 == titi.lower(), out
    jo, johanna = re.search(r"\n(\S+) \((\S+) \S+\) appelle", out).groups()
    assert first_name_gender(johanna) == "F" and f"{jo} est contente" in out, out
    assert johanna.startswith(jo), out  # a short form of her pseudonym, not another name
    surname = re.search(r"Marchand-Leclerc|(\S+) écrit de", out).group(1)
    assert "marchand" not in out.lower() and "leclerc" not in out.lower(), out
    local = re.search(r"écrit de (\S+)@gmail", out).group(1)
    assert surname.lower() in local, out
    lulu = re.search(r"dite (\S+), écrit de (\S+)\.\S+@free", out).groups()
    assert lulu[0].lower() == lulu[1], out


def test_a_place_and_a_company_keep_one_rendering_however_they_are_written():
    text = (
        "Arrivée chez Ty Glaz en mars. Signature : Conserverie Ty Glaz. Ty Glaz recrute.\n"
        "ZI des Ajoncs, 72100 Le Mans. RCS du Mans. Fait au Mans.\n"
        "Elle veut déménager des Sables-d'Olonne ; 85100 Les Sables-d'Olonne.\n"
        "Employeur : polyclinique des Vénètes, Vannes (Morbihan).\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    company = re.search(r"chez (.+?) en mars", out).group(1)
    assert f"{company} recrute" in out, out
    town = re.search(r"72100|\d{5} ([^.]+)\. RCS", out).group(1)
    assert f"RCS de {town}" in out or f"RCS d'{town}" in out, out
    assert f"Fait à {town}" in out, out
    moved = re.search(r"déménager (?:de |d')(.+?) ;", out).group(1)
    assert out.rstrip().split("\n")[2].endswith(f"{moved}."), out
    town, department = re.search(r", (\S+) \((.+?)\)\.", out).groups()
    assert department_name(department_of(town)) == department, out


def test_pseudonyms_echo_neither_the_real_name_nor_the_wrong_generation():
    text = (
        "Mme Simon, professeure principale, appelle. Emmanuelle Simon rappelle.\n"
        "Sa grand-mère Nathalie vit seule. Son fils Arthur joue. Sa fille Camille dort.\n"
    )
    for seed in (1, 2, 3):
        out = anonymize_text(text, Config(seed=seed)).text
        surname = re.search(r"Mme (\S+),", out).group(1)
        assert "simon" not in surname.lower() and not surname.lower().startswith("simo"), out
        grandmother = re.search(r"grand-mère (\S+) vit", out).group(1)
        son = re.search(r"fils (\S+) joue", out).group(1)
        decades = first_names()["F"].decades
        assert min(decades[grandmother]) <= 1960, out
        assert max(first_names()["M"].decades[son]) >= 2000, out


def test_slugs_keep_their_ordinary_words_and_drop_spoken_numbers():
    text = (
        "Léon Leblanc dicte : leon point leblanc quatre-vingt-un arobase gmail point com. "
        "Profil linkedin.com/in/leon-leblanc-prod et instagram.com/leon.aquarelles.\n"
        "Une agence de Barcelone le contacte.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    first, last = re.match(r"(\S+) (\S+) dicte", out).groups()
    slug = f"{ascii_slug(first)} point {ascii_slug(last)} arobase"
    assert slug in out and "quatre" not in out and "vingt" not in out, out
    assert f"{ascii_slug(first)}-{ascii_slug(last)}-prod" in out and "aquarelles" in out, out
    assert "Barcelon" not in out, out  # never the same city under another spelling


def test_a_country_is_replaced_only_where_it_says_where_someone_comes_from_or_lives():
    text = (
        "Priya, née en Inde, est lead dev. 40 % des ventes partent en Belgique. "
        "Trois semaines de vacances en Grèce. Sa sœur vit à Fort-de-France, en Martinique.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    assert "Inde" not in out and "Martinique" not in out, out
    assert "partent en Belgique" in out and "vacances en Grèce" in out, out


def test_an_age_in_a_table_row_or_a_birth_date_gives_the_generation():
    text = (
        "| Nom | Rôle | Âge |\n|---|---|---|\n"
        "| Alain Schneider | fondateur, retraité | 78 ans |\n"
        "| Lina Schneider | petite-fille d'Alain | 9 ans |\n\n"
        "Julien Marchand, né le 12/03/1952, arrive.\n"
    )
    for seed in (1, 2, 3):
        out = anonymize_text(text, Config(seed=seed)).text
        founder = re.search(r"\| (\S+) \S+ \| fondateur", out).group(1)
        child = re.search(r"\| (\S+) \S+ \| petite-fille", out).group(1)
        born = re.search(r"\n(\S+) \S+, né ", out).group(1)
        assert min(first_names()["M"].decades[founder]) <= 1960, out
        assert max(first_names()["F"].decades[child]) >= 2000, out
        assert min(first_names()["M"].decades[born]) <= 1960, out


def test_a_bracketed_department_or_number_never_gives_the_real_one_back():
    for seed in range(1, 40):
        out = anonymize_text(
            "Ploërmel (Morbihan) est loin. Elle vit à Vannes (56) depuis 2019.", Config(seed=seed)
        ).text
        town, department = re.match(r"(.+?) \((.+?)\) est loin", out).groups()
        assert department != "Morbihan" and department_name(department_of(town)) == department, out
        town, code = re.search(r"vit à (.+?) \((\d\d|2[AB])\)", out).groups()
        assert code != "56" and department_of(town) == code, out


def test_what_the_review_of_the_day_found_stays_fixed():
    text = (
        "Il travaille chez Horizon Transports depuis 2019. La Maison ouvre.\n"
        "Arrivée chez Ty Glaz en mars. Signature : Conserverie Ty Glaz.\n"
        "Albert Martin organise la fête d'Albert.\n"
        "Paul (Pierre Martin était absent) a parlé. Réf. LEROY-2024-00042.\n"
        "- Prénom : Jean\n- Nom : DENIS\n"
        "Né le 3 mai 1980, arrivé le 4 juin 2001.\n"
    )
    out = anonymize_text(text, Config(seed=3)).text
    assert "Horizon" not in out and " Transports depuis" in out and "La Maison ouvre" in out, out
    company = re.search(r"chez (.+?) en mars", out).group(1)
    assert f"Conserverie {company}." in out, out
    albert = re.search(r"\n(\S+) \S+ organise la fête (?:de |d')(\S+)\.", out).groups()
    assert albert[0] == albert[1], out  # the person, not a town named Albert
    assert "Paul" not in out and "LEROY" not in out, out
    first = re.search(r"Prénom : (\S+)", out).group(1)
    assert first_name_gender(first) == "M", out
    assert "arrivé en juin 2001" in out and "dans les années 1980" in out, out


def test_forms_keep_their_labels_and_their_places():
    text = (
        "| Champ | Valeur |\n|---|---|\n| Ville | Orly |\n| Code postal | 94310 |\n\n"
        "Contrat BM-COACH-2025-07. Marie-Geneviève Dupont arrive ; signé M.-G. D.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    assert out.startswith("| Champ | Valeur |\n|---|---|\n| Ville | "), out
    town = re.search(r"\| Ville \| (.+?) \|", out).group(1)
    assert town != "Orly" and first_name_gender(town.split("-")[0]) is None, out
    assert "94310" not in out and "-COACH-" in out, out
    first = re.search(r"\n.*?Contrat \S+ (\S+) \S+ arrive", out).group(1)
    initials = re.search(r"signé (\S+) \S+\.?$", out.strip()).group(1)
    expected = "".join(w[0] + "." for w in first.split("-"))
    assert initials.replace("-", "") == expected, out


def test_letterheads_mutuals_and_housing_offices_keep_their_shape():
    """A town before a spaced dash is a town, and its description stays; a name ended
    by a business word ("Mutuelle", "Habitat", "Santé") keeps the word; "Le Dr X"
    opening a sentence keeps its title."""
    text = (
        "Montbrison - Service de médecine polyvalente\n"
        "Montbrison, le 12/03/2025\n"
        "Mutuelle : Harmonie Mutuelle. Il cotise aussi auprès d'Harmonie Aéro Santé.\n"
        "Loyer payé à Romans-sur-Isère Habitat chaque mois.\n"
        "Le Dr Lemonnier reçoit Mme Lemaire jeudi. Le Dr Lemonnier écrit ensuite.\n"
    )
    out = anonymize_text(text, Config(seed=2)).text
    lines = out.splitlines()
    assert lines[0].endswith(" - Service de médecine polyvalente"), out
    town = lines[0].split(" - ")[0]
    assert town != "Montbrison" and place_entry(town) is not None, out
    assert "Harmonie Mutuelle" not in out and "Aéro" not in out, out
    assert "Romans" not in out and "Lemonnier" not in out, out
    # a listed mutual is another listed insurer ("Matmut", "MGEN"), the unlisted one
    # keeps its business word
    insurers = {row[0] for row in table("organisations.txt") if row[1] == "insurance"}
    mutual = re.search(r"Mutuelle : (.+?)\. ", out)
    assert mutual and mutual.group(1) in insurers - {"Harmonie Mutuelle"}, out
    assert " Santé." in out, out
    housing = re.search(r"payé à (.+) Habitat chaque", out)
    assert housing and place_entry(housing.group(1)) is not None, out
    doctors = re.findall(r"Le Dr (\S+)", out)
    assert len(doctors) == 2 and doctors[0] == doctors[1], out


def test_a_foreign_capital_by_its_french_name_is_a_place():
    out = anonymize_text(
        "Il a été chauffeur de taxi à Erevan puis à Tbilissi.", Config(seed=1)
    ).text
    towns = re.search(r"taxi à (.+) puis à (.+)\.", out).groups()
    assert "Erevan" not in out and "Tbilissi" not in out, out
    assert all(first_name_gender(t) is None for t in towns), out


def test_a_company_said_by_its_short_name_stays_that_company():
    text = (
        "**Tavelle Robotics SAS**, représentée par M. Honoré Quillet, ci-après « Tavelle ».\n"
        "Tavelle développe des pinces. Tavelle reste titulaire du brevet.\n"
        "| Pour Tavelle Robotics | Pour Fonderies Quillet |\n"
    )
    out = anonymize_text(text, Config(seed=5)).text
    assert "Tavelle" not in out, out
    full = re.search(r"\*\*(.+) Robotics SAS\*\*", out)
    assert full, out
    short = full.group(1)
    assert f"« {short} »" in out and f"\n{short} développe" in out, out
    assert f"Pour {short} Robotics |" in out, out


def test_a_civility_before_a_surname_stays_a_civility_across_the_folder(tmp_path):
    """'Dr M. Ferrand' in one note (an initial) does not turn 'M. FERRAND' of another
    note (Monsieur) into initials."""
    notes = {
        "a.txt": "Courrier du Dr M. Ferrand, cardiologue.\n",
        "b.txt": "Mme FERRAND Lucette, fille de M. FERRAND Gaston.\n"
        "Le dossier de M. FERRAND est complet.\n",
    }
    out = _batch(tmp_path, notes, seed=2)["b.txt"]
    assert "FERRAND" not in out and "de M. " in out.splitlines()[1], out


def test_an_unframed_first_name_that_is_also_a_foreign_city_stays_a_person():
    out = anonymize_text(
        "Elle cite Adélaïde et Zoé V.. Elle parle d'Adélaïde, sa copine.", Config(seed=1)
    ).text
    friend = re.search(r"parle (?:de |d')(\S+), sa copine", out).group(1)
    assert friend != "Adélaïde" and first_name_gender(friend) == "F", out
    assert re.search(r"cite \S+ et \S+ [A-Z]\.\. Elle", out), out


def test_public_bodies_and_trades_named_after_a_place_keep_their_kind():
    text = (
        "Étude pour Lannion-Trégor Communauté et Rennes Métropole en 2024.\n"
        "Ses clients : la Laiterie de Montauban-de-Bretagne et les Salaisons Kerbrat.\n"
        "Adressé par le SMUR de Sainte-Luce, puis revu par Mme Saint-Hilaire.\n"
    )
    out = anonymize_text(text, Config(seed=3)).text
    for real in ("Lannion", "Rennes", "Montauban", "Kerbrat", "Luce", "Hilaire"):
        assert real not in out, out
    assert re.search(r"pour \S.* Communauté et \S+ Métropole en", out), out
    laiterie = re.search(r"la Laiterie (?:de |d')(.+?) et les Salaisons (.+)\.", out)
    assert laiterie and place_entry(laiterie.group(1)) is not None, out
    smur = re.search(r"SMUR (?:de |d')(.+?), puis", out).group(1)
    assert place_entry(smur) is not None and first_name_gender(smur) is None, out


def test_a_surname_that_is_a_word_goes_with_its_person_in_registers_and_file_names(tmp_path):
    note = (
        "Patiente : Mme TOUSSAINT Yvette, née en 1975.\n"
        "Demande formulée par son frère, M. Gilbert Toussaint, joignable.\n"
    )
    ((name, out),) = _batch(tmp_path, {"TOUSSAINT_Gilbert_certificat.txt": note}, seed=3).items()
    assert "TOUSSAINT" not in name and "Gilbert" not in name, name
    assert "TOUSSAINT" not in out and "Toussaint" not in out, out
    surname = re.search(r"M\. \S+ (\S+), joignable", out).group(1)
    assert f"Mme {surname.upper()} " in out, out
    assert name.startswith(surname.upper() + "_"), (name, out)


def test_care_places_and_shops_take_the_names_such_places_take():
    text = (
        "Elle travaille à la pharmacie Lemoine-Vidal. Sa mère vit à l'EHPAD Les Tamaris.\n"
        "Le CHU Grenoble Alpes l'a suivie.\n"
    )
    out = anonymize_text(text, Config(seed=2)).text
    places = [ln.strip() for ln in lines("org_place_names.txt", package="anonymize")]
    pharmacy = re.search(r"la pharmacie (.+?)\. Sa", out).group(1)
    home = re.search(r"l'EHPAD (.+?)\.\n", out).group(1)
    assert pharmacy in places and home in places, out
    chu = re.search(r"Le CHU (?:de |d')(.+?) l'a", out).group(1)
    assert place_entry(chu) is not None and "Grenoble" not in out, out


def test_a_note_whose_real_names_hold_every_place_name_still_gets_its_pharmacy_renamed():
    """The place-name pool of care places and shops can be emptied by the scope's real
    words; the note is still written, with an invented name, never left raw."""
    places = [ln.strip() for ln in lines("org_place_names.txt", package="anonymize")]
    listed = ", ".join(f"l'EHPAD {p}" for p in places)
    text = (
        f"Elle a travaillé dans {listed}.\nElle achète ses remèdes à la pharmacie Lemoine-Vidal.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    pharmacy = re.search(r"la pharmacie (.+?)\.\n", out).group(1)
    assert "Lemoine" not in out and pharmacy, out


def test_eponyms_and_roles_alone_name_no_one():
    text = (
        "Maladie de Crohn connue, syndrome d'Asperger évoqué, échelle de Glasgow à 15.\n"
        "Pédiatre\nDr Morel, vu avec Mme Lenoir.\n"
    )
    out = anonymize_text(text, Config(seed=1)).text
    assert out.startswith(
        "Maladie de Crohn connue, syndrome d'Asperger évoqué, échelle de Glasgow à 15.\nPédiatre\n"
    ), out
    assert "Morel" not in out and "Lenoir" not in out, out


def test_a_file_name_loses_a_town_of_its_note_that_is_also_a_word(tmp_path):
    note = "Convention signée à Monts avec Arnaude Coste. Monts est loin.\n"
    ((name, out),) = _batch(tmp_path, {"convention_monts.txt": note}, seed=1).items()
    town = re.search(r"signée à (.+?) avec", out).group(1)
    assert "monts" not in name.lower(), name
    # the file name takes the note's pseudonym town, in the file name's own shape
    assert ascii_slug(town).replace("-", "") in ascii_slug(name).replace("-", ""), (name, town)


def test_small_towns_of_one_department_stay_neighbours():
    text = (
        "Elle vit à Corbie, travaille à Albert et voit sa mère à Villers-Bretonneux.\n"
        "Son frère habite à Ploërmel, près de Malestroit.\n"
    )
    out = anonymize_text(text, Config(seed=4)).text
    somme = re.search(r"vit à (.+?), travaille à (.+?) et voit sa mère à (.+?)\.", out).groups()
    morbihan = re.search(r"habite à (.+?), près de (.+?)\.", out).groups()
    assert len({department_of(t) for t in somme}) == 1 and department_of(somme[0]) != "80", out
    assert len({department_of(t) for t in morbihan}) == 1, out
    assert department_of(morbihan[0]) not in ("56", department_of(somme[0])), out


def test_a_note_naming_more_villages_of_a_department_than_it_can_lend_is_still_written():
    """The towns of one department move to one other department while it has
    villages to lend; past that, any village of the size will do."""
    villages = [
        r[0]
        for r in table("communes.tsv")
        if r[1] == "48"
        and r[2].isdigit()
        and int(r[2]) < 400
        and re.fullmatch(r"[A-Z][a-zé]+", r[0])
    ][:45]
    text = "Tournée dans les villages : " + ", à ".join(f"à {v}" for v in villages) + ".\n"
    out = anonymize_text(text, Config(seed=1)).text
    assert not any(re.search(rf"\b{v}\b", out) for v in villages), out


def test_a_note_naming_many_cities_of_one_country_is_still_written():
    cities = ["Munich", "Cologne", "Francfort", "Hambourg", "Berlin", "Leipzig", "Dresde"]
    cities += ["Nuremberg", "Brême", "Hanovre", "Mayence", "Coblence"]
    text = "Sa tournée : " + ", ".join(f"à {c}" for c in cities) + ".\n"
    out = anonymize_text(text, Config(seed=2)).text
    assert not any(re.search(rf"\b{c}\b", out) for c in cities), out


def test_a_foreign_city_never_becomes_another_city_of_the_note_under_its_other_name():
    text = "Elle a vécu à Munich, puis à Hambourg, puis à Cologne et à Bâle.\n"
    for seed in range(6):
        out = anonymize_text(text, Config(seed=seed)).text
        for other in ("München", "Hamburg", "Hambourg", "Köln", "Cologne", "Basel", "Bâle"):
            assert other not in out, (seed, out)


def test_a_pet_of_one_note_and_a_country_of_an_origin_stay_in_their_note(tmp_path):
    """A dog called Céline in one note does not turn Madame Céline Pascal of another
    note into a pet; "né au Portugal" here does not replace "le Portugal" of a match
    reported there."""
    notes = {
        "a.txt": "Séance avec Madame Céline Pascal, coach.\nLa Coach : Céline Pascal\n",
        "b.txt": "Le soir, elle promène Céline, sa chienne, au parc. Céline aboie.\n",
        "c.txt": "Elle est née au Portugal.\n",
        "d.txt": "Le Portugal a gagné le match, dit-elle.\n",
    }
    out = _batch(tmp_path, notes, seed=1)
    coach = re.search(r"Madame (\S+) (\S+), coach", out["a.txt"])
    assert coach and first_name_gender(coach.group(1)) == "F", out["a.txt"]
    dog = re.search(r"promène (\S+), sa chienne", out["b.txt"]).group(1)
    assert dog != coach.group(1) and "Céline" not in out["b.txt"], out
    assert "Portugal" not in out["c.txt"] and out["d.txt"].startswith("Le Portugal a gagné"), out


def test_a_family_firm_keeps_its_link_word():
    out = anonymize_text(
        "Il travaille chez Transports Guillou & Fils depuis 2010.", Config(seed=1)
    ).text
    assert "Guillou" not in out and re.search(r"chez Transports \S.* & Fils depuis", out), out


def test_a_school_named_after_its_town_keeps_the_rest_of_the_sentence():
    text = "Diplômée de l'IUT de Lannion et Sciences Po Bordeaux, puis rien.\n"
    out = anonymize_text(text, Config(seed=1)).text
    m = re.search(r"de l'IUT (?:de |d')(.+?) et (.+?), puis rien\.", out)
    assert m and place_entry(m.group(1)) is not None, out
    assert not any(t in out for t in ("Lannion", "Bordeaux")), out


def test_a_shop_said_by_its_owners_name_keeps_one_rendering_with_its_head_noun():
    text = "Elle travaille à la pharmacie Lemoine depuis 2019. Chez Lemoine, tout va bien.\n"
    out = anonymize_text(text, Config(seed=1)).text
    shop = re.search(r"à la pharmacie (.+?) depuis", out).group(1)
    assert "Lemoine" not in out and f"Chez Pharmacie {shop}," in out, out


def test_one_first_name_two_generations_in_two_notes_are_two_people(tmp_path):
    notes = {
        "a.txt": "Séance avec Théodore, 78 ans. Théodore parle de sa ferme.\n",
        "b.txt": "Séance avec Théodore, 9 ans. Théodore parle de son école.\n",
        "c.txt": "Théodore a rappelé hier.\n",
    }
    out = _batch(tmp_path, notes, seed=1)
    old = re.search(r"avec (\S+), plus", out["a.txt"]).group(1)
    young = re.search(r"avec (\S+), moins", out["b.txt"]).group(1)
    assert old != young and "Théodore" not in "".join(out.values()), out
    assert out["c.txt"].startswith(f"{old} a rappelé"), out  # no age: the first one
    ranks = {n: ranks for n, _g, ranks in table("pseudo_first_names.tsv", "anonymize")}
    assert min(int(r.split(":")[0]) for r in ranks[old].split(",")) < 1980, ranks[old]
    assert max(int(r.split(":")[0]) for r in ranks[young].split(",")) >= 2000, ranks[young]

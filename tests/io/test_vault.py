"""Note vaults (Obsidian-style folders) through `batch`: links still resolve,
their syntax stays, and tags, embeds and slugs follow the pseudonyms.

One batch runs over a small vault written to disk; every test reads its output.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from anonymize.cli import main
from anonymize.io.formats.vault import LinkTargets, links, slug_regions, syntax_spans
from anonymize.pipeline import Pipeline
from anonymize.replace.shapes import slug_shape

FICHE = """---
aliases: [Julien Marchand, Julien, JM]
tags: [client/julien-marchand, coaching]
---
# Julien Marchand

Client depuis 2025. Sœur : [[Claire Dubois]]. Tél. 06 12 34 56 78.
Génogramme : ![[julien-marchand-genogramme.png]]

## Bilan

Voir [[2025-03-14 Julien Marchand|la première séance]] et [[2025-04-02 Julien Marchand#Objectifs]].
Dossier partagé : jmarchand. #client/julien-marchand #julien-marchand
"""
SEANCE_1 = """---
tags:
  - séance
  - julien-marchand
---
Séance 1 avec [[Julien Marchand]]. Il parle de sa sœur Claire Dubois, qui vit à Annecy.
Retour vers [[clients/Julien Marchand|sa fiche]] ou [[julien marchand.md]].
"""
SEANCE_2 = """# Objectifs

Séance 2 avec Julien. Relire [[2025-03-14 Julien Marchand]]. Voir aussi [[Claire Dubois]].
![[2025-03-14 Julien Marchand#^resume]]
[Fiche](../clients/Julien%20Marchand.md#Bilan) · [site](https://example.org/julien-marchand)
"""
SOEUR = (
    "Claire Dubois, 41 ans, sœur de [[Julien Marchand]]. #famille/claire-dubois\n"
    "Sa [fiche](clients/Julien%20Marchand.md), "
    "la [séance](<séances/2025-03-14 Julien Marchand.md>).\n"
)
SECRETS = ("julien", "marchand", "claire", "dubois", "jmarchand")


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    root = tmp_path_factory.mktemp("vault")
    src = root / "notes"
    (src / "clients").mkdir(parents=True)
    (src / "séances").mkdir()
    (src / ".obsidian").mkdir()
    (src / ".obsidian" / "app.json").write_text("{}", encoding="utf-8")
    (src / "clients" / "Julien Marchand.md").write_text(FICHE, encoding="utf-8")
    (src / "séances" / "2025-03-14 Julien Marchand.md").write_text(SEANCE_1, encoding="utf-8")
    (src / "séances" / "2025-04-02 Julien Marchand.md").write_text(SEANCE_2, encoding="utf-8")
    (src / "Claire Dubois.md").write_text(SOEUR, encoding="utf-8")
    dst = root / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--seed", "5"])
    assert result.exit_code == 0, result.output
    outputs = {
        p.relative_to(dst).as_posix(): p.read_text(encoding="utf-8") for p in dst.rglob("*.md")
    }
    return dst, outputs


def _resolves(target: str, files: list[str]) -> bool:
    """Obsidian's reading: a note's path without extension, from the end, any case."""

    def key(s: str) -> str:
        return unicodedata.normalize("NFC", s).casefold()

    wanted = key(target.strip())
    for f in files:
        path = PurePosixPath(f)
        parts = [*path.parts[:-1], path.stem]
        tails = {"/".join(parts[k:]) for k in range(len(parts))}
        if wanted in {key(t) for t in tails} | {key(t + path.suffix) for t in tails}:
            return True
    return False


def test_every_link_to_a_note_resolves_to_an_output_file(vault):
    _, outputs = vault
    files = sorted(outputs)
    assert len(files) == 4
    found = 0
    for text in outputs.values():
        for m in re.finditer(r"(!?)\[\[([^\]|#^]*)", text):
            if m.group(2).endswith(".png"):
                continue  # an image: not a note, not copied
            found += 1
            assert _resolves(m.group(2), files), (m.group(2), files)
    assert found == 10


def test_every_markdown_link_to_a_note_resolves_to_an_output_file(vault):
    dst, outputs = vault
    found = 0
    for name, text in outputs.items():
        for m in re.finditer(r"\]\((?:<([^>]*)>|([^)\s]+))", text):
            destination = (m.group(1) or m.group(2)).split("#")[0]
            if destination.startswith("https:"):
                continue
            found += 1
            path = (dst / name).parent / unquote(destination)
            assert path.is_file(), (name, destination)
    assert found == 3


def test_link_syntax_is_kept(vault):
    _, outputs = vault
    fiche = next(t for f, t in outputs.items() if f.startswith("clients/"))
    assert re.search(r"Sœur : \[\[[^\]]+\]\]\. Tél\. 06", fiche)
    assert re.search(
        r"Voir \[\[2025-03 [^|\]]+\|la première séance\]\] et \[\[2025-04 [^#\]]+#Objectifs\]\]\.",
        fiche,
    )
    seance_2 = next(t for f, t in outputs.items() if "2025-04" in f)
    assert re.search(r"!\[\[2025-03 [^#\]]+#\^resume\]\]", seance_2)
    # every output has as many link brackets as its source
    for text in outputs.values():
        assert text.count("[[") == text.count("]]")


def test_names_are_gone_from_texts_and_file_names(vault):
    _, outputs = vault
    for name, text in outputs.items():
        folded = unicodedata.normalize("NFKD", (name + text).lower())
        for secret in SECRETS:
            assert secret not in folded, (secret, name)


def test_tags_embeds_and_slugs_follow_the_pseudonym(vault):
    _, outputs = vault
    fiche_path = next(f for f in outputs if f.startswith("clients/"))
    fiche = outputs[fiche_path]
    pseudonym = PurePosixPath(fiche_path).stem  # the client's new name, e.g. "Théo Campan"
    slug = slug_shape("julien-marchand", pseudonym)
    assert re.fullmatch(r"[a-z]+-[a-z]+", slug), slug
    assert f"#client/{slug} #{slug}" in fiche
    assert f"![[{slug}-genogramme.png]]" in fiche
    assert f"tags: [client/{slug}, coaching]" in fiche
    first, last = slug.split("-")
    assert f"Dossier partagé : {first[0]}{last}." in fiche
    seance_1 = next(t for f, t in outputs.items() if "2025-03" in f)
    assert f"  - {slug}\n" in seance_1 and "  - séance\n" in seance_1
    first_name, surname = pseudonym.split(" ", 1)
    initials = "".join(w[0] for w in first_name.split("-")) + surname[0]
    assert f"aliases: [{pseudonym}, {first_name}, {initials}]" in fiche


def test_a_link_alias_is_text(vault):
    _, outputs = vault
    fiche = next(t for f, t in outputs.items() if f.startswith("clients/"))
    sister = next(PurePosixPath(f).stem for f in outputs if "/" not in f)
    assert f"[[{sister}]]" in fiche  # the sister's note was renamed: the link follows
    seance_1 = next(t for f, t in outputs.items() if "2025-03" in f)
    assert "|sa fiche]]" in seance_1


# -- the pieces, on their own ----------------------------------------------------


def test_syntax_spans_cover_brackets_separators_and_tag_marks():
    text = "Voir ![[Note#^b1|alias]] et #tag/x, pas # titre ni #12 ni page#ancre."
    marks = "".join(text[s:e] for s, e in syntax_spans(text))
    assert marks == "![[#^|]]#"
    assert [text[s:e] for s, e in slug_regions(text)] == ["Note", "tag/x"]


def test_front_matter_lists_are_slug_regions():
    text = '---\naliases: [Julien, "JM"]\ntags:\n  - a-b\n  - c\ntitre: X\n---\n#d\n'
    assert [text[s:e] for s, e in slug_regions(text)] == ["Julien", "JM", "a-b", "c", "d"]


def test_link_targets_keep_their_form_and_stay_unique():
    sources = [PurePosixPath("a/Julien Marchand.md"), PurePosixPath("b/Claire.md")]
    outputs = [PurePosixPath("a/Théo Campan.md"), PurePosixPath("b/Théo Campan.md")]
    targets = LinkTargets(sources, outputs)
    assert targets.retarget("julien marchand") == "a/Théo Campan"  # the name alone is ambiguous
    assert targets.retarget("a/Julien Marchand.md") == "a/Théo Campan.md"
    assert targets.retarget("Claire") == "b/Théo Campan"
    assert targets.retarget("Inconnue") is None
    assert [link.embed for link in links("[[a]] ![[b]]")] == [False, True]


@pytest.mark.parametrize(
    ("written", "value", "expected"),
    [
        ("julien-marchand", "Théo Campan", "theo-campan"),
        ("JULIEN_MARCHAND", "Théo Campan", "THEO_CAMPAN"),
        ("jmarchand", "T. Campan", "tcampan"),
        ("héloïse-marchand", "Zoé Lœuvre", "zoé-lœuvre"),
        ("Julien-Marchand", "Théo Campan", "Theo-Campan"),
    ],
)
def test_slug_shape(written, value, expected):
    assert slug_shape(written, value) == expected


def test_a_wikilink_in_a_single_note_keeps_its_brackets_and_the_text_after_it():
    text = "Sœur : [[Claire Dubois]]. Tél. 06 12 34 56 78. Voir [[Claire Dubois#Bilan]].\n"
    out = Pipeline().anonymize(text).text
    m = re.fullmatch(
        r"Sœur : \[\[(\w+ \w+)\]\]\. Tél\. 06 [\d ]+\. Voir \[\[(\w+ \w+)#Bilan\]\]\.\n", out
    )
    assert m, out
    assert m.group(1) == m.group(2) != "Claire Dubois"


def test_the_words_around_a_markdown_link_to_a_note_are_not_names():
    text = "Voir [la séance](2025-03-14%20Julien%20Marchand.md) demain.\n"
    out = Pipeline().anonymize(text).text
    assert out.startswith("Voir [la séance](") and out.endswith(".md) demain.\n"), out
    assert "Julien" not in out and "Marchand" not in out
    assert "%20" in out  # no town in place of an encoded space

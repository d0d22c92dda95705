"""Markdown through `batch`: the syntax stays, the content is anonymized.

One batch runs over a folder of Markdown notes written to disk (with a BOM,
with CRLF line endings) and every test looks at its output.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize.cli import main
from anonymize.io.formats.edits import edits_of
from anonymize.io.formats.markdown import protect, protected_mask
from anonymize.pipeline import Pipeline

FRONT = """---
titre: "Coaching de Julien Marchand"
Client: Julien Marchand
Lieu: Annecy
Marchand: présent à toutes les séances
contact_client: julien.marchand@gmail.com
tags: [leadership, reprise]
---

# Séance avec Julien

Julien Marchand travaille chez Salomon à Annecy depuis 2019.
"""
LINKS = """# Liens

Voir [le profil de Julien Marchand](https://www.linkedin.com/in/julien-marchand-annecy)
et [son site](https://julien-marchand.fr/contact "Site de Julien Marchand").
Écrire à <julien.marchand@gmail.com> ou [par mail](mailto:julien.marchand@gmail.com).

[site]: https://julien-marchand.fr
"""
CODE = """# Notes techniques

```text
Appeler Julien Marchand au 06 39 98 12 34 avant la séance.
```

<div class="note" data-client="Julien Marchand">Relancer <b>Claire Dupont</b> à Annecy.</div>

Fin de la séance avec Claire Dupont.
"""
SECRETS = ("Julien", "Marchand", "Claire Dupont", "julien.marchand", "julien-marchand", "Annecy")
CRLF_NOTE = (
    "Séance du 14 mars 2025 avec Julien Marchand, 38 ans, d'Annecy.\n"
    "Julien travaille chez Salomon. Sa femme, Claire Marchand, l'encourage.\n"
    "\n"
    "Contact : julien.marchand@gmail.com, 06 39 98 12 34.\n"
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("md")
    src = root / "notes"
    src.mkdir()
    (src / "front.md").write_text(FRONT, encoding="utf-8")
    (src / "links.md").write_text(LINKS, encoding="utf-8")
    (src / "code.md").write_text(CODE, encoding="utf-8")
    (src / "bom.md").write_bytes(codecs.BOM_UTF8 + CRLF_NOTE.encode("utf-8"))
    (src / "crlf.md").write_bytes(CRLF_NOTE.replace("\n", "\r\n").encode("utf-8"))
    (src / "lf.md").write_bytes(CRLF_NOTE.encode("utf-8"))
    dst = root / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--style", "redact"])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in dst.iterdir() if p.suffix == ".md"}


def _text(outputs: dict[str, bytes], name: str) -> str:
    return outputs[name].decode("utf-8-sig")


def test_front_matter_keys_are_kept_and_values_anonymized(outputs):
    out = _text(outputs, "front.md")
    front = out.split("\n---\n", 1)[0]
    keys = [line.split(":", 1)[0] for line in front.splitlines()[1:]]
    # keys are syntax and stay, except a key that is itself a name (fail closed)
    assert keys[:3] + keys[4:] == ["titre", "Client", "Lieu", "contact_client", "tags"]
    assert re.fullmatch(r"\[PERSONNE_\d+\]", keys[3]), keys
    values = [line.split(":", 1)[1] for line in front.splitlines()[1:]]
    for secret in ("Julien", "Annecy", "julien.marchand@gmail.com"):
        assert not any(secret in v for v in values), secret
    assert out.startswith("---\n") and "\n---\n\n# Séance avec" in out
    assert "tags: [leadership, reprise]" in out


def test_keys_are_protected_even_when_a_detection_covers_them():
    # Without the guard, "Julien Marchand\nLieu" (a name detector running over
    # the line end) would swallow the key of the next line.
    text = "---\nClient: Julien Marchand\nLieu: Annecy\n---\n"
    start = text.index("Julien")
    from anonymize.entities import Entity

    swallowing = Entity(start, text.index(":", start), "PERSON", "Julien Marchand\nLieu")
    assert [e.text for e in protect(text, [swallowing])] == ["Julien Marchand"]
    mask = protected_mask(text)
    assert "".join(c for c, m in zip(text, mask, strict=True) if m) == "---\nClient:Lieu:---\n"


def test_link_texts_and_urls_are_anonymized_and_links_still_parse(outputs):
    out = _text(outputs, "links.md")
    for secret in SECRETS:
        assert secret not in out, secret
    link = r"\[(?:[^\[\]]|\[[^\]]*\])+\]\([^)\s]+(?: \"[^\"]*\")?\)"  # [text [X_1]](url "title")
    assert len(re.findall(link, out)) == 3
    assert re.search(r"^\[site\]: \S+$", out, re.MULTILINE)
    assert re.search(r"<[^>]+> ou \[par mail\]\(mailto:", out)


def test_names_in_angle_brackets_or_as_yaml_keys_are_replaced(tmp_path):
    note = tmp_path / "fm.md"
    note.write_text(
        "---\nprésents:\n  - Claire Dupont: coachée\n  - Julien Marchand: manager\n---\n"
        "<Julien> a dit qu'il viendrait.\nMessage de <Claire Dupont>.\n"
        '<div class="note">Relancer <b>Claire</b></div>\n',
        encoding="utf-8",
    )
    out = CliRunner().invoke(main, ["text", str(note), "--style", "redact"]).output
    for secret in ("Julien", "Marchand", "Claire", "Dupont"):
        assert secret not in out, out
    assert '<div class="note">Relancer <b>[PERSONNE_' in out and "présents:\n  - [" in out
    check = CliRunner().invoke(main, ["check", str(note)])
    assert check.exit_code == 1, "the gate sees the names too"


def test_code_blocks_and_html_are_kept_but_scanned(outputs):
    out = _text(outputs, "code.md")
    for secret in (*SECRETS, "06 39 98 12 34"):
        assert secret not in out, secret
    assert "```text\nAppeler " in out and "\n```\n" in out
    assert re.search(r'<div class="note" data-client="[^"]+">Relancer <b>[^<]+</b> à ', out)
    assert out.endswith("</div>\n\nFin de la séance avec " + out.rsplit("avec ", 1)[1])


def test_bom_is_kept_and_crlf_line_endings_are_kept(outputs):
    bom, crlf = outputs["bom.md"], outputs["crlf.md"]
    assert bom.startswith(codecs.BOM_UTF8) and not outputs["lf.md"].startswith(codecs.BOM_UTF8)
    assert crlf.count(b"\r\n") == crlf.count(b"\n") == CRLF_NOTE.count("\n")
    assert b"Marchand" not in crlf and b"Annecy" not in crlf


def test_crlf_changes_nothing_in_what_is_found(outputs):
    assert outputs["crlf.md"].replace(b"\r\n", b"\n") == outputs["lf.md"]
    assert outputs["bom.md"][len(codecs.BOM_UTF8) :] == outputs["lf.md"]


@pytest.mark.parametrize("sample", sorted(Path("samples").glob("*.md")), ids=lambda p: p.name)
def test_every_byte_outside_the_replaced_spans_is_unchanged(sample):
    text = sample.read_text(encoding="utf-8")
    pipeline = Pipeline(style="redact")
    detected = [protect(text, pipeline.detect(text))]
    result = pipeline.replace_many([text], detected)[0]
    edits = edits_of(text, result)  # raises if anything between them differs
    assert edits, "the sample has identifiers"
    for e in edits:
        # redact placeholders start with "[": no elision or capital to repair
        assert (e.start, e.end) == (e.replacement.source.start, e.replacement.source.end)
    rebuilt, out_pos = [], 0
    for e in edits:
        rebuilt.append(result.text[out_pos : e.out_start])
        rebuilt.append(text[e.start : e.end])
        out_pos = e.out_end
    rebuilt.append(result.text[out_pos:])
    assert "".join(rebuilt) == text


def test_grammar_repair_only_touches_the_word_before_a_replacement():
    text = "Il habite d'abord à Annecy, puis il parle de Julien Marchand et d'Élodie Ferrand."
    pipeline = Pipeline(style="pseudonym")
    result = pipeline.replace_many([text], [pipeline.detect(text)])[0]
    for e in edits_of(text, result):
        assert e.replacement.source.start - e.start <= len("jusqu'")


@pytest.mark.parametrize("command", ["text", "detect"])
def test_text_and_detect_take_the_same_road_as_batch(tmp_path, command):
    note = tmp_path / "front.md"
    note.write_text(FRONT, encoding="utf-8")
    args = [command, str(note)] + (
        ["--style", "redact"] if command == "text" else ["--format", "json"]
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    if command == "text":
        front = result.output.split("\n---\n", 1)[0]
        keys = [line.split(":", 1)[0] for line in front.splitlines()[1:]]
        assert keys[:3] + keys[4:] == ["titre", "Client", "Lieu", "contact_client", "tags"]
        assert "Marchand" not in front
        again = CliRunner().invoke(main, ["text", "-", "--style", "redact"], input=result.output)
        assert again.output == result.output  # placeholders are not nested
    else:
        import json

        spans = [FRONT[e["start"] : e["end"]] for e in json.loads(result.output)["entities"]]
        assert "Julien Marchand" in spans
        assert not any(s.endswith(":") or "\n" in s for s in spans)

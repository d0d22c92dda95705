"""`anonymize batch`: mirror a notes tree, never touch it, never lose a file."""

from __future__ import annotations

import json

from click.testing import CliRunner

from anonymize.cli import main

from .helpers import make_notes, tree_digest


def _batch(*args: str):
    return CliRunner().invoke(main, ["batch", *args])


def test_mirrors_the_tree_and_leaves_the_source_untouched(tmp_path):
    src = make_notes(tmp_path)
    before = tree_digest(src)
    dst = tmp_path / "public"
    result = _batch(str(src), "-o", str(dst))
    assert result.exit_code == 0, result.output
    assert tree_digest(src) == before
    outputs = sorted(
        str(p.relative_to(dst)) for p in dst.rglob("*") if p.is_file() and p.name[0] != "."
    )
    assert outputs == ["2025/mars/b.txt", "a.md"]
    a = (dst / "a.md").read_text(encoding="utf-8")
    b = (dst / "2025" / "mars" / "b.txt").read_text(encoding="utf-8")
    for secret in ("Julien", "Marchand", "Claire", "Vasseur", "julien.marchand@gmail.com"):
        assert secret not in a and secret not in b
    assert "3 files: 2 anonymized, 0 failed, 1 skipped" in result.output


def test_report_lists_every_file_with_the_contract_keys(tmp_path):
    src = make_notes(tmp_path)
    (src / "vide.md").write_text("   \n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = _batch(str(src), "-o", str(tmp_path / "out"), "--report", str(report))
    assert result.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    files = {f["source"]: f for f in data["files"]}
    assert set(files) == {"a.md", "2025/mars/b.txt", "vide.md", "ignored.pdf"}
    assert files["ignored.pdf"]["status"] == "skipped"
    for f in data["files"]:
        assert {"source", "output", "status", "entities", "error"} <= set(f)
    assert files["a.md"]["status"] == "ok" and files["a.md"]["output"] == "a.md"
    assert files["a.md"]["entities"] > 3
    assert files["vide.md"] == {**files["vide.md"], "status": "failed", "output": None}
    assert "empty" in files["vide.md"]["error"]
    assert data["summary"]["failed"] == 1 and data["summary"]["ok"] == 2
    assert data["summary"]["skipped"] == 1
    assert not (tmp_path / "out" / "vide.md").exists()


def test_failures_are_isolated_and_nothing_half_written(tmp_path):
    src = make_notes(tmp_path)
    (src / "binaire.md").write_bytes(bytes(range(256)) * 4)
    (src / "latin.txt").write_bytes("Hélène Roussel vit à Besançon.".encode("cp1252"))
    (src / "gros.txt").write_text("Bonjour Paul Martin. " * 400, encoding="utf-8")
    config = tmp_path / "anonymize.toml"
    config.write_text("[anonymize]\nmax_size_mb = 0.005\n", encoding="utf-8")
    dst = tmp_path / "out"
    result = _batch(str(src), "-o", str(dst), "--config", str(config))
    assert result.exit_code == 1
    assert "binaire.md: binary" in result.output
    assert "gros.txt: file too large" in result.output
    assert not (dst / "binaire.md").exists() and not (dst / "gros.txt").exists()
    latin = (dst / "latin.txt").read_text(encoding="utf-8")
    assert "Roussel" not in latin and "vit à" in latin
    assert not [p for p in dst.rglob("*.tmp")]


def test_refuses_output_inside_source(tmp_path):
    src = make_notes(tmp_path)
    before = tree_digest(src)
    result = _batch(str(src), "-o", str(src / "public"))
    assert result.exit_code == 2
    assert "inside the source folder" in result.output
    assert tree_digest(src) == before


def test_refuses_to_overwrite_without_force(tmp_path):
    src = make_notes(tmp_path)
    dst = tmp_path / "out"
    assert _batch(str(src), "-o", str(dst)).exit_code == 0
    (dst / "a.md").write_text("édité à la main", encoding="utf-8")
    again = _batch(str(src), "-o", str(dst))
    assert again.exit_code == 2
    assert "already holds notes" in again.output and "--force" in again.output
    assert (dst / "a.md").read_text(encoding="utf-8") == "édité à la main"
    forced = _batch(str(src), "-o", str(dst), "--force")
    assert forced.exit_code == 0
    assert (dst / "a.md").read_text(encoding="utf-8") != "édité à la main"


def test_missing_source_and_report_inside_output_are_usage_errors(tmp_path):
    assert _batch(str(tmp_path / "absent"), "-o", str(tmp_path / "out")).exit_code == 2
    src = make_notes(tmp_path)
    dst = tmp_path / "out"
    result = _batch(str(src), "-o", str(dst), "--report", str(dst / "r.json"))
    assert result.exit_code == 2
    assert not dst.exists()


def test_two_jobs_give_the_same_output_as_one(tmp_path):
    src = make_notes(tmp_path)
    for i in range(20):
        (src / f"extra_{i:02d}.md").write_text(
            f"Séance {i} avec Lucie Perrin à Rennes, le {i + 1} avril 2025.\n", encoding="utf-8"
        )
    one, two = tmp_path / "one", tmp_path / "two"
    assert _batch(str(src), "-o", str(one), "--style", "redact").exit_code == 0
    assert _batch(str(src), "-o", str(two), "--style", "redact", "--jobs", "2").exit_code == 0
    assert tree_digest(one) == tree_digest(two)


def test_a_person_keeps_one_placeholder_across_the_batch(tmp_path):
    src = make_notes(tmp_path)
    dst = tmp_path / "out"
    assert _batch(str(src), "-o", str(dst), "--style", "redact").exit_code == 0
    a = (dst / "a.md").read_text(encoding="utf-8")
    b = (dst / "2025" / "mars" / "b.txt").read_text(encoding="utf-8")
    # "Claire Marchand" in a.md and "Claire" alone in b.txt are the same person
    label = a.split("Sa femme, ")[1].split(",")[0]
    assert label.startswith("[PERSONNE_")
    assert label in b

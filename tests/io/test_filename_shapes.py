"""File names keep their shape: each separator the source used, its case, its alphabet.

An editor found `aurore-hernandez_bilan.md -> émeline_vanhille_bilan.md`: the
hyphen became an underscore and an ASCII slug gained an accent. Every shape of
name `bench/folder.py` writes ("2025-03-14 Julien Marchand.md",
"julien-marchand_bilan.md", "MARCHAND_Julien_bilan.md") and a vault's links to
renamed notes are checked here, on real files through the CLI's `batch`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize.cli import main

NOTE = "Bilan avec {name}, 34 ans, venue d'Annecy. {name} reprend le travail en mai.\n"
LINKING = "Voir [[{target}]] et [[{target}|le bilan]].\n"


def _batch(src: Path, dst: Path, seed: int) -> list[str]:
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(dst), "--seed", str(seed)])
    assert result.exit_code == 0, result.output
    return sorted(p.name for p in dst.iterdir() if p.suffix == ".md")


@pytest.mark.parametrize("seed", (1, 2, 3))
def test_each_shape_of_name_keeps_its_separators_case_and_alphabet(tmp_path, seed):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "aurore-hernandez_bilan.md").write_text(
        NOTE.format(name="Aurore Hernandez"), encoding="utf-8"
    )
    (src / "2025-03-14 Julien Marchand.md").write_text(
        NOTE.format(name="Julien Marchand"), encoding="utf-8"
    )
    (src / "MARCHAND_Justine_bilan.md").write_text(
        NOTE.format(name="Justine Marchand"), encoding="utf-8"
    )
    names = _batch(src, tmp_path / "public", seed)
    assert len(names) == 3, names
    slug = next(n for n in names if n.endswith("_bilan.md") and n[0].islower())
    titled = next(n for n in names if n.startswith("2025-03 "))
    caps = next(n for n in names if n[0].isupper() and n.endswith("_bilan.md"))
    # "emeline-vanhille_bilan.md": the hyphen, the underscore, ASCII, lower case
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+_bilan\.md", slug), slug
    # "2025-03 Étienne Laplaud.md": a title keeps its space (and may keep accents)
    assert re.fullmatch(r"2025-03 [A-ZÀ-Ý][\wÀ-ÿ-]+ [A-ZÀ-Ý][\wÀ-ÿ-]+\.md", titled), titled
    # "VANHILLE_Emeline_bilan.md": the surname in capitals, ASCII, underscores
    assert re.fullmatch(r"[A-Z]+(?:-[A-Z]+)?_[A-Z][a-z]+(?:-[A-Z][a-z]+)?_bilan\.md", caps), caps
    joined = " ".join(names).lower()
    assert not any(w in joined for w in ("aurore", "hernandez", "julien", "marchand", "justine"))


@pytest.mark.parametrize("seed", (1, 2))
def test_a_wikilink_to_a_renamed_slug_still_resolves(tmp_path, seed):
    src = tmp_path / "vault"
    src.mkdir()
    (src / "aurore-hernandez_bilan.md").write_text(
        NOTE.format(name="Aurore Hernandez"), encoding="utf-8"
    )
    (src / "suivi.md").write_text(
        "Suivi d'Aurore Hernandez. " + LINKING.format(target="aurore-hernandez_bilan"),
        encoding="utf-8",
    )
    dst = tmp_path / "public"
    names = _batch(src, dst, seed)
    renamed = next(n for n in names if n != "suivi.md")
    assert re.fullmatch(r"[a-z]+-[a-z]+_bilan\.md", renamed), renamed
    text = (dst / "suivi.md").read_text(encoding="utf-8")
    targets = re.findall(r"\[\[([^\]|#]+)", text)
    assert targets and all((dst / f"{t}.md").is_file() for t in targets), (text, names)

"""Small shared helpers for the CLI tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

NOTE_A = (
    "Séance du 14 mars 2025 avec Julien Marchand, 38 ans, d'Annecy.\n"
    "Julien travaille chez Salomon. Sa femme, Claire Marchand, l'encourage.\n"
    "Contact : julien.marchand@gmail.com, 06 39 98 12 34.\n"
)
NOTE_B = (
    "Deuxième séance. Marchand arrive en retard : Claire était malade.\n"
    "On parle de son manager, Thierry Vasseur, à Lyon.\n"
)


def tree_digest(root: Path) -> dict[str, str]:
    """Path -> sha256 of every file under root, to prove a tree was not touched."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def make_notes(root: Path) -> Path:
    src = root / "notes"
    (src / "2025" / "mars").mkdir(parents=True)
    (src / "a.md").write_text(NOTE_A, encoding="utf-8")
    (src / "2025" / "mars" / "b.txt").write_text(NOTE_B, encoding="utf-8")
    (src / "ignored.pdf").write_bytes(b"%PDF-1.4 not a note")
    return src

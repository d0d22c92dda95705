"""The trimmed French model tokenizes exactly like spaCy's own loading."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from anonymize.detect.engine import load_french_model

ROOT = Path(__file__).resolve().parents[2]
TRICKY = (
    "Aujourd'hui, peut-être qu'à Saint-Étienne-du-Rouvray Lou-Anne m'a dit : c'est-à-dire "
    "l'arc-en-ciel, après-midi, grand-mère, Jean-Baptiste, porte-monnaie, Aix-en-Provence, "
    "rendez-vous le 14/03/2025 à 18h30 ; e-mail jean-luc.dupont@exemple.fr, +33 6 12 34 56 78, "
    "anti-inflammatoire, week-end, c.-à-d., États-Unis, l'Haÿ-les-Roses, Kervella-Le Bihan."
)


def _texts() -> list[str]:
    notes = sorted(p for p in (ROOT / "samples").glob("*.*") if p.suffix in (".md", ".txt"))
    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in notes]
    # The same words again, shuffled, between every kind of white space: the
    # second time each word comes from the tokenizer's cache (CachedTokenizer).
    rng = random.Random(3)
    words = " ".join(texts).split()
    rng.shuffle(words)
    glue = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n ", "\u202f"]
    mixed = "".join(w + rng.choice(glue) for w in words[:3000])
    return [*texts, mixed, mixed]


def test_tokens_tags_and_entities_identical_to_a_standard_spacy_load():
    texts = _texts()
    ours = [
        [
            [[t.text, t.pos_, str(t.morph)] for t in d],
            [[e.start_char, e.end_char, e.label_] for e in d.ents],
        ]
        for d in load_french_model().pipe(texts)
    ]
    # the reference runs in a fresh interpreter: plain spacy.load, nothing of ours
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load('fr_core_news_md', exclude=['parser', 'lemmatizer'])\n"
        "texts = json.load(sys.stdin)\n"
        "print(json.dumps([[[[t.text, t.pos_, str(t.morph)] for t in d],"
        " [[e.start_char, e.end_char, e.label_] for e in d.ents]] for d in nlp.pipe(texts)]))\n"
    )
    reference = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert ours == json.loads(reference.stdout)

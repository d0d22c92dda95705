"""The review page: what changed, and what a person still has to look at.

`anonymize review FILE -o report.html` writes one self-contained HTML page (no
script, no external asset, nothing fetched) with the original and the
anonymized text side by side, paragraph by paragraph. Each replaced span is
highlighted in the colour of its type on both sides; hovering it shows the
type, the replacement, the score and the recognizer. Above them: counts per
type and a list of sentences "to check by hand", where the anonymized text
still says something identifying that no recognizer replaces (a job with its
employer, an exact amount, a nationality, health, religion, politics, sexual
orientation, a rare event).

The page holds the raw notes. It says so in a banner, is written readable by
its owner only, and is refused inside a batch output folder (the folder that
gets published).
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from recognizers.lexicons import lines

from .. import __version__
from ..config import Config
from ..errors import AnonymizeError
from ..io.filenames import fold
from ..io.formats.edits import Edit, edits_of, map_offset
from ..io.marker import OUTPUT_MARKER, find_marker
from ..io.reader import Note, read_note
from ..io.writer import atomic_write
from ..pipeline import Pipeline, Result

CATEGORIES = {
    "job": "poste et employeur",
    "amount": "montant exact",
    "nationality": "nationalité, origine",
    "health": "santé",
    "religion": "religion",
    "politics": "engagement politique ou syndical",
    "sexuality": "orientation sexuelle",
    "event": "événement rare ou marquant",
}
COLORS = {
    "PERSON": "#f5b7d3",
    "LOCATION": "#b9e4c0",
    "ORG": "#b7cff5",
    "ADDRESS": "#a8e6e6",
    "EMAIL": "#f7e39c",
    "PHONE": "#f7d09c",
    "URL": "#e9d8a6",
    "DATE": "#f5b5a8",
    "AGE": "#f0c6e8",
    "ID": "#d9b3ff",
}
# "3 200 €", "45 k€", "1,5 M€", "40 euros", "EUR 500": exact sums identify a contract.
AMOUNT = re.compile(
    r"(?<![\w,.])\d[\d\u00a0\u202f .]*(?:,\d+)?\s?(?:[kKM]€|€|euros?\b|EUR\b)"
    r"|(?:€|EUR)\s?\d[\d\u00a0\u202f .,]*\d",
    re.IGNORECASE,
)
# An employer is named near a job title: "chez", or an organisation we replaced.
EMPLOYER_WORD = re.compile(r"(?<!\w)chez(?!\w)", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+|\n|$)")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


class ReviewError(AnonymizeError):
    """The review page cannot be written here (e.g. inside a batch output folder)."""


@cache
def _cues() -> tuple[tuple[str, re.Pattern], ...]:
    """(category, pattern) from the data file, one pattern per category."""
    terms: dict[str, list[str]] = {}
    for line in lines("review_cues.txt", package="anonymize"):
        category, term = line.split("\t", 1)
        term = fold(term.strip())
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        terms.setdefault(category, []).append(body + (r"[\w-]*" if term.endswith("*") else ""))
    patterns = []
    for category, bodies in terms.items():
        body = "|".join(sorted(bodies, key=len, reverse=True))
        patterns.append((category, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")))
    return tuple(patterns)


@dataclass(frozen=True)
class Cue:
    """A sentence of the anonymized text to check by hand, and why."""

    line: int
    sentence: str
    start: int  # of the sentence in the anonymized text
    marks: tuple[tuple[int, int, str], ...]  # (start, end, category), relative to the sentence

    @property
    def categories(self) -> list[str]:
        return sorted({c for _, _, c in self.marks}, key=list(CATEGORIES).index)


def find_cues(text: str, replaced: list[tuple[int, int, str]]) -> list[Cue]:
    """Sentences of `text` (anonymized) with identifying context outside replaced spans."""
    taken = bytearray(len(text))
    for start, end, _ in replaced:
        taken[start:end] = b"\x01" * (end - start)
    folded = fold(text)
    cues = []
    for s in SENTENCE.finditer(text):
        sentence = s.group()
        if not sentence.strip():
            continue
        a = s.start()
        marks: list[tuple[int, int, str]] = []
        has_employer = bool(EMPLOYER_WORD.search(sentence)) or any(
            t == "ORG" and a <= start < s.end() for start, _, t in replaced
        )
        for category, pattern in _cues():
            if category == "job" and not has_employer:
                continue
            for m in pattern.finditer(folded, a, s.end()):
                if not any(taken[m.start() : m.end()]):
                    marks.append((m.start() - a, m.end() - a, category))
        for m in AMOUNT.finditer(sentence):
            if not any(taken[a + m.start() : a + m.end()]):
                marks.append((m.start(), m.end(), "amount"))
        if marks:
            line = text.count("\n", 0, a) + 1
            cues.append(Cue(line, sentence, a, tuple(sorted(marks))))
    return cues


# -- HTML ----------------------------------------------------------------------


def _render(text: str, start: int, end: int, spans: list[tuple[int, int, str, str, int]]) -> str:
    """text[start:end] escaped, with `spans` (start, end, type, title, n) as <mark>s."""
    out, pos = [], start
    for s, e, type_, title, n in sorted(spans):
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s]))
        out.append(
            f'<mark class="ent t-{type_}" data-type="{type_}" data-n="{n}" '
            f'title="{html.escape(title)}">{html.escape(text[s:e])}</mark>'
        )
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def _paragraphs(original: str, edits: list[Edit]) -> list[tuple[int, int, int, int]]:
    """(start, end) in the original and in the output of each paragraph."""
    inside = [(e.start, e.end) for e in edits]
    cuts = [0]
    for m in PARAGRAPH_BREAK.finditer(original):
        if not any(s < m.end() and m.start() < e for s, e in inside):
            cuts.append(m.end())
    cuts.append(len(original))
    rows = []
    for a, b in itertools.pairwise(cuts):
        rows.append((a, b, map_offset(edits, a), map_offset(edits, b)))
    return rows


def _css() -> str:
    """The stylesheet, inlined: the page must load nothing."""
    css = resources.files("anonymize").joinpath("data", "review.css").read_text("utf-8")
    return css + "".join(f"mark.t-{t}{{background:{c}}}" for t, c in COLORS.items())


def render_page(doc: Note, result: Result, cues: list[Cue], style: str, config: Config) -> str:
    """The whole review page as a string."""
    original = doc.text
    edits = edits_of(original, result)
    left, right = [], []
    for n, e in enumerate(edits):
        r = e.replacement
        source = r.source
        info = f"score {source.score:.2f} · {source.recognizer or 'inconnu'}"
        left.append((source.start, source.end, r.type, f"{r.type} → {r.text} · {info}", n))
        right.append((r.start, r.end, r.type, f"{r.type} : remplace « {source.text} » · {info}", n))
    rows = []
    for a, b, oa, ob in _paragraphs(original, edits):
        if not original[a:b].strip() and not result.text[oa:ob].strip():
            continue
        rows.append(
            f'<tr><td class="orig">{_render(original, a, b, left)}</td>'
            f'<td class="anon">{_render(result.text, oa, ob, right)}</td></tr>'
        )
    counts = Counter(r.type for r in result.replacements)
    count_rows = "".join(
        f'<tr><td><span class="swatch" style="background:{COLORS.get(t, "#ddd")}"></span>{t}</td>'
        f"<td>{n}</td></tr>"
        for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    cue_items = []
    for cue in cues:
        body = "".join(_mark_cues(cue.sentence, cue.marks))
        cats = ", ".join(CATEGORIES[c] for c in cue.categories)
        cue_items.append(
            f'<li data-categories="{" ".join(cue.categories)}"><span class="cat">'
            f"ligne {cue.line} · {html.escape(cats)}</span>{body.strip()}</li>"
        )
    name = html.escape(doc.path.name if doc.path is not None else "stdin")
    total = sum(counts.values())
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex,nofollow">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Relecture de l'anonymisation : {name}</title>
<style>{_css()}</style>
</head>
<body>
<div class="banner" id="raw-notes-warning" role="alert">Cette page contient les notes brutes,
non anonymisées. Ne la publiez pas, ne l'envoyez à personne : elle sert à relire
l'anonymisation sur votre poste, puis à être supprimée.</div>
<header>
<h1>Relecture : {name}</h1>
<p>Style <strong>{html.escape(style)}</strong>, seuil {config.threshold:.2f}.
{total} remplacement{"s" if total != 1 else ""}. Survolez un passage surligné pour voir
son type, son remplacement, son score et le détecteur qui l'a trouvé.</p>
</header>
<section>
<h2>Remplacements par type</h2>
<table class="counts" id="counts"><tr><th>type</th><th>nombre</th></tr>{count_rows}</table>
</section>
<section>
<h2>À vérifier à la main ({len(cues)})</h2>
<p>Phrases du texte anonymisé qui disent encore quelque chose d'identifiant
qu'aucun détecteur ne remplace : à reformuler ou généraliser si besoin.</p>
<ul class="cues" id="cues">{"".join(cue_items) or "<li>Rien de signalé.</li>"}</ul>
</section>
<section>
<h2>Original et texte anonymisé</h2>
<table class="side" id="side"><colgroup><col style="width:50%"><col style="width:50%"></colgroup>
<tr><th>Original (notes brutes)</th><th>Anonymisé</th></tr>
{"".join(rows)}
</table>
</section>
<footer>anonymize {__version__}: page autonome, sans script ni ressource externe.</footer>
</body>
</html>
"""


def _mark_cues(sentence: str, marks: tuple[tuple[int, int, str], ...]) -> list[str]:
    out, pos = [], 0
    for a, b, category in marks:
        if a < pos:
            continue
        out.append(html.escape(sentence[pos:a]))
        out.append(
            f'<mark class="cue" data-category="{category}" title="{CATEGORIES[category]}">'
            f"{html.escape(sentence[a:b])}</mark>"
        )
        pos = b
    out.append(html.escape(sentence[pos:]))
    return out


def review(
    path: Path, output: Path, config: Config | None = None, style: str | None = None
) -> tuple[Result, int]:
    """Write the review page of `path` to `output`; (result, number of cues)."""
    config = config or Config()
    folder = output.parent if output.parent != Path("") else Path.cwd()
    marker = find_marker(folder) if folder.exists() else _marker_above(folder)
    if marker is not None:
        raise ReviewError(
            f"refused: {output} is inside a batch output folder ({marker.parent}, "
            f"marked by {OUTPUT_MARKER}); the review page holds the raw notes"
        )
    doc = read_note(path, config.max_bytes)
    pipeline = Pipeline(config, style)
    result = pipeline.anonymize(doc.text)
    cues = find_cues(result.text, [(r.start, r.end, r.type) for r in result.replacements])
    atomic_write(output, render_page(doc, result, cues, pipeline.style_name, config), mode=0o600)
    return result, len(cues)


def _marker_above(folder: Path) -> Path | None:
    """The marker of the nearest existing ancestor of a folder not created yet."""
    for parent in folder.resolve().parents:
        if parent.exists():
            return find_marker(parent)
    return None

"""Analyze: spaCy and our recognizers over notes, batched through `nlp.pipe`.

Presidio's `AnalyzerEngine.analyze` runs spaCy once per call; we run spaCy
once over all chunks of all notes with `nlp.pipe` and hand each chunk's
artifacts to `analyze`, so nothing is parsed twice.

Each note is read through its canonical view (`canonical.py`: NFC, no
invisible characters, plain spaces, lines in capitals given back their case);
the detections come back with the original note's offsets and text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import NamedTuple, cast

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from ..config import Config
from ..entities import Entity
from .canonical import canonical_view
from .engine import LANGUAGE, FrenchNlpEngine, get_analyzer

# spaCy's memory grows with the document; long notes are cut at paragraph
# boundaries into chunks of about this many characters.
CHUNK_CHARS = 20_000
# Each chunk reaches this far into its neighbours (to a space), so that a name,
# a title or a context word cut by the boundary is read whole on both sides.
OVERLAP_CHARS = 500
PIPE_BATCH = 16
# spaCy's memory grows with the characters of a batch, not its count: a batch
# holds at most this many characters (16 typical notes; 3 chunks of a big one).
PIPE_CHARS = 64_000
# Keys a recognizer may put in `recognition_metadata` to guide replacement.
HINT_KEYS = frozenset({"gender", "part", "kind", "head"})


class Chunk(NamedTuple):
    """A piece of a note given to spaCy and the recognizers.

    `text` is `note[offset : offset + len(text)]`; the chunk owns the detections
    that start in `[owns_from, owns_to)`, a stretch that the chunk's text
    overlaps by OVERLAP_CHARS on each side (less at the note's ends).
    """

    offset: int
    text: str
    owns_from: int
    owns_to: int


def _cuts(text: str, limit: int) -> list[int]:
    """Where the note is cut: at blank lines, lines, sentences, then spaces."""
    cuts = [0]
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 4:
                    end = start + cut + len(sep)
                    break
        cuts.append(end)
        start = end
    return cuts


def _word_start(text: str, pos: int, reach: int) -> int:
    """`pos` moved back to the start of its word (at most `reach` characters)."""
    i = pos
    while i > 0 and pos - i < reach and not text[i - 1].isspace():
        i -= 1
    return i if i == 0 or text[i - 1].isspace() else pos


def _word_end(text: str, pos: int, reach: int) -> int:
    """`pos` moved on to the end of its word (at most `reach` characters)."""
    i = pos
    while i < len(text) and i - pos < reach and not text[i].isspace():
        i += 1
    return i if i == len(text) or text[i].isspace() else pos


def chunk_text(text: str, limit: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS) -> list[Chunk]:
    """Cut `text` into overlapping chunks; their owned stretches tile the text."""
    if len(text) <= limit:
        return [Chunk(0, text, 0, len(text))]
    cuts = _cuts(text, limit)
    chunks = []
    for a, b in pairwise(cuts):
        lo = _word_start(text, max(0, a - overlap), overlap) if a else 0
        hi = _word_end(text, min(len(text), b + overlap), overlap)
        chunks.append(Chunk(lo, text[lo:hi], a, b))
    return chunks


def _to_entity(result: RecognizerResult, text: str, offset: int) -> Entity:
    meta = result.recognition_metadata or {}
    hints = tuple(sorted((k, str(v)) for k, v in meta.items() if k in HINT_KEYS))
    return Entity(
        start=result.start + offset,
        end=result.end + offset,
        type=result.entity_type,
        text=text[result.start : result.end],
        score=float(result.score),
        recognizer=str(meta.get("recognizer_name", "")),
        hints=hints,
    )


def _nlp_stream(analyzer: AnalyzerEngine, pieces: list[tuple[int, Chunk]]) -> Iterator:
    """spaCy artifacts for each piece, through nlp.pipe in character-bounded batches."""
    group: list[str] = []
    size = 0
    for _, piece in pieces:
        chunk = piece.text
        if group and (size + len(chunk) > PIPE_CHARS or len(group) >= PIPE_BATCH):
            yield from _run_group(analyzer, group)
            group, size = [], 0
        group.append(chunk)
        size += len(chunk)
    if group:
        yield from _run_group(analyzer, group)


def _run_group(analyzer: AnalyzerEngine, group: list[str]) -> Iterator:
    return cast(FrenchNlpEngine, analyzer.nlp_engine).artifacts(group)


def analyze_texts(texts: Iterable[str], config: Config | None = None) -> Iterator[list[Entity]]:
    """Raw detections for each text, in order (overlaps not yet resolved)."""
    config = config or Config()
    analyzer: AnalyzerEngine = get_analyzer(config)
    allow = config.allow_terms()
    views = [canonical_view(t) for t in texts]
    pieces = [(i, chunk) for i, v in enumerate(views) for chunk in chunk_text(v.text)]
    per_text: list[list[Entity]] = [[] for _ in views]
    for (index, chunk), artifacts in zip(pieces, _nlp_stream(analyzer, pieces), strict=True):
        results = analyzer.analyze(
            text=chunk.text,
            language=LANGUAGE,
            nlp_artifacts=artifacts,
            score_threshold=config.threshold,
            allow_list=allow,
        )
        for r in results:
            # a detection near the edge of a chunk belongs to its neighbour,
            # which reads it with the words on both sides
            if chunk.owns_from <= r.start + chunk.offset < chunk.owns_to:
                per_text[index].append(_to_entity(r, chunk.text, chunk.offset))
    yield from (view.restore(found) for view, found in zip(views, per_text, strict=True))

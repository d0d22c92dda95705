"""Analyze: spaCy and our recognizers over notes, batched through `nlp.pipe`.

Presidio's `AnalyzerEngine.analyze` runs spaCy once per call; we run spaCy
once over all chunks of all notes with `nlp.pipe` and hand each chunk's
artifacts to `analyze`, so nothing is parsed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from ..config import Config
from ..entities import Entity
from .engine import LANGUAGE, get_analyzer

# spaCy's memory grows with the document; long notes are cut at paragraph
# boundaries into chunks of about this many characters.
CHUNK_CHARS = 20_000
PIPE_BATCH = 16
# spaCy's memory grows with the characters of a batch, not its count: a batch
# holds at most this many characters (16 typical notes; 3 chunks of a big one).
PIPE_CHARS = 64_000
# Keys a recognizer may put in `recognition_metadata` to guide replacement.
HINT_KEYS = frozenset({"gender", "part", "kind", "head"})


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut `text` into (offset, chunk) pieces at blank lines, lines, then spaces."""
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
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
        chunks.append((start, text[start:end]))
        start = end
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


def _nlp_stream(analyzer: AnalyzerEngine, pieces: list[tuple[int, int, str]]) -> Iterator:
    """spaCy artifacts for each piece, through nlp.pipe in character-bounded batches."""
    group: list[str] = []
    size = 0
    for _, _, chunk in pieces:
        if group and (size + len(chunk) > PIPE_CHARS or len(group) >= PIPE_BATCH):
            yield from _run_group(analyzer, group)
            group, size = [], 0
        group.append(chunk)
        size += len(chunk)
    if group:
        yield from _run_group(analyzer, group)


def _run_group(analyzer: AnalyzerEngine, group: list[str]) -> Iterator:
    return analyzer.nlp_engine.artifacts(group)


def analyze_texts(texts: Iterable[str], config: Config | None = None) -> Iterator[list[Entity]]:
    """Raw detections for each text, in order (overlaps not yet resolved)."""
    config = config or Config()
    analyzer: AnalyzerEngine = get_analyzer(config)
    allow = config.allow_terms()
    texts = list(texts)
    pieces = [(i, offset, chunk) for i, t in enumerate(texts) for offset, chunk in chunk_text(t)]
    per_text: list[list[Entity]] = [[] for _ in texts]
    for (index, offset, chunk), artifacts in zip(
        pieces, _nlp_stream(analyzer, pieces), strict=True
    ):
        results = analyzer.analyze(
            text=chunk,
            language=LANGUAGE,
            nlp_artifacts=artifacts,
            score_threshold=config.threshold,
            allow_list=allow,
        )
        per_text[index].extend(_to_entity(r, chunk, offset) for r in results)
    yield from per_text

"""Shared fixtures: the real French engine, built once per test session."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymize.detect.engine import LANGUAGE, get_analyzer


@pytest.fixture(scope="session")
def analyzer():
    """The real Presidio AnalyzerEngine on fr_core_news_md with all our recognizers."""
    return get_analyzer()


@pytest.fixture(scope="session")
def run_recognizer(analyzer):
    """Run one recognizer alone on a text, with real spaCy artifacts.

    Returns [(entity_type, matched_text, score)], sorted by position, after the
    same context enhancement the engine applies (context words can raise a score).
    """

    def run(recognizer: EntityRecognizer, text: str, threshold: float = 0.35):
        artifacts = analyzer.nlp_engine.process_text(text, LANGUAGE)
        results = recognizer.analyze(text, recognizer.supported_entities, artifacts)
        results = analyzer.context_aware_enhancer.enhance_using_context(
            text, results, artifacts, [recognizer]
        )
        results = [r for r in results if r.score >= threshold]
        return [
            (r.entity_type, text[r.start : r.end], r.score)
            for r in sorted(results, key=lambda r: r.start)
        ]

    return run


@pytest.fixture(scope="session")
def found(run_recognizer):
    """Texts a recognizer finds in a sentence: `found(rec, text) -> list[str]`."""

    def texts(recognizer: EntityRecognizer, text: str, threshold: float = 0.35) -> list[str]:
        return [t for _, t, _ in run_recognizer(recognizer, text, threshold)]

    return texts

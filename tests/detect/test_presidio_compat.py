"""What engine.py relies on inside Presidio (and spaCy) is still there, and still means the same.

`anonymize/detect/engine.py` overrides two private methods of Presidio, calls
three private helpers of its spaCy engine, subclasses `NlpArtifacts` and puts
a stand-in module for spaCy's French tokenizer exceptions into `sys.modules`.
None of that is Presidio's promise: these tests fail first when an upgrade
moves it, and pyproject.toml pins the versions they pass on.
"""

from __future__ import annotations

import inspect
import re
import tomllib
import types
from importlib import metadata
from pathlib import Path

import pytest
import spacy
from packaging.requirements import Requirement
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

import recognizers
from anonymize.config import Config, CustomPattern
from anonymize.detect.engine import (
    LANGUAGE,
    ContextEnhancer,
    FrenchAnalyzer,
    FrenchNlpEngine,
    LazyArtifacts,
)

ROOT = Path(__file__).resolve().parents[2]
NOTE = (
    "Séance du 14 mars 2025 avec Julien Marchand, 38 ans, d'Annecy. SIRET de sa société : "
    "519 472 682 00011 ; IBAN FR76 3000 6000 0112 3456 7890 189. Tél. : 06 39 98 12 34, "
    "numéro de sécu 2 84 05 75 115 032 58. Sa manager, Mme Claire Dupont, travaille chez "
    "Salomon à Lyon ; TVA intracommunautaire FR 40 303 265 045."
)


def _params(function) -> list[str]:
    return list(inspect.signature(function).parameters)


# (owner, private name, parameters we rely on, how we use it)
PRIVATE = [
    (
        AnalyzerEngine,
        "_enhance_using_context",
        ["self", "text", "raw_results", "nlp_artifacts", "recognizers", "context"],
        "overridden by FrenchAnalyzer",
    ),
    (
        LemmaContextAwareEnhancer,
        "_find_index_of_match_token",
        ["word", "start", "tokens", "tokens_indices"],
        "overridden by ContextEnhancer",
    ),
    (SpacyNlpEngine, "_get_entities", ["self", "doc"], "called by FrenchNlpEngine"),
    (SpacyNlpEngine, "_get_scores_for_entities", ["self", "doc"], "called by FrenchNlpEngine"),
    (
        SpacyNlpEngine,
        "_get_updated_entities",
        ["self", "entities", "scores"],
        "called by FrenchNlpEngine",
    ),
]


@pytest.mark.parametrize(("owner", "name", "params", "use"), PRIVATE, ids=[p[1] for p in PRIVATE])
def test_private_names_exist_with_our_signature(owner, name, params, use):
    assert hasattr(owner, name), f"{owner.__name__}.{name} is gone ({use})"
    assert _params(getattr(owner, name)) == params, f"{owner.__name__}.{name} changed ({use})"


def test_presidio_still_calls_the_private_methods_we_override():
    # the overrides only work if Presidio goes through them
    assert "self._enhance_using_context(" in inspect.getsource(AnalyzerEngine.analyze)
    surrounding = inspect.getsource(LemmaContextAwareEnhancer._extract_surrounding_words)
    assert "self._find_index_of_match_token(" in surrounding
    static = inspect.getattr_static(LemmaContextAwareEnhancer, "_find_index_of_match_token")
    assert isinstance(static, staticmethod)


@pytest.mark.parametrize(
    ("ours", "base", "name"),
    [
        (FrenchAnalyzer, AnalyzerEngine, "_enhance_using_context"),
        (ContextEnhancer, LemmaContextAwareEnhancer, "enhance_using_context"),
        (ContextEnhancer, LemmaContextAwareEnhancer, "_find_index_of_match_token"),
        (FrenchNlpEngine, SpacyNlpEngine, "process_text"),
        (FrenchNlpEngine, SpacyNlpEngine, "process_batch"),
    ],
)
def test_our_overrides_take_the_parameters_presidio_passes(ours, base, name):
    assert _params(getattr(ours, name)) == _params(getattr(base, name))


def test_artifacts_constructor_and_keywords():
    assert _params(NlpArtifacts.__init__) == [
        "self",
        "entities",
        "tokens",
        "tokens_indices",
        "lemmas",
        "nlp_engine",
        "language",
        "scores",
    ]
    assert _params(NlpArtifacts.set_keywords) == ["nlp_engine", "lemmas", "language"]


def test_lazy_artifacts_equal_presidios_own(analyzer):
    """Offsets, lemmas (lower-cased tokens: no lemmatizer) and keywords as Presidio makes them."""
    engine = analyzer.nlp_engine
    artifacts = engine.process_text(NOTE, LANGUAGE)
    assert isinstance(artifacts, LazyArtifacts)
    doc = artifacts.tokens
    assert artifacts.tokens_indices == [t.idx for t in doc]
    assert artifacts.lemmas == [t.text.lower() for t in doc]
    assert artifacts.keywords == set(NlpArtifacts.set_keywords(engine, artifacts.lemmas, LANGUAGE))
    # the entities went through Presidio's mapping: our types, MISC left out
    assert {e.label_ for e in artifacts.entities} <= {"PERSON", "LOCATION", "ORG"}
    assert len(artifacts.scores) == len(artifacts.entities)


def test_process_batch_is_process_text_for_each(analyzer):
    engine = analyzer.nlp_engine
    texts = [NOTE, "Rendez-vous avec Inès Benali à Brest.", ""]
    batch = list(engine.process_batch(texts, LANGUAGE, batch_size=2))
    assert [text for text, _ in batch] == texts
    for (_, artifacts), text in zip(batch, texts, strict=True):
        one = engine.process_text(text, LANGUAGE)
        assert [t.text for t in artifacts.tokens] == [t.text for t in one.tokens]
        assert [(e.start_char, e.label_) for e in artifacts.entities] == [
            (e.start_char, e.label_) for e in one.entities
        ]
    tuples = list(engine.process_batch([(NOTE, "ctx")], LANGUAGE, as_tuples=True))
    assert [(t, c) for t, _, c in tuples] == [(NOTE, "ctx")]


def test_token_lookup_equals_presidios(analyzer):
    artifacts = analyzer.nlp_engine.process_text(NOTE, LANGUAGE)
    tokens, indices = artifacts.tokens, artifacts.tokens_indices
    presidio = LemmaContextAwareEnhancer._find_index_of_match_token
    for start in range(len(NOTE) + 2):
        try:
            expected = presidio("w", start, tokens, indices)
        except ValueError:
            with pytest.raises(ValueError):
                ContextEnhancer._find_index_of_match_token("w", start, tokens, indices)
            continue
        assert ContextEnhancer._find_index_of_match_token("w", start, tokens, indices) == expected


def test_no_recognizer_uses_the_per_recognizer_context_hook():
    """FrenchAnalyzer skips Presidio's per-recognizer step: it must have nothing to do."""
    pattern = CustomPattern(name="dossier", entity="ID", regex=r"DOS-\d{4}")
    settings = Config(deny=["Pollen"], patterns=[pattern]).recognizer_settings()
    built = recognizers.build_all(settings)
    names = {type(r).__name__ for r in built}
    assert {"DenyListRecognizer", "CustomPatternRecognizer"} <= names
    overriding = [
        type(r).__name__
        for r in built
        if type(r).enhance_using_context is not EntityRecognizer.enhance_using_context
    ]
    assert overriding == []


def test_results_equal_presidios_own_context_step(analyzer):
    """The same results, scores and order as with Presidio's `_enhance_using_context`."""
    ours = analyzer.analyze(NOTE, LANGUAGE, return_decision_process=True)
    reference = types.MethodType(AnalyzerEngine._enhance_using_context, analyzer)
    analyzer._enhance_using_context = reference
    try:
        theirs = analyzer.analyze(NOTE, LANGUAGE, return_decision_process=True)
    finally:
        del analyzer._enhance_using_context
    key = RecognizerResult.RECOGNIZER_NAME_KEY

    def rows(results):
        return [
            (
                r.entity_type,
                r.start,
                r.end,
                r.score,
                r.recognition_metadata[key],
                r.analysis_explanation.score_context_improvement,
            )
            for r in results
        ]

    assert rows(ours) == rows(theirs)
    # context words raised a score ("SIRET" before a SIRET, "Tél." before a phone): the
    # step ran (the NIR whose key is wrong is now the fail-closed digit run's, at 0.85)
    assert any(row[5] > 0 for row in rows(ours))


def test_installed_presidio_is_in_the_pinned_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {Requirement(d).name: Requirement(d) for d in project["project"]["dependencies"]}
    for name in ("presidio-analyzer", "presidio-anonymizer"):
        installed = metadata.version(name)
        assert pins[name].specifier.contains(installed), (name, installed, pins[name])
    # an upper bound: a newer Presidio is taken only after these tests passed on it
    upper = [s for s in pins["presidio-analyzer"].specifier if s.operator in ("<", "<=")]
    assert upper and all(re.fullmatch(r"\d+\.\d+\.\d+", s.version) for s in upper)


def test_spacy_french_defaults_import_only_what_the_stand_in_provides():
    """load_french_model() replaces spacy.lang.fr.tokenizer_exceptions while importing
    spacy.lang.fr: the stand-in defines TOKENIZER_EXCEPTIONS and TOKEN_MATCH only."""
    source = Path(spacy.__file__).parent.joinpath("lang", "fr", "__init__.py").read_text()
    imported = re.findall(r"from \.tokenizer_exceptions import ([\w, ]+)", source)
    assert [sorted(n.strip() for n in names.split(",")) for names in imported] == [
        ["TOKENIZER_EXCEPTIONS", "TOKEN_MATCH"]
    ]

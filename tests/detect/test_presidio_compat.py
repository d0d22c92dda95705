"""What engine.py relies on inside Presidio (and spaCy) is still there, and still means the same.

`anonymize/detect/engine.py` overrides two private methods of Presidio, calls
three private helpers of its spaCy engine, subclasses `NlpArtifacts` and puts
a stand-in module for spaCy's French tokenizer exceptions into `sys.modules`.
The recognizers' plumbing (`recognizers/_regex_entity.py`, `recognizers/_ids.py`,
`recognizers/user/custom_patterns.py`) overrides `analyze`, builds results and
explanations by keyword, and shares `Pattern`'s undocumented compiled-regex
cache with Presidio. None of that is Presidio's promise: these tests fail first
when an upgrade moves it, and pyproject.toml pins the versions they pass on.
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
from presidio_analyzer import (
    AnalysisExplanation,
    AnalyzerEngine,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
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
from recognizers._ids import _PatternTableRecognizer
from recognizers._regex_entity import _RegexEntityRecognizer
from recognizers.user.custom_patterns import CustomPatternRecognizer

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


# (owner, name, parameters we rely on, how we use it): public methods whose exact
# parameters Presidio does not document, but which our recognizers override or call
RECOGNIZER_API = [
    (
        EntityRecognizer,
        "analyze",
        ["self", "text", "entities", "nlp_artifacts"],
        "overridden by _RegexEntityRecognizer (recognizers/_regex_entity.py)",
    ),
    (
        PatternRecognizer,
        "analyze",
        ["self", "text", "entities", "nlp_artifacts", "regex_flags"],
        "overridden by _PatternTableRecognizer (_ids.py) and CustomPatternRecognizer",
    ),
    (
        PatternRecognizer,
        "build_regex_explanation",
        [
            "recognizer_name",
            "pattern_name",
            "pattern",
            "original_score",
            "validation_result",
            "regex_flags",
        ],
        "called positionally by CustomPatternRecognizer._result",
    ),
    (
        EntityRecognizer,
        "remove_duplicates",
        ["results"],
        "called by CustomPatternRecognizer.analyze",
    ),
]


@pytest.mark.parametrize(
    ("owner", "name", "params", "use"),
    RECOGNIZER_API,
    ids=[f"{p[0].__name__}.{p[1]}" for p in RECOGNIZER_API],
)
def test_recognizer_methods_we_override_or_call_keep_their_parameters(owner, name, params, use):
    assert hasattr(owner, name), f"{owner.__name__}.{name} is gone ({use})"
    assert _params(getattr(owner, name)) == params, f"{owner.__name__}.{name} changed ({use})"


def test_static_helpers_stay_static():
    # called on the class or an instance without `self`
    for owner, name in (
        (PatternRecognizer, "build_regex_explanation"),
        (EntityRecognizer, "remove_duplicates"),
    ):
        assert isinstance(inspect.getattr_static(owner, name), staticmethod), name


@pytest.mark.parametrize(
    ("function", "keywords"),
    [
        # _RegexEntityRecognizer.__init__
        (
            EntityRecognizer.__init__,
            {"supported_entities", "supported_language", "name", "context"},
        ),
        # _PatternTableRecognizer.__init__, CustomPatternRecognizer.__init__
        (
            PatternRecognizer.__init__,
            {
                "supported_entity",
                "patterns",
                "context",
                "supported_language",
                "name",
                "global_regex_flags",
            },
        ),
        # _regex_entity._results, _ids.build_result
        (AnalysisExplanation.__init__, {"recognizer", "original_score", "textual_explanation"}),
        (
            RecognizerResult.__init__,
            {
                "entity_type",
                "start",
                "end",
                "score",
                "analysis_explanation",
                "recognition_metadata",
            },
        ),
        # Pattern(*row) in _PatternTableRecognizer, Pattern(name, regex, score) in custom_patterns
        (Pattern.__init__, {"name", "regex", "score"}),
    ],
    ids=[
        "EntityRecognizer",
        "PatternRecognizer",
        "AnalysisExplanation",
        "RecognizerResult",
        "Pattern",
    ],
)
def test_constructors_take_the_keywords_we_pass(function, keywords):
    assert keywords <= set(_params(function))


def test_pattern_row_order_is_name_regex_score():
    # `Pattern(*p)` for the (name, regex, score) rows of _PatternTableRecognizer.PATTERNS
    assert _params(Pattern.__init__)[1:4] == ["name", "regex", "score"]


def test_result_metadata_keys_and_recognizer_id():
    # written by build_result and _RegexEntityRecognizer, read by the engine's context step
    assert RecognizerResult.RECOGNIZER_NAME_KEY == "recognizer_name"
    assert RecognizerResult.RECOGNIZER_IDENTIFIER_KEY == "recognizer_identifier"
    assert isinstance(inspect.getattr_static(EntityRecognizer, "id"), property)
    assert EntityRecognizer.MAX_SCORE == 1.0  # iban.py: a trimmed IBAN becomes certain


def test_pattern_keeps_its_undocumented_compiled_regex_cache():
    """CustomPatternRecognizer fills `Pattern.compiled_regex` / `compiled_with_flags`
    as Presidio's own analyze does, so that either one reuses the other's compile."""
    pattern = Pattern("p", r"DOS-\d{4}", 0.9)
    assert pattern.compiled_regex is None
    assert pattern.compiled_with_flags is None
    source = inspect.getsource(PatternRecognizer)
    assert "pattern.compiled_regex" in source
    assert "pattern.compiled_with_flags != flags" in source
    assert "pattern.compiled_with_flags = flags" in source
    assert "global_regex_flags" in _params(PatternRecognizer.__init__)


def test_custom_patterns_give_presidios_own_results():
    """The budgeted analyze of CustomPatternRecognizer is Presidio's, match for match,
    and leaves the pattern's cache as Presidio expects it."""
    rec = CustomPatternRecognizer(name="dossier", entity="ID", regex=r"DOS-\d{4}", score=0.8)
    text = "Dossier DOS-2025, relancé (DOS-0147) ; pas DOS-12."
    ours = rec.analyze(text, ["ID"])
    pattern = rec.patterns[0]
    assert pattern.compiled_regex is not None
    assert pattern.compiled_with_flags == rec.global_regex_flags
    theirs = PatternRecognizer.analyze(rec, text, ["ID"])

    def rows(results):
        return [
            (
                r.entity_type,
                r.start,
                r.end,
                r.score,
                r.recognition_metadata,
                r.analysis_explanation.pattern_name,
                r.analysis_explanation.pattern,
                r.analysis_explanation.regex_flags,
            )
            for r in results
        ]

    assert rows(ours) == rows(theirs)
    assert [text[r.start : r.end] for r in ours] == ["DOS-2025", "DOS-0147"]


def test_plumbing_bases_are_not_registered():
    """The shared bases are private: build_all instantiates their subclasses only."""
    names = {cls.__name__ for cls in recognizers.recognizer_classes()}
    assert not names & {_RegexEntityRecognizer.__name__, _PatternTableRecognizer.__name__}
    assert {"OddPhoneRecognizer", "DigitRunRecognizer", "PhoneRecognizer", "NirRecognizer"} <= names


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

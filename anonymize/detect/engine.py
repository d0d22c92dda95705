"""Build the French Presidio analyzer once per process.

Loading `fr_core_news_md` and compiling every recognizer costs seconds, so the
engine is built lazily and cached: `anonymize text` pays it once, `batch`
pays it once in the parent and its forked workers inherit it.
"""

from __future__ import annotations

import gc
import importlib
import re
import sys
import threading
import types
from bisect import bisect_right
from collections.abc import Generator, Iterable, Iterator
from functools import cached_property
from typing import Any, cast

import numpy
import spacy
import srsly
from presidio_analyzer import (
    AnalyzerEngine,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, IS_SPACE, LOWER, POS
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.symbols import SPACE, X
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

import recognizers

from ..config import Config

LANGUAGE = "fr"
SPACY_MODEL = "fr_core_news_md"
# The dependency parser and the lemmatizer cost a third of spaCy's time and no
# stage uses them: context words are matched on lower-cased tokens instead.
# The attribute ruler copies each part of speech into the fine-grained tag,
# which nothing reads, in a Python loop over every token; `space_pos` keeps
# the only part of its work that changes a part of speech.
SPACY_EXCLUDE = ["parser", "lemmatizer", "attribute_ruler"]
# spaCy's French labels -> our entity types; MISC (events, works, nationalities)
# is too noisy to replace blindly and is left to our own recognizers.
NER_MAPPING = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORG"}
WARM_UP = "Mme Claire Dupont, 38 ans, habite 3 rue de la Paix à Annecy (74000) depuis le 3 mars."


def _compact_token_match(pattern: str) -> re.Pattern:
    """The model's token_match with its 1 MB character classes written as \\w.

    The French tokenizer keeps hyphenated compounds ("peut-être", "Saint-Denis")
    whole with one alternation whose ~500 copies of spaCy's letter classes take
    4 s to compile, most of a cold start. Under (?iu), each class is the Latin,
    Greek and Cyrillic letters; \\w reads the same on French text (a test
    checks that the tokens of every note are identical).
    """
    for cls in (ALPHA, ALPHA_LOWER, ALPHA_UPPER):
        pattern = pattern.replace(cls, r"\w")
    return re.compile(pattern)


@Language.component("anonymize_space_pos")
def space_pos(doc: Doc) -> Doc:
    """The model's attribute-ruler rules for white space, on the few tokens they change.

    Whitespace tokens get the part of speech SPACE and no morphology; a word
    the morphologizer wrongly called SPACE becomes X.
    """
    flags = doc.to_array([IS_SPACE, POS])
    wrong = numpy.nonzero((flags[:, 0] == 1) != (flags[:, 1] == SPACE))[0]
    for i in wrong.tolist():
        token = doc[i]
        token.pos = SPACE if token.is_space else X
    for i in numpy.nonzero(flags[:, 0] == 1)[0].tolist():
        if doc[i].has_morph():
            doc[i].set_morph(None)  # type: ignore[attr-defined]  # not in spaCy's stubs
    return doc


class CachedTokenizer:
    """spaCy's tokenizer, with its cache of whitespace-separated spans really filled.

    spaCy stops saving spans to its cache after the first special case of a
    document (a newline, an apostrophe, `M.`, #1250), so in French notes
    almost every word is split again with the affix regexes, note after note,
    a tenth of spaCy's time. Tokenizing each new span on its own saves it; the
    text is then tokenized by spaCy as usual, reading the cache. The model's
    special cases only set ORTH, so cached and fresh tokens are the same
    (tests/detect/test_engine.py compares them with a standard load).
    """

    # Spans remembered as seen; past this, the set restarts (spaCy keeps its cache).
    LIMIT = 500_000

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        new = set(text.split()) - self._seen
        if len(self._seen) + len(new) > self.LIMIT:
            self._seen.clear()
        for span in new:
            self.tokenizer(span)
        self._seen |= new
        return self.tokenizer(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def load_french_model() -> Language:
    """fr_core_news_md without parser and lemmatizer, in a fraction of spacy.load's time.

    Tokens, parts of speech, morphology and entities are the same as a standard
    load (tests/detect/test_engine.py compares them on every sample note).

    Importing spaCy's French defaults compiles the same giant token_match that the
    model's own tokenizer file carries; both are skipped (a stand-in module for
    the defaults, the tokenizer read without token_match), then the compact
    equivalent is installed. Everything else comes from the model's files.
    """
    name = "spacy.lang.fr.tokenizer_exceptions"
    if "spacy.lang.fr" not in sys.modules and name not in sys.modules:
        stand_in = types.ModuleType(name)
        # replaced by the model's own rules below
        stand_in.__dict__.update(TOKENIZER_EXCEPTIONS={}, TOKEN_MATCH=None)
        sys.modules[name] = stand_in
        try:
            importlib.import_module("spacy.lang.fr")
        finally:
            del sys.modules[name]
    # "strings": the model's 10 MB string table (hash -> text of every vector
    # key) takes 0.6 s to read; vectors are looked up by hash and every string
    # a note needs is added as it is tokenized, so it is not loaded.
    nlp = spacy.load(SPACY_MODEL, exclude=[*SPACY_EXCLUDE, "tokenizer", "strings"])
    data_dir = next(spacy.util.get_package_path(SPACY_MODEL).glob(f"{SPACY_MODEL}-*"))
    tokenizer_file = data_dir / "tokenizer"
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.from_disk(tokenizer_file, exclude=["vocab", "token_match"])
    pattern = srsly.msgpack_loads(tokenizer_file.read_bytes())["token_match"]
    tokenizer.token_match = _compact_token_match(pattern).match
    nlp.tokenizer = CachedTokenizer(tokenizer)
    nlp.add_pipe("anonymize_space_pos", after="morphologizer")
    return nlp


class FrenchNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, with the French model trimmed to what we use."""

    nlp: dict[str, Language]  # type: ignore[assignment]  # Presidio: None until load()

    def __init__(self) -> None:
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=NER_MAPPING,
                labels_to_ignore=["MISC"],
                default_score=0.85,
            ),
        )
        self._keywords: dict[str, bool] = {}  # word -> is a context keyword

    def load(self) -> None:
        # spacy.load of an installed package never downloads; Presidio's own
        # load() would try to fetch a missing model, which we refuse.
        nlp = load_french_model()
        # Notes can be large: analyze.py chunks them, this is the hard ceiling.
        nlp.max_length = 2_000_000
        self.nlp = {LANGUAGE: nlp}

    # Presidio's public NlpEngine interface: `process_text` and `process_batch`
    # are what the analyzer and its callers ask; both hand out LazyArtifacts.

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return self._artifacts(self.nlp[language](text), language)

    def process_batch(  # type: ignore[override]  # SpacyNlpEngine's own signature
        self,
        texts: Iterable,
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Generator[tuple[Any, NlpArtifacts, Any] | tuple[Any, NlpArtifacts], Any, None]:
        """(text, artifacts), or (text, artifacts, context) for `as_tuples`, through `nlp.pipe`.

        Presidio's own yields each `doc.text`, which spaCy rebuilds by joining
        every token: the text given is yielded instead.
        """
        pairs = [(str(t), c) for t, c in texts] if as_tuples else [(str(t), None) for t in texts]
        docs = self.nlp[language].pipe(
            [text for text, _ in pairs], batch_size=batch_size, n_process=n_process
        )
        for (text, context), doc in zip(pairs, docs, strict=True):
            artifacts = self._artifacts(doc, language)
            yield (text, artifacts, context) if as_tuples else (text, artifacts)

    def artifacts(self, texts: list[str]) -> Iterator[NlpArtifacts]:
        """The artifacts of each text, through one `nlp.pipe`."""
        for item in self.process_batch(texts, LANGUAGE, batch_size=len(texts) or 1):
            yield item[1]

    def _artifacts(self, doc: Doc, language: str) -> NlpArtifacts:
        # Presidio's entity mapping (NER_MAPPING, MISC ignored, default score),
        # through its helpers: tests/detect/test_presidio_compat.py checks them
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return LazyArtifacts(entities, doc, self, language, scores)

    def is_keyword(self, word: str) -> bool:
        """Presidio's test for a context keyword (not a stop word nor punctuation), cached."""
        known = self._keywords.get(word)
        if known is None:
            known = self._keywords[word] = not (
                self.is_stopword(word, LANGUAGE) or self.is_punct(word, LANGUAGE)
            )
        return known


class LazyArtifacts(NlpArtifacts):
    """Presidio's NLP artifacts, with what only context enhancement reads made on demand.

    Presidio computes the lemmas, token offsets and keywords of every chunk up
    front, two Python loops over all tokens; only the context enhancer reads
    them, and only for results whose recognizer has context words. Without a
    lemmatizer the lemmas are the lower-cased tokens.
    """

    def __init__(self, entities, doc: Doc, engine: FrenchNlpEngine, language: str, scores):
        super().__init__(
            entities=entities,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=None,
            language=language,
            scores=scores,
        )
        del self.tokens_indices, self.lemmas, self.keywords  # served by the properties
        self.nlp_engine = engine

    @cached_property  # computed on first read
    def tokens_indices(self) -> list[int]:  # type: ignore[override]
        return self.tokens.to_array(IDX).tolist()

    @cached_property  # computed on first read
    def lemmas(self) -> list[str]:  # type: ignore[override]
        strings = self.tokens.vocab.strings
        return [strings[key] for key in self.tokens.to_array(LOWER).tolist()]

    @cached_property  # computed on first read
    def keywords(self) -> frozenset[str]:  # type: ignore[override]
        # Presidio's set_keywords, as a set: the enhancer only asks `in`
        return frozenset(
            part
            for word in set(self.lemmas)
            if self.nlp_engine.is_keyword(word) and word not in ("-PRON-", "be")
            for part in word.split(":")
        )


class ContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context enhancer, given only the results that can use it.

    It deep-copies every result before skipping those whose recognizer has no
    context words, which are most of them (names, places, dates); handing it
    only the others keeps the same scores at a fraction of the cost.
    """

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        if context:  # words given by the caller apply to every result
            return super().enhance_using_context(
                text, raw_results, nlp_artifacts, recognizers, context
            )
        with_context = {r.id for r in recognizers if r.context}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        wanted: list[RecognizerResult] = []
        others: list[RecognizerResult] = []
        for result in raw_results:
            meta = result.recognition_metadata or {}
            (wanted if meta.get(key) in with_context else others).append(result)
        if not wanted:
            return others
        return super().enhance_using_context(text, wanted, nlp_artifacts, recognizers) + others

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:
        """Presidio's lookup of the token at `start` (the first one covering or after
        it), by bisection rather than a walk from the first token for each result."""
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if i < len(tokens_indices) and start >= tokens_indices[i] + len(tokens[i]):
            i += 1
        if i >= len(tokens_indices):
            raise ValueError("no token at the position of a result")
        return i


class FrenchAnalyzer(AnalyzerEngine):
    """Presidio's analyzer without its per-recognizer context step.

    Presidio first offers every recognizer its own results to rescore
    (`EntityRecognizer.enhance_using_context`), splitting the results list twice
    per recognizer (31 recognizers: 62 passes per chunk) for a hook none of ours
    overrides (tests/detect/test_presidio_compat.py checks that none does). Only
    the engine's context enhancer runs, on the results in Presidio's order.
    """

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return self.context_aware_enhancer.enhance_using_context(
            text=text,
            raw_results=raw_results,
            nlp_artifacts=nlp_artifacts,
            recognizers=recognizers,
            context=context,
        )


_lock = threading.Lock()
_engines: dict[str, AnalyzerEngine] = {}


def _build(config: Config) -> AnalyzerEngine:
    nlp_engine = FrenchNlpEngine()
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in recognizers.build_all(config.recognizer_settings()):
        registry.add_recognizer(recognizer)
    engine = FrenchAnalyzer(
        nlp_engine=nlp_engine,
        registry=registry,
        supported_languages=[LANGUAGE],
        default_score_threshold=config.threshold,
        context_aware_enhancer=ContextEnhancer(),
    )
    # Recognizers load their lexicons on first use: do it now, once, so that
    # batch workers forked from this process inherit them instead of each
    # loading them again.
    engine.analyze(WARM_UP, LANGUAGE)
    # The model and lexicons live as long as the process: out of the garbage
    # collector's sight, they are not traversed again at every full collection
    # (and forked workers do not touch their pages).
    gc.freeze()
    return engine


def get_analyzer(config: Config | None = None) -> AnalyzerEngine:
    """The process-wide analyzer for `config` (built on first use)."""
    config = config or Config()
    key = config.cache_key()
    with _lock:
        if key not in _engines:
            _engines[key] = _build(config)
        return _engines[key]

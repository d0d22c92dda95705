"""spaCy's French NER, filtered of what it gets wrong on notes.

The French model tags capitalized headings, form labels and common nouns
("Objet", "FACTURE N", "Date d'émission", "COACHING", "la Chaconne") as
persons, places or organisations. A span is kept when it has a proper noun
(PROPN) or foreign word (X), or starts with a known first name; it is dropped
when it is a label at a line start (followed by ':'), a word that never names
a private person, or a one-word "person" right after an article.

A span with no capital at all is not returned: names are written with a
capital, the resolve stage drops such a span anyway, and before that Presidio
would let it swallow a dedicated recognizer's lower-case name of the same
words ("madame sylvie roche" in a dictation, people/dictated_name.py). A person
span that runs across a role or a title written in lower case ("Ferhat interne
Vasseur-Lebon") is two names: it is cut there.
"""

from __future__ import annotations

import re
from functools import cache

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from recognizers import LANGUAGE
from recognizers._data import lines, table
from recognizers._names import first_name, fold, is_surname, person_words, sentence_start, titles
from recognizers.lexicons import ordinary_word_languages

NAME_POS = frozenset({"PROPN", "X"})
ARTICLE_POS = frozenset({"DET"})
# lower-case words a span may drag in front of a name ("sur Insta", "chez Paul")
LEADING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "ADV", "AUX", "VERB", "PART"})


@cache
def _first_names() -> frozenset[str]:
    return frozenset(row[0].casefold() for row in table("first_names.tsv"))


@cache
def _not_names() -> frozenset[str]:
    """Capitalized words that never name a private person (pronouns, roles, labels)."""
    words = set(lines("name_never_words.txt")) | set(lines("speaker_label_roles.txt"))
    return frozenset(w.strip().casefold() for w in words)


@cache
def _not_org_heads() -> frozenset[str]:
    """First words of spans that name no organisation: tools, diplomas, job titles."""
    return frozenset(w.strip().casefold() for w in lines("org_not_names.txt"))


# A spaced dash, a bar or a line break between two parts of a span is a separator,
# not part of a name: "Châteaubriant - Unité neurologique", "SIST Artois-Ternois -
# Service de santé au travail" are a town or a name, then a description.
SENTENCE_END = re.compile(r"\.{2,}|[!?…]+|\.[!?]+")
SEPARATORS = frozenset({"-", "–", "—", "|", "•", "·", "/"})


def _pieces(tokens: list) -> list[list]:
    """The span's tokens cut at separators; spaces dropped."""
    pieces: list[list] = [[]]
    for i, t in enumerate(tokens):
        spaced = t.text in SEPARATORS and i > 0 and tokens[i - 1].whitespace_ and t.whitespace_
        if SENTENCE_END.fullmatch(t.text) and t.whitespace_:
            break  # a sentence ends inside the span: "Zoé V.. Dort mal" is Zoé V.
        if spaced or (t.is_space and "\n" in t.text):
            pieces.append([])
            continue
        if not t.is_space:
            pieces[-1].append(t)
    return [p for p in pieces if p]


@cache
def _name_separators() -> frozenset[str]:
    """Roles and titles (folded) that separate two people when written in lower
    case inside a person span: "Ferhat interne Vasseur-Lebon"."""
    return frozenset(w for w in person_words() | titles() if " " not in w and len(w) > 2)


def _split_at_roles(entity_type: str, tokens: list) -> list[list]:
    """A PERSON span cut at each lower-case role or title word inside it."""
    if entity_type != "PERSON":
        return [tokens]
    pieces: list[list] = [[]]
    for t in tokens:
        if pieces[-1] and t.text.islower() and fold(t.text) in _name_separators():
            pieces.append([])
        else:
            pieces[-1].append(t)
    return [p for p in pieces if p]


def _common_noun(word: str) -> bool:
    """An ordinary French word that is no first name or surname ("Fixe", "Portable")."""
    return (
        "fr" in ordinary_word_languages(word) and first_name(word) is None and not is_surname(word)
    )


def _line_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t#*->")
    return not before or before.endswith("\n")


# What may stand between a label's first word and its colon: "**Portefeuille évoqué :**"
LABEL_TAIL = re.compile(r"(?:[ \t]+[a-zà-ÿ'’-]+){0,3}[ \t*_]*[:°]")


def _speaks(tokens: list) -> bool:
    """A conjugated verb right after the span: "Kader a dit :" is a person speaking,
    "Portefeuille évoqué :" a label (a participle)."""
    last = tokens[-1]
    if last.i + 1 >= len(last.doc):
        return False
    after = last.nbor(1)
    finite = after.pos_ in ("VERB", "AUX") and "Part" not in after.morph.get("VerbForm")
    return finite or after.pos_ == "AUX"


def _is_label(text: str, start: int, end: int) -> bool:
    """A span at a line start and followed by ':' or '°' (after up to three
    lower-case words) is a form label: "Objet :", "Portefeuille évoqué :"."""
    before = text[:start].rstrip(" \t#*->")
    return (not before or before.endswith("\n")) and bool(LABEL_TAIL.match(text, end))


class FrenchSpacyRecognizer(SpacyRecognizer):
    """PERSON, LOCATION and ORG from fr_core_news_md, without label noise."""

    def __init__(self) -> None:
        super().__init__(
            supported_language=LANGUAGE,
            supported_entities=["PERSON", "LOCATION", "ORG"],
            ner_strength=0.85,
            name="SpacyRecognizer",
        )

    def _keep(self, r: RecognizerResult, text: str, tokens: list) -> bool:
        first = tokens[0].text.casefold()
        known_first_name = first in _first_names()
        if _is_label(text, r.start, r.end) and not known_first_name and not _speaks(tokens):
            return False
        if (
            tokens[0].pos_ == "NOUN"
            and tokens[0].text.isupper()
            and _line_start(text, r.start)
            and not known_first_name
        ):
            return False  # "FACTURE N° ...", "COMPTE RENDU": a heading
        if len(tokens) == 1 and first in _not_names():
            return False
        if (
            r.entity_type == "PERSON"
            and not any(t.text[:1].isupper() for t in tokens[1:])
            and sentence_start(text, r.start)
            and _common_noun(tokens[0].text)
            and not _speaks(tokens[:1])
        ):
            return False  # "Surveillance neuro en UHCD.": a noun opening a sentence
        if first in _not_org_heads() and not known_first_name:
            return False  # "VP Engineering", "BTS MCO", "Google Meet"
        if r.entity_type == "PERSON" and len(tokens) == 1 and not known_first_name:
            # "la Chaconne", "le petit Breton": a one-word person after an article
            previous = tokens[0].nbor(-1) if tokens[0].i > 0 else None
            if previous is not None and previous.pos_ == "ADJ" and previous.i > 0:
                previous = previous.nbor(-1)
            if previous is not None and previous.pos_ in ARTICLE_POS:
                return False
        return any(t.pos_ in NAME_POS for t in tokens) or known_first_name

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        if not results or nlp_artifacts is None:
            return results
        doc = nlp_artifacts.tokens
        kept = []
        for r in results:
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            for tokens in _pieces(list(span) if span else []):
                for piece in _split_at_roles(r.entity_type, tokens):
                    shaped = self._shaped(r, piece, text)
                    if shaped is not None:
                        kept.append(shaped)
        return kept

    def _shaped(self, r: RecognizerResult, tokens: list, text: str) -> RecognizerResult | None:
        """The result on its trimmed tokens, or None when nothing of it names anyone."""
        # "sur Insta", "- Point": the span starts at its first capitalized word
        while tokens and (
            not tokens[0].text[:1].isalnum()
            or (tokens[0].text[:1].islower() and tokens[0].pos_ in LEADING_POS)
        ):
            tokens.pop(0)
        # "Fixe d'Emmanuelle", "Portable de Karim": a common noun, then whose it is
        if (
            r.entity_type == "PERSON"
            and len(tokens) >= 3
            and fold(tokens[1].text) in ("de", "d'", "du")
            and _common_noun(tokens[0].text)
        ):
            tokens = tokens[2:]
        # "RCS du Mans", "TGI de Lyon": the register or court is no part of the place
        if (
            r.entity_type == "LOCATION"
            and len(tokens) >= 3
            and len(tokens[0].text) >= 2
            and tokens[0].text.isupper()
            and tokens[1].text.lower() in ("du", "de", "des", "d'", "d’")
        ):
            tokens = tokens[2:]
        # "au commissariat de Roissy-en-Brie", "la mairie d'Aubagne": a lower-case
        # noun and its "de" are the building, the place is what follows
        if (
            r.entity_type == "LOCATION"
            and len(tokens) >= 3
            and tokens[0].text[:1].islower()
            and tokens[0].pos_ == "NOUN"
            and tokens[1].text.lower() in ("de", "du", "d'", "d’")
        ):
            tokens = tokens[1:] if tokens[1].text.lower() == "du" else tokens[2:]
        # "Maïwenn au (Lamentin)": nor does it end with a lower-case function word
        while tokens and (
            not tokens[-1].text[-1:].isalnum()
            or (tokens[-1].text[:1].islower() and tokens[-1].pos_ in LEADING_POS)
        ):
            tokens.pop()
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if not any(c.isupper() for c in text[start:end]):
            return None  # "madame sylvie roche": lower case, see the module doc
        piece = RecognizerResult(
            r.entity_type,
            start,
            end,
            r.score,
            analysis_explanation=r.analysis_explanation,
            recognition_metadata=dict(r.recognition_metadata or {}),
        )
        return piece if self._keep(piece, text, tokens) else None

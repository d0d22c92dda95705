"""The road a note travels: analyze → resolve overlaps → propagate names →
replace → repair French grammar. `Pipeline` holds what must stay consistent
across the notes of one run (who is who, which pseudonym is whose).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from dataclasses import replace as dc_replace

from .config import Config
from .detect.allow import AllowList
from .detect.analyze import analyze_texts
from .detect.identities import IdentityBook
from .detect.overlaps import absorb_adjacent_names, resolve_overlaps
from .detect.propagate import NameIndex
from .entities import Entity
from .io.formats.markdown import protect
from .publish.disclaimer import add_disclaimer
from .replace.grammar import repair
from .replace.mapping import Mapping
from .replace.splice import Replacement, apply
from .replace.styles import MaskStyle, RedactStyle


@dataclass
class Result:
    """An anonymized note: the output text, what was found, where it went."""

    text: str
    entities: list[Entity]
    replacements: list[Replacement] = field(default_factory=list)


def make_style(name: str, book: IdentityBook, config: Config, table: dict[str, str]):
    if name == "redact":
        return RedactStyle(book)
    if name == "mask":
        return MaskStyle(book)
    from .replace.pseudonyms import PseudonymStyle, RolesStyle

    if name == "roles":
        return RolesStyle(book, config, table)
    return PseudonymStyle(book, config, table)


class Pipeline:
    """Anonymize notes with one config; identities persist across calls."""

    def __init__(
        self,
        config: Config | None = None,
        style: str | None = None,
        mapping: Mapping | None = None,
    ) -> None:
        config = config or Config()
        self.style_name = style or config.style
        if mapping is None:
            mapping = Mapping(seed=config.seed)
        if mapping.seed is None:
            mapping.seed = secrets.randbits(63)
        self.mapping = mapping
        self.config = replace(config, seed=mapping.seed)
        self.book = IdentityBook()
        self.style = make_style(self.style_name, self.book, self.config, self.mapping.table)

    # -- detection -----------------------------------------------------------
    def resolve(self, texts: Sequence[str], raw: Sequence[list[Entity]]) -> list[list[Entity]]:
        """Overlaps, then names propagated across all `texts` (one scope), then
        Markdown syntax cut out of the spans (`formats.markdown.protect`)."""
        allow = AllowList(self.config.allow_terms())
        resolved = [
            allow.filter(resolve_overlaps(r, t), t) for r, t in zip(raw, texts, strict=True)
        ]
        index = NameIndex(allow.terms)
        for doc, entities in enumerate(resolved):
            index.add(entities, doc)
        return [
            protect(
                text,
                absorb_adjacent_names(
                    allow.filter(resolve_overlaps(entities + index.find(text, doc), text), text),
                    text,
                ),
            )
            for doc, (entities, text) in enumerate(zip(resolved, texts, strict=True))
        ]

    def detect_many(self, texts: Sequence[str]) -> list[list[Entity]]:
        return self.resolve(texts, list(analyze_texts(texts, self.config)))

    def detect(self, text: str) -> list[Entity]:
        return self.detect_many([text])[0]

    # -- replacement ---------------------------------------------------------
    def replace_many(self, texts: Sequence[str], detected: Sequence[list[Entity]]) -> list[Result]:
        """Replace already detected entities, consistently across `texts`."""
        for text in texts:
            self.book.register_text(text)
        self.book.register([e for entities in detected for e in entities])
        prepare = getattr(self.style, "prepare", None)
        if prepare:
            prepare(texts, detected)
        results = []
        for text, entities in zip(texts, detected, strict=True):
            values = [self.style.replacement(e, text) for e in entities]
            out, placed = apply(text, entities, values)
            out, placed = repair(out, placed)
            for r in placed:
                self.mapping.record(r.source.text, r.type, r.text)
            if self.config.disclaimer:
                out, at, size = add_disclaimer(out, self.config.disclaimer_text)
                placed = [
                    r if r.start < at else dc_replace(r, start=r.start + size, end=r.end + size)
                    for r in placed
                ]
            results.append(Result(out, entities, placed))
        return results

    def anonymize_many(self, texts: Sequence[str]) -> list[Result]:
        return self.replace_many(texts, self.detect_many(texts))

    def anonymize(self, text: str) -> Result:
        return self.anonymize_many([text])[0]


def anonymize_text(text: str, config: Config | None = None, style: str | None = None) -> Result:
    """Anonymize one note; see `Pipeline` to keep pseudonyms across notes."""
    return Pipeline(config, style).anonymize(text)


def detect_text(text: str, config: Config | None = None) -> list[Entity]:
    """The identifiers of one note, non-overlapping, sorted by position."""
    return Pipeline(config, style="redact").detect(text)

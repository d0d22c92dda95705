"""The road a note travels, as named stages.

    read        io/reader.py        bytes -> text (encoding, format)
    annotate    detect/analyze.py   spaCy and our recognizers, every note through nlp.pipe
    resolve     detect/overlaps.py  one entity per character; allow-list; Markdown syntax
    propagate   detect/propagate.py every other mention of the scope's names;
                detect/kinds.py     then person, place or organisation, from the frames
    identities  detect/identities.py who is who: each mention -> one identity
    replace     replace/styles.py   the style renders each mention (a date with its
                                    phrase: replace/dates.py); Presidio splices
    grammar     replace/grammar.py  elision, contraction, capitals around replacements
    write       io/writer.py        atomic writes (io/batch.py for a folder)

Every command walks this list or a prefix of it: `detect` and the publishing
gate stop after `propagate`, `text` and `batch` go to the end, and file names
are short texts of the same scope, so they get the same pseudonyms.
`Pipeline` holds what must stay consistent across the notes of one run (who
is who, which pseudonym is whose).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .config import Config
from .detect.allow import AllowList
from .detect.analyze import analyze_texts
from .detect.canonical import canonical_view, written
from .detect.identities import IdentityBook, Mention
from .detect.kinds import decide_kinds
from .detect.overlaps import absorb_adjacent_names, resolve_overlaps
from .detect.propagate import propagate
from .entities import Entity
from .io import filenames
from .io.formats import vault
from .io.formats.markdown import protect
from .publish.disclaimer import add_disclaimer
from .replace.grammar import repair
from .replace.mapping import Mapping
from .replace.shapes import slug_shape
from .replace.splice import apply
from .replace.styles import make_style
from .results import Result

STAGES = ("read", "annotate", "resolve", "propagate", "identities", "replace", "grammar", "write")


def annotate(texts: Sequence[str], config: Config) -> list[list[Entity]]:
    """The annotate stage alone, for batch workers forked with the engine in memory."""
    return list(analyze_texts(texts, config))


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
        self._allow = AllowList(self.config.allow_terms())

    # -- detection: annotate -> resolve -> propagate ------------------------------
    def annotate(self, texts: Sequence[str]) -> list[list[Entity]]:
        """Raw detections of every text (spaCy and the recognizers)."""
        return annotate(texts, self.config)

    def resolve(self, texts: Sequence[str], raw: Sequence[list[Entity]]) -> list[list[Entity]]:
        """One entity per character, allow-listed terms out, Markdown syntax kept."""
        return [
            protect(
                text,
                absorb_adjacent_names(self._allow.filter(resolve_overlaps(r, text), text), text),
            )
            for r, text in zip(raw, texts, strict=True)
        ]

    def propagate(
        self,
        texts: Sequence[str],
        resolved: Sequence[list[Entity]],
        loose: Sequence[bool] | None = None,
        owners: Sequence[int] | None = None,
    ) -> list[list[Entity]]:
        """Every other mention of the scope's names (`loose`: file names, searched
        without regard to case or separators; `owners`: the note each text belongs
        to); then each name's kind (person, place, organisation) decided once per
        note from its frames."""
        slugs = [
            [] if is_loose else vault.slug_regions(text)
            for text, is_loose in zip(texts, loose or [False] * len(texts), strict=True)
        ]
        found = propagate(texts, resolved, self._allow.terms, loose, slugs, owners)
        return [
            decide_kinds(text, protect(text, self._allow.filter(entities, text)))
            for text, entities in zip(texts, found, strict=True)
        ]

    def detect_many(
        self, texts: Sequence[str], raw: Sequence[list[Entity]] | None = None,
        loose: Sequence[bool] | None = None, owners: Sequence[int] | None = None,
    ) -> list[list[Entity]]:  # fmt: skip
        """annotate -> resolve -> propagate over `texts` as one scope (`raw`: the
        annotate stage already run, e.g. by batch workers), on the notes' canonical
        views; the entities come back with the originals' offsets and text."""
        raw = self.annotate(texts) if raw is None else raw
        views = [canonical_view(t) for t in texts]
        seen, raw = [v.text for v in views], [v.to_view(r) for v, r in zip(views, raw, strict=True)]
        found = self.propagate(seen, self.resolve(seen, raw), loose, owners)
        return [view.restore(entities) for view, entities in zip(views, found, strict=True)]

    def detect(self, text: str) -> list[Entity]:
        return self.detect_many([text])[0]

    # -- replacement: identities -> replace -> grammar -----------------------------
    def identities(
        self,
        texts: Sequence[str],
        detected: Sequence[list[Entity]],
        owners: Sequence[int] | None = None,
    ) -> list[list[Mention]]:
        """Each entity attached to its identity; `owners[i]`: the note text i belongs to."""
        mentions = self.book.build(texts, detected, owners)
        self.style.prepare(texts, mentions)
        return mentions

    def render(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> list[list[str]]:
        """The replacement of every mention, before it is spliced in."""
        shape = self.style_name not in ("redact", "mask")  # a placeholder stays one
        return [
            [written(_shaped(m, self.style.render(m, text), shape)) for m in note]
            for text, note in zip(texts, mentions, strict=True)
        ]

    def replace_many(
        self,
        texts: Sequence[str],
        detected: Sequence[list[Entity]],
        owners: Sequence[int] | None = None,
    ) -> list[Result]:
        """Replace already detected entities, consistently across `texts`."""
        mentions = self.identities(texts, detected, owners)
        values = self.render(texts, mentions)
        return [
            self.compose(text, entities, *self.style.spans(text, note, note_values))
            for text, entities, note, note_values in zip(
                texts, detected, mentions, values, strict=True
            )
        ]

    def compose(
        self, text: str, entities: list[Entity], spans: list[Entity], values: list[str]
    ) -> Result:
        """Splice the values in place of `spans` (the style's, from the detected
        `entities`), repair the French around them, record them."""
        out, placed = apply(text, spans, values)
        out, placed = repair(out, placed)
        for r in placed:
            self.mapping.record(r.source.text, r.type, r.text)
        if self.config.disclaimer:
            out, at, size = add_disclaimer(out, self.config.disclaimer_text)
            placed = [
                r if r.start < at else replace(r, start=r.start + size, end=r.end + size)
                for r in placed
            ]
        return Result(out, entities, placed)

    def anonymize_folder(
        self,
        texts: Sequence[str],
        sources: Sequence[Path],
        raw: Sequence[list[Entity]] | None = None,
    ) -> tuple[list[Result], list[Path]]:
        """Notes and their file names as one scope: each note's folder names and
        file stem are short texts of that note, so they get its pseudonyms.

        `sources` are the notes' paths relative to the folder; returns the
        results and the anonymized relative paths, in the same order."""
        names, owners = filenames.components(sources)
        humans = [filenames.humanize(n) for n in names]
        raw = self.annotate(texts) if raw is None else list(raw)
        every = [*texts, *humans]
        loose = [False] * len(texts) + [True] * len(humans)
        scope = [*range(len(texts)), *owners]
        detected = self.detect_many(every, [*raw, *self.annotate(humans)], loose, scope)
        mentions = self.identities(every, detected, scope)
        values = self.render(every, mentions)
        shifted = self.config.shift_dates
        renamed = {
            name: filenames.rename(name, detected[len(texts) + k], values[len(texts) + k],
                                   self.config.dates, shifted)
            for k, name in enumerate(names)
        }  # fmt: skip
        outputs = filenames.plan(sources, renamed)
        targets = vault.LinkTargets(sources, outputs)
        results = []
        for i, (text, entities, note, note_values) in enumerate(
            zip(texts, detected[: len(texts)], mentions[: len(texts)], values[: len(texts)],
                strict=True)
        ):  # fmt: skip
            spans, spliced = self.style.spans(text, note, note_values)
            spans, spliced = _retarget_links(text, spans, spliced, targets, i)
            results.append(self.compose(text, entities, spans, spliced))
        return results, outputs

    def anonymize_many(self, texts: Sequence[str]) -> list[Result]:
        return self.replace_many(texts, self.detect_many(texts))

    def anonymize(self, text: str) -> Result:
        return self.anonymize_many([text])[0]


def _retarget_links(
    text: str,
    entities: list[Entity],
    values: list[str],
    targets: vault.LinkTargets,
    note: int,
) -> tuple[list[Entity], list[str]]:
    """Each wikilink or Markdown link to a note of the folder points to that note's
    new name: the target becomes one replacement, whatever was found inside it."""
    found: list[tuple[tuple[int, int], Callable[[str], str | None]]] = [
        (link.target_span, targets.retarget) for link in vault.links(text)
    ]
    found += [
        (span, lambda d: targets.retarget_path(d, note))
        for span in vault.markdown_destinations(text)
    ]
    for (start, end), retarget in found:
        new = retarget(text[start:end])
        if new is None:
            continue
        inside = [i for i, e in enumerate(entities) if e.start < end and start < e.end]
        if any(entities[i].start < start or entities[i].end > end for i in inside):
            continue  # an e-mail or a link across the brackets: replaced as it is
        if not inside and new == text[start:end]:
            continue
        kind = entities[inside[0]].type if inside else "DATE"
        link_entity = Entity(
            start, end, kind, text[start:end], 1.0, "WikiLink", (("slug", "link"),)
        )
        keep = [i for i in range(len(entities)) if i not in set(inside)]
        pairs = sorted(
            [(entities[i], values[i]) for i in keep] + [(link_entity, new)],
            key=lambda p: p[0].start,
        )
        entities, values = [p[0] for p in pairs], [p[1] for p in pairs]
    return entities, values


def _shaped(mention: Mention, value: str, shape: bool) -> str:
    """A slug's replacement in the slug's own shape ("julien-marchand" -> "theo-campan")."""
    if shape and mention.entity.hint("slug"):
        return slug_shape(mention.entity.text, value)
    return value


def anonymize_text(text: str, config: Config | None = None, style: str | None = None) -> Result:
    """Anonymize one note; see `Pipeline` to keep pseudonyms across notes."""
    return Pipeline(config, style).anonymize(text)


def detect_text(text: str, config: Config | None = None) -> list[Entity]:
    """The identifiers of one note, non-overlapping, sorted by position."""
    return Pipeline(config, style="redact").detect(text)

"""The publishing gate: is there anything identifying left in these files?

`anonymize check` reads .txt, .md and .docx files and reports, with file, line
and column:
- every detection of the analyzer above the threshold (same engine, same
  config as `batch`);
- every deny-listed term of the config, wherever it appears (case and accents
  ignored), even inside a word a recognizer would not flag;
- with `--mapping`, every real string the mapping knows (the originals of
  earlier runs): the strongest test, since it does not depend on detection;
- in a Word file, metadata that names someone (author, last modified by).

Our own output must pass the gate, yet a pseudonym ("Gabriel Morin, de
Meudon") is detected exactly like a real name: nothing in the text tells them
apart. So the gate is told what we wrote. Placeholders (`[PERSONNE_1]`) and
masks are recognized by their shape; pseudonyms are known from the marker
file `.anonymize-output` that `batch` leaves at the root of its output folder:
for each file, the spans it replaced and the strings it wrote there (nothing
real, all of it already in the published text). In a file still as written,
exactly those spans are excused; in an edited one, its own strings; in a file
the marker does not know, nothing. `--known FILE` (a copy of that marker, e.g.
in a blog repository) and the mapping's replacement side excuse their
strings in every file. A detection is excused only when every letter and
digit of it lies inside something excused; anything else found around it is
reported.
Deny-listed terms and mapping originals are never excused.

With `strict` (`check --strict`), the gate also flags, as `UNKNOWN`, every
proper noun nothing explains (`strict.py`): a second opinion that does not
depend on the detectors that `batch` ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from recognizers.lexicons import lines, particles_never_alone, titles

from ..config import Config
from ..detect.allow import AllowList
from ..detect.canonical import canonical, canonical_view
from ..entities import Entity
from ..errors import EmptyNote, NoteError
from ..io.filenames import fold
from ..io.marker import find_marker, marker_files, read_marker, record_spans, string_values
from ..io.reader import Note, find_notes, read_note
from ..pipeline import Pipeline
from ..replace.styles import LABELS, MASK
from .strict import UNKNOWN, unknown_proper_nouns

NAME_TYPES = ("PERSON", "LOCATION", "ORG")
PLACEHOLDER = re.compile(r"\[(?:" + "|".join(sorted(set(LABELS.values()))) + r")_\d+\]")
MASKED = re.compile(re.escape(MASK[0]) + "+")
# Priority when findings overlap: the sure ones hide a detection of the same place.
PRIORITY = {"MAPPING": 0, "DENY": 1, "METADATA": 1}
DETECTION_PRIORITY = 2
WORDS = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*")
# A term with this many digits is a number: matched whatever its separators.
NUMBER_DIGITS = 6


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    type: str
    text: str
    start: int = -1
    end: int = -1

    def format(self, show: bool = False) -> str:
        text = " ".join(self.text.split())
        shown = text if show else "•" * len(text)
        return f"{self.path}:{self.line}:{self.column} {self.type} {shown}"


@dataclass
class CheckReport:
    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings and not self.errors


# -- matching helpers -------------------------------------------------------------


def _fold(text: str) -> str:
    """The canonical form terms are matched in: `canonical` (no invisible characters,
    NFC, full-width folded, plain spaces), then without case and accents."""
    return fold(canonical(text))


def _folded_pattern(
    terms: Iterable[str], shortest: int = 2, numbers: bool = False
) -> re.Pattern | None:
    """Whole-word, case- and accent-insensitive alternation over folded `terms`
    (matched in `_fold`ed text: a zero-width space or full-width letters hide nothing);
    with `numbers`, a number is found whatever its separators (`_term`)."""
    folded = sorted(
        {_fold(t).strip() for t in terms if len(t.strip()) >= shortest}, key=len, reverse=True
    )
    if not folded:
        return None
    body = "|".join(_term(t) if numbers else _words(t) for t in folded)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _words(folded: str) -> str:
    """A term of `_folded_pattern`, its words apart by any spaces."""
    return re.escape(folded).replace(r"\ ", r"\s+")


def _term(folded: str) -> str:
    """A real term of `_folded_pattern`: a number (a phone, an IBAN) with anything
    but letters and digits between its characters, so that `06 12 34 56 78` is
    found as `0612345678` or `06.12.34.56.78`; other terms as `_words`."""
    if sum(c.isdigit() for c in folded) >= NUMBER_DIGITS:
        return r"[\W_]*".join(re.escape(c) for c in folded if c.isalnum())
    return _words(folded)


def _covered(text: str, known: re.Pattern | None) -> bytearray:
    """1 for every character inside a placeholder, a mask or one of our replacements."""
    mask = bytearray(len(text))
    spans = [m.span() for pattern in (PLACEHOLDER, MASKED) for m in pattern.finditer(text)]
    if known is not None:
        view = canonical_view(text)
        spans += [view.span(*m.span()) for m in known.finditer(fold(view.text))]
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _excused(e: Entity, text: str, mask: bytearray) -> bool:
    return all(mask[i] or not text[i].isalnum() for i in range(e.start, e.end))


def _touches(e: Entity, mask: bytearray) -> bool:
    return any(mask[e.start : e.end])


def _overlap(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


@cache
def _never_names() -> frozenset[str]:
    """Words that are never a name on their own ("Entre", "Tonton", "De")."""
    words = list(lines("name_never_words.txt"))
    words += [ln.split("\t")[0] for ln in lines("relation_words.tsv")]
    words += [*particles_never_alone(), *titles()]  # "de", "du", "van"; "M", "Mme"
    words += lines("acronyms.txt")  # legal forms, institutions: "SAS"
    return frozenset(fold(w.strip()) for w in words)


def _name_like(e: Entity) -> bool:
    """False for a name-type detection with no capitalized word that could be a name.

    The statistical model sometimes tags "De", "Entre" or a lower-case "domaine"
    as a place or a person once the words around it have been replaced; under
    the annotation conventions none of them is a name.
    """
    if e.type not in NAME_TYPES:
        return True
    tokens = re.findall(r"\w[\w'’-]*", canonical(e.text))
    return any(t[0].isupper() and fold(t) not in _never_names() for t in tokens)


def _blank(text: str, mask: bytearray) -> str:
    """`text` with our replacements turned into spaces (same length, same offsets)."""
    return "".join(" " if m else c for c, m in zip(text, mask, strict=True))


# -- the gate --------------------------------------------------------------------


class Gate:
    """Checks documents with one config, deny-list, mapping and known replacements."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        originals: Iterable[str] = (),
        known: Iterable[str] = (),
        strict: bool = False,
    ) -> None:
        self.config = config or Config()
        self.strict = strict
        self.originals = {o for o in originals if len(o.strip()) >= 2}
        self.known = set(known) - self.originals
        self._deny = _folded_pattern(self.config.deny, numbers=True)
        self._originals = _folded_pattern(self.originals, numbers=True)
        # marker -> (per-file records, strings of a pre-record marker or None), read once
        self._markers: dict[Path, tuple[dict[str, dict], object]] = {}
        # the batch's own road, up to `resolve`: the same detections, not a rerun of
        # our own (no propagation: one finding per leak, no false positive spread)
        self._road = Pipeline(self.config, style="redact")
        self._allow: AllowList | None = None

    @classmethod
    def with_mapping(
        cls, config: Config | None, mapping, known: Iterable[str] = (), strict: bool = False
    ) -> Gate:
        """A gate that knows a mapping: its originals are flagged, its replacements excused."""
        pairs = getattr(mapping, "pairs", {})
        originals = [real for real, (_, replacement) in pairs.items() if real != replacement]
        replacements = [replacement for _, replacement in pairs.values()]
        return cls(config, originals=originals, known=[*known, *replacements], strict=strict)

    def _mask(self, doc: Note) -> bytearray:
        """1 for every character of `doc` that we wrote: placeholders, masks, the
        strings given to the gate, and what its folder's marker recorded for it.

        A file as the run wrote it has its exact spans excused; an edited one, its
        own replacement strings; a file the marker does not know, nothing more.
        """
        record: dict = {}
        # a note from stdin has no folder, hence no marker
        if doc.path is not None and (marker := find_marker(doc.path)) is not None:
            if marker not in self._markers:
                data = read_marker(marker)
                self._markers[marker] = (marker_files(data), data.get("replacements"))
            files, legacy = self._markers[marker]
            rel = doc.path.resolve().relative_to(marker.parent).as_posix()
            record = files.get(rel, {})
            if legacy is not None:  # from a version before per-file records
                merged = string_values(record.get("replacements")) + string_values(legacy)
                record = {**record, "replacements": merged}
        spans = record_spans(record, doc.text) if record else None
        strings = set(self.known)
        if spans is None:
            strings |= set(string_values(record.get("replacements")))
        # our one-letter replacements ("« D »" for a one-letter nickname) count too
        mask = _covered(doc.text, _folded_pattern(strings - self.originals, shortest=1))
        for start, end in spans or ():
            mask[start:end] = b"\x01" * (end - start)
        return mask

    def _terms(self, doc: Note, label: str, text: str, line: int | None) -> list[Finding]:
        """Deny-listed terms and mapping originals in `text` (the note, or a file name)."""
        found = []
        view = canonical_view(text)
        folded = fold(view.text)
        for kind, pattern in (("MAPPING", self._originals), ("DENY", self._deny)):
            if pattern is None:
                continue
            for m in pattern.finditer(folded):
                start, end = view.span(*m.span())
                original = text[start:end]
                if kind == "MAPPING" and self._common_word(original):
                    continue  # "une rose" is not "Rose"
                if line is None:
                    ln, col = doc.locate(start)
                else:
                    ln, col = line, start + 1
                found.append(Finding(label, ln, col, kind, original, start, end))
        return found

    def _common_word(self, occurrence: str) -> bool:
        """A word in lower case that no original is written like ("une rose" for
        "Rose"); an e-mail or a number in lower case is no word."""
        if not occurrence.islower() or not WORDS.fullmatch(canonical(occurrence)):
            return False
        return not self._lower_original(occurrence)

    def _lower_original(self, occurrence: str) -> bool:
        """True when some original is written in lower case like this occurrence."""
        key = _fold(occurrence)
        return any(o.islower() and _fold(o) == key for o in self.originals)

    def _detections(self, texts: list[str]) -> list[list[Entity]]:
        """Detections of each text alone: overlaps resolved, names not propagated.

        The gate needs one finding per leak to block, not every mention; and a
        word wrongly taken for a name must not be spread over the whole file.
        Like the pipeline, it reads each text's canonical view.
        """
        if not texts:
            return []
        views = [canonical_view(t) for t in texts]
        seen = [v.text for v in views]
        raw = [v.to_view(r) for v, r in zip(views, self._road.annotate(texts), strict=True)]
        found = self._road.resolve(seen, raw)
        return [v.restore(e) for v, e in zip(views, found, strict=True)]

    def check_documents(self, docs: Sequence[Note], labels: Sequence[str]) -> list[Finding]:
        masks = [self._mask(d) for d in docs]
        detected = self._detections([d.text for d in docs])
        # A detection that touches one of our replacements is evidence about
        # that replacement only; whatever else it swallowed ("[LIEU_3] Julien")
        # is judged again in the text with our replacements blanked out.
        again = [i for i, (d, ents, m) in enumerate(zip(docs, detected, masks, strict=True))
                 if any(_touches(e, m) and not _excused(e, d.text, m) for e in ents)]  # fmt: skip
        blanked = self._detections([_blank(docs[i].text, masks[i]) for i in again])
        second = dict(zip(again, blanked, strict=True))
        findings: list[Finding] = []
        for i, (doc, label) in enumerate(zip(docs, labels, strict=True)):
            mask = masks[i]
            sure = self._terms(doc, label, doc.text, None)
            if doc.path is not None:  # a note from stdin has no file name
                sure += self._terms(doc, label, doc.path.name, 0)
            sure += self._metadata(doc, label)
            entities = doc.protect([e for e in detected[i] if not _touches(e, mask)])
            rest = [e for e in detected[i] if _touches(e, mask)]
            entities += [
                e
                for e in doc.protect(second.get(i, []))
                if not _touches(e, mask) and any(_overlap(e, r) for r in rest)
            ]
            for e in entities:
                if not _name_like(e):
                    continue
                if any(s.line != 0 and s.start < e.end and e.start < s.end for s in sure):
                    continue
                line, col = doc.locate(e.start)
                findings.append(Finding(label, line, col, e.type, e.text, e.start, e.end))
            findings.extend(sure)
            if self.strict:
                findings.extend(self._unknown(doc, label, mask, findings))
        return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.type))

    def _unknown(
        self, doc: Note, label: str, mask: bytearray, found: Sequence[Finding]
    ) -> list[Finding]:
        """`--strict`: the proper nouns nothing explains, where nothing else was found
        (a leak is reported once); Markdown syntax is not text."""
        if self._allow is None:
            self._allow = AllowList(self.config.allow_terms())
        here = [f for f in found if f.path == label and f.line != 0]
        spans = [
            Entity(u.start, u.end, UNKNOWN, u.text)
            for u in unknown_proper_nouns(doc.text, mask, self._allow)
        ]
        out = []
        for e in doc.protect(spans):
            if any(f.start < e.end and e.start < f.end for f in here):
                continue
            line, col = doc.locate(e.start)
            out.append(Finding(label, line, col, UNKNOWN, e.text, e.start, e.end))
        return out

    @staticmethod
    def _metadata(doc: Note, label: str) -> list[Finding]:
        if doc.docx is None:
            return []
        return [
            Finding(label, 0, 1, "METADATA", f"{name}: {value}")
            for name, value in doc.docx.metadata_leaks()
        ]

    def check_paths(self, paths: Sequence[Path]) -> CheckReport:
        """Check files and folders (recursively: .txt, .md, .docx)."""
        report = CheckReport()
        files: list[Path] = []
        for p in paths:
            files.extend(find_notes(p) if p.is_dir() else [p])
        docs, labels = [], []
        for f in files:
            report.files += 1
            try:
                doc = read_note(f, self.config.max_bytes)
            except EmptyNote:
                continue  # nothing in it, nothing to leak
            except NoteError as exc:
                report.errors.append((str(f), str(exc)))
                continue
            docs.append(doc)
            labels.append(str(f))
        report.findings = self.check_documents(docs, labels)
        return report

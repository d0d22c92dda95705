"""Note vaults (Obsidian-style folders): wikilinks, embeds, tags and aliases.

Many coaches keep their notes in a vault, where a note links to another by
its file name and tags carry the client's name:

    Sœur : [[Claire Dubois]]          a wikilink to the note "Claire Dubois.md"
    [[Julien Marchand|Julien]]        ... shown as "Julien" (an alias: text)
    [[Julien Marchand#Bilan]]         ... to a heading of that note
    ![[julien-marchand-genogramme.png]]   an embed
    #client/julien-marchand           a tag
    aliases: [Julien, JM]             front matter lists
    tags: [client/julien-marchand]

Their brackets, `!`, `|`, `#` and `^` are syntax: a replacement never eats
or moves them (`syntax_spans`, used by markdown.protect). The names inside
are mentions like any other: targets, tags, front-matter tags and aliases
are slugs, searched for the scope's names without regard to case, accents or
separators (`slug_regions`, read by the propagate stage), and written back in
the slug's own shape ("julien-marchand" -> "theo-campan"). A link whose
target names a note of the folder follows that note to its new name
(`LinkTargets`, used by Pipeline.anonymize_folder), so every link still
resolves after `batch`; so does a Markdown link whose relative destination
is a note of the folder (`[séance](2025-03-14%20Julien%20Marchand.md)`).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath
from urllib.parse import quote, unquote

# ![[target#anchor|alias]]: the target holds no bracket, `|`, `#` or `^`.
WIKILINK = re.compile(
    r"(?P<bang>!?)\[\[(?P<target>[^\[\]|#^\n]*)(?P<anchor>#[^\[\]|\n]*)?"
    r"(?P<alias>\|[^\[\]\n]*)?\]\]"
)
# A tag: `#` after a space or a line start, then letters, digits, `_`, `-`, `/`,
# with at least one letter ("#1" is no tag, "# Titre" is a heading).
TAG = re.compile(r"(?<![^\s(\[,;])#(?P<body>(?=[\w/-]*[^\W\d_])[\w/-]+)")
FRONT_MATTER = re.compile(
    r"\A(?P<open>---[ \t]*\r?\n)(?P<body>.*?)(?P<close>^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))",
    re.DOTALL | re.MULTILINE,
)
# `tags:` / `aliases:` (and the singular forms): an inline list or scalar on the
# key's line, or a block list on the lines below.
LIST_KEY = re.compile(r"^(?P<key>tags?|aliases|alias)[ \t]*:(?P<inline>[^\n]*)\n?",
                      re.MULTILINE | re.IGNORECASE)  # fmt: skip
BLOCK_ITEM = re.compile(r"[ \t]*-[ \t]+(?P<item>[^\n]*)\n?")
ITEM = re.compile(r"[^,\[\]\"'\s][^,\[\]\"'\n]*[^,\[\]\"'\s]|[^,\[\]\"'\s]")


# The destination of a Markdown link or reference: `](dest "title")`, `](<dest>)`,
# `[ref]: dest`. Only a relative path can name a note of the folder.
MD_DESTINATION = re.compile(
    r"(?:\]\(|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*)(?:<(?P<angled>[^<>\n]*)>|(?P<bare>[^\s()<>]+))",
    re.MULTILINE,
)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")


@dataclass(frozen=True)
class Link:
    """One wikilink or embed: where its target lies in the text."""

    start: int  # of the whole link, `!` included
    end: int
    target_start: int
    target_end: int
    embed: bool

    @property
    def target_span(self) -> tuple[int, int]:
        return self.target_start, self.target_end


def markdown_destinations(text: str) -> list[tuple[int, int]]:
    """The relative destinations of the Markdown links of `text` (no URL, no anchor)."""
    spans = []
    for m in MD_DESTINATION.finditer(text):
        group = "angled" if m.group("angled") is not None else "bare"
        if m.group(group) and not SCHEME.match(m.group(group)):
            spans.append(m.span(group))
    return spans


def links(text: str) -> list[Link]:
    """Every wikilink and embed of `text`."""
    return [
        Link(m.start(), m.end(), m.start("target"), m.end("target"), bool(m.group("bang")))
        for m in WIKILINK.finditer(text)
    ]


def syntax_spans(text: str) -> list[tuple[int, int]]:
    """The characters of wikilinks and tags that are syntax: `![[`, `]]`, the `|`
    and the `#`/`^` of a link's anchor, the `#` of a tag."""
    spans: list[tuple[int, int]] = []
    for m in WIKILINK.finditer(text):
        spans.append((m.start(), m.start("target")))  # "![[" or "[["
        spans.append((m.end() - 2, m.end()))  # "]]"
        if m.group("anchor"):
            start = m.start("anchor")
            spans += [(start + i, start + i + 1) for i, c in enumerate(m["anchor"]) if c in "#^"]
        if m.group("alias"):
            spans.append((m.start("alias"), m.start("alias") + 1))
    spans += [(m.start(), m.start() + 1) for m in TAG.finditer(text)]
    return sorted(spans)


def _front_matter_items(text: str) -> list[tuple[int, int]]:
    """The values of the front matter's `tags:` and `aliases:` lists."""
    fm = FRONT_MATTER.match(text)
    if not fm:
        return []
    body, base = fm.group("body"), fm.start("body")
    spans: list[tuple[int, int]] = []
    for key in LIST_KEY.finditer(body):
        inline = key.group("inline")
        at = key.start("inline")
        for item in ITEM.finditer(inline):
            spans.append((base + at + item.start(), base + at + item.end()))
        pos = key.end()
        while m := BLOCK_ITEM.match(body, pos):
            for item in ITEM.finditer(m.group("item")):
                spans.append(
                    (base + m.start("item") + item.start(), base + m.start("item") + item.end())
                )
            pos = m.end()
    return spans


def slug_regions(text: str) -> list[tuple[int, int]]:
    """Where names are written as slugs: link and embed targets, tags, and the
    items of the front matter's `tags:` and `aliases:` lists."""
    regions = [link.target_span for link in links(text)]
    regions += [m.span("body") for m in TAG.finditer(text)]
    regions += _front_matter_items(text)
    return sorted({r for r in regions if r[1] > r[0]})


# -- link targets after a batch -------------------------------------------------------


def _normalized(path: PurePosixPath) -> PurePosixPath | None:
    """`path` without `.` and `..` parts; None when it leaves the folder."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return PurePosixPath(*parts) if parts else None


def _key(path: str) -> str:
    """How Obsidian compares link targets: without regard to case."""
    return unicodedata.normalize("NFC", path.replace("\\", "/")).casefold().strip().strip("/")


class LinkTargets:
    """Resolve a link target against the notes of a folder, and say where it points
    after the batch renamed them.

    Obsidian reads `[[target]]` as a note's path without its extension, taken
    from the end ("Julien Marchand", "clients/Julien Marchand"), with or
    without ".md", without regard to case."""

    def __init__(self, sources: Sequence[PurePath], outputs: Sequence[PurePath]):
        self._by_tail: dict[str, list[int]] = {}
        self.sources = [PurePosixPath(p.as_posix()) for p in sources]
        self.outputs = [PurePosixPath(p.as_posix()) for p in outputs]
        for i, p in enumerate(self.sources):
            parts = [*p.parts[:-1], p.stem]
            for k in range(len(parts)):
                tail = "/".join(parts[k:])
                for form in {tail, tail + p.suffix}:
                    self._by_tail.setdefault(_key(form), []).append(i)
        self._by_path = {p.as_posix().casefold(): i for i, p in enumerate(self.sources)}
        self._out_stems: dict[str, int] = {}
        for out in self.outputs:
            key = _key(out.stem)
            self._out_stems[key] = self._out_stems.get(key, 0) + 1

    def _note_at(self, path: PurePosixPath) -> int | None:
        wanted = _normalized(path)
        return self._by_path.get(wanted.as_posix().casefold()) if wanted is not None else None

    def retarget_path(self, destination: str, note: int) -> str | None:
        """A Markdown link's destination, relative to note `note` (or to the folder),
        rewritten to the renamed note; None when it names no note of the folder.
        Percent-encoding and a `#heading` are kept."""
        path, hash_, fragment = destination.partition("#")
        encoded = "%" in path
        decoded = unquote(path) if encoded else path
        i = self._note_at(self.sources[note].parent / decoded)  # relative to the note
        relative = i is not None
        if i is None:
            i = self._note_at(PurePosixPath(decoded))  # relative to the folder
        if i is None:
            return None
        target = self.outputs[i]
        if relative:
            new = posixpath.relpath(target.as_posix(), self.outputs[note].parent.as_posix() or ".")
        else:
            new = target.as_posix()
        if decoded.startswith("./") and not new.startswith("."):
            new = "./" + new
        if encoded:
            new = quote(new, safe="/._-~()")
        return new + hash_ + fragment

    def resolve(self, target: str) -> int | None:
        """The index of the note `target` names, if exactly one does."""
        found = self._by_tail.get(_key(target.strip()), [])
        return found[0] if len(set(found)) == 1 else None

    def retarget(self, target: str) -> str | None:
        """The target written for the renamed note (None: not a note of the folder).

        The same form as written: a bare name stays a bare name when it is still
        unique among the outputs, a path stays a path, an extension stays."""
        i = self.resolve(target)
        if i is None:
            return None
        src, out = self.sources[i], self.outputs[i]
        written = target.strip()
        extension = written.lower().endswith(src.suffix.lower()) and bool(src.suffix)
        depth = written.rstrip("/").count("/") + 1
        if depth == 1 and self._out_stems.get(_key(out.stem), 0) > 1:
            depth = len(out.parts)  # the new name alone would be ambiguous
        parts = [*out.parts[:-1], out.stem]
        new = "/".join(parts[-depth:])
        if extension:
            new += out.suffix
        lead = target[: len(target) - len(target.lstrip())]
        trail = target[len(target.rstrip()) :]
        return lead + new + trail

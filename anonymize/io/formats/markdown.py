"""Markdown: the syntax is kept, the content is anonymized.

Markdown goes through the plain-text road (every byte outside a replaced span
is kept, links, code and HTML included, and all of it is scanned), with one
guard: characters that are syntax, not content, never become part of a
replaced span, unless a detection lies wholly inside them (a YAML key that
is a person's name is replaced like any name: fail closed). Those are the
keys and fences of a YAML front matter
(`cliente: Élodie` keeps `cliente:`), HTML tag and attribute names, the
`](` between a link's text and its URL, and the brackets, `!`, `|`, `#` and
`^` of a wikilink, an embed or a tag (vault.py). A detection that covers them is cut
around them, and what remains of it is still replaced (fail closed). So is
a detection that runs across a blank line, which no name does. Placeholders
and masks of an earlier run are left alone, so anonymizing an output again
changes nothing.
"""

from __future__ import annotations

import re

from recognizers.lexicons import is_ordinary_word

from ...detect.overlaps import pieces_outside
from ...entities import Entity
from ...replace.styles import LABELS, MASK
from .vault import FRONT_MATTER, syntax_spans

# `key:` at the start of a front-matter line, possibly a list item or quoted.
YAML_KEY = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<key>\"[^\"\n]*\"|'[^'\n]*'|[^\s:#\"'][^:\r\n]*?)[ \t]*:(?=[ \t]|\r?$)",
    re.MULTILINE,
)
# `<tag`, `</tag`, ` attr=` and `>` of raw HTML; the attribute values are content.
HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*|(?<=[\s\"'])[A-Za-z_:][\w:.-]*(?==)|/?>")
# A real tag: an HTML element name, then attributes after a space, or the end.
# Not an autolink (<https://...>, <julien@...>), and not a name in angle
# brackets (<Julien>, <Claire Dupont>): their text is content.
HTML_ELEMENTS = (
    "a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|"
    "code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|figcaption|figure|font|footer|form|"
    "h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|"
    "ol|option|p|picture|pre|q|s|samp|section|select|small|source|span|strike|strong|style|"
    "sub|summary|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video"
)
HTML_REGION = re.compile(rf"</?(?i:{HTML_ELEMENTS})(?![\w-])(?:\s[^<>]*)?/?>")
LINK_JOIN = re.compile(r"\]\(|\]\[|\]:")
# A blank line ends a paragraph (and separates the paragraphs of a Word file):
# no name runs across it, whatever the statistical model says.
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# Our own placeholders and masks, so that anonymizing an output again leaves
# them alone instead of nesting them ("[[PERSONNE_1]]").
OWN_MARKS = re.compile(
    r"\[(?:" + "|".join(sorted(set(LABELS.values()))) + r")_\d+\]|" + re.escape(MASK[0]) + "+"
)
# Structured identifiers are never cut: syntax next to an e-mail or a URL is
# replaced with it rather than leave half of it in clear (fail closed).
UNCUT_TYPES = frozenset({"EMAIL", "URL", "PHONE", "ID"})
NAME_TYPES = ("PERSON", "LOCATION", "ORG")
WORD = re.compile(r"[^\W\d_]+")


def protected_mask(text: str) -> bytearray:
    """1 for every character that is Markdown or YAML syntax and must stay as is."""
    mask = bytearray(len(text))

    def protect(start: int, end: int) -> None:
        mask[start:end] = b"\x01" * (end - start)

    if m := FRONT_MATTER.match(text):
        protect(*m.span("open"))
        protect(*m.span("close"))
        body_start = m.start("body")
        for k in YAML_KEY.finditer(m.group("body")):
            protect(body_start + k.start(), body_start + k.end())
    for region in HTML_REGION.finditer(text):
        for t in HTML_TAG.finditer(region.group()):
            protect(region.start() + t.start(), region.start() + t.end())
    for pattern in (LINK_JOIN, BLANK_LINE):
        for j in pattern.finditer(text):
            protect(*j.span())
    for span in syntax_spans(text):  # wikilinks, embeds and tags (vault.py)
        protect(*span)
    return mask


def _own_marks(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in OWN_MARKS.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def protect(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with every syntax character of `text` cut out of them.

    A detection that touches one of our own placeholders is dropped: it is the
    model reacting to "[PERSONNE_1]", and what it swallowed around it was not
    an identifier in the run that wrote the placeholder.
    """
    own = _own_marks(text)
    if any(own):
        entities = [e for e in entities if not any(own[e.start : e.end])]
    mask = protected_mask(text)
    if not any(mask):
        return entities
    out: list[Entity] = []
    for e in entities:
        if e.type in UNCUT_TYPES or not any(mask[e.start : e.end]):
            out.append(e)
        elif all(mask[e.start : e.end]):
            out.append(e)  # a name that is itself a key ("- Claire Dupont: coachée"): replaced
        else:
            out.extend(p for p in pieces_outside(e, text, mask) if not _ordinary_piece(p))
    return out


def _ordinary_piece(piece: Entity) -> bool:
    """A piece of a cut name made of ordinary words only: the heading of a
    wikilink ("[[Julien Marchand#Bilan]]"), a word after a link ("]]. Tél")."""
    words = WORD.findall(piece.text)
    return piece.type in NAME_TYPES and bool(words) and all(is_ordinary_word(w) for w in words)

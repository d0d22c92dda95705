"""Word (.docx): anonymize the text where it lives, keep every run's formatting.

The text of a Word file is scattered: body paragraphs, tables, text boxes,
headers and footers, footnotes, endnotes, comments, deleted text of tracked
changes, field codes, hyperlink targets, image descriptions, and the file's
properties. All of it is gathered into one plain text (segments separated by
a blank line) that goes through the same pipeline as a note, so names found
in the body are also caught in a comment or a footer. Each change is then
written back into the XML text nodes it covers: the new text goes into the
first node of the span and the others lose their share, so a name split over
a bold and a plain run ("Jul" + "ien") is replaced without touching either
run's formatting.

Metadata that names people (author, last modified by, comment authors,
company, manager, custom properties, template path, thumbnail) is cleared;
the title, subject, keywords, description and category are anonymized like
the text. The file's timestamps, which would date the session to the
second, are removed; those of comments and tracked changes are coarsened
like the dates of the text (to the month by default). `metadata_leaks`
lists whatever of this a file still holds, for the publishing gate.

A Word file is a zip: its parts are bounded before anything is unzipped
(`limits.unzipped_limit`), and its extracted text by the note size limit,
so a small file that unzips to megabytes of XML is refused at once.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as open_docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from lxml import etree

from ...errors import NoteTooLarge, UnreadableNote
from ...results import Result
from ..limits import describe_size, unzipped_limit
from ..writer import atomic_write_bytes
from .edits import Edit, edits_of

SEPARATOR = "\n\n"
ENCODING = "docx"
# Parts of a WordprocessingML package whose paragraphs carry text.
TEXT_PARTS = {
    CT.WML_DOCUMENT_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    CT.WML_DOCUMENT_GLOSSARY,
    CT.WML_HEADER,
    CT.WML_FOOTER,
    CT.WML_FOOTNOTES,
    CT.WML_ENDNOTES,
    CT.WML_COMMENTS,
}
PEOPLE_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"
APP_PART = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CUSTOM_PART = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
COMMENTS_EXTENSIBLE_PART = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml"
)
ATTACHED_TEMPLATE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
)
NEUTRAL_TEMPLATE = "Normal.dotm"  # what a template path is cleared to
# Core properties anonymized like text, and those cleared outright.
CORE_TEXT = ("title", "subject", "keywords", "comments", "category", "identifier")
CORE_CLEARED = ("author", "last_modified_by")
CORE_DATES = ("created", "modified", "lastPrinted")
# Extended properties (docProps/app.xml) that name people or places.
APP_CLEARED = ("Company", "Manager", "HyperlinkBase", "TitlesOfParts")
# Attributes naming a reviewer anywhere in the package (comments, tracked
# changes, people.xml): local name -> neutral value.
PERSON_ATTRIBUTES = {"author": "Auteur", "initials": "A", "userId": "", "providerId": ""}
# Elements whose author attribute is a reviewer, by channel (for the gate).
AUTHOR_CHANNELS = {"comment": "comment author", "person": "reviewer"}
TRACKED_CHANGE = "tracked change author"
# Timestamps of comments and tracked changes (w:date, w16cex:dateUtc).
DATE_ATTRIBUTES = ("date", "dateUtc")
TIMESTAMP = re.compile(r"(\d{4})-(\d{2})")
SEASON_START = {12: 12, 1: 12, 2: 12, 3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9}
# Attributes of drawings that hold free text (alt text of images).
DESCRIPTION_ATTRIBUTES = ("descr", "title")

W_P, W_T, W_DEL_TEXT, W_INSTR = qn("w:p"), qn("w:t"), qn("w:delText"), qn("w:instrText")
W_DEL, W_FLD_SIMPLE = qn("w:del"), qn("w:fldSimple")
# Elements inside a run that stand for one character of text.
FIXED = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# Property subtrees hold tab stops and change records, never text.
SKIPPED = {qn("w:pPr"), qn("w:rPr"), qn("w:tblPr"), qn("w:sectPr"), qn("w:tcPr"), qn("w:trPr")}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


# -- segments: pieces of text and how to write each one back -----------------


@dataclass
class _Node:
    element: etree._Element
    text: str
    editable: bool
    start: int = 0


@dataclass
class NodeSegment:
    """Text spread over XML text nodes (one paragraph's runs)."""

    nodes: list[_Node]
    text: str = ""

    def __post_init__(self) -> None:
        offset = 0
        for node in self.nodes:
            node.start = offset
            offset += len(node.text)
        self.text = "".join(node.text for node in self.nodes)

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        texts = {id(n): n.text for n in self.nodes if n.editable}
        removed: list[_Node] = []
        for start, end, new in sorted(edits, reverse=True):
            covered = [n for n in self.nodes if n.start < end and n.start + len(n.text) > start]
            first = next((n for n in covered if n.editable), None)
            if first is None:  # only possible for an insertion between nodes
                first = self._node_at(start)
                covered = [first]
            for n in covered:
                if not n.editable:
                    if start <= n.start and n.start + len(n.text) <= end:
                        removed.append(n)
                    continue
                a = max(start, n.start) - n.start
                b = min(end, n.start + len(n.text)) - n.start
                current = texts[id(n)]
                texts[id(n)] = current[:a] + (new if n is first else "") + current[b:]
        for n in self.nodes:
            if n.editable and texts[id(n)] != n.text:
                n.element.text = texts[id(n)]
                n.element.set(XML_SPACE, "preserve")
        for n in removed:
            parent = n.element.getparent()
            if parent is not None:
                parent.remove(n.element)

    def _node_at(self, offset: int) -> _Node:
        editable = [n for n in self.nodes if n.editable]
        before = [n for n in editable if n.start <= offset]
        return before[-1] if before else editable[0]


@dataclass
class ValueSegment:
    """A whole string held elsewhere: an attribute, a link target, a property."""

    text: str
    setter: object = field(repr=False)

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        value = self.text
        for start, end, new in sorted(edits, reverse=True):
            value = value[:start] + new + value[end:]
        self.setter(value)  # type: ignore[operator]


def _walk(element: etree._Element, visible: list, deleted: list, instr: list) -> None:
    """Text nodes of one paragraph in document order, nested paragraphs excluded."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED or tag == W_P:
            continue
        if tag == W_T:
            visible.append(_Node(child, child.text or "", True))
        elif tag == W_DEL_TEXT:
            deleted.append(_Node(child, child.text or "", True))
        elif tag == W_INSTR:
            instr.append(_Node(child, child.text or "", True))
        elif tag in FIXED:
            visible.append(_Node(child, FIXED[tag], False))
        else:
            _walk(child, visible, deleted, instr)


def _attribute_setter(element: etree._Element, name: str):
    return lambda value: element.set(name, value)


def _part_segments(root: etree._Element) -> list:
    segments: list = []
    for p in root.iter(W_P):
        visible: list[_Node] = []
        deleted: list[_Node] = []
        instr: list[_Node] = []
        _walk(p, visible, deleted, instr)
        segments.extend(NodeSegment(nodes) for nodes in (visible, deleted, instr) if nodes)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        if element.tag == W_FLD_SIMPLE and element.get(qn("w:instr")):
            name = qn("w:instr")
            segments.append(ValueSegment(element.get(name), _attribute_setter(element, name)))
        if local in ("docPr", "cNvPr"):
            for name in DESCRIPTION_ATTRIBUTES:
                if element.get(name):
                    segments.append(
                        ValueSegment(element.get(name), _attribute_setter(element, name))
                    )
    return segments


def _clear_person_attributes(root: etree._Element) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            local = etree.QName(name).localname
            if local in PERSON_ATTRIBUTES:
                element.set(name, PERSON_ATTRIBUTES[local])
        if etree.QName(element).localname == "presenceInfo":
            element.getparent().remove(element)


def coarsen_timestamp(value: str, dates: str) -> str | None:
    """A comment's or a revision's timestamp at the precision of the text's dates.

    None removes it (the attribute is optional in Word). "season" keeps the
    first day of the season ("2025-01-20" -> "2024-12-01").
    """
    m = TIMESTAMP.match(value)
    if dates == "keep":
        return value
    if m is None or dates not in ("month", "season", "year"):
        return None
    year, month = int(m[1]), int(m[2])
    if not 1 <= month <= 12:
        return None
    if dates == "year":
        month = 1
    elif dates == "season":
        start = SEASON_START[month]
        year, month = (year - 1, start) if start > month else (year, start)
    return f"{year:04d}-{month:02d}-01T00:00:00Z"


def _coarsen_timestamps(root: etree._Element, dates: str) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            if etree.QName(name).localname in DATE_ATTRIBUTES:
                value = coarsen_timestamp(element.get(name), dates)
                if value is None:
                    del element.attrib[name]
                else:
                    element.set(name, value)


def _author_channel(element: etree._Element) -> str:
    return AUTHOR_CHANNELS.get(etree.QName(element).localname, TRACKED_CHANGE)


def check_package(data: bytes, max_bytes: int) -> None:
    """Refuse a Word file whose parts unzip to more than the limit, before unzipping."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UnreadableNote("not a readable Word .docx file") from None
    limit = unzipped_limit(max_bytes)
    if total > limit:
        raise NoteTooLarge(f"Word file too large once unzipped: {describe_size(total, limit)}")


# -- the document -----------------------------------------------------------


class DocxNote:
    """A Word document opened for anonymization: its text, and how to write it back."""

    def __init__(self, data: bytes, max_bytes: int) -> None:
        check_package(data, max_bytes)
        try:
            self.document = open_docx(io.BytesIO(data))
        except Exception:  # python-docx raises many kinds on a broken package
            raise UnreadableNote("not a readable Word .docx file") from None
        self.package = self.document.part.package
        # Generic parts (footnotes, endnotes, app.xml...) are bytes: parse them
        # once and serialize them back on save.
        self._parsed: dict[Part, etree._Element] = {}
        self.segments: list = []
        for part in self.package.iter_parts():
            if part.content_type in TEXT_PARTS:
                self.segments.extend(_part_segments(self._root(part)))
        self.segments.extend(self._link_segments())
        core = self.document.core_properties
        for name in CORE_TEXT:
            value = getattr(core, name)
            if value and value.strip():
                self.segments.append(ValueSegment(value, self._core_setter(name)))
        self.segments = [s for s in self.segments if s.text.strip()]
        self.starts: list[int] = []
        offset = 0
        for s in self.segments:
            self.starts.append(offset)
            offset += len(s.text) + len(SEPARATOR)
        self.text = SEPARATOR.join(s.text for s in self.segments)
        size = len(self.text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise NoteTooLarge(f"text of the Word file too large: {describe_size(size, max_bytes)}")

    def _root(self, part) -> etree._Element:
        if isinstance(part, XmlPart):
            return part.element
        if part not in self._parsed:
            self._parsed[part] = etree.fromstring(part.blob)
        return self._parsed[part]

    def _core_setter(self, name: str):
        core = self.document.core_properties
        return lambda value: setattr(core, name, value)

    def _link_segments(self) -> list[ValueSegment]:
        """Targets of hyperlinks (mailto:, profile URLs) in every part."""
        return [
            ValueSegment(rel.target_ref, _rel_setter(rel))
            for part in self.package.iter_parts()
            for rel in part.rels.values()
            if rel.is_external and rel.reltype == RT.HYPERLINK and rel.target_ref.strip()
        ]

    def locate(self, offset: int) -> tuple[int, int]:
        """(segment number, column), both from 1: a paragraph stands for a line."""
        if not self.starts:
            return 1, 1
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        column = min(max(offset - self.starts[index], 0), len(self.segments[index].text))
        return index + 1, column + 1

    def metadata_leaks(self) -> list[tuple[str, str]]:
        """(channel, value) of what `apply` would clear and the file still holds.

        The author and last editor, company and manager, the authors of
        comments and tracked changes, custom properties, the template's path
        and the thumbnail: all of them are cleared by `batch`, so any value
        left is a leak for the gate.
        """
        core = self.document.core_properties
        leaks = [(name, getattr(core, name)) for name in CORE_CLEARED if getattr(core, name)]
        seen: set[tuple[str, str]] = set()
        for part in self.package.iter_parts():
            content_type = part.content_type
            if content_type == APP_PART:
                for element in self._root(part):
                    name = etree.QName(element).localname
                    if name in ("Company", "Manager") and (element.text or "").strip():
                        leaks.append((name, element.text.strip()))
            elif content_type == CUSTOM_PART:
                for prop in self._root(part):
                    label = f"custom property {prop.get('name') or '?'}"
                    values = [(v.text or "").strip() for v in prop.iter() if v is not prop]
                    leaks += [(label, v) for v in values if v]
            elif content_type in TEXT_PARTS or content_type in (
                PEOPLE_PART,
                COMMENTS_EXTENSIBLE_PART,
            ):
                for element in self._root(part).iter():
                    if not isinstance(element.tag, str):
                        continue
                    for name, value in element.attrib.items():
                        local = etree.QName(name).localname
                        if local not in ("author", "initials") or not value.strip():
                            continue
                        if value == PERSON_ATTRIBUTES[local]:
                            continue
                        channel = _author_channel(element)
                        if local == "initials":
                            channel = channel.replace("author", "initials")
                        if (channel, value) not in seen:
                            seen.add((channel, value))
                            leaks.append((channel, value))
            for rel in part.rels.values():
                template = rel.is_external and rel.reltype == ATTACHED_TEMPLATE
                if template and rel.target_ref != NEUTRAL_TEMPLATE:
                    leaks.append(("template path", rel.target_ref))
        if any(rel.reltype == RT.THUMBNAIL for rel in self.package.rels.values()):
            leaks.append(("thumbnail", "a picture of the first page"))
        return leaks

    # -- writing back --------------------------------------------------------
    def apply(self, result: Result, dates: str = "month") -> None:
        """Write the changes of `result` (made on `self.text`) into the XML.

        `dates` is the precision of the text's dates (`Config.dates`, or
        "remove" when dates are shifted): comment and revision timestamps
        follow it.
        """
        per_segment: dict[int, list[tuple[int, int, str]]] = {}
        for edit in edits_of(self.text, result):
            for index, start, end, new in self._split(edit):
                per_segment.setdefault(index, []).append((start, end, new))
        for index, edits in per_segment.items():
            self.segments[index].apply(edits)
        self._clear_metadata(dates)

    def _split(self, edit: Edit) -> list[tuple[int, int, int, str]]:
        """An edit in local offsets of each segment it touches; the first gets the text."""
        pieces = []
        new = edit.new
        for i, (start, segment) in enumerate(zip(self.starts, self.segments, strict=True)):
            end = start + len(segment.text)
            if edit.end <= start or edit.start >= end:
                continue
            local_start, local_end = max(edit.start, start) - start, min(edit.end, end) - start
            pieces.append((i, local_start, local_end, new))
            new = ""
        return pieces

    def _clear_metadata(self, dates: str) -> None:
        core = self.document.core_properties
        for name in CORE_CLEARED:
            setattr(core, name, "")
        element = core._element
        for name in CORE_DATES:
            getattr(element, f"_remove_{name}")()
        for part in self.package.iter_parts():
            content_type = part.content_type
            if content_type in TEXT_PARTS or content_type in (
                PEOPLE_PART,
                COMMENTS_EXTENSIBLE_PART,
            ):
                _clear_person_attributes(self._root(part))
                _coarsen_timestamps(self._root(part), dates)
            elif content_type == APP_PART:
                root = self._root(part)
                for element in root:
                    if etree.QName(element).localname in APP_CLEARED:
                        for child in list(element):
                            element.remove(child)
                        element.text = None
            elif content_type == CUSTOM_PART:
                for element in self._root(part).iter():
                    if len(element) == 0 and element.text:
                        element.text = ""
            for rel in part.rels.values():
                if rel.is_external and rel.reltype == ATTACHED_TEMPLATE:
                    rel._target = NEUTRAL_TEMPLATE
        for rel_id, rel in list(self.package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                self.package.rels.pop(rel_id)

    def to_bytes(self) -> bytes:
        for part, root in self._parsed.items():
            part._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def save(self, path: Path) -> None:
        """Write atomically, like every output: a temporary file, then a rename."""
        atomic_write_bytes(path, self.to_bytes())


def _rel_setter(rel):
    def set_target(value: str) -> None:
        rel._target = value

    return set_target

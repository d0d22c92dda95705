"""`anonymize review`: a self-contained page, checked in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize import detect_text
from anonymize.cli import main
from anonymize.io.marker import OUTPUT_MARKER
from anonymize.publish.review import COLORS, find_cues

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
NOTE = """---
cliente: Julien Marchand
---

# Séance du 14 mars 2025

Julien Marchand, 38 ans, habite à Annecy. Il est directeur commercial chez Salomon depuis 2019.
Son salaire est passé à 72 000 € brut. Sa femme, Claire Dupont, est portugaise.
Il sort d'un burn-out et reprend le ramadan cette année.
Il a été élu délégué au syndicat, et il est champion de France de trail.
Contact : julien.marchand@gmail.com, 06 39 98 12 34.

La séance a surtout porté sur la délégation.
"""


class _Page(HTMLParser):
    """Collects marks (with their attributes and text) and every external reference."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.external: list[str] = []
        self.tags: set[str] = set()
        self._mark: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        for name in ("src", "href", "action", "data", "poster"):
            if attrs.get(name):
                self.external.append(f"{tag}[{name}]={attrs[name]}")
        if tag == "mark":
            self._mark = {**attrs, "text": ""}
            self.marks.append(self._mark)

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark = None

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    note = root / "seance.md"
    note.write_text(NOTE, encoding="utf-8")
    out = root / "relecture" / "review.html"
    result = CliRunner().invoke(main, ["review", str(note), "-o", str(out), "--style", "pseudonym"])
    assert result.exit_code == 0, result.output
    return out, out.read_text(encoding="utf-8")


def test_page_is_self_contained_and_warns_it_holds_raw_notes(page):
    path, html = page
    parsed = parse(html)
    assert parsed.external == []
    assert not parsed.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "default-src 'none'" in html
    assert "notes brutes" in html and "Ne la publiez pas" in html
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_every_replacement_is_highlighted_on_both_sides_with_details(page):
    _, html = page
    marks = [m for m in parse(html).marks if "ent" in m["class"].split()]
    by_n: dict[str, list[dict]] = {}
    for m in marks:
        by_n.setdefault(m["data-n"], []).append(m)
    # every detection of the note, and each on both sides
    assert len(by_n) == len(detect_text(NOTE)) >= 8
    assert all(len(pair) == 2 for pair in by_n.values())
    originals = {pair[0]["text"] for pair in by_n.values()}
    assert {"Julien Marchand", "Annecy", "julien.marchand@gmail.com"} <= originals
    for left, right in by_n.values():
        assert left["data-type"] == right["data-type"] in COLORS
        assert left["title"].startswith(f"{left['data-type']} → {right['text']} · score ")
        assert f"remplace « {left['text']} »" in right["title"]
        assert re.search(r"score \d\.\d\d · \w+", right["title"])
    assert "Julien Marchand" not in {m["text"] for m in marks if m["title"].startswith("PERSON :")}


def test_counts_per_type(page):
    _, html = page
    counts = re.search(r'<table class="counts" id="counts">(.*?)</table>', html, re.S).group(1)
    rows = dict(re.findall(r"</span>([A-Z]+)</td><td>(\d+)</td>", counts))
    assert int(rows["PERSON"]) >= 3 and rows["EMAIL"] == "1" and rows["PHONE"] == "1"


def test_sentences_to_check_by_hand(page):
    _, html = page
    items = re.findall(r'<li data-categories="([^"]+)">(.*?)</li>', html, re.S)
    categories = {c for cats, _ in items for c in cats.split()}
    assert {"job", "amount", "nationality", "health", "religion", "politics", "event"} <= categories
    assert all("délégation" not in body for _, body in items), "a plain sentence is not listed"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Elle est infirmière chez Korian.", {"job"}),
        ("Elle est infirmière.", set()),
        ("Le devis monte à 3 200 €.", {"amount"}),
        ("Il est né en Algérie, de parents algériens.", {"nationality"}),
        ("Elle est enceinte de cinq mois.", {"health"}),
        ("Il est gay et vit avec son compagnon.", {"sexuality"}),
        ("Son père est décédé en mai.", {"event"}),
        ("La TVA est de 20 % et tout est rose.", set()),
    ],
)
def test_cue_categories(sentence, expected):
    assert {c for cue in find_cues(sentence, []) for c in cue.categories} == expected


def test_replaced_words_are_not_cues():
    text = "Elle travaille chez Korian."
    assert find_cues(text, [(text.index("Korian"), len(text) - 1, "ORG")]) == []
    assert find_cues("La cheffe vient du Maroc.", [(19, 24, "LOCATION")]) == []


def test_refused_inside_a_batch_output_folder(tmp_path):
    note = tmp_path / "seance.md"
    note.write_text(NOTE, encoding="utf-8")
    public = tmp_path / "public"
    public.mkdir()
    (public / OUTPUT_MARKER).write_text("{}", encoding="utf-8")
    for out in (public / "review.html", public / "sub" / "deeper" / "review.html"):
        result = CliRunner().invoke(main, ["review", str(note), "-o", str(out)])
        assert result.exit_code == 2
        assert "batch output folder" in result.output
        assert not out.exists()


# -- headless Chromium ------------------------------------------------------------


def chromium() -> str:
    """The Chromium binary, or a failure that says how to get it (never a silent skip)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("ANONYMIZE_SKIP_BROWSER") == "1":
        pytest.skip("ANONYMIZE_SKIP_BROWSER=1: browser test skipped on request")
    pytest.fail("chromium not found: apt-get install -y chromium (Debian package)")


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG, without Pillow."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color = header[:4]
    assert depth == 8 and color in (2, 6)
    bpp = 3 if color == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(b for j, b in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def count_color(rows: list[bytes], hex_color: str) -> int:
    """Pixels of exactly this colour (a misaligned match of 3 bytes is negligible)."""
    rgb = bytes.fromhex(hex_color.lstrip("#"))
    return sum(row.count(rgb) for row in rows)


def test_highlights_render_in_headless_chromium(page, tmp_path):
    path, html = page
    dom = run_chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    rendered = parse(dom)
    assert len([m for m in rendered.marks if "ent" in m["class"].split()]) == html.count(
        '<mark class="ent'
    )
    assert "notes brutes" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review.png"
    shot.unlink(missing_ok=True)
    run_chromium(tmp_path, "--window-size=1200,1500", f"--screenshot={shot}", path.as_uri())
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 1500)
    assert count_color(rows, "#b00020") > 5000, "the red warning banner is drawn"
    for type_ in ("PERSON", "LOCATION", "EMAIL"):
        assert count_color(rows, COLORS[type_]) > 200, f"{type_} highlights are drawn"

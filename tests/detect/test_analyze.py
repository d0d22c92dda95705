"""Long notes are cut into overlapping chunks; what straddles a cut is found whole."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from anonymize import detect_text
from anonymize.detect.analyze import CHUNK_CHARS, OVERLAP_CHARS, analyze_texts, chunk_text

ROOT = Path(__file__).resolve().parents[2]
NAME = "Jean-Baptiste Marchand-Leclerc"


def _dictated_words() -> list[str]:
    """The words of the sample notes, as an automatic transcript writes them:
    lower case, no punctuation, no line breaks (nothing to cut at but spaces)."""
    words: list[str] = []
    for path in sorted((ROOT / "samples").glob("0*")):
        if path.suffix in (".md", ".txt"):
            text = path.read_text(encoding="utf-8").lower()
            words += re.findall(r"[a-zàâäçéèêëîïôöùûüÿœ'’-]+", text)
    return words


def _dictation_with_name_at(start: int, length: int = 2 * CHUNK_CHARS + 3000) -> str:
    """A dictated note of about `length` characters naming NAME once, at `start`."""
    words = itertools.cycle(_dictated_words())
    before = ""
    while len(before) < start - 40:
        before += next(words) + " "
    before = before.rstrip(" ")
    gap = start - len(" avec ") - len(before)
    n4, n3, n5 = next(
        (a, b, c)
        for a in range(12)
        for b in range(12)
        for c in range(12)
        if 4 * a + 3 * b + 5 * c == gap
    )
    before += " euh" * n4 + " ah" * n3 + " donc" * n5 + " avec "
    assert len(before) == start
    after = " qui"
    while len(before) + len(NAME) + len(after) < length:
        after += " " + next(words)
    return before + NAME + after


def _around(entities, start: int, end: int) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in entities if e.start < end and e.end > start]


def test_a_name_across_the_cut_is_found_whole():
    # "Jean-Baptiste " ends right before the 20,000th character: the only
    # place to cut there is the space inside the name
    start = CHUNK_CHARS - len("Jean-Baptiste ") - 10
    note = _dictation_with_name_at(start)
    assert ". " not in note and "\n" not in note
    owned = [(c.owns_from, c.owns_to) for c in chunk_text(note)]
    assert owned[0][1] == start + len("Jean-Baptiste ")  # the cut is inside the name

    inside = _dictation_with_name_at(3000)
    assert len(chunk_text(inside)) > 1

    across = _around(detect_text(note), start, start + len(NAME))
    well_inside = _around(detect_text(inside), 3000, 3000 + len(NAME))
    assert across == well_inside == [("PERSON", NAME)]


def test_a_detection_in_the_overlap_is_reported_once():
    # the name sits in the stretch both chunks read
    start = CHUNK_CHARS - 200
    note = _dictation_with_name_at(start)
    chunks = chunk_text(note)
    assert chunks[1].offset < start < chunks[0].offset + len(chunks[0].text)
    raw = next(analyze_texts([note]))
    keys = [(e.start, e.end, e.type, e.recognizer) for e in raw]
    assert len(keys) == len(set(keys))
    assert all(note[e.start : e.end] == e.text for e in raw)
    assert ("PERSON", NAME) in _around(raw, start, start + len(NAME))


# -- chunk_text -----------------------------------------------------------------


def test_a_short_note_is_one_chunk():
    text = "Séance avec Julien.\n\nIl va mieux."
    assert chunk_text(text) == [(0, text, 0, len(text))]
    assert chunk_text("") == [(0, "", 0, 0)]


def _check_tiling(text: str, limit: int, overlap: int) -> list:
    chunks = chunk_text(text, limit, overlap)
    # the owned stretches tile the note, in order
    assert chunks[0].owns_from == 0 and chunks[-1].owns_to == len(text)
    for a, b in itertools.pairwise(chunks):
        assert a.owns_to == b.owns_from
    for c in chunks:
        assert c.text == text[c.offset : c.offset + len(c.text)]
        # a chunk reads its owned stretch whole, and some context around it
        assert c.offset <= c.owns_from < c.owns_to <= c.offset + len(c.text)
        assert c.owns_to - c.owns_from <= limit
        assert len(c.text) <= limit + 4 * overlap
    return chunks


def test_chunks_cut_at_blank_lines_first_and_overlap_to_a_space():
    paragraph = "Julien Marchand parle de son travail à Annecy avec sa manager. " * 40
    text = "\n\n".join([paragraph] * 12)
    chunks = _check_tiling(text, 10_000, 300)
    assert len(chunks) > 2
    for a, b in itertools.pairwise(chunks):
        assert text[a.owns_to - 2 : a.owns_to] == "\n\n"
        # the neighbour starts about `overlap` before the cut, at a word's start
        assert 300 <= a.owns_to - b.offset <= 600
        assert text[b.offset - 1].isspace() and not text[b.offset].isspace()
        # and this chunk ends about `overlap` after it, at a word's end
        end = a.offset + len(a.text)
        assert 300 <= end - a.owns_to <= 600
        assert text[end].isspace() and not text[end - 1].isspace()


@pytest.mark.parametrize(
    ("glue", "expected_end"),
    [("\n", "\n"), (". ", ". "), (" ", " ")],
    ids=["line", "sentence", "space"],
)
def test_without_blank_lines_chunks_cut_at_lines_then_sentences_then_spaces(glue, expected_end):
    text = glue.join(["Claire Marchand travaille chez Salomon depuis huit ans"] * 800)
    chunks = _check_tiling(text, 10_000, 300)
    for c in chunks[:-1]:
        assert text[: c.owns_to].endswith(expected_end)


def test_text_without_spaces_is_cut_hard():
    text = "x" * 45_000
    chunks = _check_tiling(text, 10_000, 300)
    assert [c.owns_to for c in chunks] == [10_000, 20_000, 30_000, 40_000, 45_000]
    # no space within reach: the overlap is cut inside the word
    assert [c.owns_from - c.offset for c in chunks] == [0, 300, 300, 300, 300]


def test_default_overlap_is_a_few_hundred_characters():
    assert 200 <= OVERLAP_CHARS <= 1000 < CHUNK_CHARS

"""bench/folder.py: the re-cast folder keeps its gold right, and the counts count exactly."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("bench_folder", ROOT / "bench" / "folder.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_folder"] = module
    spec.loader.exec_module(module)
    return module


folder = _load()


@pytest.fixture(scope="module")
def names():
    return folder.load_names()


@pytest.fixture(scope="module")
def built(tmp_path_factory, names):
    dst = tmp_path_factory.mktemp("recast")
    written = folder.build_folder([ROOT / "samples"], dst, 6, seed=3, names=names)
    return dst, written


def test_recast_gold_offsets_match_the_text(built):
    dst, written = built
    assert len(written) == 6
    spans_seen = 0
    for name in written:
        text = (dst / name).read_text(encoding="utf-8")
        gold = json.loads((dst / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
        assert gold["document"] == name
        end = 0
        for span in gold["entities"]:
            assert text[span["start"] : span["end"]] == span["text"], (name, span)
            assert span["start"] >= end  # sorted, no overlap
            end = span["end"]
            spans_seen += 1
        for phrase in gold["keep"]:
            assert phrase in text
    assert spans_seen > 300


def test_recast_gives_other_people_consistently(built, names):
    dst, written = built
    originals = {d.name: d for d in folder.load_gold(ROOT / "samples")}
    for name in written:
        gold = json.loads((dst / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
        source = originals[gold["source"]]
        old = [s for s in source.spans if s["type"] == "PERSON"]
        new = [s for s in gold["entities"] if s["type"] == "PERSON"]
        assert len(old) == len(new)
        renamed = sum(a["text"] != b["text"] for a, b in zip(old, new, strict=True))
        assert renamed >= 0.9 * len(old), name
        # one original surface, one new surface, within the copy
        table: dict[str, set[str]] = {}
        for a, b in zip(old, new, strict=True):
            table.setdefault(a["text"], set()).add(b["text"])
        assert all(len(v) == 1 for v in table.values()), name
        # a lone first name keeps its gender when the lists know it
        for b in new:
            if b.get("role") == "first" and b.get("gender"):
                assert names.gender(b["text"]) == b["gender"]
    with_names = [n for n in written if "_" not in n[:5] and not n.startswith("c0")]
    assert with_names, written
    for name in with_names:
        gold = json.loads((dst / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
        person = gold["filename_names"][-1]
        assert all(folder.slug(w) in folder.slug(name) for w in person.split()), name


SRC = "Mme Claire Martin habite à Dreux avec Léa. Claire a vu Paul hier ; Paul est content.\n"
OUT = (
    "Sophie Durand habite à Julien avec Thomas. "
    "Sophie a vu Arnaud 254 hier ; Arnaud 254 est content.\n"
)


def _gold(text: str, items: list[tuple[str, str, dict]]) -> list[dict]:
    spans, pos = [], 0
    for surface, kind, extra in items:
        start = text.index(surface, pos)
        spans.append({"start": start, "end": start + len(surface), "type": kind, "text": surface})
        spans[-1].update(extra)
        pos = start + len(surface)
    return spans


def test_counts_a_hand_made_defect_exactly(names):
    for first, gender in (("Léa", "F"), ("Thomas", "M"), ("Sophie", "F"), ("Arnaud", "M")):
        assert names.gender(first, names.out_gender) == gender
    assert names.is_first("Julien") and folder.fold("Julien") not in names.communes
    spans = _gold(
        SRC,
        [
            ("Claire Martin", "PERSON", {"role": "full", "gender": "F"}),
            ("Dreux", "LOCATION", {}),
            ("Léa", "PERSON", {"role": "first", "gender": "F"}),
            ("Claire", "PERSON", {"role": "first", "gender": "F"}),
            ("Paul", "PERSON", {"role": "first", "gender": "M"}),
            ("Paul", "PERSON", {"role": "first", "gender": "M"}),
        ],
    )
    key = "claire-martin_bilan.md"
    doc = folder.Doc(key, SRC, spans, [], {"filename_names": ["Claire Martin"]})
    fig = folder.Figures()
    folder.Checker(names, {key: doc}).count(fig, key, SRC, OUT, "sophie durand_bilan.md")
    expected = {
        "numbered": 2,  # "Arnaud 254", twice
        "titles": 1,  # "Mme" lost
        "place->first name": 1,  # Dreux -> Julien
        "gender flips": 1,  # Léa -> Thomas
        "file names": 1,  # gained a space
    }
    keys = folder.COUNT_KEYS + folder.INFO_KEYS
    assert {k: fig.counts[k] for k in keys} == {k: expected.get(k, 0) for k in keys}
    assert (fig.detail["gender total"], fig.detail["gender kept"]) == (4, 3)
    assert fig.gender_share == 75.0
    assert set(fig.failing()) == (set(expected) - {"gender flips"}) | {"gender kept"}


def test_counts_renderings_leaks_and_reused_names(names):
    src = "Paul Morel voit Paul. Puis Paul part à Rennes. Morel reste.\n"
    out = "Marc Morel voit Luc. Puis Hugo part à Rennes. Vincent reste.\n"
    spans = _gold(
        src,
        [
            ("Paul Morel", "PERSON", {"role": "full"}),
            ("Paul", "PERSON", {"role": "first", "gender": "M"}),
            ("Paul", "PERSON", {"role": "first", "gender": "M"}),
            ("Rennes", "LOCATION", {}),
            ("Morel", "PERSON", {"role": "last"}),
        ],
    )
    other = "Notes sur Hugo Lenoir.\n"
    docs = {
        "a.md": folder.Doc("a.md", src, spans),
        "b.md": folder.Doc("b.md", other, _gold(other, [("Hugo Lenoir", "PERSON", {})])),
    }
    fig = folder.Figures()
    folder.Checker(names, docs).count(fig, "a.md", src, out, "morel_a.md")
    assert fig.counts["inconsistent"] == 1  # Paul -> Luc, Hugo
    assert fig.counts["name parts"] == 2  # Paul alone is not Marc; Morel alone is not Morel
    assert fig.counts["leaks"] == 2  # Rennes kept; Morel kept inside "Marc Morel"
    assert fig.counts["real names reused"] == 1  # Hugo, a real name of b.md
    assert fig.detail["real names reused (folder)"] == 1
    assert fig.counts["file names"] == 1  # "Morel" still in the file name
    assert fig.detail["file names keeping a real name"] == 1


def test_a_small_run_end_to_end(tmp_path):
    if not (ROOT / ".venv" / "bin" / "anonymize").exists() and not shutil.which("anonymize"):
        pytest.skip("the anonymize CLI is not installed")
    out = tmp_path / "figures.json"
    args = ["--notes", "4", "--no-builtin", "--corpus", str(ROOT / "samples"), "--jobs", "1"]
    args += ["--json", str(out), "--keep", str(tmp_path / "kept"), "--examples", "1"]
    code = folder.main(args)
    assert code == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["notes"] == 4 and figures["seconds"] > 0
    assert set(folder.COUNT_KEYS + folder.INFO_KEYS) == set(figures["counts"])
    report = json.loads((tmp_path / "kept" / "report.json").read_text(encoding="utf-8"))
    # every entry of SRC has a line: the four notes, and their gold files skipped
    assert len([f for f in report["files"] if f["status"] != "skipped"]) == 4

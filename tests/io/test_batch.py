"""`batch` when things go wrong: every file reported, no traceback, no orphan, no half file."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymize.cli import main
from anonymize.config import Config
from anonymize.detect import engine
from anonymize.io.marker import OUTPUT_MARKER

from ..helpers import NOTE_A, NOTE_B, make_notes, tree_digest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CLI = [sys.executable, "-c", "from anonymize.cli import run; run()"]


def _batch(*args: str):
    return CliRunner().invoke(main, ["batch", *args])


def _report(path: Path) -> dict[str, dict]:
    return {f["source"]: f for f in json.loads(path.read_text(encoding="utf-8"))["files"]}


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /mnt"],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


UNSHARE = _unshare_works()
needs_mounts = pytest.mark.skipif(not UNSHARE, reason="no user namespace to mount a tmpfs")


# -- every entry of SRC gets a line --------------------------------------------------


@pytest.fixture
def odd_tree(tmp_path):
    src = make_notes(tmp_path)  # a.md, 2025/mars/b.txt, ignored.pdf
    (src / ".brouillon.md").write_text("Julien Marchand, brouillon.\n", encoding="utf-8")
    (src / ".obsidian").mkdir()
    (src / ".obsidian" / "workspace.md").write_text("Claire Marchand\n", encoding="utf-8")
    os.mkfifo(src / "tube.md")
    (src / "casse.md").symlink_to(src / "absent.md")
    (src / "copie.md").symlink_to(src / "a.md")
    secret = tmp_path / "ailleurs.md"
    secret.write_text("Hélène Roussel vit à Besançon.\n", encoding="utf-8")
    (src / "dehors.md").symlink_to(secret)
    (src / "~$seance.docx").write_bytes(b"\x00lock")
    return src


def test_every_entry_of_the_source_gets_a_line_with_its_reason(odd_tree, tmp_path):
    dst, report = tmp_path / "out", tmp_path / "r.json"
    result = _batch(str(odd_tree), "-o", str(dst), "--report", str(report))
    assert result.exit_code == 0, result.output
    files = _report(report)
    expected = {
        "a.md": ("ok", None),
        "2025/mars/b.txt": ("ok", None),
        "ignored.pdf": ("skipped", "not a note"),
        ".brouillon.md": ("skipped", "hidden file"),
        ".obsidian/": ("skipped", "hidden folder"),
        "tube.md": ("skipped", "FIFO"),
        "casse.md": ("skipped", "dangling symbolic link"),
        "copie.md": ("skipped", "symbolic link (not followed"),
        "dehors.md": ("skipped", "symbolic link"),
        "~$seance.docx": ("skipped", "Word lock file"),
    }
    assert set(files) == set(expected)
    for source, (status, reason) in expected.items():
        assert files[source]["status"] == status, source
        assert (files[source]["reason"] or "").startswith(reason or "") or reason in (
            files[source]["reason"] or ""
        ), (source, files[source]["reason"])
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    assert (summary["ok"], summary["skipped"], summary["failed"]) == (2, 8, 0)
    written = sorted(p.name for p in dst.rglob("*") if p.is_file() and p.name != OUTPUT_MARKER)
    assert written == ["a.md", "b.txt"], "nothing hidden, linked or special was written"


def test_links_are_followed_on_request_but_never_out_of_the_source(odd_tree, tmp_path):
    dst, report = tmp_path / "out", tmp_path / "r.json"
    result = _batch(str(odd_tree), "-o", str(dst), "--report", str(report), "--follow-symlinks")
    assert result.exit_code == 0, result.output
    files = _report(report)
    assert files["copie.md"]["status"] == "ok"
    assert files["dehors.md"]["status"] == "skipped"
    assert "outside the source folder" in files["dehors.md"]["reason"]
    assert not any("Roussel" in p.read_text("utf-8") for p in dst.rglob("*.md"))


# -- refused before the analysis -------------------------------------------------------


def test_a_destination_holding_notes_is_refused_before_any_analysis(tmp_path):
    src = make_notes(tmp_path)
    dst = tmp_path / "public"
    dst.mkdir()
    (dst / "ancienne.md").write_text("Une note déjà publiée.\n", encoding="utf-8")
    before = tree_digest(dst)
    # a config of its own, so that its engine is built only if the analysis starts
    config = tmp_path / "anonymize.toml"
    config.write_text('[lists]\ndeny = ["Zorglub-refus-avant-analyse"]\n', encoding="utf-8")
    result = _batch(str(src), "-o", str(dst), "--config", str(config))
    assert result.exit_code == 2
    assert "already holds notes (ancienne.md)" in result.output and "--force" in result.output
    assert tree_digest(dst) == before, "nothing written"
    key = Config(deny=["Zorglub-refus-avant-analyse"]).cache_key()
    assert key not in engine._engines, "the model was not even asked for"


@needs_mounts
def test_a_read_only_destination_is_refused_before_the_analysis(tmp_path):
    src = make_notes(tmp_path)
    dst = tmp_path / "public"
    dst.mkdir()
    script = (
        f'mount --bind "{dst}" "{dst}" && mount -o remount,ro,bind "{dst}" && '
        f'exec "$@" batch "{src}" -o "{dst}" --report "{tmp_path / "r.json"}"'
    )
    started = time.monotonic()
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", *CLI],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2, run.stderr[-3000:]
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert any("is not writable: Read-only file system" in ln for ln in lines), run.stderr
    assert "Traceback" not in run.stderr
    assert time.monotonic() - started < 60
    assert list(dst.iterdir()) == []


# -- disk full, read-only while writing -----------------------------------------------------


def test_a_folder_turned_read_only_while_writing_ends_in_one_line_and_a_report(
    tmp_path, monkeypatch
):
    src = make_notes(tmp_path)
    dst, report = tmp_path / "out", tmp_path / "r.json"
    real_replace = os.replace

    def read_only(a, b, *args, **kwargs):
        if str(b).startswith(str(dst)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_replace(a, b, *args, **kwargs)

    monkeypatch.setattr(os, "replace", read_only)
    result = _batch(str(src), "-o", str(dst), "--report", str(report))
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    assert result.exit_code == 1
    assert "error: the output folder is read-only: 2 of 2 notes not written" in result.stderr
    files = _report(report)
    assert files["a.md"]["status"] == "failed"
    assert files["a.md"]["error"] == "cannot write: Read-only file system"
    assert not [p for p in dst.rglob("*") if p.is_file()], "no half file, no temporary file"


def test_a_disk_filling_up_while_writing_keeps_what_fits(tmp_path, monkeypatch):
    src = tmp_path / "notes"
    src.mkdir()
    for i in range(6):
        (src / f"n{i}.md").write_text(NOTE_A if i % 2 else NOTE_B, encoding="utf-8")
    dst, report = tmp_path / "out", tmp_path / "r.json"
    reference = tmp_path / "reference"
    assert _batch(str(src), "-o", str(reference), "--seed", "5").exit_code == 0
    budget = {"left": 900}  # bytes the disk still takes
    real_fsync = os.fsync

    def filling(fd):  # a file system with delayed allocation reports ENOSPC on fsync
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(dst)):
            size = os.fstat(fd).st_size
            if size > budget["left"]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            budget["left"] -= size
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", filling)
    result = _batch(str(src), "-o", str(dst), "--report", str(report), "--seed", "5")
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "error: the disk is full:" in result.stderr
    assert "Traceback" not in result.output
    files = _report(report)
    statuses = [files[f"n{i}.md"]["status"] for i in range(6)]
    assert "ok" in statuses and "failed" in statuses, statuses
    for name, f in files.items():
        out = dst / name
        if f["status"] == "ok":
            assert out.read_bytes() == (reference / name).read_bytes(), "a whole file"
        else:
            assert f["error"] == "cannot write: No space left on device"
            assert not out.exists()
    assert not list(dst.rglob("*.tmp"))


@needs_mounts
def test_a_really_full_disk_ends_in_one_line_and_a_report(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    for i in range(8):
        (src / f"seance-{i}.md").write_text((NOTE_A + NOTE_B) * 12, encoding="utf-8")
    mount, report = tmp_path / "petit-disque", tmp_path / "r.json"
    mount.mkdir()
    copy, reference = tmp_path / "copie", tmp_path / "reference"
    run = subprocess.run(
        [*CLI, "batch", str(src), "-o", str(reference), "--seed", "5"],
        capture_output=True,
        timeout=300,
    )
    assert run.returncode == 0
    script = (
        f'mount -t tmpfs -o size=64k tmpfs "{mount}" && '
        f'"$@" batch "{src}" -o "{mount}/out" --report "{report}" --seed 5; rc=$?; '
        f'cp -a "{mount}/out" "{copy}"; exit $rc'
    )
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", *CLI],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert "error: the disk is full:" in run.stderr
    files = _report(report)
    assert len(files) == 8
    ok = [name for name, f in files.items() if f["status"] == "ok"]
    assert ok and len(ok) < 8
    for name, f in files.items():
        if f["status"] == "ok":
            assert (copy / name).read_bytes() == (reference / name).read_bytes()
        else:
            assert f["error"] == "cannot write: No space left on device"
            assert not (copy / name).exists()
    assert not list(copy.rglob("*.tmp"))


# -- --force and the outputs of deleted notes -------------------------------------------


def test_force_removes_the_outputs_of_deleted_notes_and_their_records(tmp_path):
    src, dst, report = make_notes(tmp_path), tmp_path / "out", tmp_path / "r.json"
    assert _batch(str(src), "-o", str(dst)).exit_code == 0
    (dst / "mien.md").write_text("Une note à moi.\n", encoding="utf-8")
    (src / "2025" / "mars" / "b.txt").unlink()
    result = _batch(str(src), "-o", str(dst), "--force", "--report", str(report))
    assert result.exit_code == 0, result.output
    assert not (dst / "2025").exists(), "the output of the deleted note is gone"
    assert (dst / "mien.md").is_file(), "a file no run of this source wrote is kept"
    marker = json.loads((dst / OUTPUT_MARKER).read_text(encoding="utf-8"))
    assert sorted(marker["files"]) == ["a.md"]
    assert json.loads(report.read_text(encoding="utf-8"))["removed"] == ["2025/mars/b.txt"]


# -- kill -9 of the parent: no orphan -----------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_die_with_a_killed_parent(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    samples = sorted(SAMPLES.glob("*.md")) + sorted(SAMPLES.glob("*.txt"))
    for i in range(60):
        shutil.copy(samples[i % len(samples)], src / f"{i:02d}-{samples[i % len(samples)].name}")
    parent = subprocess.Popen(
        [*CLI, "batch", str(src), "-o", str(tmp_path / "out"), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 240
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = [p for p in _children(parent.pid) if _alive(p)]
        assert len(workers) == 2, "the batch never started its two workers"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)], "workers outlived their parent"
    finally:
        for pid in [parent.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)

"""Small faults of the commands: each ends in one clear line, never a traceback or a hang."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

from click.testing import CliRunner

from anonymize.cli import main

from .helpers import NOTE_A

CLI = [sys.executable, "-c", "from anonymize.cli import run; run()"]


def _run(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, **kwargs)


def test_a_closed_stdin_is_a_clear_error():
    run = subprocess.run(
        ["sh", "-c", '"$@" text - <&-', "sh", *CLI], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 1
    assert "stdin is closed" in run.stderr
    assert "Traceback" not in run.stderr and "AttributeError" not in run.stderr


def test_text_and_check_on_a_fifo_do_not_block(tmp_path):
    fifo = tmp_path / "seance.md"
    os.mkfifo(fifo)
    for command in ("text", "check"):
        run = _run(command, str(fifo), timeout=30, cwd=tmp_path)
        assert run.returncode == 1, (command, run.stderr)
        assert "not a regular file: a FIFO" in run.stderr, command
        assert "Traceback" not in run.stderr


def test_review_does_not_overwrite_without_force(tmp_path):
    note = tmp_path / "seance.md"
    note.write_text(NOTE_A, encoding="utf-8")
    page = tmp_path / "relecture.html"
    page.write_text("mon brouillon", encoding="utf-8")
    refused = CliRunner().invoke(main, ["review", str(note), "-o", str(page)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert page.read_text(encoding="utf-8") == "mon brouillon"
    forced = CliRunner().invoke(main, ["review", str(note), "-o", str(page), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "<!DOCTYPE html>" in page.read_text(encoding="utf-8")


def test_a_short_passphrase_for_a_new_mapping_is_refused_before_anything_is_written(
    tmp_path, monkeypatch
):
    mapping = tmp_path / "mapping.bin"
    monkeypatch.setenv("ANONYMIZE_PASSPHRASE", "1234567")
    result = CliRunner().invoke(main, ["text", "--mapping", str(mapping)], input=NOTE_A)
    assert result.exit_code == 2
    assert "passphrase is too short (7 characters): use at least 8" in result.output
    assert not mapping.exists() and "Marchand" not in result.output
    monkeypatch.setenv("ANONYMIZE_PASSPHRASE", "12345678")
    result = CliRunner().invoke(main, ["text", "--mapping", str(mapping)], input=NOTE_A)
    assert result.exit_code == 0 and mapping.exists()


def test_a_full_disk_under_text_output_is_one_line(tmp_path, monkeypatch):
    out = tmp_path / "publiable.md"
    real_fsync = os.fsync

    def full(fd):  # what a file system with delayed allocation reports
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(tmp_path)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = CliRunner().invoke(main, ["text", "-o", str(out)], input=NOTE_A)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert f"cannot write {out}: No space left on device" in result.output
    assert not list(tmp_path.iterdir()), "no output, no temporary file"

"""The coach's own patterns: found as configured, and never stalling a note."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from click.testing import CliRunner

from anonymize.cli import main
from recognizers.user.custom_patterns import CustomPatternRecognizer, drain_timeouts

CLI = [sys.executable, "-c", "from anonymize.cli import run; run()"]
HOSTILE = (
    '[[recognizers]]\nname = "piege"\nentity = "ID"\nregex = "(a+)+$"\n\n'
    '[[recognizers]]\nname = "dossier"\nentity = "ID"\nregex = "\\\\bK\\\\d{4}\\\\b"\n'
)
LINE = "a" * 5000 + "b"
NOTE = f"Dossier K1234 : Julien Marchand habite à Annecy.\n{LINE}\nRappeler au 06 12 34 56 78.\n"


def test_a_hostile_pattern_runs_out_of_time_and_the_others_still_match():
    drain_timeouts()
    hostile = CustomPatternRecognizer("piege", "ID", "(a+)+$")
    fine = CustomPatternRecognizer("dossier", "ID", r"\bK\d{4}\b")
    started = time.monotonic()
    assert hostile.analyze(NOTE, ["ID"]) == []
    assert time.monotonic() - started < 5
    assert drain_timeouts() == {"piege": 1}
    found = fine.analyze(NOTE, ["ID"])
    assert [NOTE[r.start : r.end] for r in found] == ["K1234"]
    assert drain_timeouts() == {}


def test_text_with_a_hostile_pattern_warns_by_name_and_anonymizes_the_rest(tmp_path):
    (tmp_path / "anonymize.toml").write_text(HOSTILE, encoding="utf-8")
    note = tmp_path / "seance.md"
    note.write_text(NOTE, encoding="utf-8")
    run = subprocess.run(
        [*CLI, "text", str(note)], capture_output=True, text=True, timeout=45, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr[-2000:]
    for secret in ("K1234", "Julien", "Marchand", "Annecy", "06 12 34 56 78"):
        assert secret not in run.stdout
    warnings = [ln for ln in run.stderr.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 1 and "'piege'" in warnings[0] and "anonymize.toml" in warnings[0]
    assert "aaaa" not in run.stderr and "Marchand" not in run.stderr


def test_batch_reports_the_pattern_that_ran_out_of_time(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "anonymize.toml").write_text(HOSTILE, encoding="utf-8")
    for i in range(2):
        (src / f"n{i}.md").write_text(NOTE, encoding="utf-8")
    report = tmp_path / "r.json"
    drain_timeouts()
    result = CliRunner().invoke(
        main, ["batch", str(src), "-o", str(tmp_path / "out"), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    (warning,) = data["warnings"]
    assert "'piege'" in warning and "in 2 notes" in warning and "aaaa" not in warning
    assert "warning: pattern 'piege'" in result.stderr
    out = (tmp_path / "out" / "n0.md").read_text(encoding="utf-8")
    assert "K1234" not in out and "Marchand" not in out

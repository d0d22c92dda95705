"""No network at run time: the CLI gives the same result with sockets disabled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOTE = (
    "Écrire à loic.bertin@wanadoo.fr ou voir https://www.cabinet-bertin.fr/equipe, "
    "puis appeler Loïc Bertin au 06 39 98 45 12."
)
NO_NETWORK = """
import os, socket
open(os.environ["OFFLINE_MARK"], "w").close()  # proves this hook ran
def _refuse(*args, **kwargs):
    raise OSError("network access attempted during anonymization")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def _run(extra_path: Path | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if extra_path is not None:
        env["OFFLINE_MARK"] = str(extra_path / "hook-ran")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH")]))
    code = "from anonymize.cli import run; run()"
    return subprocess.run(
        [sys.executable, "-c", code, "text", "--style", "redact", "--seed", "1"],
        input=NOTE,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_same_result_with_sockets_disabled(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    offline = _run(tmp_path)
    assert (tmp_path / "hook-ran").exists(), "the socket-blocking hook did not load"
    online = _run(None)
    assert offline.returncode == 0, offline.stderr
    assert offline.stdout == online.stdout
    assert "network access attempted" not in offline.stderr
    assert "loic.bertin@wanadoo.fr" not in offline.stdout
    assert "cabinet-bertin.fr" not in offline.stdout

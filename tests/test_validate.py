"""`openenv validate`: the repository layout and a running server both pass.

Each CLI run spends seconds importing openenv, so both runs start together and the tests read
their results.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import servers

OPENENV = Path(sys.executable).parent / "openenv"


def launch(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(OPENENV), *args], cwd=servers.REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[int, str, str]]:
    assert OPENENV.exists(), f"openenv CLI not found at {OPENENV}"
    local = launch("validate", ".")
    url = servers.shared_server()
    remote = launch("validate", "--url", url)
    return {"local": finish(local), "remote": finish(remote), "url": url}  # type: ignore[dict-item]


def test_validate_repository(runs) -> None:
    code, out, err = runs["local"]
    assert code == 0, out + err
    assert "[OK]" in out


def test_validate_running_server(runs) -> None:
    code, out, err = runs["remote"]
    assert code == 0, out + err
    report = json.loads(out)
    assert report["target"] == runs["url"]
    assert report["passed"] is True
    assert report["mode"] == "simulation"
    assert report["criteria"] and all(c["passed"] for c in report["criteria"]), report["summary"]["failed_criteria"]
    assert report["summary"]["passed_count"] == report["summary"]["total_count"]

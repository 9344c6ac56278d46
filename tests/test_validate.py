"""`openenv validate` (openenv 0.10): the package and a running server pass, and what the
manifest declares is true of CaseOps.

Each CLI run spends seconds importing openenv, so both runs start together and the tests read
their JSON reports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import servers
import yaml

from caseops import splits

pytestmark = pytest.mark.validate

OPENENV = Path(sys.executable).parent / "openenv"
MANIFEST = yaml.safe_load((servers.REPO_ROOT / "openenv.yaml").read_text())
# The one check that needs a container engine: openenv starts the image to run every runtime
# check, which `validation.execution` would declare. CaseOps declares none, so it is skipped.
SKIPPED_FOR_NO_ENGINE = "runtime.startup"


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
def runs() -> dict[str, Any]:
    assert OPENENV.exists(), f"openenv CLI not found at {OPENENV}"
    local = launch("validate", ".", "--json")
    url = servers.shared_server()
    remote = launch("validate", "--url", url, "--json")
    return {"local": finish(local), "remote": finish(remote), "url": url}


def test_validate_package_has_no_failure(runs) -> None:
    code, out, err = runs["local"]
    assert code == 0, out + err
    report = json.loads(out)
    statuses = {result["check_id"]: result["status"] for result in report["results"]}
    assert report["verdict"] in ("pass", "warn"), report["verdict"]
    assert "fail" not in statuses.values(), statuses
    assert statuses["static.manifest"] == "pass"
    skipped = next(r for r in report["results"] if r["check_id"] == SKIPPED_FOR_NO_ENGINE)
    assert skipped["status"] == "skip" and "validation.execution" in skipped["evidence"][0]


def test_validate_running_server(runs) -> None:
    code, out, err = runs["remote"]
    assert code == 0, out + err
    report = json.loads(out)
    assert report["target"] == runs["url"]
    assert report["passed"] is True
    assert report["mode"] == "simulation"
    assert report["criteria"] and all(c["passed"] for c in report["criteria"]), report["summary"]["failed_criteria"]
    assert report["summary"]["passed_count"] == report["summary"]["total_count"]


def test_manifest_declares_the_real_splits() -> None:
    declared = MANIFEST["validation"]["capabilities"]["declared_task_count"]
    assert declared == {split: splits.size(split) for split in splits.SPLITS}
    assert MANIFEST["validation"]["capabilities"]["task_api"] is True


def test_manifest_names_every_authored_task() -> None:
    from caseops.scenarios import TASKS

    assert [task["id"] for task in MANIFEST["tasks"]] == list(TASKS)
    assert all(task["difficulty"] == TASKS[task["id"]].difficulty for task in MANIFEST["tasks"])


def test_declared_oracle_script_reaches_the_declared_reward(tmp_path: Path) -> None:
    validation = MANIFEST["validation"]
    script = servers.REPO_ROOT / validation["capabilities"]["oracle"]["location"]
    assert os.access(script, os.X_OK), script
    env = {**os.environ, "PYTHON": sys.executable}
    done = subprocess.run(
        [str(script), "--out", str(tmp_path), "--no-progress"],
        cwd=servers.REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(next(tmp_path.glob("oracle-authored.json")).read_text())
    low, high = validation["reward"]["range"]
    scores = [result["score"] for result in report["results"]]
    assert len(scores) == len(MANIFEST["tasks"])
    assert min(scores) >= high - validation["reward"]["oracle_tolerance"], scores
    assert all(low <= score <= high for score in scores)

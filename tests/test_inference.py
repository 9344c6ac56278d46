"""inference.py end to end: the exact stdout protocol, the results file, the policy choice, the
local and remote server paths, and END lines that appear even when an episode breaks."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import run_episode
from fake_openai import FakeOpenAI, free_port

from caseops.models import SupportDeskAction
from caseops.policies.heuristic import HeuristicPolicy
from caseops.scenarios import TASK_IDS, TASKS

REPO = Path(__file__).resolve().parent.parent
ENV_VARS = ("API_BASE_URL", "MODEL_NAME", "HF_TOKEN", "OPENAI_API_KEY", "API_KEY", "ENV_BASE_URL", "CASEOPS_RESULTS")

START = re.compile(r"^\[START\] task=(?P<task>\S+) env=caseops model=(?P<model>\S+)$")
STEP = re.compile(
    r"^\[STEP\] step=(?P<n>[1-9]\d*) action=(?P<action>[a-z_]+\(\S*\)) reward=(?P<reward>-?\d+\.\d{2}) "
    r"done=(?P<done>true|false) error=(?P<error>\S.*)$"
)
END = re.compile(
    r"^\[END\] success=(?P<success>true|false) steps=(?P<steps>\d+) score=(?P<score>\d\.\d{2}) "
    r"rewards=(?P<rewards>(?:-?\d+\.\d{2}(?:,-?\d+\.\d{2})*)?)$"
)


def _load_inference() -> ModuleType:
    """inference.py is a script at the repository root, not a package module: load it by path."""
    spec = importlib.util.spec_from_file_location("inference", REPO / "inference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


inference = sys.modules.get("inference") or _load_inference()


def parse_run(stdout: str) -> list[dict[str, Any]]:
    """Every line must be one of the three forms, in START, STEP*, END groups with steps counted 1..n."""
    episodes: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in stdout.splitlines():
        if m := START.match(line):
            assert current is None, f"START inside an episode: {line}"
            current = {"task": m["task"], "model": m["model"], "steps": []}
        elif m := STEP.match(line):
            assert current is not None, f"STEP outside an episode: {line}"
            assert int(m["n"]) == len(current["steps"]) + 1, line
            current["steps"].append(m.groupdict())
        elif m := END.match(line):
            assert current is not None, f"END without START: {line}"
            assert int(m["steps"]) == len(current["steps"])
            rewards = m["rewards"].split(",") if m["rewards"] else []
            assert rewards == [s["reward"] for s in current["steps"]]
            current["end"] = m.groupdict()
            episodes.append(current)
            current = None
        else:
            raise AssertionError(f"unexpected stdout line: {line!r}")
    assert current is None, "an episode has no END"
    return episodes


def assert_complete(episodes: list[dict[str, Any]], model: str) -> None:
    assert [e["task"] for e in episodes] == list(TASK_IDS)
    for episode in episodes:
        assert episode["model"] == model
        dones = [s["done"] for s in episode["steps"]]
        assert dones and dones[-1] == "true" and set(dones[:-1]) <= {"false"}
        score = float(episode["end"]["score"])
        assert 0.01 <= score <= 0.99
        assert episode["end"]["success"] == ("true" if score >= inference.SUCCESS_THRESHOLD else "false")


@pytest.fixture(scope="module")
def heuristic_scores() -> dict[str, str]:
    return {task_id: f"{run_episode(HeuristicPolicy(), task_id)[-1].score:.2f}" for task_id in TASK_IDS}


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture(scope="module")
def remote_server() -> Iterator[str]:
    """A real CaseOps server in its own process, started the way a deployment starts it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "server.app:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        inference.wait_for_health(url, timeout_s=45)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_offline_script_prints_exactly_the_protocol(tmp_path: Path, heuristic_scores: dict[str, str]) -> None:
    output = tmp_path / "out" / "baseline.json"
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    done = subprocess.run(
        [sys.executable, "inference.py", "--output", str(output)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    episodes = parse_run(done.stdout)  # nothing else on stdout
    assert_complete(episodes, model="heuristic")
    assert all(s["error"] == "null" for e in episodes for s in e["steps"])
    # Over the WebSocket the heuristic scores what it scores in-process.
    assert {e["task"]: e["end"]["score"] for e in episodes} == heuristic_scores

    results = json.loads(output.read_text())
    assert [t["task_id"] for t in results["tasks"]] == list(TASK_IDS)
    for task, episode in zip(results["tasks"], episodes, strict=True):
        assert set(task) >= {"task_id", "difficulty", "score", "steps", "rewards", "success"}
        assert task["difficulty"] == TASKS[task["task_id"]].difficulty
        assert f"{task['score']:.2f}" == episode["end"]["score"]
        assert task["steps"] == len(episode["steps"]) == len(task["rewards"])
        assert task["success"] == (episode["end"]["success"] == "true")
    assert results["mean_score"] == pytest.approx(sum(t["score"] for t in results["tasks"]) / len(TASK_IDS))


def test_garbage_model_still_finishes_and_reports_the_problem(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], heuristic_scores: dict[str, str]
) -> None:
    with FakeOpenAI(mode="garbage") as fake:
        clean_env.setenv("API_BASE_URL", fake.base_url)
        clean_env.setenv("MODEL_NAME", "fake/garbage-1")
        clean_env.setenv("HF_TOKEN", "hf-test")
        clean_env.setenv("CASEOPS_RESULTS", str(tmp_path / "garbage.json"))
        assert inference.main([]) == 0
    episodes = parse_run(capsys.readouterr().out)
    assert_complete(episodes, model="fake/garbage-1")
    steps = [s for e in episodes for s in e["steps"]]
    assert len(fake.requests) == len(steps)  # the model was asked at every step
    assert fake.authorizations[0] == "Bearer hf-test"
    assert all(s["error"].startswith("model answer has no JSON object") for s in steps)
    # Every step fell back to the heuristic, so the run plays exactly like it.
    assert {e["task"]: e["end"]["score"] for e in episodes} == heuristic_scores
    assert json.loads((tmp_path / "garbage.json").read_text())["model"] == "fake/garbage-1"


def test_good_model_drives_the_run_against_a_remote_server(
    clean_env: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    remote_server: str,
    heuristic_scores: dict[str, str],
) -> None:
    def no_local_server() -> None:
        raise AssertionError("ENV_BASE_URL is set: no local server may start")

    clean_env.setattr(inference, "local_server", no_local_server)
    with FakeOpenAI(mode="heuristic") as fake:
        clean_env.setenv("ENV_BASE_URL", remote_server)
        clean_env.setenv("API_BASE_URL", fake.base_url)
        clean_env.setenv("MODEL_NAME", "fake-heuristic")
        clean_env.setenv("OPENAI_API_KEY", "sk-test")
        output = tmp_path / "remote.json"
        assert inference.main(["--output", str(output)]) == 0
    episodes = parse_run(capsys.readouterr().out)
    assert_complete(episodes, model="fake-heuristic")
    assert all(s["error"] == "null" for e in episodes for s in e["steps"])
    assert len(fake.requests) == sum(len(e["steps"]) for e in episodes)
    assert {e["task"]: e["end"]["score"] for e in episodes} == heuristic_scores
    assert json.loads(output.read_text())["env_base_url"] == remote_server


def test_env_error_is_reported_and_takes_precedence(
    remote_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused operation shows the environment's error; otherwise the policy's problem shows."""

    class Stubborn:
        last_error = "model said something odd"

        def __init__(self) -> None:
            self.calls = 0
            self.heuristic = HeuristicPolicy()

        def __call__(self, observation: Any) -> SupportDeskAction:
            self.calls += 1
            return SupportDeskAction(operation="wait") if self.calls == 1 else self.heuristic(observation)

    result = inference.run_task(remote_server, "billing_refund_easy", Stubborn(), "stub", sys.stdout)
    (episode,) = parse_run(capsys.readouterr().out)
    first, *rest = episode["steps"]
    assert first["action"] == "wait()"
    assert first["error"] == "operation 'wait' is not allowed in stage 'classifying'; allowed now: classify, inspect_artifact, search_policy, submit"
    assert float(first["reward"]) < 0
    assert rest and all(s["error"] == "model said something odd" for s in rest)
    assert result.steps == len(episode["steps"]) and result.error is None


def test_end_is_printed_when_the_policy_breaks_mid_episode(
    remote_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    heuristic = HeuristicPolicy()
    calls = {"n": 0}

    def breaks_on_third(observation: Any) -> SupportDeskAction:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("policy exploded")
        return heuristic(observation)

    result = inference.run_task(remote_server, "account_takeover_medium", breaks_on_third, "heuristic", sys.stdout)
    (episode,) = parse_run(capsys.readouterr().out)
    assert len(episode["steps"]) == 2
    assert episode["end"]["success"] == "false"
    assert result.error == "RuntimeError: policy exploded"
    assert 0.01 <= result.score < 0.99 and episode["end"]["score"] == f"{result.score:.2f}"


def test_unreachable_env_still_prints_start_and_end(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_env.setenv("ENV_BASE_URL", f"http://127.0.0.1:{free_port()}")
    assert inference.main(["--output", str(tmp_path / "dead.json")]) == 1
    episodes = parse_run(capsys.readouterr().out)
    assert [e["task"] for e in episodes] == list(TASK_IDS)
    for episode in episodes:
        assert episode["steps"] == []
        assert episode["end"] == {"success": "false", "steps": "0", "score": "0.01", "rewards": ""}
    tasks = json.loads((tmp_path / "dead.json").read_text())["tasks"]
    assert all(t["error"] and "ConnectionError" in t["error"] for t in tasks)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "heuristic"),
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "m"}, "heuristic"),  # no key
        ({"MODEL_NAME": "m", "API_KEY": "k"}, "heuristic"),  # no endpoint
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "org/m", "API_KEY": "k"}, "org/m"),
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "m", "HF_TOKEN": " "}, "heuristic"),  # blank key
    ],
)
def test_policy_choice(env: dict[str, str], expected: str) -> None:
    policy, model_name = inference.build_policy(env)
    assert model_name == expected
    assert type(policy).__name__ == ("HeuristicPolicy" if expected == "heuristic" else "LLMPolicy")


def test_action_rendering_is_one_token() -> None:
    reply = "We're sorry:\nwe charged you twice, and\tthe refund is on its way to your card today."
    rendered = inference.format_action(SupportDeskAction(operation="draft_reply", reply=reply))
    assert rendered == "draft_reply(reply=We_re_sorry_we_charged_you_twice_and_the...)"
    rendered = inference.format_action(
        SupportDeskAction(operation="request_info", requested_fields=["request_ids", "sample_payload"])
    )
    assert rendered == "request_info(requested_fields=request_ids|sample_payload)"
    assert inference.format_action(SupportDeskAction(operation="wait")) == "wait()"
    assert inference.format_reward(-0.001) == "0.00" and inference.format_reward(-0.126) == "-0.13"
    assert inference.one_line("a\nb  c") == "a b c" and inference.one_line(None) == "null"

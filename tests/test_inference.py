"""inference.py end to end: the exact stdout protocol, the results file, the policy choice, the
local and remote server paths, and END lines that appear even when an episode breaks.

The second half plays the script against a fake OpenAI-compatible server answering each kind of
output real models and servers give (HTTP errors, slow answers, tool calls, malformed JSON,
reasoning blocks, refusals of tools / JSON mode) and checks what the script does with each: which
steps the model chose, what the STEP lines say, what the results file records, the exit code."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import run_episode
from fake_openai import FakeOpenAI, free_port

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction
from caseops.policies.heuristic import HeuristicPolicy
from caseops.scenarios import TASK_IDS, TASKS

REPO = Path(__file__).resolve().parent.parent
ENV_VARS = (
    "API_BASE_URL",
    "MODEL_NAME",
    "HF_TOKEN",
    "OPENAI_API_KEY",
    "API_KEY",
    "ENV_BASE_URL",
    "CASEOPS_RESULTS",
    "CASEOPS_RUN_BUDGET_S",
    "CASEOPS_LLM_MAX_TOKENS",
    "CASEOPS_LLM_TIMEOUT_S",
    "CASEOPS_LLM_RETRIES",
    "CASEOPS_LLM_MODE",
    "CASEOPS_LLM_FALLBACK",
)

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
        check=False,
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
        assert task["model_steps"] == task["fallback_steps"] == 0  # no model: nobody fell back
    assert results["exit_code"] == 0 and results["run_budget_s"] == inference.DEFAULT_RUN_BUDGET_S
    assert results["mean_score"] == pytest.approx(sum(t["score"] for t in results["tasks"]) / len(TASK_IDS), abs=1e-5)


def test_garbage_model_finishes_visibly_and_exits_nonzero(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], heuristic_scores: dict[str, str]
) -> None:
    """Every step falls back: the run still plays every task (in-process server), but every STEP
    says so, the results count the fallbacks, and the exit code says the score is not the model's."""
    with FakeOpenAI(mode="garbage") as fake:
        clean_env.setenv("API_BASE_URL", fake.base_url)
        clean_env.setenv("MODEL_NAME", "fake/garbage-1")
        clean_env.setenv("HF_TOKEN", "hf-test")
        clean_env.setenv("CASEOPS_RESULTS", str(tmp_path / "garbage.json"))
        assert inference.main([]) == inference.EXIT_NO_MODEL_STEP
    episodes = parse_run(capsys.readouterr().out)
    assert_complete(episodes, model="fake/garbage-1")
    steps = [s for e in episodes for s in e["steps"]]
    assert len(fake.requests) >= len(steps)  # the model was asked at every step (and re-asked)
    assert fake.authorizations[0] == "Bearer hf-test"
    assert all(s["error"].startswith("fallback: ") for s in steps)
    # Every step fell back to the heuristic, so the run plays exactly like it.
    assert {e["task"]: e["end"]["score"] for e in episodes} == heuristic_scores
    results = json.loads((tmp_path / "garbage.json").read_text())
    assert results["model"] == "fake/garbage-1"
    assert results["exit_code"] == inference.EXIT_NO_MODEL_STEP
    assert results["model_steps"] == 0 and results["fallback_steps"] == len(steps)
    for task, episode in zip(results["tasks"], episodes, strict=True):
        assert task["model_steps"] == 0 and task["fallback_steps"] == len(episode["steps"])


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
    results = json.loads(output.read_text())
    assert results["env_base_url"] == remote_server
    assert results["model_steps"] == len(fake.requests) and results["fallback_steps"] == 0
    assert results["model_calls_ok"] == len(fake.requests) and results["model_calls_failed"] == 0


def test_env_error_is_reported_and_takes_precedence(remote_server: str, capsys: pytest.CaptureFixture[str]) -> None:
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
    assert (
        first["error"]
        == "operation 'wait' is not allowed in stage 'classifying'; allowed now: classify, inspect_artifact, search_policy, submit"
    )
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
        ({"HF_TOKEN": "hf"}, "heuristic"),  # a key alone is ambient, not a request to measure a model
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "org/m", "API_KEY": "k"}, "org/m"),
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "my model", "HF_TOKEN": "k"}, "my_model"),
    ],
)
def test_policy_choice(env: dict[str, str], expected: str) -> None:
    policy, model_name = inference.build_policy(env)
    assert model_name == expected
    assert type(policy).__name__ == ("HeuristicPolicy" if expected == "heuristic" else "LLMPolicy")


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "m"}, "API_KEY"),  # no key
        ({"MODEL_NAME": "m", "API_KEY": "k"}, "API_BASE_URL"),  # no endpoint
        ({"API_BASE_URL": "http://x/v1", "API_KEY": "k"}, "MODEL_NAME"),  # no model: no silent default
        ({"API_BASE_URL": "http://x/v1", "MODEL_NAME": "m", "HF_TOKEN": " "}, "API_KEY"),  # blank key
        (
            {"API_BASE_URL": "http://x/v1", "MODEL_NAME": "m", "API_KEY": "k", "CASEOPS_LLM_MODE": "xml"},
            "CASEOPS_LLM_MODE",
        ),
    ],
)
def test_incomplete_model_settings_are_an_error_not_the_heuristic(env: dict[str, str], missing: str) -> None:
    with pytest.raises(inference.PolicyConfigError, match=missing):
        inference.build_policy(env)


def test_incomplete_settings_print_every_task_and_exit_2(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    def no_local_server() -> None:
        raise AssertionError("nothing is played: no server may start")

    clean_env.setattr(inference, "local_server", no_local_server)
    with FakeOpenAI(mode="heuristic") as fake:
        clean_env.setenv("API_BASE_URL", fake.base_url)
        clean_env.setenv("API_KEY", "proxy-key")
        output = tmp_path / "config.json"
        with caplog.at_level(logging.ERROR, logger="caseops.inference"):
            assert inference.main(["--output", str(output)]) == inference.EXIT_CONFIG
    assert fake.requests == []
    episodes = parse_run(capsys.readouterr().out)
    assert [e["task"] for e in episodes] == list(TASK_IDS)
    assert {e["model"] for e in episodes} == {inference.UNCONFIGURED_MODEL_NAME}
    assert all(e["end"] == {"success": "false", "steps": "0", "score": "0.01", "rewards": ""} for e in episodes)
    assert "MODEL_NAME" in caplog.text
    results = json.loads(output.read_text())
    assert results["exit_code"] == inference.EXIT_CONFIG and "MODEL_NAME" in results["error"]


def test_run_budget_is_validated(clean_env: pytest.MonkeyPatch) -> None:
    assert inference.run_budget({}) == inference.DEFAULT_RUN_BUDGET_S < 20 * 60
    assert inference.run_budget({"CASEOPS_RUN_BUDGET_S": "12.5"}) == 12.5
    for bad in ("soon", "-1", "nan", "inf"):
        with pytest.raises(inference.PolicyConfigError, match="CASEOPS_RUN_BUDGET_S"):
            inference.run_budget({"CASEOPS_RUN_BUDGET_S": bad})


def test_action_rendering_is_one_token() -> None:
    reply = "We're sorry:\nwe charged you twice, and\tthe refund is on its way to your card today."
    rendered = inference.format_action(SupportDeskAction(operation="draft_reply", reply=reply))
    assert rendered == "draft_reply(reply=We_re_sorry_we_charged_you_twice_and_the...)"
    rendered = inference.format_action(
        SupportDeskAction(operation="request_info", requested_fields=["request_ids", "sample_payload"])
    )
    assert rendered == "request_info(requested_fields=request_ids|sample_payload)"
    assert inference.format_action(SupportDeskAction(operation="wait")) == "wait()"
    assert inference.format_action(SupportDeskAction(operation="inspect_artifact", artifact_id="payment-ledger")) == (
        "inspect_artifact(artifact_id=payment-ledger)"
    )
    assert inference.format_action(SupportDeskAction(operation="inspect_artifact", artifact_id="odd id, (x)")) == (
        "inspect_artifact(artifact_id=odd_id_x)"
    )
    assert (
        inference.format_action(
            SupportDeskAction(operation="search_policy", query="refund policy for duplicate charges, within 30 days?")
        )
        == "search_policy(query=refund_policy_for_duplicate_charges_with...)"
    )
    submit = SupportDeskAction(operation="submit", status="resolved", resolution_code="refund_issued", confidence=0.875)
    assert inference.format_action(submit) == "submit(status=resolved,resolution_code=refund_issued,confidence=0.88)"
    for action in (submit, SupportDeskAction(operation="search_policy", query="a b\tc\nd")):
        assert re.fullmatch(r"[a-z_]+\(\S*\)", inference.format_action(action))
    assert inference.format_reward(-0.001) == "0.00" and inference.format_reward(-0.126) == "-0.13"
    assert inference.one_line("a\nb  c") == "a b c" and inference.one_line(None) == "null"


# ---- each kind of model output, through the whole script ----

# Two tasks that between them use every operation kind the heuristic plays: classify with labels,
# request_info with a list, wait, inspect_artifact, the two texts and submit.
KIND_TASKS = ("api_incident_hard", "damaged_delivery_easy")


@dataclass
class Run:
    code: int
    episodes: list[dict[str, Any]]
    results: dict[str, Any]
    log: str

    @property
    def steps(self) -> list[dict[str, str]]:
        return [s for e in self.episodes for s in e["steps"]]


@pytest.fixture
def model_run(
    clean_env: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    remote_server: str,
) -> Callable[..., Run]:
    """Run main() against the remote CaseOps server and a fake model, on a few tasks, fast."""

    def run(fake: FakeOpenAI, tasks: tuple[str, ...] = KIND_TASKS, **env: str) -> Run:
        clean_env.setattr(inference, "TASK_IDS", tasks)
        settings = {
            "ENV_BASE_URL": remote_server,
            "API_BASE_URL": fake.base_url,
            "MODEL_NAME": "fake/model-1",
            "API_KEY": "test-key",
            "CASEOPS_LLM_TIMEOUT_S": "5",
            "CASEOPS_LLM_RETRIES": "0",
            **env,
        }
        for name, value in settings.items():
            clean_env.setenv(name, value)
        output = tmp_path / f"run-{len(list(tmp_path.iterdir()))}.json"
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="caseops.inference"):
            code = inference.main(["--output", str(output)])
        episodes = parse_run(capsys.readouterr().out)
        assert [e["task"] for e in episodes] == list(tasks)  # every task has its START and END
        assert {e["model"] for e in episodes} == {"fake/model-1"}
        return Run(code, episodes, json.loads(output.read_text()), caplog.text)

    return run


def assert_model_drove(run: Run, heuristic_scores: dict[str, str]) -> None:
    """The model chose every step (the fake answers what the heuristic would, so the scores match)."""
    assert run.code == inference.EXIT_OK, run.log
    assert all(s["error"] == "null" for s in run.steps), run.steps
    assert {e["task"]: e["end"]["score"] for e in run.episodes} == {t: heuristic_scores[t] for t in KIND_TASKS}
    for task, episode in zip(run.results["tasks"], run.episodes, strict=True):
        assert task["error"] is None
        assert task["model_steps"] == task["steps"] == len(episode["steps"]) and task["fallback_steps"] == 0
    assert run.results["exit_code"] == inference.EXIT_OK
    assert f"the model chose {len(run.steps)} of {len(run.steps)} steps, the heuristic 0" in run.log


def assert_all_fell_back(run: Run, heuristic_scores: dict[str, str], reason: str) -> None:
    """Every step was the heuristic's: visible on each STEP, in the counts and in the exit code."""
    assert run.code == inference.EXIT_NO_MODEL_STEP, run.log
    assert run.steps and all(s["error"].startswith("fallback: ") for s in run.steps), run.steps
    assert all(reason in s["error"] for s in run.steps), run.steps[0]["error"]
    assert {e["task"]: e["end"]["score"] for e in run.episodes} == {t: heuristic_scores[t] for t in KIND_TASKS}
    for task, episode in zip(run.results["tasks"], run.episodes, strict=True):
        assert task["model_steps"] == 0 and task["fallback_steps"] == len(episode["steps"])
    assert run.results["model_steps"] == 0 and run.results["fallback_steps"] == len(run.steps)
    assert run.results["exit_code"] == inference.EXIT_NO_MODEL_STEP
    assert "the model chose no step" in run.log


@pytest.mark.parametrize(
    "mode",
    [
        "heuristic",  # a ```json fence
        "tool_calls",  # native function calling, no content
        "single_quoted",  # {'operation': 'classify', ...}
        "trailing_comma",  # {"operation": "classify", ...,}
        "enum_case",  # "Billing_Ops", "Classify", ["Request_Ids"]
        "action_key",  # "action" instead of "operation"
        "think_draft",  # a draft action inside <think>, the final one after it
        "nested_parameters",  # {"operation": ..., "parameters": {...}}
    ],
)
def test_format_slips_are_read_as_the_model_meant(
    mode: str, model_run: Callable[..., Run], heuristic_scores: dict[str, str]
) -> None:
    with FakeOpenAI(mode=mode) as fake:
        run = model_run(fake)
    assert_model_drove(run, heuristic_scores)
    assert len(fake.requests) == len(run.steps)  # no repair re-ask was needed
    assert all("tools" in body for body in fake.requests)  # auto mode offers the action as a tool
    assert all(body["max_tokens"] == 4096 for body in fake.requests)


@pytest.mark.parametrize(("mode", "refusals"), [("refuse_tools", 1), ("refuse_structured", 2)])
def test_refused_tools_or_json_mode_drop_back_once_and_remember(
    mode: str, refusals: int, model_run: Callable[..., Run], heuristic_scores: dict[str, str]
) -> None:
    with FakeOpenAI(mode=mode) as fake:
        run = model_run(fake)
    assert_model_drove(run, heuristic_scores)
    assert fake.statuses.count(400) == refusals  # the first step finds the mode; later steps keep it
    assert fake.statuses[refusals:] == [200] * len(run.steps)
    last = fake.requests[-1]
    assert "tools" not in last
    assert ("response_format" in last) == (mode == "refuse_tools")


def test_transient_errors_are_retried_honouring_retry_after(
    model_run: Callable[..., Run], heuristic_scores: dict[str, str]
) -> None:
    with FakeOpenAI(mode="http_429", fail_times=1, retry_after="1") as fake:
        run = model_run(fake, CASEOPS_LLM_RETRIES="1")
    assert_model_drove(run, heuristic_scores)
    assert fake.statuses[:2] == [429, 200]
    assert fake.arrivals[1] - fake.arrivals[0] >= 0.9  # the client waited as told
    with FakeOpenAI(mode="http_500", fail_times=1) as fake:
        run = model_run(fake, CASEOPS_LLM_RETRIES="1")
    assert_model_drove(run, heuristic_scores)
    assert fake.statuses[:2] == [500, 200]


def test_a_slow_answer_times_out_and_the_retry_is_used(
    model_run: Callable[..., Run], heuristic_scores: dict[str, str]
) -> None:
    with FakeOpenAI(mode="slow", fail_times=1, delay_s=2.0) as fake:
        run = model_run(fake, CASEOPS_LLM_TIMEOUT_S="0.5", CASEOPS_LLM_RETRIES="1")
    assert_model_drove(run, heuristic_scores)
    assert len(fake.requests) == len(run.steps) + 1  # the first request was abandoned and re-sent


@pytest.mark.parametrize(
    ("mode", "options", "env", "reason"),
    [
        ("http_401", {}, {}, "HTTP 401"),
        ("http_429", {"retry_after": "0"}, {}, "HTTP 429"),
        ("http_500", {}, {}, "HTTP 500"),
        ("slow", {"delay_s": 1.0}, {"CASEOPS_LLM_TIMEOUT_S": "0.2"}, "timed out"),
        ("empty", {}, {}, "empty answer"),
        ("think_unclosed", {}, {}, "max_tokens"),
        ("two_actions", {}, {}, "2 actions"),
        ("garbage", {}, {}, "no JSON action"),
    ],
)
def test_a_model_that_always_fails_is_visible_and_exits_nonzero(
    mode: str,
    options: dict[str, Any],
    env: dict[str, str],
    reason: str,
    model_run: Callable[..., Run],
    heuristic_scores: dict[str, str],
) -> None:
    with FakeOpenAI(mode=mode, **options) as fake:
        run = model_run(fake, **env)
    assert_all_fell_back(run, heuristic_scores, reason)
    if mode in ("empty", "think_unclosed", "two_actions", "garbage"):
        # The completions arrived (so calls_ok counts them) but none was usable, even re-asked.
        assert run.results["model_calls_ok"] == len(fake.requests) == 2 * len(run.steps)
        # The next prompt tells the model its answer was replaced.
        second = fake.requests[2]["messages"][-1]["content"]
        assert "not used" in second and "fallback" in second
    else:
        assert run.results["model_calls_ok"] == 0 and run.results["model_calls_failed"] >= len(run.steps)


def test_a_replaced_step_says_fallback_and_a_long_step_cannot_outlive_the_budget() -> None:
    class Replaced:
        last_source = "fallback"
        last_error = "model call timed out"

    assert inference.fallback_error(Replaced()) == "fallback: model call timed out"
    Replaced.last_error = "fallback: empty answer"
    assert inference.fallback_error(Replaced()) == "fallback: empty answer"  # never prefixed twice
    Replaced.last_source, Replaced.last_error = "model", None
    assert inference.fallback_error(Replaced()) is None

    class Client:
        def __init__(self, timeout: float) -> None:
            self.timeout = timeout

        def with_options(self, *, timeout: float) -> Client:
            return Client(timeout)

    class ModelPolicy:
        client = Client(120.0)

    now = [0.0]
    budget = inference.Budget(300.0, clock=lambda: now[0])
    policy = ModelPolicy()
    budget.cap(policy)
    assert policy.client.timeout == 120.0  # plenty left: the configured timeout
    now[0] = 250.0
    budget.cap(policy)
    assert policy.client.timeout == 50.0  # a request may not wait past the budget
    now[0] = 299.9
    budget.cap(policy)
    assert policy.client.timeout == 1.0 and not budget.spent()
    now[0] = 0.0
    budget.cap(policy)
    assert policy.client.timeout == 120.0  # never above what was configured


def test_fallback_off_makes_a_model_failure_end_the_task(model_run: Callable[..., Run]) -> None:
    with FakeOpenAI(mode="empty") as fake:
        run = model_run(fake, CASEOPS_LLM_FALLBACK="off")
    assert run.code == inference.EXIT_NO_MODEL_STEP
    for episode, task in zip(run.episodes, run.results["tasks"], strict=True):
        assert episode["steps"] == []
        assert episode["end"]["success"] == "false" and episode["end"]["steps"] == "0"
        assert task["error"].startswith("model failure: ") and "empty answer" in task["error"]
        assert task["fallback_steps"] == 0


def test_fallback_off_keeps_the_steps_the_model_played(model_run: Callable[..., Run]) -> None:
    env = CaseOpsEnvironment()
    first = HeuristicPolicy()(env.reset(task_id="billing_refund_easy"))
    env.close()
    good = json.dumps(first.model_dump(exclude_none=True, exclude={"metadata"}))
    with FakeOpenAI(mode="script", replies=[good, "no idea"]) as fake:
        run = model_run(fake, tasks=("billing_refund_easy",), CASEOPS_LLM_FALLBACK="off")
    assert run.code == inference.EXIT_EPISODE_BROKE
    (episode,) = run.episodes
    assert [s["action"] for s in episode["steps"]] == [inference.format_action(first)]
    assert episode["steps"][0]["error"] == "null"
    assert episode["end"]["success"] == "false" and episode["end"]["steps"] == "1"
    (task,) = run.results["tasks"]
    assert task["model_steps"] == 1 and task["fallback_steps"] == 0
    assert task["error"].startswith("model failure: ")


def test_api_key_wins_and_a_refused_key_gives_way_to_the_next_once(
    model_run: Callable[..., Run], heuristic_scores: dict[str, str]
) -> None:
    with FakeOpenAI(mode="heuristic", accept_keys={"proxy-key"}) as fake:
        run = model_run(fake, API_KEY="proxy-key", HF_TOKEN="hf-key", OPENAI_API_KEY="sk-key")
    assert_model_drove(run, heuristic_scores)
    assert set(fake.authorizations) == {"Bearer proxy-key"}
    with FakeOpenAI(mode="heuristic", accept_keys={"hf-key"}) as fake:
        run = model_run(fake, API_KEY="stale-key", HF_TOKEN="hf-key")
    assert_model_drove(run, heuristic_scores)
    assert fake.authorizations[:2] == ["Bearer stale-key", "Bearer hf-key"]
    assert set(fake.authorizations[2:]) == {"Bearer hf-key"}  # the key that worked is kept


def test_run_budget_spent_prints_every_end_and_exits_nonzero(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], remote_server: str
) -> None:
    clean_env.setenv("ENV_BASE_URL", remote_server)
    clean_env.setenv("CASEOPS_RUN_BUDGET_S", "0")
    output = tmp_path / "spent.json"
    assert inference.main(["--output", str(output)]) == inference.EXIT_BUDGET
    episodes = parse_run(capsys.readouterr().out)
    assert [e["task"] for e in episodes] == list(TASK_IDS)
    assert all(e["end"] == {"success": "false", "steps": "0", "score": "0.01", "rewards": ""} for e in episodes)
    results = json.loads(output.read_text())
    assert results["run_budget_s"] == 0 and results["exit_code"] == inference.EXIT_BUDGET
    assert all("CASEOPS_RUN_BUDGET_S" in t["error"] for t in results["tasks"])


def test_run_budget_running_out_mid_task_finishes_the_step(model_run: Callable[..., Run]) -> None:
    with FakeOpenAI(mode="slow", delay_s=0.4) as fake:
        run = model_run(fake, CASEOPS_RUN_BUDGET_S="1.0")
    assert run.code == inference.EXIT_BUDGET
    first, second = run.episodes
    assert 1 <= len(first["steps"]) < 6 and first["end"]["success"] == "false"  # stopped between steps
    assert all(s["error"] == "null" for s in first["steps"])  # the steps that ran were the model's
    assert second["steps"] == [] and second["end"]["steps"] == "0"
    assert all("CASEOPS_RUN_BUDGET_S" in t["error"] for t in run.results["tasks"])


def test_the_step_guard_is_the_shared_one_and_above_every_task() -> None:
    from caseops import vocab

    assert inference.STEP_GUARD == vocab.STEP_GUARD
    assert max(task.max_steps for task in TASKS.values()) < vocab.STEP_GUARD

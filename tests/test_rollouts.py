"""rollouts.py: serial, process-pool and Ray rollouts give the results of a serial run, in job order.

The Ray tests start a real single-node cluster on loopback (`ray start --head --block`) and stop
it by signalling that one process, which takes its Ray processes down with it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, free_port

from caseops.evaluation import evaluate, split_task_ids
from caseops.rollouts import RolloutError, chunk_size, ordered_map
from caseops.scenarios import TASK_IDS

RAY_START_TIMEOUT_S = 60


def mixed_task_ids() -> list[str]:
    """Authored tasks (single cases and queues) and generated ones, from two splits."""
    return [*TASK_IDS[:3], TASK_IDS[-1], *split_task_ids("test", 5), *split_task_ids("heldout", 2)]


def without_timing(report: Any) -> dict[str, Any]:
    data = report.to_dict()
    data.pop("seconds")
    return data


# ---- the map itself ----


def test_chunks_give_each_worker_several_messages() -> None:
    assert chunk_size(200, 2) == 12
    assert chunk_size(5, 4) == 1


def test_serial_map_keeps_job_order() -> None:
    with ordered_map(abs, [-3, 1, -2]) as results:
        assert list(results) == [3, 1, 2]


def test_bad_worker_settings_are_refused() -> None:
    with pytest.raises(RolloutError, match="at least 1"), ordered_map(abs, [1], workers=0):
        pass
    with pytest.raises(RolloutError, match="not both"), ordered_map(abs, [1], workers=2, ray_address="127.0.0.1:1"):
        pass


def test_missing_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    with (
        pytest.raises(RolloutError, match=r"pip install 'caseops\[ray\]'"),
        ordered_map(abs, [1], ray_address="127.0.0.1:1"),
    ):
        pass


def test_an_unreachable_ray_address_fails_at_once() -> None:
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with (
        pytest.raises(RolloutError, match=f"cannot reach the Ray cluster at {address}"),
        ordered_map(abs, [1], ray_address=address),
    ):
        pass
    assert time.monotonic() - started < 5


# ---- evaluations over worker processes ----


@pytest.mark.parametrize("policy", ["random", "heuristic"])
def test_workers_give_the_serial_report_and_trajectories(policy: str, tmp_path: Path) -> None:
    task_ids = mixed_task_ids()
    serial = evaluate(policy, task_ids, 3, seed=11, progress=False, trajectories_path=tmp_path / "serial.jsonl")
    spread = evaluate(
        policy, task_ids, 3, seed=11, progress=False, trajectories_path=tmp_path / "spread.jsonl", workers=2
    )
    assert without_timing(spread) == without_timing(serial)
    assert (tmp_path / "spread.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()
    if policy == "random":
        assert len({r.score for r in serial.results}) > 1  # the seeds matter, so the test does


@pytest.fixture
def fake_llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """A fake model that answers as the heuristic would, configured only in this process's environment."""
    with FakeOpenAI(mode="heuristic") as fake:
        monkeypatch.setenv("API_BASE_URL", fake.base_url)
        monkeypatch.setenv("MODEL_NAME", "fake-model")
        monkeypatch.setenv("HF_TOKEN", "rollout-key")
        yield fake


def test_llm_policy_runs_on_workers_with_this_process_settings(fake_llm: FakeOpenAI) -> None:
    serial = evaluate("llm", TASK_IDS[:2], 1, progress=False)
    served = len(fake_llm.requests)
    spread = evaluate("llm", TASK_IDS[:2], 1, progress=False, workers=2)
    assert without_timing(spread) == without_timing(serial)
    assert len(fake_llm.requests) == 2 * served > 0
    assert set(fake_llm.authorizations) == {"Bearer rollout-key"}
    assert not any(r.policy_errors for r in spread.results)


def test_process_map_keeps_job_order_and_forwards_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEOPS_ROLLOUT_PROBE", raising=False)
    with ordered_map(abs, list(range(-100, 0)), workers=2) as results:
        assert list(results) == list(range(100, 0, -1))
    # Only the workers are given the variable: seeing it proves the jobs ran there.
    with ordered_map(
        os.getenv, ["CASEOPS_ROLLOUT_PROBE"] * 40, workers=2, env={"CASEOPS_ROLLOUT_PROBE": "sent"}
    ) as results:
        assert list(results) == ["sent"] * 40


# ---- evaluations on a Ray cluster ----


@pytest.fixture(scope="module")
def ray_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A one-node Ray cluster on loopback with 2 CPUs, started for these tests and stopped after."""
    port = free_port()
    log = tmp_path_factory.mktemp("ray") / "head.log"
    command = [
        str(Path(sys.executable).with_name("ray")),
        "start",
        "--head",
        "--block",
        f"--port={port}",
        "--node-ip-address=127.0.0.1",
        "--num-cpus=2",
        "--include-dashboard=false",
        "--disable-usage-stats",
    ]
    with log.open("w") as out:
        head = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + RAY_START_TIMEOUT_S
        while "block forever" not in log.read_text():
            assert head.poll() is None, f"ray start exited with {head.returncode}:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"ray start did not come up:\n{log.read_text()}"
            time.sleep(0.2)
        yield f"127.0.0.1:{port}"
    finally:
        head.send_signal(signal.SIGTERM)  # `--block` shuts its node down on the way out
        head.wait(timeout=RAY_START_TIMEOUT_S)


@pytest.mark.ray
def test_ray_gives_the_serial_report_and_trajectories(ray_address: str, tmp_path: Path) -> None:
    task_ids = mixed_task_ids()
    serial = evaluate("random", task_ids, 3, seed=11, progress=False, trajectories_path=tmp_path / "serial.jsonl")
    on_ray = evaluate(
        "random",
        task_ids,
        3,
        seed=11,
        progress=False,
        trajectories_path=tmp_path / "ray.jsonl",
        ray_address=ray_address,
    )
    assert without_timing(on_ray) == without_timing(serial)
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()


@pytest.mark.ray
def test_llm_policy_runs_on_ray_with_this_process_settings(ray_address: str, fake_llm: FakeOpenAI) -> None:
    serial = evaluate("llm", TASK_IDS[:2], 1, progress=False)
    on_ray = evaluate("llm", TASK_IDS[:2], 1, progress=False, ray_address=ray_address)
    assert without_timing(on_ray) == without_timing(serial)
    assert set(fake_llm.authorizations) == {"Bearer rollout-key"}
    assert not any(r.policy_errors for r in on_ray.results)


@pytest.mark.ray
def test_ray_map_keeps_job_order(ray_address: str) -> None:
    with ordered_map(abs, list(range(-60, 0)), ray_address=ray_address) as results:
        assert list(results) == list(range(60, 0, -1))

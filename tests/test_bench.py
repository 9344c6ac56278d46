"""The bench code works: each measurement runs with tiny counts and reports what it should.

Nothing here asserts a timing; `make bench` is where numbers come from.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import math

import pytest
import servers
from test_load import LOAD_ENV  # importing it boots the shared servers

from caseops import bench
from caseops.echo import EPISODE_STEPS, EchoAction, EchoEnvironment
from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction
from caseops.scenarios import TASK_IDS
from caseops.trajectories import play

pytestmark = pytest.mark.bench

TASKS = TASK_IDS[:3]


def test_inprocess_runs_count_episodes_steps_and_time() -> None:
    for policy in bench.POLICIES:
        run = bench.caseops_inprocess(policy, 6, TASKS)
        assert run.label == f"caseops/{policy}" and run.episodes == 6 and run.steps >= 6
        assert 0 < run.reset_s + run.step_s <= run.env_s <= run.wall_s
        # the rates are the counts over the time measured, not numbers of their own
        assert run.steps_per_s == pytest.approx(run.steps / run.env_s)
        assert run.episodes_per_s == pytest.approx(6 / run.env_s)
        assert run.reset_us == pytest.approx(run.reset_s / 6 * 1e6)
        assert run.step_us == pytest.approx(run.step_s / run.steps * 1e6)
        assert set(run.as_dict()) >= {"steps_per_s", "episodes_per_s", "reset_us", "wall_steps_per_s"}
    # the heuristic's steps are its episodes' steps: TASKS cycled twice
    heuristic = bench.caseops_inprocess("heuristic", 6, TASKS)
    assert heuristic.steps == 2 * sum(len(play(bench.HEURISTIC, task, policy_name="heuristic").steps) for task in TASKS)
    echo = bench.echo_inprocess(3)
    assert (echo.episodes, echo.steps) == (3, 3 * EPISODE_STEPS)


def test_the_echo_environment_echoes_and_ends_its_episodes() -> None:
    env = EchoEnvironment()
    observation = env.reset()
    assert observation.step == 0 and not observation.done
    for step in range(1, EPISODE_STEPS + 1):
        observation = env.step(EchoAction(message=f"m{step}"))
        assert observation.echoed == f"m{step}" and observation.step == step
    assert observation.done and env.state.step_count == EPISODE_STEPS


def test_the_echo_environment_steps_on_the_event_loop_like_caseops() -> None:
    """The ceiling is served the way CaseOps is: async variants with the sync signatures."""
    for sync, run_async in (("reset", "reset_async"), ("step", "step_async")):
        assert inspect.signature(getattr(EchoEnvironment, sync)) == inspect.signature(
            getattr(EchoEnvironment, run_async)
        )
    env = EchoEnvironment()
    asyncio.run(env.reset_async())
    assert asyncio.run(env.step_async(EchoAction(message="hi"))).echoed == "hi"


def test_memory_and_rss_measurements() -> None:
    per_episode = bench.memory_per_live_episode(count=20, steps=2, tasks=TASKS)
    assert 0 < per_episode < 10 * 2**20
    report = bench.rss_over_episodes(episodes=30, samples=3, warmup=6, tasks=TASKS)
    assert len(report.samples) >= 2 and report.samples[0][0] == 6 and report.samples[-1][0] <= 30
    assert all(rss > 0 for _, rss in report.samples) and math.isfinite(report.growth)


def test_recorded_scripts_replay_the_heuristic_episode() -> None:
    scripts = bench.caseops_scripts(TASKS)
    assert len(scripts) == len(TASKS)
    for task_id, script in zip(TASKS, scripts, strict=False):
        assert json.loads(script.reset) == {"type": "reset", "data": {"task_id": task_id}}
        env = CaseOpsEnvironment()
        observation = env.reset(task_id=task_id)
        for frame in script.steps:
            message = json.loads(frame)
            assert message["type"] == "step" and not observation.done
            observation = env.step(SupportDeskAction(**message["data"]))
        assert observation.done
        # the heuristic's own episode, not just some episode that ends
        heuristic = play(bench.HEURISTIC, task_id, policy_name="heuristic")
        assert len(script.steps) == len(heuristic.steps) and observation.score == heuristic.score
        env.close()


def test_the_report_runs_with_tiny_counts() -> None:
    lines: list[str] = []
    tiny = bench.Settings(episodes=4, echo_episodes=4, live_episodes=5, rss_episodes=20, rss_samples=2, served=False)
    results = bench.run(tiny, out=lines.append)
    text = "\n".join(lines)
    for label in ("caseops/heuristic", "caseops/random", "echo", "memory per live episode", "RSS over"):
        assert label in text
    assert [r["label"] for r in results["inprocess"]] == ["caseops/heuristic", "caseops/random", "echo"]
    assert results["memory_per_live_episode_bytes"] > 0 and "served" not in results
    json.dumps(results)  # the --json output is plain JSON


def test_served_sessions_against_caseops_and_the_echo_server() -> None:
    caseops_url = servers.shared_server(**LOAD_ENV)
    served = bench.drive_sessions(
        caseops_url, bench.caseops_scripts(TASKS), sessions=3, warmup_s=0.1, window_s=0.5, label="caseops"
    )
    assert served.errors == 0 and served.steps > 0 and served.steps == len(served.latencies_s)
    assert served.percentile(0.5) <= served.percentile(0.99)
    assert set(served.as_dict()) >= {"steps_per_s", "p50_ms", "p99_ms", "errors"}

    with bench.serve("echo") as (echo_url,):
        echoed = bench.drive_sessions(
            echo_url, bench.echo_scripts(), sessions=2, warmup_s=0.1, window_s=0.3, label="echo"
        )
    assert echoed.errors == 0 and echoed.steps > 0

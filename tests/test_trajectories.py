"""trajectories.py: recorded episodes replay exactly, and any edit to a recording is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseops import trajectories
from caseops.evaluation import evaluate
from caseops.grading import WEIGHTS, task_score
from caseops.policies.adversaries import ComplyUnsafePolicy
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.oracle import OraclePolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS, TASKS
from caseops.trajectories import CaseOutcome, End, Header, Step, Trajectory, TrajectoryFileError, play, replay

QUEUE_TASK = next(task_id for task_id, task in TASKS.items() if len(task.cases) > 2)


@pytest.fixture
def runs() -> list[Trajectory]:
    return [
        play(HeuristicPolicy(), "billing_refund_easy", policy_name="heuristic"),
        play(RandomPolicy(5), "account_takeover_medium", policy_name="random", seed=5, trial=5),
        play(HeuristicPolicy(), QUEUE_TASK, policy_name="heuristic", hints="minimal"),
    ]


@pytest.fixture
def recorded(runs: list[Trajectory], tmp_path: Path) -> Path:
    return trajectories.write(runs, tmp_path / "runs.jsonl")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _save(path: Path, lines: list[dict]) -> None:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


def test_file_is_header_steps_end_per_episode(recorded: Path) -> None:
    lines = _lines(recorded)
    assert [line["kind"] for line in lines].count("header") == 3
    header, first_step = lines[0], lines[1]
    assert header == {
        "kind": "header",
        "task_id": "billing_refund_easy",
        "policy": "heuristic",
        "seed": 0,
        "trial": 0,
        "hints": "full",
    }
    assert first_step["action"]["operation"] == "classify"
    assert None not in first_step["action"].values() and "metadata" not in first_step["action"]
    assert {"reward", "score", "done", "error"} <= set(first_step)
    end = next(line for line in lines if line["kind"] == "end")
    assert set(end["components"]) == set(WEIGHTS)
    assert end["steps"] == sum(1 for line in lines[: lines.index(end)] if line["kind"] == "step")


def test_lines_are_written_exactly_and_read_back(tmp_path: Path) -> None:
    """Key order, null, floats, lists and unescaped non-ASCII text: the bytes the hand-built dicts gave."""
    case = CaseOutcome(
        case_id="c1", submitted=True, score=0.5, confidence=None, safety_violation=False, unsafe_claims=0
    )
    action = {"operation": "draft_reply", "reply": "Grüße — ok"}
    step = Step(
        step=1,
        action=action,
        reward=0.25,
        score=0.5,
        done=True,
        error=None,
        stage="closed",
        case_id="c1",
        policy_error="fallback",
    )
    run = Trajectory(
        header=Header(task_id="t", policy="p", seed=1, trial=2, hints="full"),
        steps=(step,),
        end=End(
            score=0.5, components={"routing": 1.0}, cases=(case,), steps=1, total_reward=0.25, safety_violation=False
        ),
    )
    path = trajectories.write([run], tmp_path / "one.jsonl")
    assert path.read_text(encoding="utf-8").splitlines() == [
        '{"kind": "header", "task_id": "t", "policy": "p", "seed": 1, "trial": 2, "hints": "full"}',
        '{"kind": "step", "step": 1, "action": {"operation": "draft_reply", "reply": "Grüße — ok"}, "reward": 0.25, '
        '"score": 0.5, "done": true, "error": null, "stage": "closed", "case_id": "c1", "policy_error": "fallback"}',
        '{"kind": "end", "score": 0.5, "components": {"routing": 1.0}, "cases": [{"case_id": "c1", "submitted": true, '
        '"score": 0.5, "confidence": null, "safety_violation": false, "unsafe_claims": 0}], "steps": 1, '
        '"total_reward": 0.25, "safety_violation": false}',
    ]
    assert trajectories.read(path) == [run]


def test_read_gives_back_the_played_trajectories(runs: list[Trajectory], recorded: Path) -> None:
    assert trajectories.read(recorded) == runs


def test_replay_reproduces_every_episode_exactly(recorded: Path) -> None:
    results = replay(recorded)
    assert len(results) == 3
    for result in results:
        assert result.match, result.mismatches
        assert result.recorded_rewards == result.replayed_rewards
        assert result.recorded_score == result.replayed_score
        assert result.recorded_components == result.replayed_components


def test_components_of_a_queue_add_up_to_its_score() -> None:
    run = play(OraclePolicy(), QUEUE_TASK, policy_name="oracle")  # no case is capped
    assert len(run.cases) == len(TASKS[QUEUE_TASK].cases)
    weighted = sum(WEIGHTS[name] * value for name, value in run.components.items())
    assert task_score(weighted) == pytest.approx(run.score, abs=1e-5)


def test_an_edited_reward_is_detected(recorded: Path) -> None:
    lines = _lines(recorded)
    step = next(line for line in lines if line["kind"] == "step")
    step["reward"] = round(step["reward"] + 0.05, 6)
    _save(recorded, lines)
    results = replay(recorded)
    assert not results[0].match and "reward" in results[0].mismatches[0]
    assert results[0].recorded_rewards != results[0].replayed_rewards
    assert all(result.match for result in results[1:])


def test_an_edited_final_score_is_detected(recorded: Path) -> None:
    lines = _lines(recorded)
    end = [line for line in lines if line["kind"] == "end"][-1]
    end["score"] = 0.99
    _save(recorded, lines)
    assert [result.match for result in replay(recorded)] == [True, True, False]


def test_an_edited_action_is_detected(recorded: Path) -> None:
    lines = _lines(recorded)
    step = next(line for line in lines if line["kind"] == "step")
    step["action"]["queue"] = "compliance_ops"
    _save(recorded, lines)
    assert not replay(recorded)[0].match


def test_a_truncated_file_is_refused(recorded: Path) -> None:
    lines = _lines(recorded)
    _save(recorded, lines[:-1])
    with pytest.raises(TrajectoryFileError, match="no end line"):
        replay(recorded)
    _save(recorded, [{"kind": "step"}])
    with pytest.raises(TrajectoryFileError, match="outside an episode"):
        replay(recorded)


@pytest.mark.parametrize(
    ("kind", "edit", "problem"),
    [
        ("step", {"reward": "0.3"}, "invalid value for type, expected float | None @ $.reward"),
        ("step", {"done": "false"}, "invalid value for type, expected bool @ $.done"),  # no bool("false")
        ("step", {"step": 1.5}, "invalid value for type, expected int @ $.step"),
        ("step", {"action": ["classify"]}, "expected a mapping @ $.action"),
        ("step", {"note": "edited"}, "extra fields found (note) @ $"),
        ("step", {"kind": "note"}, "unknown line kind 'note'"),
        ("header", {"seed": None}, "invalid value for type, expected int @ $.seed"),
        ("header", {"task_id": 7}, "invalid value for type, expected str @ $.task_id"),  # no str(7)
        ("end", {"cases": [{"case_id": "c1"}]}, "required field missing @ $.cases[0].submitted"),
        ("end", {"components": {"routing": "1"}}, "invalid value for type, expected float @ $.components['routing']"),
    ],
)
def test_a_malformed_line_is_refused_naming_its_line_and_field(
    recorded: Path, kind: str, edit: dict, problem: str
) -> None:
    lines = _lines(recorded)
    index = next(i for i, line in enumerate(lines) if line["kind"] == kind)
    lines[index].update(edit)
    _save(recorded, lines)
    with pytest.raises(TrajectoryFileError) as refused:
        replay(recorded)
    assert str(refused.value).startswith(f"{recorded}:{index + 1}: {problem}")


def test_a_broken_sequence_of_lines_is_refused(recorded: Path) -> None:
    lines = recorded.read_text().splitlines()
    recorded.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n")
    with pytest.raises(TrajectoryFileError, match=r"runs.jsonl:2: not JSON"):
        replay(recorded)
    recorded.write_text("\n".join([lines[0], lines[0], *lines[1:]]) + "\n")
    with pytest.raises(TrajectoryFileError, match=r"runs.jsonl:2: a new episode starts before the previous one ended"):
        replay(recorded)


def test_unsafe_promise_is_recorded_as_a_safety_violation() -> None:
    unsafe = play(ComplyUnsafePolicy(), "account_takeover_medium", policy_name="comply_unsafe")
    honest = play(HeuristicPolicy(), "billing_refund_easy", policy_name="heuristic")
    assert unsafe.safety_violation and unsafe.cases[0].unsafe_claims >= 1
    assert not honest.safety_violation


def test_evaluation_trajectories_replay(tmp_path: Path) -> None:
    path = tmp_path / "eval.jsonl"
    report = evaluate("random", TASK_IDS, 2, trajectories_path=path, progress=False)
    results = replay(path)
    assert len(results) == report.episodes
    assert all(result.match for result in results)
    assert [result.replayed_score for result in results] == [r.score for r in report.results]

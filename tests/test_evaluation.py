"""evaluation.py: the pass^k and Brier estimators, evaluation runs, splits, writers and the CLI.

`eval --workers` and `--ray` are tested here through the CLI; that worker processes and Ray give the
serial results exactly is tested in test_rollouts.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import pytest

from caseops import cli, evaluation
from caseops.evaluation import brier, evaluate, family_of, pass_hat_k, split_task_ids
from caseops.grading import WEIGHTS
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS, TASKS
from caseops.trajectories import play

# ---- estimators, on hand-computed cases ----


def test_pass_hat_k_on_one_task_with_four_trials_two_passes() -> None:
    outcomes = [[True, False, True, False]]
    assert pass_hat_k(outcomes, 1) == pytest.approx(0.5)
    assert pass_hat_k(outcomes, 2) == pytest.approx(1 / 6)  # C(2,2)/C(4,2)
    assert pass_hat_k(outcomes, 3) == 0.0
    assert pass_hat_k(outcomes, 4) == 0.0


def test_pass_hat_k_averages_over_tasks() -> None:
    outcomes = [[True, True, True], [True, True, False], [False, False, False]]
    assert pass_hat_k(outcomes, 1) == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert pass_hat_k(outcomes, 2) == pytest.approx((1 + 1 / 3 + 0) / 3)  # C(2,2)/C(3,2) = 1/3
    assert pass_hat_k(outcomes, 3) == pytest.approx(1 / 3)


def test_pass_hat_k_refuses_k_beyond_the_trials() -> None:
    with pytest.raises(ValueError):
        pass_hat_k([[True, True]], 3)
    with pytest.raises(ValueError):
        pass_hat_k([[True]], 0)


def test_brier_on_a_hand_example() -> None:
    pairs = [(0.9, True), (0.2, False), (0.6, False), (1.0, True)]
    assert brier(pairs) == pytest.approx((0.01 + 0.04 + 0.36 + 0.0) / 4)
    assert brier([]) is None


# ---- splits and families ----


def test_authored_split_is_the_authored_tasks_in_order() -> None:
    assert split_task_ids("authored") == list(TASK_IDS)
    assert split_task_ids("authored", n=3, start=2) == list(TASK_IDS[2:5])


def test_unknown_split_and_bad_counts_are_refused() -> None:
    with pytest.raises(evaluation.EvaluationError, match="unknown split"):
        split_task_ids("validation")
    with pytest.raises(evaluation.EvaluationError):
        split_task_ids("authored", n=0)


@pytest.mark.parametrize("split", ["train", "test", "heldout"])
def test_generated_splits_come_from_the_generator(split: str) -> None:
    try:
        from caseops.scenarios import generator  # noqa: F401
    except ImportError:
        with pytest.raises(evaluation.EvaluationError, match="generator"):
            split_task_ids(split, n=2)
        return
    ids = split_task_ids(split, n=2)
    assert len(ids) == 2 and all(task_id.startswith("gen/") for task_id in ids)


def test_family_is_the_generated_family_or_the_authored_pack() -> None:
    assert family_of("gen/refund_dispute/1234") == "refund_dispute"
    assert family_of("billing_refund_easy") == TASKS["billing_refund_easy"].pack == "hyperbrick"


# ---- runs ----


@pytest.fixture(scope="module")
def oracle_report() -> evaluation.Report:
    return evaluate("oracle", TASK_IDS, 2, progress=False, split="authored")


def test_oracle_scores_high_and_passes_every_time(oracle_report: evaluation.Report) -> None:
    report = oracle_report
    assert report.episodes == 2 * len(TASK_IDS) and report.tasks == len(TASK_IDS)
    assert report.mean_score >= 0.95
    assert report.pass_hat_k == {1: 1.0, 2: 1.0}
    assert report.safety_pass_rate == 1.0
    assert all(value >= 0.95 for value in report.by_component.values())


def test_oracle_confidence_is_scored_per_submitted_case(oracle_report: evaluation.Report) -> None:
    cases = sum(len(task.cases) for task in TASKS.values())
    assert oracle_report.confident_cases == 2 * cases
    assert oracle_report.brier == pytest.approx((1 - 0.9) ** 2)  # the oracle says 0.9 and always passes


def test_breakdowns_cover_packs_difficulties_and_components(oracle_report: evaluation.Report) -> None:
    report = oracle_report
    assert set(report.by_family) == {task.pack for task in TASKS.values()}
    assert list(report.by_difficulty) == ["easy", "medium", "hard"]
    assert sum(group.episodes for group in report.by_family.values()) == report.episodes
    assert list(report.by_component) == list(WEIGHTS)


def test_random_pass_hat_k_never_rises_with_k() -> None:
    for threshold in (0.5, 0.05):
        report = evaluate("random", TASK_IDS, 3, pass_threshold=threshold, progress=False)
        p = report.pass_hat_k
        assert p[1] >= p[2] >= p[3]
    # At a low bar random passes sometimes but not reliably: the estimator separates k.
    assert p[1] > p[3]


def test_random_trials_are_seeded_and_reproducible() -> None:
    first = evaluate("random", TASK_IDS[:3], 3, seed=7, progress=False)
    again = evaluate("random", TASK_IDS[:3], 3, seed=7, progress=False)
    assert [r.score for r in first.results] == [r.score for r in again.results]
    trials = {
        (r.steps, r.invalid_actions, tuple(r.components.items())) for r in first.results if r.task_id == TASK_IDS[2]
    }
    assert len(trials) > 1  # trials differ


def test_a_pass_needs_the_threshold_and_safety() -> None:
    # A threshold below the unsafe adversary's scores: only the safety rule can fail it.
    report = evaluate("comply_unsafe", TASK_IDS, 1, pass_threshold=0.05, progress=False)
    unsafe = [r for r in report.results if r.safety_violation]
    assert unsafe, "the unsafe adversary must be caught"
    assert not any(r.passed for r in unsafe)
    assert any(r.score >= 0.05 for r in unsafe), "a score over the threshold does not excuse an unsafe promise"


def test_doing_nothing_is_not_a_safety_violation_but_fails() -> None:
    report = evaluate("noop", TASK_IDS, 1, progress=False)
    assert report.safety_pass_rate == 1.0
    assert report.pass_hat_k[1] == 0.0


def test_hints_reach_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    report = evaluate("heuristic", TASK_IDS[:2], 1, hints="none", trajectories_path=path, progress=False)
    assert report.hints == "none"
    header = json.loads(path.read_text().splitlines()[0])
    assert header["hints"] == "none"


def test_policy_errors_and_refused_actions_are_counted() -> None:
    class FallingBack(HeuristicPolicy):
        last_error = "the model's reply was not an action"  # what the LLM policy reports on a fallback

    run = play(FallingBack(), "billing_refund_easy", policy_name="falling_back")
    result = evaluation.episode_result(run, family="f", difficulty="easy", threshold=0.5)
    assert result.policy_errors == result.steps == len(run.steps) > 0
    assert result.invalid_actions == 0
    refused = play(RandomPolicy(2), "billing_refund_easy", policy_name="random", seed=2)  # makes a refused call
    result = evaluation.episode_result(refused, family="f", difficulty="easy", threshold=0.5)
    assert result.invalid_actions == sum(step.error is not None for step in refused.steps) > 0
    assert result.policy_errors == 0


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(evaluation.EvaluationError):
        evaluate("heuristic", TASK_IDS, 0, progress=False)
    with pytest.raises(evaluation.EvaluationError):
        evaluate("heuristic", [], 1, progress=False)
    with pytest.raises(ValueError, match="unknown policy"):
        evaluate("nobody", TASK_IDS, 1, progress=False)


def test_progress_bar_goes_to_the_given_stream() -> None:
    import io

    stream = io.StringIO()
    bar = evaluation.Progress(3, "p", stream=stream)
    for _ in range(3):
        bar.advance("task")
    assert "3/3" in stream.getvalue() and stream.getvalue().endswith("\n")


# ---- writers and CLI ----


def test_writers_produce_json_markdown_and_png(oracle_report: evaluation.Report, tmp_path: Path) -> None:
    paths = evaluation.write_report(oracle_report, tmp_path, "oracle-authored")
    data = json.loads(paths["json"].read_text())
    assert data["pass_hat_k"] == {"1": 1.0, "2": 1.0}
    assert len(data["results"]) == oracle_report.episodes
    markdown = paths["md"].read_text()
    assert "| pass^1 | pass^2 |" in markdown and "hyperbrick" in markdown and "9 safety" in markdown
    assert paths["png"].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_report_json_reads_back_as_the_report(oracle_report: evaluation.Report, tmp_path: Path) -> None:
    path = evaluation.write_json(oracle_report, tmp_path / "report.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == oracle_report.to_dict() and list(data) == [field.name for field in attrs.fields(evaluation.Report)]
    assert evaluation.read_json(path) == oracle_report


def test_a_malformed_report_is_refused_naming_the_field(oracle_report: evaluation.Report, tmp_path: Path) -> None:
    data = oracle_report.to_dict()
    del data["tasks"]
    data["by_family"]["hyperbrick"]["episodes"] = "many"
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(evaluation.EvaluationError) as refused:
        evaluation.read_json(path)
    assert str(refused.value) == (
        f"{path}: required field missing @ $.tasks; "
        "invalid value for type, expected int @ $.by_family['hyperbrick'].episodes"
    )


def test_cli_eval_writes_the_three_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "eval"
    code = cli.main(
        [
            "eval",
            "--policy",
            "heuristic",
            "--split",
            "authored",
            "--trials",
            "2",
            "--n",
            "4",
            "--out",
            str(out),
            "--no-progress",
        ]
    )
    assert code == 0
    for suffix in ("json", "md", "png"):
        assert (out / f"heuristic-authored.{suffix}").is_file()
    assert not (out / "heuristic-authored.jsonl").exists()
    printed = capsys.readouterr().out
    assert "## CaseOps evaluation: heuristic on authored" in printed and "pass^2" in printed
    assert json.loads((out / "heuristic-authored.json").read_text())["tasks"] == 4


def test_cli_eval_and_replay_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli.main(
            [
                "eval",
                "--policy",
                "random",
                "--trials",
                "2",
                "--n",
                "3",
                "--out",
                str(tmp_path),
                "--trajectories",
                "--no-progress",
            ]
        )
        == 0
    )
    capsys.readouterr()
    path = tmp_path / "random-authored.jsonl"
    assert cli.main(["replay", str(path)]) == 0
    assert "all 6 episodes reproduce exactly" in capsys.readouterr().out
    lines = path.read_text().splitlines()
    step = next(i for i, line in enumerate(lines) if json.loads(line)["kind"] == "step")
    record = json.loads(lines[step])
    record["reward"] = record["reward"] + 0.01
    lines[step] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n")
    assert cli.main(["replay", str(path)]) == 1
    assert "MISMATCH" in capsys.readouterr().out


def test_cli_eval_reports_an_unconfigured_llm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("API_BASE_URL", "MODEL_NAME", "HF_TOKEN", "OPENAI_API_KEY", "API_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["eval", "--policy", "llm", "--out", str(tmp_path), "--no-progress"]) == 2
    assert "API_BASE_URL" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_eval_with_workers_writes_the_serial_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    common = [
        "eval",
        "--policy",
        "random",
        "--split",
        "test",
        "--n",
        "6",
        "--trials",
        "2",
        "--seed",
        "3",
        "--no-progress",
        "--trajectories",
    ]
    assert cli.main([*common, "--out", str(tmp_path / "serial")]) == 0
    assert cli.main([*common, "--out", str(tmp_path / "spread"), "--workers", "2"]) == 0
    capsys.readouterr()
    serial, spread = (json.loads((tmp_path / run / "random-test.json").read_text()) for run in ("serial", "spread"))
    assert serial.pop("seconds") >= 0 and spread.pop("seconds") >= 0
    assert spread == serial and serial["episodes"] == 12
    for suffix in ("png", "jsonl"):
        assert (tmp_path / "spread" / f"random-test.{suffix}").read_bytes() == (
            tmp_path / "serial" / f"random-test.{suffix}"
        ).read_bytes()


def test_cli_eval_without_ray_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    assert (
        cli.main(
            [
                "eval",
                "--policy",
                "heuristic",
                "--n",
                "2",
                "--out",
                str(tmp_path),
                "--no-progress",
                "--ray",
                "127.0.0.1:6379",
            ]
        )
        == 2
    )
    assert "pip install 'caseops[ray]'" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_eval_refuses_bad_worker_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli.main(
            ["eval", "--policy", "heuristic", "--n", "2", "--out", str(tmp_path), "--no-progress", "--workers", "0"]
        )
        == 2
    )
    assert "workers must be at least 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # local workers or a Ray cluster, not both
        cli.main(["eval", "--policy", "heuristic", "--workers", "2", "--ray", "127.0.0.1:6379"])

"""Whole episodes per task: the score bounds the grader promises, and the episode mechanics."""

from __future__ import annotations

import pytest

from caseops.environment import CaseOpsEnvironment
from caseops.errors import NoEpisodeError, UnknownEpisodeError, UnknownTaskError
from caseops.models import SupportDeskAction
from caseops.policies.oracle import OraclePolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS, get_task
from tests.conftest import run_episode

RANDOM_RUNS = 200


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_oracle_scores_at_least_095(task_id: str) -> None:
    final = run_episode(OraclePolicy(), task_id)[-1]
    assert final.done and final.workflow_stage == "closed"
    assert final.score >= 0.95


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_submitting_at_once_scores_at_most_015(task_id: str) -> None:
    scenario = get_task(task_id)
    # Even with the right decision, an immediate submit earns almost nothing.
    submit = SupportDeskAction(operation="submit", status=sorted(scenario.gold.final_statuses)[0], resolution_code=scenario.gold.resolution_code)
    final = run_episode(lambda _: submit, task_id)[-1]
    assert final.done
    assert final.score <= 0.15
    assert final.reward_breakdown["premature_submit"] < 0


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_seeded_random_agent_averages_at_most_030(task_id: str) -> None:
    scores = [run_episode(RandomPolicy(seed), task_id)[-1].score for seed in range(RANDOM_RUNS)]
    assert sum(scores) / len(scores) <= 0.30


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_same_task_and_actions_give_identical_observations(task_id: str) -> None:
    def trajectory() -> list[dict]:
        return [o.model_dump(exclude={"episode_id"}) for o in run_episode(RandomPolicy(7), task_id)]

    assert trajectory() == trajectory()


def test_rewards_add_up_to_the_grade_change_plus_process_terms():
    observations = run_episode(OraclePolicy(), "api_incident_hard")
    for before, after in zip(observations, observations[1:]):
        grade_before = sum(v for k, v in before.reward_breakdown.items() if k.startswith("grade."))
        grade_after = sum(v for k, v in after.reward_breakdown.items() if k.startswith("grade."))
        terms = sum(v for k, v in after.reward_breakdown.items() if not k.startswith("grade."))
        assert after.reward == pytest.approx(grade_after - grade_before + terms, abs=1e-3)


def test_step_after_done_is_an_error_and_changes_nothing(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="billing_refund_easy")
    final = env.step(SupportDeskAction(operation="submit", status="resolved", resolution_code="refund_issued"))
    assert final.done
    again = env.step(SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"))
    assert again.error and "over" in again.error
    assert again.reward == 0.0 and again.done
    assert again.case == final.case and again.score == final.score
    assert env.state.step_count == 1


def test_running_out_of_steps_ends_the_episode(env: CaseOpsEnvironment) -> None:
    obs = env.reset(task_id="billing_refund_easy")
    classify = SupportDeskAction(operation="classify", queue="general_support", priority="low", issue_type="general_question")
    for _ in range(get_task("billing_refund_easy").max_steps):
        obs = env.step(classify)
    assert obs.done and obs.workflow_stage != "closed" and obs.remaining_steps == 0
    assert "out of steps" in obs.feedback


def test_operation_without_its_fields_is_an_error_observation(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="billing_refund_easy")
    obs = env.step(SupportDeskAction(operation="classify"))
    assert obs.error and "queue" in obs.error and obs.workflow_stage == "classifying"
    obs = env.step(SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"))
    obs = env.step(SupportDeskAction(operation="submit", status="resolved"))
    assert obs.error and "resolution_code" in obs.error and not obs.done


def test_bad_requests_raise_one_clear_error_each(env: CaseOpsEnvironment) -> None:
    with pytest.raises(NoEpisodeError):
        env.step(SupportDeskAction(operation="wait"))
    with pytest.raises(UnknownTaskError, match="no_such_task"):
        env.reset(task_id="no_such_task")
    with pytest.raises(UnknownEpisodeError):
        env.step(SupportDeskAction(operation="wait"), episode_id="missing")


def test_bare_reset_picks_the_first_task(env: CaseOpsEnvironment) -> None:
    assert env.reset().task_id == TASK_IDS[0]


def test_episode_continues_by_id_across_environment_instances():
    first = CaseOpsEnvironment()
    obs = first.reset(task_id="api_incident_hard")
    first.close()  # an HTTP reset closes its environment at once
    second = CaseOpsEnvironment()
    step = second.step(SupportDeskAction(operation="classify", queue="platform_engineering", priority="urgent", issue_type="production_incident"), episode_id=obs.episode_id)
    assert step.workflow_stage == "drafting" and step.episode_id == obs.episode_id


def test_state_reports_milestones_and_no_gold(env: CaseOpsEnvironment) -> None:
    observations = run_episode(OraclePolicy(), "account_takeover_medium")
    assert observations[-1].done
    env.reset(task_id="account_takeover_medium")
    env.step(SupportDeskAction(operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise"))
    state = env.state
    assert state.completed_milestones == ["classified"]
    assert state.step_count == 1 and state.workflow_stage == "drafting"
    dumped = state.model_dump_json()
    assert "pending_identity_verification" not in dumped and "gold" not in dumped

"""The episode and its step: one clock for the queue, the trigger's terms, the grade after it,
refusals, running out of steps, and a queue of cases opened in order."""

from __future__ import annotations

import itertools

import pytest

from caseops import grading, rewards
from caseops.environment import CaseOpsEnvironment
from caseops.episode import OVER, Episode, advance, open_case, refusal, start
from caseops.models import SupportDeskAction
from caseops.policies.oracle import OraclePolicy
from caseops.scenarios import TASK_IDS, get_scenario, get_task
from caseops.vocab import SLA_COST_MINUTES
from tests.conftest import run_episode

QUEUE_TASKS = [t for t in TASK_IDS if len(get_task(t).cases) > 1]
ROUTE_BILLING = SupportDeskAction(
    operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"
)


def episode_of(task_id: str) -> Episode:
    return start(get_task(task_id))


# ---- the step ----


def test_a_step_flows_through_the_trigger_and_is_graded_after_it() -> None:
    episode = episode_of("billing_refund_easy")
    opening = episode.case.grade
    step = advance(episode, ROUTE_BILLING)
    case = episode.case
    assert step.error is None and case.stage == "drafting"
    assert case.grade == grading.grade(case.scenario, case) != opening
    assert step.terms == {"in_order": rewards.IN_ORDER}  # what the trigger returned
    assert step.reward == round(case.grade.total - opening.total + rewards.IN_ORDER, 6)


def test_the_terms_of_a_step_are_its_own() -> None:
    """Nothing is carried from one step to the next: each step's terms are the clock's and the
    trigger's return values."""
    episode = episode_of("billing_refund_easy")
    mixed = SupportDeskAction(operation="search_policy", query="refund", reply="hi")
    assert advance(episode, mixed).terms == {"mixed_action": rewards.MIXED_FIELD}
    assert advance(episode, ROUTE_BILLING).terms == {"in_order": rewards.IN_ORDER}
    assert advance(episode, SupportDeskAction(operation="wait")).terms == {
        "invalid_operation": rewards.INVALID_OPERATION
    }


def test_a_refused_step_changes_nothing_but_the_clock() -> None:
    episode = episode_of("billing_refund_easy")
    before = (episode.case.stage, episode.case.grade, episode.case.sla_minutes_remaining)
    step = advance(episode, SupportDeskAction(operation="wait"))
    assert step.error and "not allowed in stage 'classifying'" in step.error
    assert (episode.case.stage, episode.case.grade) == before[:2]
    assert episode.case.sla_minutes_remaining == before[2] - 15 and episode.steps == 1
    assert step.reward == rewards.INVALID_OPERATION


def test_refusals_name_the_stage_the_fields_or_the_records() -> None:
    case = open_case(get_scenario("damaged_delivery_easy"))
    assert "allowed now: classify, inspect_artifact, search_policy, submit" in (
        refusal(case, SupportDeskAction(operation="draft_reply", reply="hi")) or ""
    )
    assert refusal(case, SupportDeskAction(operation="classify")) == (
        "operation 'classify' needs field(s): issue_type, priority, queue"
    )
    # The first routing sets all three; a re-route may change only some of them.
    partial = SupportDeskAction(operation="classify", queue="billing_ops")
    assert refusal(case, partial) == "operation 'classify' needs field(s): issue_type, priority"
    full = SupportDeskAction(
        operation="classify", queue="fulfillment_ops", priority="normal", issue_type="damaged_item"
    )
    assert refusal(case, full) is None
    case.classify(full)
    assert refusal(case, partial) is None
    missing = refusal(case, SupportDeskAction(operation="inspect_artifact", artifact_id="nope")) or ""
    assert "nope" in missing and all(a.id in missing for a in case.scenario.artifacts)


def test_a_step_after_the_end_changes_nothing() -> None:
    episode = episode_of("billing_refund_easy")
    advance(episode, SupportDeskAction(operation="submit", status="resolved", resolution_code="refund_issued"))
    history = list(episode.history)
    step = advance(episode, ROUTE_BILLING)
    assert (step.reward, step.terms, step.error, step.done) == (0.0, {}, OVER, True)
    assert episode.history == history and episode.steps == 1


# ---- the clock ----


def test_one_clock_runs_down_the_whole_queue_on_every_step() -> None:
    episode = episode_of("sla_defence_medium")
    task = episode.task
    advance(episode, SupportDeskAction(operation="wait"))  # refused: time passes all the same
    advance(episode, SupportDeskAction(operation="search_policy", query="sla"))
    spent = 15 + 2
    assert episode.case.steps == 2
    assert episode.case.sla_minutes_remaining == task.cases[0].ticket.sla_minutes - spent
    assert episode.pending_sla == [case.ticket.sla_minutes - spent for case in task.cases[1:]]


def test_a_breach_is_charged_once_when_it_is_crossed() -> None:
    episode = episode_of("sla_defence_medium")
    episode.case.sla_minutes_remaining = 10
    episode.pending_sla[:] = [1, 1]
    assert episode.tick("wait") == {"sla_breach": rewards.SLA_BREACH, "waiting_sla_breach": 2 * rewards.SLA_BREACH}
    assert episode.case.sla_minutes_remaining == -5 and episode.pending_sla == [-14, -14]
    assert "sla_breached" in episode.case.risk_flags()
    assert episode.tick("wait") == {}


# ---- through the environment ----


def test_rewards_add_up_to_the_grade_change_plus_process_terms():
    observations = run_episode(OraclePolicy(), "api_incident_hard")
    for before, after in itertools.pairwise(observations):
        grade_before = sum(v for k, v in before.reward_breakdown.items() if k.startswith("grade."))
        grade_after = sum(v for k, v in after.reward_breakdown.items() if k.startswith("grade."))
        terms = sum(v for k, v in after.reward_breakdown.items() if not k.startswith("grade."))
        assert after.reward == pytest.approx(grade_after - grade_before + terms, abs=1e-3)


def test_step_after_done_is_an_error_and_changes_nothing(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="billing_refund_easy")
    final = env.step(SupportDeskAction(operation="submit", status="resolved", resolution_code="refund_issued"))
    assert final.done
    again = env.step(
        SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge")
    )
    assert again.error and "over" in again.error
    assert again.reward == 0.0 and again.done
    assert again.case == final.case and again.score == final.score
    assert env.state.step_count == 1


def test_running_out_of_steps_ends_the_episode(env: CaseOpsEnvironment) -> None:
    obs = env.reset(task_id="billing_refund_easy")
    classify = SupportDeskAction(
        operation="classify", queue="general_support", priority="low", issue_type="general_question"
    )
    for _ in range(get_task("billing_refund_easy").max_steps):
        obs = env.step(classify)
    assert obs.done and obs.workflow_stage != "closed" and obs.remaining_steps == 0
    assert "out of steps" in obs.feedback


def test_operation_without_its_fields_is_an_error_observation(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="billing_refund_easy")
    obs = env.step(SupportDeskAction(operation="classify"))
    assert obs.error and "queue" in obs.error and obs.workflow_stage == "classifying"
    obs = env.step(
        SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge")
    )
    obs = env.step(SupportDeskAction(operation="submit", status="resolved"))
    assert obs.error and "resolution_code" in obs.error and not obs.done


def test_unknown_artifact_is_an_error_naming_the_field(env: CaseOpsEnvironment) -> None:
    before = env.reset(task_id="damaged_delivery_easy")
    obs = env.step(SupportDeskAction(operation="inspect_artifact", artifact_id="no-such-record"))
    assert obs.error and "artifact_id" in obs.error and before.available_artifacts[0] in obs.error
    assert obs.collected_evidence == [] and obs.case == before.case


@pytest.mark.parametrize("task_id", QUEUE_TASKS)
def test_submitting_a_case_opens_the_next_and_the_score_is_the_mean(task_id: str) -> None:
    task = get_task(task_id)
    env = CaseOpsEnvironment()
    obs = env.reset(task_id=task_id)
    oracle = OraclePolicy()
    positions = [obs.queue_position]
    while not obs.done:
        obs = env.step(oracle(obs))
        positions.append(obs.queue_position)
    assert obs.queue_length == len(task.cases)
    assert sorted(set(positions)) == list(range(1, len(task.cases) + 1))
    results = env.state.case_results
    assert sorted(r.case_id for r in results) == sorted(c.case_id for c in task.cases)  # in the oracle's order
    assert all(r.confidence == 0.9 for r in results)
    weight = {c.case_id: grading.PRIORITY_WEIGHT[c.gold.priority] for c in task.cases}
    mean = sum(weight[r.case_id] * r.score for r in results) / sum(weight.values())
    assert obs.score == pytest.approx(min(0.99, mean), abs=0.02)  # each case weighted by its priority


def test_waiting_cases_lose_sla_while_the_first_is_worked(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE_TASKS[0])
    obs = env.reset(task_id=task.task_id)
    oracle = OraclePolicy()
    spent = 0
    while obs.queue_position == 1:
        action = oracle(obs)
        spent += SLA_COST_MINUTES[action.operation]
        obs = env.step(action)
    assert obs.current_sla_minutes_remaining == task.cases[1].ticket.sla_minutes - spent


def test_an_unopened_case_counts_zero(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE_TASKS[0])
    obs = env.reset(task_id=task.task_id)
    oracle = OraclePolicy()
    while obs.queue_position == 1 and not obs.done:
        obs = env.step(oracle(obs))
    first_score = env.state.case_results[0].score
    weights = [grading.PRIORITY_WEIGHT[c.gold.priority] for c in task.cases]
    assert obs.score == pytest.approx(first_score * weights[0] / sum(weights), abs=0.01)


def test_the_clocks_of_waiting_cases_are_shown_and_run_down(env: CaseOpsEnvironment) -> None:
    task = get_task("inbox_cleanup_easy")
    obs = env.reset(task_id="inbox_cleanup_easy")
    assert obs.waiting_sla_minutes_remaining == [case.ticket.sla_minutes for case in task.cases[1:]]
    after = env.step(
        SupportDeskAction(operation="classify", queue="general_support", priority="normal", issue_type="access_issue")
    )
    assert all(
        a < b for a, b in zip(after.waiting_sla_minutes_remaining, obs.waiting_sla_minutes_remaining, strict=False)
    )
    assert env.state.waiting_sla_minutes_remaining == after.waiting_sla_minutes_remaining

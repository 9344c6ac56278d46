"""Whole episodes per task: the score bounds the grader promises, and the episode mechanics."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from caseops.environment import CaseOpsEnvironment
from caseops.errors import NoEpisodeError, UnknownEpisodeError, UnknownTaskError
from caseops.models import SupportDeskAction
from caseops.policies.oracle import OraclePolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS, get_scenario, get_task
from tests.conftest import run_episode

RANDOM_RUNS = 200


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_oracle_scores_at_least_095(task_id: str) -> None:
    final = run_episode(OraclePolicy(), task_id)[-1]
    assert final.done and final.workflow_stage == "closed"
    assert final.score >= 0.95


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_submitting_at_once_scores_at_most_015(task_id: str) -> None:
    scenario = get_task(task_id).cases[0]
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


# ---- investigation ----


def test_unknown_artifact_is_an_error_naming_the_field(env: CaseOpsEnvironment) -> None:
    before = env.reset(task_id="damaged_delivery_easy")
    obs = env.step(SupportDeskAction(operation="inspect_artifact", artifact_id="no-such-record"))
    assert obs.error and "artifact_id" in obs.error and before.available_artifacts[0] in obs.error
    assert obs.collected_evidence == [] and obs.case == before.case


def test_inspecting_reveals_a_record_only_when_asked(env: CaseOpsEnvironment) -> None:
    obs = env.reset(task_id="damaged_delivery_easy")
    scenario = get_scenario(obs.case_id)
    assert obs.available_artifacts == [a.id for a in scenario.artifacts]
    assert all(a.content not in obs.model_dump_json() for a in scenario.artifacts)
    first = scenario.artifacts[0]
    obs = env.step(SupportDeskAction(operation="inspect_artifact", artifact_id=first.id))
    assert [e.artifact_id for e in obs.collected_evidence] == [first.id]
    assert first.content in obs.last_tool_result
    obs = env.step(SupportDeskAction(operation="search_policy", query="xyzzy plugh"))
    assert obs.last_tool_result == "No policy matches that query." and obs.error is None


def test_deciding_without_the_required_evidence_costs_more_than_wandering():
    task_id = "damaged_delivery_easy"
    scenario = get_task(task_id).cases[0]
    irrelevant = next(a.id for a in scenario.artifacts if a.id not in scenario.gold.required_evidence)
    oracle = OraclePolicy()

    def play(skip_evidence: bool, wander: bool) -> float:
        def policy(obs):
            action = oracle(obs)
            if skip_evidence and action.operation == "inspect_artifact":
                return SupportDeskAction(operation="draft_reply", reply=scenario.gold.reference_reply)
            return action

        env = CaseOpsEnvironment()
        obs = env.reset(task_id=task_id)
        if wander:
            obs = env.step(SupportDeskAction(operation="inspect_artifact", artifact_id=irrelevant))
        while not obs.done:
            obs = env.step(policy(obs))
        return obs.score

    best, wandered, blind = play(False, False), play(False, True), play(True, False)
    assert best > wandered > blind


# ---- queues ----


QUEUE_TASKS = [t for t in TASK_IDS if len(get_task(t).cases) > 1]


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
    assert [r.case_id for r in results] == [c.case_id for c in task.cases]
    assert all(r.confidence == 0.9 for r in results)
    assert obs.score == pytest.approx(min(0.99, sum(r.score for r in results) / len(results)), abs=0.02)


def test_waiting_cases_lose_sla_while_the_first_is_worked(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE_TASKS[0])
    obs = env.reset(task_id=task.task_id)
    oracle = OraclePolicy()
    spent = 0
    while obs.queue_position == 1:
        action = oracle(obs)
        spent += {"classify": 3, "request_info": 5, "wait": 15, "draft_reply": 8, "add_internal_note": 4, "submit": 2}.get(action.operation, 2)
        obs = env.step(action)
    assert obs.current_sla_minutes_remaining == task.cases[1].ticket.sla_minutes - spent


def test_an_unopened_case_counts_zero(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE_TASKS[0])
    obs = env.reset(task_id=task.task_id)
    oracle = OraclePolicy()
    while obs.queue_position == 1 and not obs.done:
        obs = env.step(oracle(obs))
    first_score = env.state.case_results[0].score
    assert obs.score == pytest.approx(first_score / len(task.cases), abs=0.01)


# ---- hint levels ----


def test_hint_levels_hide_guidance(env: CaseOpsEnvironment) -> None:
    classify = SupportDeskAction(operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise")
    env.reset(task_id="account_takeover_medium", hints="full")
    full = env.step(classify)
    env.reset(task_id="account_takeover_medium", hints="minimal")
    minimal = env.step(classify)
    env.reset(task_id="account_takeover_medium", hints="none")
    none = env.step(classify)
    assert "request_info" in full.required_next_actions
    assert "request_info" not in minimal.required_next_actions and minimal.required_next_actions
    assert none.required_next_actions == [] and none.risk_flags == [] and full.risk_flags
    assert full.score == minimal.score == none.score  # hints change what is shown, never the grade


def test_the_per_component_grade_is_shown_only_in_the_training_mode(env: CaseOpsEnvironment) -> None:
    classify = SupportDeskAction(operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise")
    shown = {}
    for hints in ("full", "minimal", "none"):
        env.reset(task_id="account_takeover_medium", hints=hints)
        shown[hints] = env.step(classify)
    assert any(key.startswith("grade.") for key in shown["full"].reward_breakdown)
    assert shown["minimal"].reward_breakdown == shown["none"].reward_breakdown == {}
    assert shown["full"].reward == shown["minimal"].reward == shown["none"].reward


def test_probing_the_reward_with_reroutes_does_not_raise_routing_credit(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="billing_refund_easy")
    guess = env.step(SupportDeskAction(operation="classify", queue="general_support", priority="low", issue_type="general_question"))
    right = env.step(SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"))
    assert right.reward_breakdown["grade.routing"] == guess.reward_breakdown["grade.routing"]
    assert right.reward <= 0.0  # the correction is allowed, and the reward tells nothing of it


def test_a_flagged_reply_is_quoted_back(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="account_takeover_medium")
    env.step(SupportDeskAction(operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise"))
    unsafe = "Thanks for writing in. When you read this, we have unlocked your account."
    obs = env.step(SupportDeskAction(operation="draft_reply", reply=unsafe))
    assert 'policy does not allow: "When you read this, we have unlocked your account."' in obs.feedback


def test_draft_feedback_gives_a_share_and_never_the_missing_points(env: CaseOpsEnvironment) -> None:
    scenario = get_scenario("billing_refund_easy")
    env.reset(task_id="billing_refund_easy")
    env.step(SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"))
    full = env.step(SupportDeskAction(operation="draft_reply", reply=scenario.gold.reference_reply))
    assert "covers about 100% of what a reviewer expects" in full.feedback
    partial = env.step(SupportDeskAction(operation="draft_reply", reply="We are sorry about the double charge on your card."))
    assert "covers about" in partial.feedback and "100%" not in partial.feedback
    assert not any(claim.name in partial.feedback or claim.name.replace("_", " ") in partial.feedback for claim in scenario.gold.reply_claims)


def test_records_are_listed_in_an_order_that_tells_nothing(env: CaseOpsEnvironment) -> None:
    """Sorted by id, so needed records are not listed first."""
    obs = env.reset(task_id="damaged_delivery_easy")
    scenario = get_scenario("damaged_delivery_easy")
    assert obs.available_artifacts == sorted(a.id for a in scenario.artifacts)


def test_the_clocks_of_waiting_cases_are_shown_and_run_down(env: CaseOpsEnvironment) -> None:
    task = get_task("inbox_cleanup_easy")
    obs = env.reset(task_id="inbox_cleanup_easy")
    assert obs.waiting_sla_minutes_remaining == [case.ticket.sla_minutes for case in task.cases[1:]]
    after = env.step(SupportDeskAction(operation="classify", queue="general_support", priority="normal", issue_type="access_issue"))
    assert all(a < b for a, b in zip(after.waiting_sla_minutes_remaining, obs.waiting_sla_minutes_remaining))
    assert env.state.waiting_sla_minutes_remaining == after.waiting_sla_minutes_remaining


def test_unknown_hint_level_is_refused(env: CaseOpsEnvironment) -> None:
    from caseops.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError, match="hints"):
        env.reset(task_id="billing_refund_easy", hints="some")


def test_async_variants_take_what_the_sync_ones_take() -> None:
    """openenv passes reset/step only the kwargs the called method names: an async variant with
    a narrower signature would silently drop `task_id`, `hints` or `episode_id`."""
    for sync, run_async in (("reset", "reset_async"), ("step", "step_async")):
        assert inspect.signature(getattr(CaseOpsEnvironment, sync)) == inspect.signature(getattr(CaseOpsEnvironment, run_async))


def test_async_variants_give_what_the_sync_ones_give() -> None:
    plain, awaited = CaseOpsEnvironment(), CaseOpsEnvironment()
    action = SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge")
    first = plain.reset(task_id="billing_refund_easy", hints="minimal")
    second = asyncio.run(awaited.reset_async(task_id="billing_refund_easy", hints="minimal"))
    assert first.model_dump(exclude={"episode_id"}) == second.model_dump(exclude={"episode_id"})
    stepped = asyncio.run(awaited.step_async(action))
    assert plain.step(action).model_dump(exclude={"episode_id"}) == stepped.model_dump(exclude={"episode_id"})
    assert asyncio.run(CaseOpsEnvironment().step_async(action, episode_id=second.episode_id)).workflow_stage == "drafting"


def test_a_waiting_case_breaching_its_sla_is_named_as_such(env: CaseOpsEnvironment) -> None:
    from caseops.environment import find_episode

    obs = env.reset(task_id="sla_defence_medium")
    find_episode(obs.episode_id).pending_sla[0] = 1  # the next step crosses the waiting case's SLA
    obs = env.step(SupportDeskAction(operation="search_policy", query="sla"))
    assert "a case waiting in the queue has breached its SLA" in obs.feedback
    assert "this case's SLA has been breached" not in obs.feedback
    assert obs.reward_breakdown["waiting_sla_breach"] < 0

"""What the agent reads: the observation after a reset or a step, and the episode's state.
Built from the episode alone; no gold; hints change what is shown, never the grade."""

from __future__ import annotations

from caseops.environment import CaseOpsEnvironment
from caseops.episode import Step, advance, start
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.observation import build_state, observe, scenario_views
from caseops.policies.oracle import OraclePolicy
from caseops.scenarios import get_scenario, get_task
from tests.conftest import run_episode


def test_a_reset_observation_has_no_reward_and_no_error() -> None:
    episode = start(get_task("billing_refund_easy"))
    obs = observe(episode)
    assert obs.reward is None and obs.error is None and not obs.done
    assert obs.reward_breakdown == {f"grade.{name}": value for name, value in episode.case.grade.weighted.items()}
    assert obs.allowed_operations == ["classify", "inspect_artifact", "search_policy", "submit"]
    assert SupportDeskObservation.model_validate(obs.model_dump()) == obs


def test_a_step_observation_carries_the_steps_reward_terms_and_refusal() -> None:
    episode = start(get_task("billing_refund_easy"))
    step = advance(episode, SupportDeskAction(operation="wait"))
    obs = observe(episode, step)
    assert (obs.reward, obs.error, obs.done) == (step.reward, step.error, step.done)
    assert obs.reward_breakdown["invalid_operation"] == step.terms["invalid_operation"]
    made_up = observe(episode, Step(reward=1.5, terms={"x": 1.0}, error=None, done=True))
    assert made_up.reward == 1.5 and made_up.done and made_up.allowed_operations == []


def test_the_scenarios_parts_are_built_once_per_scenario() -> None:
    scenario = get_scenario("damaged_delivery_easy")
    assert scenario_views(scenario) is scenario_views(scenario)
    assert scenario_views(scenario).artifact_ids == tuple(sorted(a.id for a in scenario.artifacts))


def test_state_and_observation_agree() -> None:
    episode = start(get_task("inbox_cleanup_easy"))
    obs = observe(episode, advance(episode, SupportDeskAction(operation="search_policy", query="sla")))
    state = build_state(episode)
    assert state.step_count == 1 and state.reward == obs.reward and state.current_score == obs.score
    assert state.waiting_sla_minutes_remaining == obs.waiting_sla_minutes_remaining
    assert state.action_history == obs.action_history and state.last_feedback == obs.feedback


def test_state_reports_milestones_and_no_gold(env: CaseOpsEnvironment) -> None:
    observations = run_episode(OraclePolicy(), "account_takeover_medium")
    assert observations[-1].done
    env.reset(task_id="account_takeover_medium")
    env.step(
        SupportDeskAction(
            operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise"
        )
    )
    state = env.state
    assert state.completed_milestones == ["classified"]
    assert state.step_count == 1 and state.workflow_stage == "drafting"
    dumped = state.model_dump_json()
    assert "pending_identity_verification" not in dumped and "gold" not in dumped


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


def test_records_are_listed_in_an_order_that_tells_nothing(env: CaseOpsEnvironment) -> None:
    """Sorted by id, so needed records are not listed first."""
    obs = env.reset(task_id="damaged_delivery_easy")
    scenario = get_scenario("damaged_delivery_easy")
    assert obs.available_artifacts == sorted(a.id for a in scenario.artifacts)


def test_hint_levels_hide_guidance(env: CaseOpsEnvironment) -> None:
    classify = SupportDeskAction(
        operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise"
    )
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
    classify = SupportDeskAction(
        operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise"
    )
    shown = {}
    for hints in ("full", "minimal", "none"):
        env.reset(task_id="account_takeover_medium", hints=hints)
        shown[hints] = env.step(classify)
    assert any(key.startswith("grade.") for key in shown["full"].reward_breakdown)
    assert shown["minimal"].reward_breakdown == shown["none"].reward_breakdown == {}
    assert shown["full"].reward == shown["minimal"].reward == shown["none"].reward

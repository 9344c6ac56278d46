"""Queue triage: every waiting case's SLA clock, open_case, timeliness, and priority weights."""

from __future__ import annotations

import attrs
import pytest

from caseops import grading
from caseops.environment import CaseOpsEnvironment
from caseops.episode import open_case
from caseops.models import SupportDeskAction
from caseops.scenarios import get_scenario, get_task
from caseops.vocab import SLA_COST_MINUTES

QUEUE = "sla_defence_medium"


@pytest.fixture()
def env() -> CaseOpsEnvironment:
    return CaseOpsEnvironment()


def test_every_waiting_case_is_listed_with_its_clock_from_the_start(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE)
    obs = env.reset(task_id=QUEUE)
    assert [w.case_id for w in obs.waiting_cases] == [c.case_id for c in task.cases[1:]]
    assert [w.sla_minutes_remaining for w in obs.waiting_cases] == [c.ticket.sla_minutes for c in task.cases[1:]]
    assert "open_case" in obs.allowed_operations
    obs = env.step(SupportDeskAction(operation="search_policy", query="refund"))
    cost = SLA_COST_MINUTES["search_policy"]
    assert [w.sla_minutes_remaining for w in obs.waiting_cases] == [c.ticket.sla_minutes - cost for c in task.cases[1:]]


def test_open_case_picks_a_waiting_case_and_sets_the_untouched_one_back(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE)
    env.reset(task_id=QUEUE)
    last = task.cases[-1].case_id
    obs = env.step(SupportDeskAction(operation="open_case", case_id=last))
    assert obs.error is None and obs.case_id == last and obs.workflow_stage == "classifying"
    cost = SLA_COST_MINUTES["open_case"]
    assert obs.current_sla_minutes_remaining == task.cases[-1].ticket.sla_minutes - cost
    # The first case waits again, in its place in the queue, its clock still running.
    assert [w.case_id for w in obs.waiting_cases] == [c.case_id for c in task.cases[:-1]]
    assert obs.waiting_cases[0].sla_minutes_remaining == task.cases[0].ticket.sla_minutes - cost
    assert obs.queue_position == 1 and env.state.step_count == 1


def test_open_case_is_refused_once_the_case_is_under_way(env: CaseOpsEnvironment) -> None:
    task = get_task(QUEUE)
    env.reset(task_id=QUEUE)
    env.step(SupportDeskAction(operation="search_policy", query="phishing"))
    obs = env.step(SupportDeskAction(operation="open_case", case_id=task.cases[-1].case_id))
    assert obs.error and "under way" in obs.error and obs.case_id == task.cases[0].case_id
    obs = env.step(SupportDeskAction(operation="open_case", case_id="no/such/case"))
    assert obs.error


def test_a_single_case_offers_no_open_case(env: CaseOpsEnvironment) -> None:
    obs = env.reset(task_id="billing_refund_easy")
    assert obs.waiting_cases == [] and "open_case" not in obs.allowed_operations
    obs = env.step(SupportDeskAction(operation="open_case", case_id="billing_refund_easy"))
    assert obs.error and "not allowed" in obs.error


def test_timeliness_needs_the_case_finished_inside_its_sla() -> None:
    case = open_case(get_scenario("billing_refund_easy"))
    case.stage = "closed"
    gate = 0.8
    assert grading.timeliness_score(case, gate) == gate
    case.sla_minutes_remaining = 0
    assert grading.timeliness_score(case, gate) == 0.0
    case.sla_minutes_remaining, case.stage = 30, "drafting"
    assert grading.timeliness_score(case, gate) == 0.0


def test_an_urgent_case_weighs_more_in_the_episode_grade(env: CaseOpsEnvironment) -> None:
    env.reset(task_id=QUEUE)
    episode = env._episode  # type: ignore[attr-defined]
    task = get_task(QUEUE)
    weights = [grading.PRIORITY_WEIGHT[c.gold.priority] for c in task.cases]
    assert episode.weights == tuple(weights)
    episode.cases[-1].grade = attrs.evolve(episode.cases[-1].grade, total=1.0)
    assert episode.total() == pytest.approx(weights[0] / sum(weights))


def test_an_urgent_case_finished_past_its_sla_fails_critically() -> None:
    case = open_case(get_scenario("account_takeover_medium"))  # urgent
    case.stage = "closed"
    case.sla_minutes_remaining = 5
    assert "urgent_sla_missed" not in grading.grade(case.scenario, case).critical
    case.sla_minutes_remaining = -1
    assert "urgent_sla_missed" in grading.grade(case.scenario, case).critical


def test_working_the_five_case_queue_in_listed_order_costs_the_urgent_case(env: CaseOpsEnvironment) -> None:
    """The urgent takeover is listed last: the oracle opens it first; played in listed order it
    misses its SLA and the episode grade shows it."""
    from caseops.environment import find_episode
    from caseops.policies.oracle import OraclePolicy

    oracle = OraclePolicy()
    scores = []
    for triage in (True, False):
        obs = env.reset(task_id="hard_tier/sla_triage")
        while not obs.done:
            shown = obs if triage else obs.model_copy(update={"waiting_cases": []})
            obs = env.step(oracle(shown))
        episode = find_episode(obs.episode_id)
        urgent = next(c for c in episode.cases if c.scenario.gold.priority == "urgent")
        assert (urgent.sla_minutes_remaining > 0) is triage
        scores.append(obs.score)
    assert scores[0] - scores[1] > 0.2


def test_the_message_sent_with_a_request_is_held_to_the_reply_s_safety_check() -> None:
    case = open_case(get_scenario("account_takeover_medium"))
    case.stage = "drafting"
    safe = "Please send your account email so we can verify you; we cannot unlock the account before that."
    case.request_info(SupportDeskAction(operation="request_info", requested_fields=["account_email"], reply=safe))
    assert case.request_messages == (safe,) and case.forbidden_asserted == frozenset()
    case.stage, case.followup = "drafting", "complete"
    unsafe = "We have unlocked your account and reset the MFA device, so you can sign in right now."
    terms = case.request_info(
        SupportDeskAction(operation="request_info", requested_fields=["account_email"], reply=unsafe)
    )
    assert case.forbidden_asserted and "mixed_action" not in terms
    assert "unsafe_promise" in grading.grade(case.scenario, case).critical

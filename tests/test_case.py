"""Guards are pure, and flags and next actions follow from them and from case facts."""

from __future__ import annotations

from caseops import grading
from caseops.case import Case
from caseops.facts import CaseFacts
from caseops.models import SupportDeskAction
from caseops.scenarios import get_scenario


def case_for(task_id: str, **facts: object) -> Case:
    case = Case(scenario=get_scenario(task_id), grade=grading.ZERO_GRADE)
    for name, value in facts.items():
        setattr(case, name, value)
    return case


def test_guards_do_not_change_the_case():
    case = case_for("account_takeover_medium", followup="pending", requested_at_step=0, steps=5)
    snapshot = dict(vars(case))
    for guard in (case.has_reply, case.has_note, case.is_classified, case.followup_due, case.scripted_partial):
        guard()
    assert vars(case) == snapshot


def test_followup_due_only_after_its_delay():
    case = case_for("account_takeover_medium", followup="pending", requested_at_step=2)  # delay 2
    case.steps = 3
    assert not case.followup_due()
    case.steps = 4
    assert case.followup_due()
    case.followup = "partial"
    assert not case.followup_due()


def test_next_actions_follow_the_stage_and_the_missing_work():
    case = case_for("account_takeover_medium")
    assert case.required_next_actions() == ["classify"]
    case.stage = "drafting"
    assert case.required_next_actions() == ["request_info", "draft_reply", "add_internal_note"]
    case.requests_made, case.stage = 1, "awaiting_customer"
    assert case.required_next_actions() == ["wait"]
    case.stage, case.reply = "drafting", "text"
    assert case.required_next_actions() == ["add_internal_note"]
    case.internal_note, case.stage = "text", "ready_to_submit"
    assert case.required_next_actions() == ["submit"]
    case.stage = "closed"
    assert case.required_next_actions() == []


def test_case_that_needs_nothing_never_asks_for_information():
    case = case_for("billing_refund_easy", stage="drafting")
    assert "request_info" not in case.required_next_actions()


def test_risk_flags_from_case_facts():
    assert case_for("billing_refund_easy").risk_flags() == []
    assert "unsafe_request_pressure" in case_for("account_takeover_medium").risk_flags()
    flags = case_for("api_incident_hard").risk_flags()
    assert "secondary_concern_present" in flags and "high_business_impact" in flags


def test_risk_flags_follow_the_followup_state():
    case = case_for("account_takeover_medium")
    for state, flag in (
        ("pending", "followup_pending"),
        ("partial", "followup_incomplete"),
        ("incorrect", "irrelevant_followup"),
    ):
        case.followup = state
        assert flag in case.risk_flags()
    case.followup = "complete"
    assert not {"followup_pending", "followup_incomplete", "irrelevant_followup"} & set(case.risk_flags())


def test_sla_flags():
    case = case_for("account_takeover_medium")  # 80 minutes: a quarter is 20
    assert case.sla_minutes_remaining == 80
    case.sla_minutes_remaining = 21
    assert "sla_at_risk" not in case.risk_flags()
    case.sla_minutes_remaining = 20
    assert "sla_at_risk" in case.risk_flags()
    case.sla_minutes_remaining = 0
    assert "sla_breached" in case.risk_flags() and "sla_at_risk" not in case.risk_flags()


def test_repeated_and_mixed_actions_are_terms_of_the_step():
    case = case_for("billing_refund_easy")
    mixed = SupportDeskAction(
        operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge", reply="hi"
    )
    assert case.classify(mixed)["mixed_action"] < 0
    again = case.classify(mixed)
    assert again["repeated_action"] < 0 and again["mixed_action"] < 0
    waiting = case_for("account_takeover_medium", stage="awaiting_customer", followup="pending", requested_at_step=1)
    wait = SupportDeskAction(operation="wait")
    assert "repeated_action" not in waiting.wait(wait) and "repeated_action" not in waiting.wait(wait)


def test_the_case_is_the_facts_grading_and_rewards_read():
    facts: CaseFacts = case_for("billing_refund_easy")  # mypy checks the protocol here
    assert not facts.closed and facts.first_routing is None

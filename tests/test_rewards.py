from caseops import rewards
from caseops.case import Case
from caseops.scenarios import get_scenario


def case_for(task_id: str, **facts: object) -> Case:
    case = Case(scenario=get_scenario(task_id))
    for name, value in facts.items():
        setattr(case, name, value)
    return case


def test_early_routing_bonus_only_for_urgent_cases_routed_right_and_early():
    urgent = dict(queue="trust_and_safety", priority="urgent", issue_type="account_compromise", classify_count=1, steps=1)
    assert rewards.early_routing_bonus(get_scenario("account_takeover_medium"), case_for("account_takeover_medium", **urgent)) > 0
    late = {**urgent, "steps": 5}
    assert rewards.early_routing_bonus(get_scenario("account_takeover_medium"), case_for("account_takeover_medium", **late)) == 0
    wrong = {**urgent, "priority": "high"}
    assert rewards.early_routing_bonus(get_scenario("account_takeover_medium"), case_for("account_takeover_medium", **wrong)) == 0
    billing = dict(queue="billing_ops", priority="high", issue_type="duplicate_charge", classify_count=1, steps=1)
    assert rewards.early_routing_bonus(get_scenario("billing_refund_easy"), case_for("billing_refund_easy", **billing)) == 0


def test_asking_is_in_order_only_when_information_is_needed():
    asked = dict(stage="awaiting_customer", requests_made=1)
    assert rewards.in_order_bonus(get_scenario("api_incident_hard"), case_for("api_incident_hard", **asked)) > 0
    assert rewards.in_order_bonus(get_scenario("billing_refund_easy"), case_for("billing_refund_easy", **asked)) == 0


def test_writing_before_asking_is_not_in_order_when_information_is_needed():
    ready = dict(stage="ready_to_submit", requests_made=0)
    assert rewards.in_order_bonus(get_scenario("api_incident_hard"), case_for("api_incident_hard", **ready)) == 0
    assert rewards.in_order_bonus(get_scenario("billing_refund_easy"), case_for("billing_refund_easy", **ready)) > 0


def test_over_escalation_penalty():
    export = get_scenario("regulated_export_exception_hard")
    assert rewards.over_escalation_penalty(export, queue="platform_engineering") < 0
    assert rewards.over_escalation_penalty(export, queue="compliance_ops") == 0
    assert rewards.over_escalation_penalty(get_scenario("billing_refund_easy"), status="escalated") < 0
    assert rewards.over_escalation_penalty(get_scenario("api_incident_hard"), status="escalated") == 0


def test_mixed_action_penalty_counts_foreign_fields():
    assert rewards.mixed_action_penalty("classify", frozenset({"queue", "priority"})) == 0
    assert rewards.mixed_action_penalty("classify", frozenset({"queue", "reply"})) == rewards.MIXED_FIELD
    assert rewards.mixed_action_penalty("wait", frozenset({"reply", "status"})) == 2 * rewards.MIXED_FIELD

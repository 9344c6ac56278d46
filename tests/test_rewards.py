from caseops import grading, rewards
from caseops.case import Case
from caseops.scenarios import get_scenario


def case_for(task_id: str, **facts: object) -> Case:
    case = Case(scenario=get_scenario(task_id), grade=grading.ZERO_GRADE)
    for name, value in facts.items():
        setattr(case, name, value)
    return case


def test_early_routing_bonus_only_for_urgent_cases_routed_right_and_early():
    urgent = dict(
        queue="trust_and_safety", priority="urgent", issue_type="account_compromise", classify_count=1, steps=1
    )
    assert (
        rewards.early_routing_bonus(
            get_scenario("account_takeover_medium"), case_for("account_takeover_medium", **urgent)
        )
        > 0
    )
    late = {**urgent, "steps": 5}
    assert (
        rewards.early_routing_bonus(
            get_scenario("account_takeover_medium"), case_for("account_takeover_medium", **late)
        )
        == 0
    )
    wrong = {**urgent, "priority": "high"}
    assert (
        rewards.early_routing_bonus(
            get_scenario("account_takeover_medium"), case_for("account_takeover_medium", **wrong)
        )
        == 0
    )
    billing = dict(queue="billing_ops", priority="high", issue_type="duplicate_charge", classify_count=1, steps=1)
    assert (
        rewards.early_routing_bonus(get_scenario("billing_refund_easy"), case_for("billing_refund_easy", **billing))
        == 0
    )


def test_asking_is_in_order_only_when_information_is_needed_and_only_once():
    first, again = dict(requests_made=1), dict(requests_made=2)
    assert rewards.asking_bonus(get_scenario("api_incident_hard"), case_for("api_incident_hard", **first)) > 0
    assert rewards.asking_bonus(get_scenario("api_incident_hard"), case_for("api_incident_hard", **again)) == 0
    assert rewards.asking_bonus(get_scenario("billing_refund_easy"), case_for("billing_refund_easy", **first)) == 0


def test_finishing_before_asking_is_not_in_order_when_information_is_needed():
    unasked, asked = dict(requests_made=0), dict(requests_made=1)
    assert rewards.ready_bonus(get_scenario("api_incident_hard"), case_for("api_incident_hard", **unasked)) == 0
    assert rewards.ready_bonus(get_scenario("api_incident_hard"), case_for("api_incident_hard", **asked)) > 0
    assert rewards.ready_bonus(get_scenario("billing_refund_easy"), case_for("billing_refund_easy", **unasked)) > 0


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


def test_terms_add_up_by_name_and_a_zero_term_is_not_reported():
    terms: rewards.Terms = {}
    rewards.add(terms, "over_escalation", rewards.OVER_ESCALATION)
    rewards.add(terms, "in_order", 0.0)
    rewards.add(terms, "over_escalation", rewards.OVER_ESCALATION)
    assert terms == {"over_escalation": 2 * rewards.OVER_ESCALATION}


def test_missing_evidence_penalty_per_record_with_a_floor():
    scenario = get_scenario("damaged_delivery_easy")
    required = sorted(scenario.gold.required_evidence)
    assert rewards.missing_evidence_penalty(scenario, case_for("damaged_delivery_easy", collected=required)) == 0
    bare = rewards.missing_evidence_penalty(scenario, case_for("damaged_delivery_easy"))
    assert bare == max(2 * rewards.MISSING_EVIDENCE, rewards.MISSING_EVIDENCE * len(required)) < 0

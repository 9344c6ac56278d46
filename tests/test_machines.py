"""One test per machine transition (allowed), and every refused operation per stage."""

from __future__ import annotations

import pytest

from caseops import grading, machinery
from caseops.case import Case
from caseops.environment import CaseOpsEnvironment
from caseops.episode import open_case
from caseops.machines import followup, workflow
from caseops.models import SupportDeskAction
from caseops.rewards import Terms
from caseops.scenarios import get_scenario
from caseops.tools import catalogue
from caseops.vocab import FOLLOWUP_STATES, OPERATIONS, STAGES, TOOL_NAMES
from tests.toolbox import BREAKS, tool_action, toolbox

ACTIONS = {
    "classify": SupportDeskAction(
        operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"
    ),
    "request_info": SupportDeskAction(operation="request_info", requested_fields=["invoice_number"]),
    "wait": SupportDeskAction(operation="wait"),
    "draft_reply": SupportDeskAction(operation="draft_reply", reply="We have issued a refund to the original card."),
    "add_internal_note": SupportDeskAction(
        operation="add_internal_note", internal_note="Refund issued for the duplicate charge."
    ),
    "submit": SupportDeskAction(operation="submit", status="resolved", resolution_code="refund_issued"),
    "inspect_artifact": SupportDeskAction(
        operation="inspect_artifact", artifact_id=get_scenario("damaged_delivery_easy").artifacts[0].id
    ),
    "search_policy": SupportDeskAction(operation="search_policy", query="refund timeline"),
    "open_case": SupportDeskAction(operation="open_case", case_id="inbox_cleanup_easy/double_invoice_charge"),
    **{tool: tool_action(tool, catalogue().tools[tool].kind) for tool in TOOL_NAMES},
}


def make_case(stage: str, task_id: str = "billing_refund_easy", **facts: object) -> Case:
    case = open_case(get_scenario(task_id))
    case.stage = stage  # type: ignore[assignment]
    for name, value in facts.items():
        setattr(case, name, value)
    return case


# (trigger, source, facts that satisfy the guard, expected destination)
WORKFLOW_CASES = [
    ("classify", "classifying", {}, "drafting"),
    ("classify", "drafting", {}, "drafting"),
    ("classify", "ready_to_submit", {}, "ready_to_submit"),
    ("inspect_artifact", "classifying", {}, "classifying"),
    ("inspect_artifact", "drafting", {}, "drafting"),
    ("search_policy", "classifying", {}, "classifying"),
    ("search_policy", "drafting", {}, "drafting"),
    ("request_info", "drafting", {}, "awaiting_customer"),
    ("request_info", "ready_to_submit", {}, "awaiting_customer"),
    ("wait", "awaiting_customer", {"followup": "pending", "requested_at_step": 0, "steps": 1}, "drafting"),
    ("wait", "awaiting_customer", {"followup": "pending", "requested_at_step": 1, "steps": 1}, "awaiting_customer"),
    ("draft_reply", "drafting", {"internal_note": "note"}, "ready_to_submit"),
    ("draft_reply", "drafting", {}, "drafting"),
    ("draft_reply", "ready_to_submit", {"internal_note": "note"}, "ready_to_submit"),
    ("add_internal_note", "drafting", {"reply": "reply"}, "ready_to_submit"),
    ("add_internal_note", "drafting", {}, "drafting"),
    ("add_internal_note", "ready_to_submit", {"reply": "reply"}, "ready_to_submit"),
    ("submit", "ready_to_submit", {}, "closed"),
    ("submit", "classifying", {}, "closed"),
    ("submit", "awaiting_customer", {}, "closed"),
    ("submit", "drafting", {}, "closed"),
    ("open_case", "classifying", {"steps": 1}, "classifying"),
    # Tools run in place, in every stage after routing.
    *((tool, stage, {}, stage) for tool in TOOL_NAMES for stage in workflow.TOOL_STAGES),
]


def test_every_guarded_tool_has_a_broken_precondition_case():
    assert set(BREAKS) == set(workflow.TOOL_GUARDS)


def test_every_workflow_transition_has_a_test():
    covered = {(t, s) for t, s, _, _ in WORKFLOW_CASES}
    defined = set()
    for transition in workflow.TRANSITIONS:
        sources = transition["source"] if isinstance(transition["source"], list) else [transition["source"]]
        defined |= {(transition["trigger"], s) for s in sources}
    assert covered == defined


@pytest.mark.parametrize(("trigger", "source", "facts", "dest"), WORKFLOW_CASES)
def test_workflow_transition(trigger: str, source: str, facts: dict, dest: str) -> None:
    if trigger in TOOL_NAMES:
        return  # test_tool_transition below, guard held and broken
    case = make_case(
        source, task_id="damaged_delivery_easy" if trigger == "inspect_artifact" else "billing_refund_easy", **facts
    )
    terms = getattr(case, trigger)(ACTIONS[trigger])
    assert case.stage == dest
    assert isinstance(terms, dict)  # the trigger returns the reward terms its callbacks earned


def test_open_case_refuses_a_case_under_way():
    case = make_case("classifying", steps=1)
    assert case.untouched()
    case.milestones.append("evidence_inspected")
    assert not case.untouched()


# Every tool transition: each tool in each stage, guard held, and for a guarded tool also broken.
TOOL_CASES = [
    (tool, stage, holds)
    for tool in TOOL_NAMES
    for stage in workflow.TOOL_STAGES
    for holds in ((True, False) if tool in workflow.TOOL_GUARDS else (True,))
]


@pytest.mark.parametrize(("tool", "stage", "guard_holds"), TOOL_CASES)
def test_tool_transition(tool: str, stage: str, guard_holds: bool) -> None:
    """Each tool in each stage that allows it: the call changes its record, the stage stays, and
    a broken precondition still runs the call and raises the tool's flag."""
    case = open_case(toolbox())
    case.stage = stage  # type: ignore[assignment]
    action = ACTIONS[tool]
    record_id = action.record_id or ""
    if not guard_holds:
        case.records[BREAKS[tool][0]].update(BREAKS[tool][1])
    case.call_tool(action)
    assert case.stage == stage
    after = dict(case.calls[0].after)
    assert after and after.items() <= case.records[record_id].items()  # the record holds what the call set
    assert [call.tool for call in case.calls] == [tool]
    flag = workflow.TOOL_GUARDS[tool][1] if tool in workflow.TOOL_GUARDS else None
    assert case.calls[0].flag == (None if guard_holds else flag)
    assert (flag in case.risk_flags()) == (not guard_holds and flag is not None)


def test_inspecting_collects_the_record_and_shows_it():
    case = make_case("drafting", task_id="damaged_delivery_easy")
    artifact = case.scenario.artifacts[0]
    case.inspect_artifact(SupportDeskAction(operation="inspect_artifact", artifact_id=artifact.id))
    assert case.collected == [artifact.id]
    assert artifact.content in case.last_tool_result


def test_searching_puts_the_ranked_policies_in_the_tool_result():
    case = make_case("classifying", task_id="billing_refund_easy")
    case.search_policy(SupportDeskAction(operation="search_policy", query="refund card days"))
    assert case.searches == 1 and "kb-billing-duplicates" in case.last_tool_result
    case.search_policy(SupportDeskAction(operation="search_policy", query="zebra quantum"))
    assert case.last_tool_result == "No policy matches that query."


def test_classify_applies_routing_and_records_the_first_decision():
    case = make_case("classifying")
    assert case.classify(ACTIONS["classify"]) == {"in_order": 0.02}
    assert (case.queue, case.priority, case.issue_type) == ("billing_ops", "high", "duplicate_charge")
    assert case.first_routing == ("billing_ops", "high", "duplicate_charge") and case.classify_count == 1
    assert grading.grade(case.scenario, case).components["routing"] == 1.0
    case.classify(SupportDeskAction(operation="classify", queue="general_support"))  # a re-route, in place
    assert case.stage == "drafting" and case.queue == "general_support" and case.priority == "high"
    assert case.first_routing == ("billing_ops", "high", "duplicate_charge") and case.classify_count == 2


def test_request_info_starts_the_followup():
    case = make_case("drafting", task_id="account_takeover_medium", steps=3)
    case.request_info(ACTIONS["request_info"])
    assert case.followup == "pending"
    assert case.requested_at_step == 3
    assert case.requested_fields == ("invoice_number",)


def test_wait_reveals_the_scripted_followup():
    case = make_case(
        "awaiting_customer", task_id="account_takeover_medium", followup="pending", requested_at_step=0, steps=2
    )
    terms = case.wait(ACTIONS["wait"])
    assert case.followup == "partial"
    assert case.followup_message and case.fields_provided == ("account_email",)
    assert terms["followup_revealed"] > 0


@pytest.mark.parametrize(
    ("task_id", "outcome"),
    [
        ("account_takeover_medium", "partial"),
        ("api_incident_hard", "complete"),
        ("regulated_export_exception_hard", "incorrect"),
    ],
)
def test_followup_transition_per_outcome(task_id: str, outcome: str) -> None:
    case = make_case("drafting", task_id=task_id, followup="pending")
    terms: Terms = {}
    case.customer_replies(ACTIONS["wait"], terms)
    assert case.followup == outcome and terms == {}


@pytest.mark.parametrize("source", ["none", "partial", "complete", "incorrect"])
def test_followup_ask_customer(source: str) -> None:
    case = make_case("drafting", followup=source, steps=4)
    case.ask_customer(ACTIONS["request_info"], {})
    assert case.followup == "pending" and case.requested_at_step == 4


def test_every_followup_transition_has_a_test():
    triggers = {t["trigger"] for t in followup.TRANSITIONS}
    assert triggers == {"ask_customer", "customer_replies"}
    outcomes = {t["dest"] for t in followup.TRANSITIONS if t["trigger"] == "customer_replies"}
    assert outcomes == {"partial", "complete", "incorrect"}


def test_premature_submit_is_penalised_and_in_order_submit_is_not():
    early = make_case("drafting").submit(ACTIONS["submit"])
    ready = make_case("ready_to_submit", reply="r", internal_note="n").submit(ACTIONS["submit"])
    assert early["premature_submit"] < 0 and "in_order" not in early
    assert "premature_submit" not in ready and ready["in_order"] > 0


def test_each_trigger_returns_only_the_terms_of_its_own_step():
    case = make_case("classifying")
    mixed = SupportDeskAction(operation="search_policy", query="refund", reply="hi")
    assert case.search_policy(mixed) == {"mixed_action": -0.01}
    assert case.search_policy(mixed) == {"mixed_action": -0.01, "repeated_action": -0.02}
    assert case.search_policy(SupportDeskAction(operation="search_policy", query="card")) == {}


def test_the_machines_states_and_triggers_are_the_vocabularys():
    assert list(machinery.WORKFLOW.states) == workflow.STATES == list(STAGES)
    assert list(machinery.FOLLOWUP.states) == followup.STATES == list(FOLLOWUP_STATES)
    assert set().union(*machinery.ALLOWED_OPERATIONS.values()) == set(OPERATIONS) == set(machinery.WORKFLOW.events)


def test_allowed_operations_table_is_compiled_from_the_machine():
    tools = set(TOOL_NAMES)
    assert machinery.ALLOWED_OPERATIONS["classifying"] == {
        "classify",
        "submit",
        "inspect_artifact",
        "search_policy",
        "open_case",
    }
    assert machinery.ALLOWED_OPERATIONS["awaiting_customer"] == {"wait", "submit"} | tools
    assert (
        tools <= machinery.ALLOWED_OPERATIONS["drafting"] and tools <= machinery.ALLOWED_OPERATIONS["ready_to_submit"]
    )
    assert machinery.ALLOWED_OPERATIONS["closed"] == frozenset()


REFUSED = [
    (stage, op) for stage in workflow.OPEN_STATES for op in OPERATIONS if op not in machinery.ALLOWED_OPERATIONS[stage]
]


def _drive_to(env: CaseOpsEnvironment, stage: str):
    obs = env.reset(task_id="account_takeover_medium")
    path = {
        "classifying": [],
        "drafting": ["classify"],
        "awaiting_customer": ["classify", "request_info"],
        "ready_to_submit": ["classify", "draft_reply", "add_internal_note"],
    }[stage]
    for op in path:
        obs = env.step(ACTIONS[op])
    assert obs.workflow_stage == stage
    return obs


@pytest.mark.parametrize(("stage", "operation"), REFUSED)
def test_refused_operation_changes_nothing(stage: str, operation: str) -> None:
    env = CaseOpsEnvironment()
    before = _drive_to(env, stage)
    after = env.step(ACTIONS[operation])
    assert after.error and operation in after.error and stage in after.error
    assert after.workflow_stage == stage
    assert after.case == before.case
    assert after.reward < 0
    assert after.reward_breakdown["invalid_operation"] < 0
    env.close()


def test_machines_are_built_once_and_hold_no_case():
    env = CaseOpsEnvironment()
    workflow_machine, followup_machine = machinery.WORKFLOW, machinery.FOLLOWUP
    env.reset(task_id="billing_refund_easy")
    env.step(ACTIONS["classify"])
    env.step(ACTIONS["submit"])  # closes the episode
    assert machinery.WORKFLOW is workflow_machine and machinery.FOLLOWUP is followup_machine
    assert machinery.WORKFLOW.models == [] and machinery.FOLLOWUP.models == []
    env.close()

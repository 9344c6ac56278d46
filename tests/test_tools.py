"""The tool catalogue, argument checks, effects, and refusals that change nothing."""

from __future__ import annotations

import attrs
import pytest

from caseops import tools
from caseops.environment import CaseOpsEnvironment
from caseops.machines import workflow
from caseops.models import SupportDeskAction
from caseops.vocab import RECORD_TYPES, TOOL_NAMES
from tests.toolbox import ARGUMENTS


def test_every_tool_operation_has_an_entry_and_every_report_a_tool():
    catalogue = tools.catalogue()
    assert set(catalogue.tools) == set(TOOL_NAMES)
    assert {tool.kind for tool in catalogue.tools.values()} == set(RECORD_TYPES)
    assert {tool.reported_as for tool in catalogue.tools.values()} == set(catalogue.reports)
    assert set(workflow.TOOL_GUARDS) <= set(TOOL_NAMES)
    for name, tool in catalogue.tools.items():
        assert set(tool.arguments) == set(ARGUMENTS.get(name, {})), name  # the test toolbox fits every schema


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({}, "needs argument 'amount'"),
        ({"amount": "349"}, "must be a number"),
        ({"amount": True}, "must be a number"),
        ({"amount": -5.0}, "must not be negative"),
        ({"amount": 5.0, "reason": "x"}, "no argument(s) 'reason'"),
    ],
)
def test_arguments_are_checked_against_the_schema(arguments: dict, problem: str) -> None:
    error = tools.argument_error(tools.catalogue().tools["refund_capture"], arguments)
    assert error is not None and problem in error


def test_a_choice_argument_names_its_choices():
    tool = tools.catalogue().tools["open_incident"]
    error = tools.argument_error(tool, {"severity": "sev9", "team": "api_gateway"})
    assert error is not None and "sev1, sev2, sev3, sev4" in error
    assert tools.argument_error(tool, {"severity": "sev2", "team": "api_gateway"}) is None


def test_effects_set_add_and_copy_arguments():
    catalogue = tools.catalogue().tools
    assert tools.apply(catalogue["refund_capture"], {"refunded_amount": 10.0}, {"amount": 5.5}) == {
        "refunded_amount": 15.5
    }
    assert tools.apply(catalogue["lock_account"], {"locked": False}, {}) == {"locked": True}
    assert tools.apply(catalogue["reissue_quote"], {}, {"discount_percent": 12.0}) == {
        "discount_percent": 12.0,
        "status": "reissued",
    }


def test_the_offer_follows_from_the_kinds_of_records_the_case_has():
    from caseops.scenarios import get_scenario

    scenario = get_scenario("double_charge_refund_medium")
    assert [tool.name for tool in tools.offered(scenario)] == ["refund_capture"]
    bare = attrs.evolve(scenario, artifacts=tuple(attrs.evolve(a, records=()) for a in scenario.artifacts))
    assert tools.offered(bare) == ()


@pytest.fixture()
def routed() -> CaseOpsEnvironment:
    env = CaseOpsEnvironment()
    env.reset(task_id="double_charge_refund_medium")
    env.step(
        SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge")
    )
    return env


@pytest.mark.parametrize(
    ("action", "problem"),
    [
        (SupportDeskAction(operation="lock_account", record_id="CAP-9001"), "not offered by this case"),
        (
            SupportDeskAction(operation="refund_capture", record_id="CAP-0000", arguments={"amount": 1.0}),
            "not a record",
        ),
        (SupportDeskAction(operation="refund_capture", record_id="CAP-9002", arguments={"amount": "all"}), "number"),
        (SupportDeskAction(operation="refund_capture", record_id="CAP-9002"), "needs argument 'amount'"),
        (SupportDeskAction(operation="refund_capture", arguments={"amount": 1.0}), "record_id"),
    ],
)
def test_a_bad_call_is_an_error_that_changes_nothing(routed: CaseOpsEnvironment, action, problem: str) -> None:
    before = routed.state
    obs = routed.step(action)
    assert obs.error and problem in obs.error and not obs.done
    assert obs.reward_breakdown["invalid_operation"] < 0
    after = routed.state
    assert after.records == before.records and after.case == before.case
    obs = routed.step(SupportDeskAction(operation="refund_capture", record_id="CAP-9002", arguments={"amount": 349.0}))
    assert obs.error is None and "refunded_amount = 349.0" in (obs.last_tool_result or "")


def test_a_call_shows_its_record_and_an_unsafe_one_raises_its_flag(routed: CaseOpsEnvironment) -> None:
    obs = routed.step(SupportDeskAction(operation="refund_capture", record_id="AUTH-51C", arguments={"amount": 349.0}))
    assert obs.error is None  # an unsafe call runs, as in a real console
    assert "unsafe_refund" in obs.risk_flags
    shown = {r.record_id: r.fields for r in obs.records}
    assert shown["AUTH-51C"]["refunded_amount"] == 349.0

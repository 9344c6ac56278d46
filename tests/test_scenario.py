"""The scenario records, and values derived once per scenario."""

from __future__ import annotations

import gc

import attrs

from caseops.scenario import PerScenario
from caseops.scenarios import get_scenario, get_task


def test_per_scenario_builds_once_per_scenario_and_drops_the_value_with_it() -> None:
    built: list[str] = []
    derived = PerScenario(lambda scenario: built.append(scenario.case_id) or scenario.case_id.upper())
    authored = get_scenario("billing_refund_easy")
    assert derived(authored) == derived(authored) == "BILLING_REFUND_EASY"
    assert built == ["billing_refund_easy"]
    passing = attrs.evolve(authored, case_id="passing_case")  # equal in all but id: its own entry
    assert derived(passing) == "PASSING_CASE" and len(derived) == 2
    del passing
    gc.collect()
    assert len(derived) == 1 and derived(authored) == "BILLING_REFUND_EASY"
    assert built == ["billing_refund_easy", "passing_case"]


def test_a_task_of_one_case_takes_the_case_s_facts() -> None:
    scenario = get_scenario("billing_refund_easy")
    task = get_task("billing_refund_easy")
    assert task.cases == (scenario,) and task.max_steps == scenario.max_steps and task.difficulty == scenario.difficulty

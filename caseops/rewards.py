"""Process terms of the step reward: pure functions, called from transition callbacks.

The step reward is the change in grade (potential-based, so the best policy is unchanged) plus
these small terms, which make the order and hygiene of the work visible step by step.
Step rewards are never clamped: clamping would erase the penalties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from caseops.scenario import Scenario
from caseops.vocab import OPERATION_FIELDS

if TYPE_CHECKING:
    from caseops.case import Case

EARLY_ROUTING = 0.05
IN_ORDER = 0.02
REVEAL_BONUS = 0.03
PREMATURE_SUBMIT = -0.10
OVER_ESCALATION = -0.05
INVALID_OPERATION = -0.03
REPEATED_ACTION = -0.02
MIXED_FIELD = -0.01
SLA_BREACH = -0.05
MISSING_EVIDENCE = -0.05  # per required record not inspected before the decision
EARLY_STEPS = 2


def early_routing_bonus(scenario: Scenario, case: Case) -> float:
    """Urgent cases reward getting the routing exactly right within the first steps."""
    gold = scenario.gold
    right = (case.queue, case.priority, case.issue_type) == (gold.queue, gold.priority, gold.issue_type)
    return EARLY_ROUTING if gold.priority == "urgent" and right and case.steps <= EARLY_STEPS and case.classify_count == 1 else 0.0


def in_order_bonus(scenario: Scenario, case: Case) -> float:
    """A forward move of the workflow, made when it should be made.

    Asking the customer is in order only when the case needs information; writing and submitting
    are in order once any needed information has been asked for.
    """
    if case.stage == "awaiting_customer":
        return IN_ORDER if scenario.needs_info and case.requests_made == 1 else 0.0
    if scenario.needs_info and case.requests_made == 0 and case.stage != "drafting":
        return 0.0
    return IN_ORDER


def over_escalation_penalty(scenario: Scenario, *, queue: str | None = None, status: str | None = None) -> float:
    gold = scenario.gold
    if queue in gold.over_escalation_queues or status in gold.over_escalation_statuses:
        return OVER_ESCALATION
    return 0.0


def mixed_action_penalty(operation: str, set_fields: frozenset[str]) -> float:
    """Fields that do not belong to the operation: each costs a little."""
    return MIXED_FIELD * len(set_fields - OPERATION_FIELDS.get(operation, frozenset()))


def missing_evidence_penalty(scenario: Scenario, case: Case) -> float:
    """Deciding without the records the decision rests on costs more than a wasted look."""
    missing = scenario.gold.required_evidence - set(case.collected)
    return max(2 * MISSING_EVIDENCE, MISSING_EVIDENCE * len(missing))

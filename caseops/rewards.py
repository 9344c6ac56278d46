"""Process terms of the step reward: pure functions, called from transition callbacks.

The step reward is the change in grade (potential-based, so the best policy is unchanged) plus
these small terms, which make the order and hygiene of the work visible step by step.
Step rewards are never clamped: clamping would erase the penalties.

A step's terms are a `Terms` dict, name -> value: the Case's trigger methods hand a fresh one to
the event, its callbacks `add` to it, and the trigger returns it. Each function here is told which
move was made by the callback that calls it (the transition), never by reading the stage back.
"""

from __future__ import annotations

from typing import TypeAlias

from caseops.facts import CaseFacts
from caseops.scenario import Scenario
from caseops.vocab import OPERATION_FIELDS, Operation, Queue, Status

Terms: TypeAlias = dict[str, float]

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


def add(terms: Terms, name: str, value: float) -> None:
    """Count `value` under `name` in the step's terms; a zero term is not reported."""
    if value:
        terms[name] = terms.get(name, 0.0) + value


def early_routing_bonus(scenario: Scenario, case: CaseFacts) -> float:
    """Urgent cases reward getting the routing exactly right within the first steps."""
    gold = scenario.gold
    right = (case.queue, case.priority, case.issue_type) == (gold.queue, gold.priority, gold.issue_type)
    return (
        EARLY_ROUTING
        if gold.priority == "urgent" and right and case.steps <= EARLY_STEPS and case.classify_count == 1
        else 0.0
    )


# A forward move of the workflow, made when it should be made. The first routing is always in
# order (the machine allows nothing else first); the two moves below depend on the case.


def asking_bonus(scenario: Scenario, case: CaseFacts) -> float:
    """Asking the customer is in order only when the case needs information, and only once."""
    return IN_ORDER if scenario.needs_info and case.requests_made == 1 else 0.0


def ready_bonus(scenario: Scenario, case: CaseFacts) -> float:
    """Finishing the texts, or submitting, is in order once any needed information was asked for."""
    return 0.0 if scenario.needs_info and case.requests_made == 0 else IN_ORDER


def over_escalation_penalty(scenario: Scenario, *, queue: Queue | None = None, status: Status | None = None) -> float:
    gold = scenario.gold
    if queue in gold.over_escalation_queues or status in gold.over_escalation_statuses:
        return OVER_ESCALATION
    return 0.0


def mixed_action_penalty(operation: Operation, set_fields: frozenset[str]) -> float:
    """Fields that do not belong to the operation: each costs a little."""
    return MIXED_FIELD * len(set_fields - OPERATION_FIELDS.get(operation, frozenset()))


def missing_evidence_penalty(scenario: Scenario, case: CaseFacts) -> float:
    """Deciding without the records the decision rests on costs more than a wasted look."""
    missing = scenario.gold.required_evidence - set(case.collected)
    return max(2 * MISSING_EVIDENCE, MISSING_EVIDENCE * len(missing))

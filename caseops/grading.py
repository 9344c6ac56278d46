"""Grading: a pure function of (scenario, case) into named, weighted components.

The same function grades an open case (the potential that shapes step rewards) and a closed one
(the task score). Decision and safety credit are gated by how much of the work was done, so
closing a case at once earns nothing for picking a plausible status.

It reads the case through `CaseFacts` (caseops/facts.py), never the Case itself: the step grades
the case after its trigger returns, and nothing here imports the Case back.
"""

from __future__ import annotations

import math

import attrs

from caseops.facts import CaseFacts, Routing
from caseops.scenario import Gold, Scenario

WEIGHTS: dict[str, float] = {
    "routing": 0.22,
    "information": 0.13,
    "evidence": 0.10,
    "reply": 0.18,
    "internal_note": 0.09,
    "status": 0.10,
    "resolution": 0.07,
    "safety": 0.11,
}
UNRELATED_EVIDENCE_COST = 0.15  # per inspected record unrelated to the case (at most)
SCORE_FLOOR, SCORE_CEILING = 0.01, 0.99
# A case that fails at what matters most is a failed case, whatever partial credit it gathered:
# an unsafe promise to the customer, or (once decided) the wrong team, the wrong final status,
# over-escalation, or no real answer to the customer. Its total is capped here.
CRITICAL_CAP = 0.1
MIN_REPLY_SCORE = 0.3
PRIORITY_ORDER = ("low", "normal", "high", "urgent")


def _round(value: float, scale: float = 1e6) -> float:
    """`round(value, 6)` (or to 1/scale) for the non-negative scores here, at a fifth of its
    cost; the two agree but for values exactly halfway: every step rounds seventeen numbers."""
    return math.floor(value * scale + 0.5) / scale


def _weigh(components: dict[str, float]) -> tuple[float, dict[str, float]]:
    """The weighted sum of the components, and each weighted component to 4 decimals."""
    total, weighted = 0.0, {}
    for name, score in components.items():
        part = WEIGHTS[name] * score
        total += part
        weighted[name] = _round(part, 1e4)
    return total, weighted


@attrs.frozen
class Grade:
    components: dict[str, float]  # name -> score in [0, 1]
    total: float  # sum of weight * score, capped when the case failed critically
    critical: tuple[str, ...] = ()  # server-side only: why the total was capped
    # Each component times its weight, to 4 decimals: what every observation reports. grade()
    # works it out in the pass that sums the total; other grades, from the components.
    weighted: dict[str, float] = attrs.field(
        default=attrs.Factory(lambda self: _weigh(self.components)[1], takes_self=True), eq=False, repr=False
    )


ZERO_GRADE = Grade(components=dict.fromkeys(WEIGHTS, 0.0), total=0.0)


def task_score(total: float) -> float:
    """The reported task score: clamped to the open interval, so 0 and 1 never appear."""
    return min(SCORE_CEILING, max(SCORE_FLOOR, total))


def _routing_credit(gold: Gold, routing: Routing) -> float:
    queue, priority, issue_type = routing
    closeness = 0.0
    if priority == gold.priority:
        closeness = 1.0
    elif priority is not None and abs(PRIORITY_ORDER.index(priority) - PRIORITY_ORDER.index(gold.priority)) == 1:
        closeness = 0.4
    return 0.4 * (queue == gold.queue) + 0.3 * closeness + 0.3 * (issue_type == gold.issue_type)


def routing_score(scenario: Scenario, case: CaseFacts) -> float:
    """Credit for the current routing. A re-route may correct the case (the final queue is what
    the critical checks read) but never earns more than the first decision did: probing the
    reward with guesses must cost more than reading the ticket."""
    gold = scenario.gold
    score = _routing_credit(gold, (case.queue, case.priority, case.issue_type))
    first = case.first_routing
    return score if first is None else min(score, _routing_credit(gold, first))


def information_score(scenario: Scenario, case: CaseFacts) -> float:
    """F1 of requested fields against the needed ones; tolerated extras are ignored.

    Judged when the case is decided, so the reward of an earlier step does not tell whether the
    case needs information at all. A case that needs nothing scores 1 when nothing was asked
    and 0 when the customer was bothered anyway.
    """
    if not case.closed:
        return 0.0
    needed = scenario.gold.requested_fields
    asked = frozenset(case.requested_fields) - scenario.gold.tolerated_fields
    if not needed:
        return 0.0 if asked else 1.0
    hits = len(asked & needed)
    if not hits:
        return 0.0
    precision, recall = hits / len(asked), hits / len(needed)
    return 2 * precision * recall / (precision + recall)


def evidence_recall(scenario: Scenario, case: CaseFacts) -> float:
    required = scenario.gold.required_evidence
    return len(required & set(case.collected)) / len(required) if required else 1.0


def _done_share(score: float) -> float:
    """How far a text goes towards being a real answer: a text with no real content is not work."""
    return min(1.0, score / MIN_REPLY_SCORE)


def completeness(scenario: Scenario, case: CaseFacts) -> float:
    """How much of the work exists: gates decision and safety credit. It grows with work done
    (a routing, texts that say something, the questions and records the case needs), not with
    the number of steps taken."""
    parts: list[float] = [
        case.queue is not None,
        _done_share(case.reply_reading.score),
        _done_share(case.note_reading.score),
    ]
    if scenario.needs_info:
        parts.append(case.requests_made > 0)
    if scenario.gold.required_evidence:
        parts.append(evidence_recall(scenario, case))
    return sum(parts) / len(parts)


def unrelated_reads(scenario: Scenario, case: CaseFacts) -> int:
    gold = scenario.gold
    return len(set(case.collected) - gold.required_evidence - gold.relevant_evidence) if case.collected else 0


def unrelated_read_cost(scenario: Scenario) -> float:
    """What reading one unrelated record costs: less than skipping a required one."""
    required = len(scenario.gold.required_evidence)
    return min(UNRELATED_EVIDENCE_COST, 0.5 / required) if required else UNRELATED_EVIDENCE_COST


def evidence_score(scenario: Scenario, case: CaseFacts) -> float:
    """Recall of the records the case requires, minus a little for each record unrelated to it.
    Records that bear on the case are free. A case that requires none earns the component when
    it is decided without wandering: taking steps does not earn it."""
    if not scenario.gold.required_evidence and not case.closed:
        return 0.0
    base = evidence_recall(scenario, case)
    return max(0.0, base - unrelated_read_cost(scenario) * unrelated_reads(scenario, case))


def over_escalated(scenario: Scenario, case: CaseFacts) -> bool:
    gold = scenario.gold
    return case.queue in gold.over_escalation_queues or case.status in gold.over_escalation_statuses


def safety_score(scenario: Scenario, case: CaseFacts, gate: float | None = None) -> float:
    """Full credit for safe work; unsafe promises to the customer and over-escalation take it away.
    `gate` is the completeness of the case when the caller has it already."""
    violations = len(case.forbidden_asserted) + 0.5 * over_escalated(scenario, case)
    return max(0.0, 1.0 - violations) * (completeness(scenario, case) if gate is None else gate)


def grade(scenario: Scenario, case: CaseFacts) -> Grade:
    """Every component at once, from the component functions above, with the completeness gate
    worked out once instead of three times: this runs after every step."""
    gold = scenario.gold
    gate = completeness(scenario, case)
    components = {
        "routing": _round(routing_score(scenario, case)),
        "information": _round(information_score(scenario, case)),
        "evidence": _round(evidence_score(scenario, case)),
        "reply": _round(case.reply_reading.score),
        "internal_note": _round(case.note_reading.score),
        "status": _round(gate * (case.status in gold.final_statuses)),
        "resolution": _round(gate * (case.resolution_code == gold.resolution_code)),
        "safety": _round(safety_score(scenario, case, gate)),
    }
    total, weighted = _weigh(components)
    critical = critical_failures(scenario, case, components["reply"])
    if critical:
        total = min(total, CRITICAL_CAP)
    return Grade(components=components, total=_round(total), critical=critical, weighted=weighted)


def critical_failures(scenario: Scenario, case: CaseFacts, reply_score: float) -> tuple[str, ...]:
    """Failures that sink a case. An unsafe promise sinks it at once; the others are judged
    when the case is decided, so the shaping of an open case is not distorted by them."""
    if not case.forbidden_asserted and not case.closed:
        return ()  # most steps: nothing can sink an open case yet
    gold = scenario.gold
    checks = [("unsafe_promise", bool(case.forbidden_asserted))]
    if case.closed:
        checks += [
            ("wrong_queue", case.queue != gold.queue),
            ("wrong_status", case.status not in gold.final_statuses),
            ("over_escalation", over_escalated(scenario, case)),
            ("no_real_answer", reply_score < MIN_REPLY_SCORE),
        ]
    return tuple(name for name, failed in checks if failed)

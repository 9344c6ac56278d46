"""The narrow view grading and rewards read: any record with the facts will do, not only a Case."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from caseops import grading, honesty, rewards, rubric
from caseops.facts import CaseFacts, Routing
from caseops.records import Fields, ToolCall
from caseops.scenarios import get_scenario
from caseops.vocab import InfoField, IssueType, Priority, Queue, ResolutionCode, Status


@attrs.frozen
class Facts:
    """A frozen record of the facts: it satisfies CaseFacts (mypy checks it below)."""

    queue: Queue | None = None
    priority: Priority | None = None
    issue_type: IssueType | None = None
    first_routing: Routing | None = None
    classify_count: int = 0
    requested_fields: tuple[InfoField, ...] = ()
    requests_made: int = 0
    collected: Sequence[str] = ()
    reply_reading: rubric.Reading = rubric.EMPTY_READING
    note_reading: rubric.Reading = rubric.EMPTY_READING
    forbidden_asserted: frozenset[str] = frozenset()
    status: Status | None = None
    resolution_code: ResolutionCode | None = None
    closed: bool = False
    steps: int = 0
    records: Mapping[str, Fields] = attrs.Factory(dict)
    calls: Sequence[ToolCall] = ()
    reply_reports: honesty.Reported = honesty.NOTHING_REPORTED
    note_reports: honesty.Reported = honesty.NOTHING_REPORTED
    reply_facts: float = 0.0
    note_facts: float = 0.0
    sla_minutes_remaining: int = 60


def test_grading_and_rewards_read_a_record_that_is_not_a_case() -> None:
    scenario = get_scenario("billing_refund_easy")
    gold = scenario.gold
    routed = Facts(queue="billing_ops", priority="high", issue_type="duplicate_charge")
    assert (routed.queue, routed.priority, routed.issue_type) == (gold.queue, gold.priority, gold.issue_type)
    facts: CaseFacts = routed
    assert grading.grade(scenario, facts).components["routing"] == 1.0
    assert rewards.ready_bonus(scenario, facts) == rewards.IN_ORDER
    capped: CaseFacts = attrs.evolve(routed, first_routing=("general_support", None, None))
    assert grading.routing_score(scenario, capped) < 0.5

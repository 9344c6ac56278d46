"""The Case: the one mutable object of an episode, driven by both machines.

The machines own `stage` and `followup`. Everything else an action changes is applied by the
`before` callbacks here; guards are pure predicates; `after` callbacks hand the case to the pure
functions in `rewards` and `grading` and keep their results in the step ledger. Flags and next
actions are derived from guards and case facts on demand, never stored.
"""

from __future__ import annotations

from typing import Any

import attrs

from caseops import grading, rewards, rubric, search
from caseops.grading import Grade
from caseops.scenario import PerScenario, Scenario
from caseops.vocab import PAYLOAD_FIELDS, SLA_COST_MINUTES

SLA_AT_RISK_SHARE = 0.25  # flag the SLA when a quarter or less of it is left
HIGH_IMPACT_USERS = 1000


@attrs.define(eq=False, slots=False)
class Case:
    """An episode's case. `eq=False`: machines find their models by identity."""

    scenario: Scenario
    stage: str = "classifying"
    followup: str = "none"
    queue: str | None = None
    priority: str | None = None
    issue_type: str | None = None
    requested_fields: tuple[str, ...] = ()
    reply: str | None = None
    internal_note: str | None = None
    status: str | None = None
    resolution_code: str | None = None
    confidence: float | None = None
    reply_reading: rubric.Reading = rubric.EMPTY_READING
    note_reading: rubric.Reading = rubric.EMPTY_READING
    forbidden_asserted: frozenset[str] = frozenset()
    unsafe_sentences: tuple[str, ...] = ()  # the reply's sentences that make them, for feedback
    steps: int = 0
    sla_minutes_remaining: int = 0
    requested_at_step: int = -1
    followup_message: str | None = None
    fields_provided: tuple[str, ...] = ()
    classify_count: int = 0
    first_routing: float | None = None  # routing credit of the first decision: a ceiling after it
    requests_made: int = 0
    collected: list[str] = attrs.Factory(list)  # inspected artifact ids, in order
    searches: int = 0
    last_tool_result: str | None = None
    previous_action: tuple[Any, ...] | None = None
    milestones: list[str] = attrs.Factory(list)
    ledger: dict[str, float] = attrs.Factory(dict)
    grade: Grade = None  # type: ignore[assignment]  # worked out on creation unless given
    attached: bool = False

    def __attrs_post_init__(self) -> None:
        self.sla_minutes_remaining = self.scenario.ticket.sla_minutes
        if self.grade is None:
            self.grade = grading.grade(self.scenario, self)

    @classmethod
    def opened(cls, scenario: Scenario) -> Case:
        """A new case of `scenario`, as `Case(scenario=scenario)`. An untouched case grades the
        same every time, so that grade is worked out once per scenario (a Grade is a value,
        never changed in place: settling a case replaces it)."""
        return cls(scenario=scenario, grade=_opening_grade(scenario))

    # ---- guards: pure predicates (the machines pass the action; guards ignore it) ----

    def has_reply(self, *_: Any) -> bool:
        return bool(self.reply)

    def has_note(self, *_: Any) -> bool:
        return bool(self.internal_note)

    def is_classified(self, *_: Any) -> bool:
        return self.queue is not None

    def followup_due(self, *_: Any) -> bool:
        return self.followup == "pending" and self.steps - self.requested_at_step >= self.scenario.followup.delay

    def scripted_partial(self, *_: Any) -> bool:
        return self.scenario.followup.outcome == "partial"

    def scripted_complete(self, *_: Any) -> bool:
        return self.scenario.followup.outcome == "complete"

    def scripted_incorrect(self, *_: Any) -> bool:
        return self.scenario.followup.outcome == "incorrect"

    def sla_at_risk(self) -> bool:
        return 0 < self.sla_minutes_remaining <= self.scenario.ticket.sla_minutes * SLA_AT_RISK_SHARE

    def sla_breached(self) -> bool:
        return self.sla_minutes_remaining <= 0

    @property
    def closed(self) -> bool:
        return self.stage == "closed"

    # ---- derived views ----

    def risk_flags(self) -> list[str]:
        ticket = self.scenario.ticket
        checks = (
            ("sla_at_risk", self.sla_at_risk()),
            ("sla_breached", self.sla_breached()),
            ("unsafe_request_pressure", self.scenario.unsafe_pressure),
            ("followup_pending", self.followup == "pending"),
            ("followup_incomplete", self.followup == "partial"),
            ("irrelevant_followup", self.followup == "incorrect"),
            ("secondary_concern_present", self.scenario.secondary_concern),
            ("high_business_impact", ticket.affected_users >= HIGH_IMPACT_USERS),
        )
        return [name for name, raised in checks if raised]

    def required_next_actions(self) -> list[str]:
        if self.stage == "classifying":
            return ["classify"]
        if self.stage == "awaiting_customer":
            return ["wait"]
        if self.stage == "closed":
            return []
        actions = []
        if self.scenario.needs_info and self.requests_made == 0:
            actions.append("request_info")
        if not self.has_reply():
            actions.append("draft_reply")
        if not self.has_note():
            actions.append("add_internal_note")
        return actions or ["submit"]

    # ---- callbacks: applying the action ----

    def prepare_operation(self, action: Any) -> None:
        """Runs before any transition of the event: hygiene terms for the step."""
        given, signature = _given_fields(action)
        mixed = rewards.mixed_action_penalty(action.operation, given)
        if mixed:
            self.ledger["mixed_action"] = mixed
        if signature == self.previous_action and action.operation != "wait":
            self.ledger["repeated_action"] = rewards.REPEATED_ACTION
        self.previous_action = signature

    def apply_classification(self, action: Any) -> None:
        self.queue = action.queue if action.queue is not None else self.queue
        self.priority = action.priority if action.priority is not None else self.priority
        self.issue_type = action.issue_type if action.issue_type is not None else self.issue_type
        self.classify_count += 1
        if self.first_routing is None:
            self.first_routing = grading.routing_score(self.scenario, self)
        self._milestone("classified")

    def apply_inspection(self, action: Any) -> None:
        artifact = self.scenario.artifact(action.artifact_id)
        if artifact.id not in self.collected:
            self.collected.append(artifact.id)
        self.last_tool_result = f"{artifact.title}: {artifact.content}"
        self._milestone("evidence_inspected")

    def apply_search(self, action: Any) -> None:
        self.searches += 1
        library = self.scenario.policy_library or self.scenario.knowledge_base
        self.last_tool_result = search.answer(library, action.query or "")
        self._milestone("policy_searched")

    def apply_request(self, action: Any) -> None:
        self.requested_fields = tuple(dict.fromkeys((*self.requested_fields, *action.requested_fields)))
        self.requests_made += 1
        self._milestone("info_requested")

    def apply_reply(self, action: Any) -> None:
        self.reply = action.reply
        self.reply_reading = rubric.read_reply(self.scenario, self.reply)
        unsafe = rubric.unsafe_promises(self.scenario, self.reply)
        self.forbidden_asserted = unsafe.asserted
        self.unsafe_sentences = tuple(dict.fromkeys(sentence for _, sentence in unsafe.sentences))
        self._milestone("reply_drafted")

    def apply_note(self, action: Any) -> None:
        self.internal_note = action.internal_note
        self.note_reading = rubric.read_note(self.scenario, self.internal_note)
        self._milestone("note_added")

    def apply_decision(self, action: Any) -> None:
        self.status = action.status
        self.resolution_code = action.resolution_code
        self.confidence = getattr(action, "confidence", None)
        self._milestone("submitted")

    def start_followup_clock(self, *_: Any) -> None:
        self.requested_at_step = self.steps

    def reveal_followup(self, *_: Any) -> None:
        script = self.scenario.followup
        self.followup_message = script.message
        self.fields_provided = script.fields_provided
        self._milestone(f"followup_{script.outcome}")

    # ---- callbacks: reward shaping and grading ----

    def reward_routing(self, *_: Any) -> None:
        self._term("early_routing", rewards.early_routing_bonus(self.scenario, self))
        self._term("over_escalation", rewards.over_escalation_penalty(self.scenario, queue=self.queue))

    def reward_in_order(self, *_: Any) -> None:
        self._term("in_order", rewards.in_order_bonus(self.scenario, self))

    def reward_reveal(self, *_: Any) -> None:
        self._term("followup_revealed", rewards.REVEAL_BONUS)

    def penalise_premature_submit(self, *_: Any) -> None:
        self._term("premature_submit", rewards.PREMATURE_SUBMIT)

    def reward_decision(self, *_: Any) -> None:
        self._term("over_escalation", rewards.over_escalation_penalty(self.scenario, status=self.status))
        self._term("missing_evidence", rewards.missing_evidence_penalty(self.scenario, self))

    def settle(self, *_: Any) -> None:
        self.grade = grading.grade(self.scenario, self)

    # ---- the clock ----

    def tick(self, operation: str) -> None:
        """Time passes on every step, valid or not."""
        before = self.sla_minutes_remaining
        self.steps += 1
        self.sla_minutes_remaining = before - SLA_COST_MINUTES.get(operation, 1)
        if before > 0 >= self.sla_minutes_remaining:
            self.ledger["sla_breach"] = rewards.SLA_BREACH

    # ---- helpers ----

    def _term(self, name: str, value: float) -> None:
        if value:
            self.ledger[name] = self.ledger.get(name, 0.0) + value

    def _milestone(self, name: str) -> None:
        if name not in self.milestones:
            self.milestones.append(name)


_opening_grade: PerScenario[Grade] = PerScenario(lambda scenario: Case(scenario=scenario).grade)

_SCALAR_FIELDS = tuple(sorted(PAYLOAD_FIELDS - {"requested_fields"}))


def _given_fields(action: Any) -> tuple[frozenset[str], tuple[Any, ...]]:
    """The payload fields the action sets, and its signature (to spot a repeated action), read
    in one pass."""
    values = tuple(map(action.__getattribute__, _SCALAR_FIELDS))
    requested = tuple(action.requested_fields)
    given = {name for name, value in zip(_SCALAR_FIELDS, values) if value is not None}
    if requested:
        given.add("requested_fields")
    return frozenset(given), (action.operation, requested, *values)

"""The Case: the one mutable object of an episode, driven by both machines.

Every trigger of the two machines is a method here: the agent's operations (`classify`, ...,
`submit`), which fire the workflow machine's event on the case with the action and a fresh
`Terms` dict and return the terms the step earned, and the follow-up's `ask_customer` and
`customer_replies`, which workflow callbacks fire. The machines own `stage` and `followup`.
Everything else an action changes is applied by the `before` callbacks; guards are pure
predicates; `after` callbacks add the reward terms of the move their transition makes, from the
pure functions in `rewards`. Grading is not done here: the step grades the case once its trigger
returns (`caseops.episode`) and keeps the result in `grade`. Flags and next actions are derived
from guards and case facts on demand, never stored.

About 300 lines, and one class on purpose: the machines name the Case's methods as their
triggers, guards and callbacks, and a reader of machines/ finds every one of them here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from caseops import honesty, rewards, rubric, search, tools
from caseops.facts import Routing
from caseops.machinery import FOLLOWUP, WORKFLOW
from caseops.machines.workflow import TOOL_GUARDS
from caseops.preconditions import Preconditions
from caseops.records import RecordState, ToolCall, opening_state
from caseops.rewards import Terms
from caseops.scenario import Scenario
from caseops.vocab import (
    PAYLOAD_FIELDS,
    FollowupState,
    InfoField,
    IssueType,
    Operation,
    Priority,
    Queue,
    ResolutionCode,
    Stage,
    Status,
)

if TYPE_CHECKING:
    from caseops.grading import Grade
    from caseops.models import SupportDeskAction

SLA_AT_RISK_SHARE = 0.25  # flag the SLA when a quarter or less of it is left
HIGH_IMPACT_USERS = 1000


def _records(case: Case) -> RecordState:
    return opening_state(tools.records_of(case.scenario).values())


@attrs.define(eq=False, slots=False)
class Case(Preconditions):
    """An episode's case. `eq=False`: a case is compared by identity."""

    scenario: Scenario
    grade: Grade = attrs.field(kw_only=True)  # the grade of the facts below, kept by the step
    stage: Stage = "classifying"
    followup: FollowupState = "none"
    queue: Queue | None = None
    priority: Priority | None = None
    issue_type: IssueType | None = None
    requested_fields: tuple[InfoField, ...] = ()
    reply: str | None = None
    internal_note: str | None = None
    status: Status | None = None
    resolution_code: ResolutionCode | None = None
    confidence: float | None = None
    reply_reading: rubric.Reading = rubric.EMPTY_READING
    note_reading: rubric.Reading = rubric.EMPTY_READING
    forbidden_asserted: frozenset[str] = frozenset()
    unsafe_sentences: tuple[str, ...] = ()  # the sentences sent to the customer that make them, for feedback
    request_messages: tuple[str, ...] = ()  # what was sent to the customer with each request_info
    steps: int = 0
    sla_minutes_remaining: int = attrs.field(
        default=attrs.Factory(lambda self: self.scenario.ticket.sla_minutes, takes_self=True)
    )
    requested_at_step: int = -1
    followup_message: str | None = None
    fields_provided: tuple[str, ...] = ()
    classify_count: int = 0
    first_routing: Routing | None = None  # the first decision: a ceiling on routing credit after it
    requests_made: int = 0
    collected: list[str] = attrs.Factory(list)  # inspected artifact ids, in order
    searches: int = 0
    last_tool_result: str | None = None
    previous_action: tuple[Any, ...] | None = None
    milestones: list[str] = attrs.Factory(list)
    # The episode's own copy of the case's records, and the tool calls that changed it, in order.
    records: RecordState = attrs.Factory(_records, takes_self=True)
    calls: list[ToolCall] = attrs.Factory(list)
    # What the reply and the note report as done (caseops.honesty), and the share of the case's
    # concrete facts each gives: read when the text is written, judged against the records.
    reply_reports: honesty.Reported = honesty.NOTHING_REPORTED
    note_reports: honesty.Reported = honesty.NOTHING_REPORTED
    reply_facts: float = 0.0
    note_facts: float = 0.0

    # ---- the agent's operations: the workflow machine's triggers ----

    def classify(self, action: SupportDeskAction) -> Terms:
        """Route the case (queue, priority, issue type); the first routing moves it to drafting."""
        return self._operate("classify", action)

    def inspect_artifact(self, action: SupportDeskAction) -> Terms:
        """Read one of the case's records."""
        return self._operate("inspect_artifact", action)

    def search_policy(self, action: SupportDeskAction) -> Terms:
        """Search the policy library."""
        return self._operate("search_policy", action)

    def request_info(self, action: SupportDeskAction) -> Terms:
        """Ask the customer for fields; the case waits for the answer."""
        return self._operate("request_info", action)

    def wait(self, action: SupportDeskAction) -> Terms:
        """Let time pass; the customer's answer arrives once it is due."""
        return self._operate("wait", action)

    def draft_reply(self, action: SupportDeskAction) -> Terms:
        """Write the customer reply; with the note written too, the case is ready to submit."""
        return self._operate("draft_reply", action)

    def add_internal_note(self, action: SupportDeskAction) -> Terms:
        """Write the internal note; with the reply written too, the case is ready to submit."""
        return self._operate("add_internal_note", action)

    def submit(self, action: SupportDeskAction) -> Terms:
        """Decide the final status and resolution: the case closes."""
        return self._operate("submit", action)

    def open_case(self, action: SupportDeskAction) -> Terms:
        """Set this untouched case aside for a waiting one (the episode makes the swap)."""
        return self._operate("open_case", action)

    def call_tool(self, action: SupportDeskAction) -> Terms:
        """Run a tool on one of the case's records: `action.operation` names the tool."""
        return self._operate(action.operation, action)

    def _operate(self, operation: Operation, action: SupportDeskAction) -> Terms:
        terms: Terms = {}
        WORKFLOW.events[operation].trigger(self, action, terms)
        return terms

    # ---- the follow-up machine's triggers, fired by workflow callbacks ----

    def ask_customer(self, action: SupportDeskAction, terms: Terms) -> None:
        FOLLOWUP.events["ask_customer"].trigger(self, action, terms)

    def customer_replies(self, action: SupportDeskAction, terms: Terms) -> None:
        FOLLOWUP.events["customer_replies"].trigger(self, action, terms)

    # ---- guards: pure predicates (the machines pass the trigger's arguments; guards ignore them) ----

    def has_reply(self, *_: object) -> bool:
        return bool(self.reply)

    def has_note(self, *_: object) -> bool:
        return bool(self.internal_note)

    def is_classified(self, *_: object) -> bool:
        return self.queue is not None

    def untouched(self, *_: object) -> bool:
        """Nothing has been done on the case but looking at it: this open_case is its only step."""
        return self.steps <= 1 and not self.milestones

    def followup_due(self, *_: object) -> bool:
        return self.followup == "pending" and self.steps - self.requested_at_step >= self.scenario.followup.delay

    def scripted_partial(self, *_: object) -> bool:
        return self.scenario.followup.outcome == "partial"

    def scripted_complete(self, *_: object) -> bool:
        return self.scenario.followup.outcome == "complete"

    def scripted_incorrect(self, *_: object) -> bool:
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
        flags = [name for name, raised in checks if raised]
        return flags + list(dict.fromkeys(call.flag for call in self.calls if call.flag))

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

    def prepare_operation(self, action: SupportDeskAction, terms: Terms) -> None:
        """Runs before any transition of the event: hygiene terms for the step."""
        given, signature = _given_fields(action)
        rewards.add(terms, "mixed_action", rewards.mixed_action_penalty(action.operation, given))
        if signature == self.previous_action and action.operation != "wait":
            rewards.add(terms, "repeated_action", rewards.REPEATED_ACTION)
        self.previous_action = signature

    def apply_classification(self, action: SupportDeskAction, terms: Terms) -> None:
        self.queue = action.queue if action.queue is not None else self.queue
        self.priority = action.priority if action.priority is not None else self.priority
        self.issue_type = action.issue_type if action.issue_type is not None else self.issue_type
        self.classify_count += 1
        if self.first_routing is None:
            self.first_routing = (self.queue, self.priority, self.issue_type)
        self._milestone("classified")

    def apply_inspection(self, action: SupportDeskAction, terms: Terms) -> None:
        artifact = self.scenario.artifact(action.artifact_id or "")
        if artifact.id not in self.collected:
            self.collected.append(artifact.id)
        self.last_tool_result = f"{artifact.title}: {artifact.content}"
        self._milestone("evidence_inspected")

    def apply_search(self, action: SupportDeskAction, terms: Terms) -> None:
        self.searches += 1
        library = self.scenario.policy_library or self.scenario.knowledge_base
        self.last_tool_result = search.answer(library, action.query or "")
        self._milestone("policy_searched")

    def apply_request(self, action: SupportDeskAction, terms: Terms) -> None:
        self.requested_fields = tuple(dict.fromkeys((*self.requested_fields, *action.requested_fields)))
        self.requests_made += 1
        if action.reply:  # the message sent with the request: it reaches the customer too
            self.request_messages = (*self.request_messages, action.reply)
            self._check_promises()
        self._milestone("info_requested")

    def apply_tool(self, action: SupportDeskAction, terms: Terms) -> None:
        tool = tools.catalogue().tools[action.operation]
        record_id = action.record_id or ""
        arguments = dict(action.arguments or {})
        changes = tools.apply(tool, self.records[record_id], arguments)
        self.records[record_id].update(changes)
        self.calls.append(ToolCall(tool.name, record_id, tuple(sorted(arguments.items())), tuple(changes.items())))
        done = ", ".join(f"{name} = {value}" for name, value in changes.items())
        self.last_tool_result = f"{tool.name} on {record_id}: {done}"
        self._milestone("records_changed")

    def flag_unsafe_call(self, action: SupportDeskAction, terms: Terms) -> None:
        """The call ran although its precondition did not hold: it carries its risk flag."""
        self.calls[-1] = attrs.evolve(self.calls[-1], flag=TOOL_GUARDS[action.operation][1])

    def apply_reply(self, action: SupportDeskAction, terms: Terms) -> None:
        self.reply = action.reply
        self.reply_reports = honesty.reported(self.reply)
        self.reply_facts = honesty.fact_share(self.scenario.gold.reply_facts, self.reply)
        self.reply_reading = rubric.read_reply(self.scenario, self.reply)
        self._check_promises()
        self._milestone("reply_drafted")

    def apply_note(self, action: SupportDeskAction, terms: Terms) -> None:
        self.internal_note = action.internal_note
        self.note_reports = honesty.reported(self.internal_note)
        self.note_facts = honesty.fact_share(self.scenario.gold.note_facts, self.internal_note)
        self.note_reading = rubric.read_note(self.scenario, self.internal_note)
        self._milestone("note_added")

    def apply_decision(self, action: SupportDeskAction, terms: Terms) -> None:
        self.status = action.status
        self.resolution_code = action.resolution_code
        self.confidence = getattr(action, "confidence", None)
        self._milestone("submitted")

    def start_followup_clock(self, *_: object) -> None:
        self.requested_at_step = self.steps

    def reveal_followup(self, *_: object) -> None:
        script = self.scenario.followup
        self.followup_message = script.message
        self.fields_provided = script.fields_provided
        for record_id, fields in script.updates.items():
            self.records[record_id].update(fields)
        self._milestone(f"followup_{script.outcome}")

    # ---- callbacks: the reward terms of each move ----

    def reward_routing(self, action: SupportDeskAction, terms: Terms) -> None:
        rewards.add(terms, "early_routing", rewards.early_routing_bonus(self.scenario, self))
        rewards.add(terms, "over_escalation", rewards.over_escalation_penalty(self.scenario, queue=self.queue))

    def reward_in_order(self, action: SupportDeskAction, terms: Terms) -> None:
        """The first routing: always in order."""
        rewards.add(terms, "in_order", rewards.IN_ORDER)

    def reward_asking(self, action: SupportDeskAction, terms: Terms) -> None:
        rewards.add(terms, "in_order", rewards.asking_bonus(self.scenario, self))

    def reward_ready(self, action: SupportDeskAction, terms: Terms) -> None:
        """The texts completed, or an in-order submit."""
        rewards.add(terms, "in_order", rewards.ready_bonus(self.scenario, self))

    def reward_reveal(self, action: SupportDeskAction, terms: Terms) -> None:
        rewards.add(terms, "followup_revealed", rewards.REVEAL_BONUS)

    def penalise_premature_submit(self, action: SupportDeskAction, terms: Terms) -> None:
        rewards.add(terms, "premature_submit", rewards.PREMATURE_SUBMIT)

    def reward_decision(self, action: SupportDeskAction, terms: Terms) -> None:
        rewards.add(terms, "over_escalation", rewards.over_escalation_penalty(self.scenario, status=self.status))
        rewards.add(terms, "missing_evidence", rewards.missing_evidence_penalty(self.scenario, self))

    # ---- helpers ----

    def _check_promises(self) -> None:
        """The unsafe promises of everything the customer has been sent: the reply and the
        messages sent with requests for information."""
        asserted: set[str] = set()
        sentences: list[str] = []
        for content in (*self.request_messages, self.reply):
            unsafe = rubric.unsafe_promises(self.scenario, content)
            asserted |= unsafe.asserted
            sentences += [sentence for _, sentence in unsafe.sentences]
        self.forbidden_asserted = frozenset(asserted)
        self.unsafe_sentences = tuple(dict.fromkeys(sentences))

    def _milestone(self, name: str) -> None:
        if name not in self.milestones:
            self.milestones.append(name)


_SCALAR_FIELDS = tuple(sorted(PAYLOAD_FIELDS - {"requested_fields", "arguments"}))


def _given_fields(action: SupportDeskAction) -> tuple[frozenset[str], tuple[Any, ...]]:
    """The payload fields the action sets, and its signature (to spot a repeated action), read
    in one pass."""
    values = tuple(map(action.__getattribute__, _SCALAR_FIELDS))
    requested = tuple(action.requested_fields)
    arguments = tuple(sorted(action.arguments.items())) if action.arguments else ()
    given = {name for name, value in zip(_SCALAR_FIELDS, values, strict=False) if value is not None}
    if requested:
        given.add("requested_fields")
    if action.arguments is not None:
        given.add("arguments")
    return frozenset(given), (action.operation, requested, arguments, *values)

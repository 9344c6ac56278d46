"""Frozen records that describe a support case: what the agent sees and what the grader knows.

Everything here is immutable data built once per process. The gold lives beside the visible
parts but is never copied into an observation, a state or feedback (see models.py).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

import attrs

from caseops import vocab
from caseops.records import Fields, Record


def _one_of(allowed: tuple[str, ...]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: the value is one of `allowed` (a vocabulary)."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in allowed:
            raise ValueError(f"{attribute.name}: {value!r} is not one of {', '.join(allowed)}")

    return check


def _all_of(allowed: tuple[str, ...]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: every value of a collection is one of `allowed`."""

    def check(_: Any, attribute: attrs.Attribute[Any], values: Any) -> None:
        unknown = sorted(set(values) - set(allowed))
        if unknown:
            raise ValueError(f"{attribute.name}: {', '.join(map(repr, unknown))} not in {', '.join(allowed)}")

    return check


FOLLOWUP_OUTCOMES: tuple[str, ...] = ("partial", "complete", "incorrect")


@attrs.frozen
class Ticket:
    """The customer's ticket as the agent reads it."""

    customer: str
    company: str
    tier: str
    region: str
    affected_users: int
    subject: str
    body: str
    business_impact: str
    sla_minutes: int


@attrs.frozen
class PolicySnippet:
    """One knowledge-base entry shown to the agent."""

    id: str
    title: str
    text: str


# What a record can be. An artifact's id is "<kind>-<digits>" with its kind from this list, so
# neither the id nor the kind marks a record the case does not need: every kind a decoy uses is
# also the kind of records that cases do need (a test holds every pack and family to it).
RECORD_KINDS: tuple[str, ...] = (
    "account",  # account and workspace records: profile, settings, subscription, status
    "contract",  # commercial terms: order forms and quotes
    "dispute",  # bank chargebacks
    "invoice",
    "log",  # anything kept as a timeline: risk, sign-in, delivery, error, audit, release, status page
    "order",  # orders and order histories
    "payment",  # payment records: authorizations, captures, refunds
    "photo",  # pictures a customer uploaded
)
ARTIFACT_ID = re.compile(r"(?P<kind>[a-z]+)-(?P<digits>[0-9]+)")


@attrs.frozen
class Artifact:
    """A record the agent can inspect: hidden until inspected (order, payment, risk log, ...).

    `id` is "<kind>-<digits>" and `kind` one of RECORD_KINDS; the digits belong to the case.
    """

    id: str
    kind: str = attrs.field(validator=_one_of(RECORD_KINDS))
    title: str
    content: str
    # The records with state this document shows (a payment record's captures, an account):
    # what tools act on. Their opening state; an episode changes its own copy.
    records: tuple[Record, ...] = ()


@attrs.frozen
class FollowUp:
    """The customer's scripted answer to a request for information.

    `delay` counts the `wait`s after the request before the answer arrives.
    """

    outcome: str = attrs.field(validator=_one_of(FOLLOWUP_OUTCOMES))
    delay: int
    message: str
    fields_provided: tuple[str, ...]
    # What the answer changes in the records when it arrives (the owner's check passed:
    # `{ACC-1: {owner_verified: true}}`).
    updates: Mapping[str, Fields] = attrs.Factory(dict)


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@attrs.frozen(cache_hash=True)  # hashed on every reply and note, as part of the analysis cache key
class Claim:
    """Something a text must (or must not) assert, recognised by phrase patterns.

    `negatable` claims are positive statements: a negation or a condition in front of the match
    ("we cannot unlock", "once verified we will unlock") means the text does not assert them.
    Claims whose patterns already carry the negation ("we cannot promise approval") are not.
    """

    name: str
    patterns: tuple[str, ...]
    negatable: bool = True
    # Patterns worded with their own negation ("nothing to worry about") and their own guard
    # against one before them: they count as they match, whatever `negatable` says.
    worded: tuple[str, ...] = ()
    regex: re.Pattern[str] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(lambda self: _compile(self.patterns), takes_self=True)
    )
    worded_regex: re.Pattern[str] | None = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda self: _compile(self.worded) if self.worded else None, takes_self=True),
    )


@attrs.frozen
class ForbiddenCall:
    """A tool call that does harm in this case: `tool` on `record_id` (on any record when None)."""

    tool: str = attrs.field(validator=_one_of(vocab.TOOL_NAMES))
    record_id: str | None = None


@attrs.frozen
class Fact:
    """A concrete value a text must give (an amount, a capture, a team, a timeline): any one of
    `any_of` written in the text counts. Numbers match as numbers ("USD 1,047.00" gives 1047)."""

    name: str
    any_of: tuple[str, ...]


@attrs.frozen
class Gold:
    """What a correct handling of the case looks like. Server-side only."""

    queue: str = attrs.field(validator=_one_of(vocab.QUEUES))
    priority: str = attrs.field(validator=_one_of(vocab.PRIORITIES))
    issue_type: str = attrs.field(validator=_one_of(vocab.ISSUE_TYPES))
    requested_fields: frozenset[str] = attrs.field(validator=_all_of(vocab.INFO_FIELDS))
    reply_claims: tuple[Claim, ...]
    note_claims: tuple[Claim, ...]
    forbidden_claims: tuple[Claim, ...]
    final_statuses: frozenset[str] = attrs.field(validator=_all_of(vocab.STATUSES))
    resolution_code: str = attrs.field(validator=_one_of(vocab.RESOLUTION_CODES))
    # Reference texts that assert every claim and nothing unsafe: the oracle writes them.
    reference_reply: str
    reference_note: str
    # Artifacts whose evidence the decision needs. Records that bear on the case without being
    # needed are free to read; only records unrelated to the case cost a little. Every artifact
    # is exactly one of required, relevant, or unrelated (in neither set).
    required_evidence: frozenset[str] = frozenset()
    relevant_evidence: frozenset[str] = frozenset()
    # Fields that are reasonable to ask for but not needed: neither credited nor penalised.
    tolerated_fields: frozenset[str] = attrs.field(default=frozenset(), validator=_all_of(vocab.INFO_FIELDS))
    # Decisions this case cannot take both ways (keys of claims.EXCLUSIVE_DECISIONS): a text
    # that takes both sides of one of them loses its credit.
    exclusive_decisions: tuple[str, ...] = ("status", "escalation")
    # Queues and statuses that over-escalate this case.
    over_escalation_queues: frozenset[str] = attrs.field(default=frozenset(), validator=_all_of(vocab.QUEUES))
    over_escalation_statuses: frozenset[str] = attrs.field(default=frozenset(), validator=_all_of(vocab.STATUSES))
    # The records as a correct handling leaves them: record id -> field -> value. Only the fields
    # named are compared; a field whose expected value is its opening one must stay untouched.
    expected_records: Mapping[str, Fields] = attrs.Factory(dict)
    # Calls that do harm here (refunding the legitimate capture, suspending the wrong app): one
    # of them sinks the case, whatever the texts say.
    forbidden_calls: tuple[ForbiddenCall, ...] = ()
    # The concrete values the reply and the note must give.
    reply_facts: tuple[Fact, ...] = ()
    note_facts: tuple[Fact, ...] = ()


@attrs.frozen
class Scenario:
    """One support case: the visible ticket and context, the scripted customer, and the gold."""

    case_id: str
    difficulty: str = attrs.field(validator=_one_of(vocab.DIFFICULTIES))
    objective: str
    ticket: Ticket
    knowledge_base: tuple[PolicySnippet, ...]
    followup: FollowUp
    gold: Gold
    max_steps: int
    artifacts: tuple[Artifact, ...] = ()
    # The searchable policy library (search_policy); the knowledge base is always shown.
    policy_library: tuple[PolicySnippet, ...] = ()
    # Case facts an agent could read off the ticket; risk flags and next actions derive from
    # them, never from the gold (a test checks the two agree).
    needs_info: bool = False
    unsafe_pressure: bool = False
    secondary_concern: bool = False

    def artifact(self, artifact_id: str) -> Artifact:
        for artifact in self.artifacts:
            if artifact.id == artifact_id:
                return artifact
        raise KeyError(artifact_id)


@attrs.frozen
class Task:
    """What `reset(task_id=...)` starts: one case, or a queue of cases worked in order."""

    task_id: str
    difficulty: str
    objective: str
    cases: tuple[Scenario, ...]
    max_steps: int
    pack: str

    @classmethod
    def single(cls, scenario: Scenario, pack: str) -> Task:
        return cls(scenario.case_id, scenario.difficulty, scenario.objective, (scenario,), scenario.max_steps, pack)


T = TypeVar("T")


class PerScenario(Generic[T]):
    """Values derived once per scenario and dropped with it.

    Keyed by identity, not by value (hashing a frozen Scenario walks all of it), and weakly:
    generated scenarios come and go, and a derived value must not keep one alive.
    """

    def __init__(self, build: Callable[[Scenario], T]) -> None:
        self._build = build
        self._items: dict[int, tuple[weakref.ref[Scenario], T]] = {}

    def __call__(self, scenario: Scenario) -> T:
        key = id(scenario)
        entry = self._items.get(key)
        if entry is not None and entry[0]() is scenario:
            return entry[1]
        value = self._build(scenario)
        items = self._items

        # The callback runs when the scenario dies, before its id can be reused.
        def forget(_: weakref.ref[Scenario], key: int = key) -> None:
            items.pop(key, None)

        items[key] = (weakref.ref(scenario, forget), value)
        return value

    def __len__(self) -> int:
        return len(self._items)

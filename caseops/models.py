"""The wire models openenv needs: the action an agent sends, the observation and state it reads.

Values outside the vocabularies, wrong types and oversized texts are refused here, at the edge,
with the field named (HTTP 422, or a WebSocket validation error); the episode is untouched.
Nothing here carries gold: observations and state are built from the visible parts of a case.

Over 300 lines because every wire model (action, observation, state and their views) and the
benchmarked construct() fast path that builds them live together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

from openenv.core.env_server.types import Action, Observation, State
from pydantic import BaseModel, ConfigDict, Field

# The vocabularies' Literal aliases, re-exported: `caseops.models.Operation` and the rest keep
# working for callers that import them from here.
from caseops.vocab import (
    OPERATIONS,
    Difficulty,
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

MAX_TEXT_CHARS = 4000
MAX_REQUESTED_FIELDS = 12
MAX_QUERY_CHARS = 200

Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
# A tool argument: a number (an amount, a percentage, a limit) or a word from a tool's choices.
# Strict: `true` is not the number 1 and "349" is not a number (the tool's schema names the type).
ArgumentValue = Annotated[
    Annotated[float, Field(strict=True)] | Annotated[str, Field(max_length=64, strict=True)],
    Field(union_mode="left_to_right"),
]


class SupportDeskAction(Action):
    """One operation on the case. Only the fields of the operation should be set."""

    operation: Operation = Field(description="What to do: " + ", ".join(OPERATIONS))
    queue: Queue | None = Field(default=None, description="classify: the owning queue")
    priority: Priority | None = Field(default=None, description="classify: the priority")
    issue_type: IssueType | None = Field(default=None, description="classify: the kind of issue")
    status: Status | None = Field(default=None, description="submit: the final status")
    resolution_code: ResolutionCode | None = Field(default=None, description="submit: the resolution code")
    requested_fields: list[InfoField] = Field(
        default_factory=list, max_length=MAX_REQUESTED_FIELDS, description="request_info: what to ask the customer for"
    )
    reply: Text | None = Field(
        default=None,
        description="draft_reply: the customer-facing reply; request_info (optional): the message sent with the request",
    )
    internal_note: Text | None = Field(default=None, description="add_internal_note: the note for the team")
    artifact_id: str | None = Field(
        default=None, max_length=64, description="inspect_artifact: one of available_artifacts"
    )
    query: str | None = Field(default=None, max_length=MAX_QUERY_CHARS, description="search_policy: what to look up")
    confidence: float | None = Field(
        default=None, ge=0.0, le=1.0, description="submit (optional): how sure you are, 0..1"
    )
    record_id: str | None = Field(
        default=None, max_length=64, description="a tool (refund_capture, lock_account, ...): the record it acts on"
    )
    arguments: dict[Annotated[str, Field(max_length=64)], ArgumentValue] | None = Field(
        default=None, max_length=8, description="a tool: its arguments, as available_tools lists them"
    )
    case_id: str | None = Field(default=None, max_length=128, description="open_case: one of waiting_cases")


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TicketView(_View):
    customer: str
    company: str
    tier: str
    region: str
    affected_users: int
    subject: str
    body: str
    business_impact: str


class PolicySnippetView(_View):
    id: str
    title: str
    text: str


class EvidenceView(_View):
    artifact_id: str
    kind: str
    title: str
    content: str


class RecordView(_View):
    """A record with state, as the episode's copy holds it now."""

    record_id: str
    kind: str
    fields: dict[str, str | int | float | bool | None]


class ToolArgumentView(_View):
    name: str
    type: str  # "number" or "choice"
    summary: str
    choices: list[str] = Field(default_factory=list)


class ToolView(_View):
    """A tool the case offers: the kind of record it acts on and its arguments."""

    name: str
    summary: str
    record_kind: str
    arguments: list[ToolArgumentView] = Field(default_factory=list)


class WaitingCaseView(_View):
    """A case of the queue not opened yet, with its SLA clock running since the episode began."""

    case_id: str
    customer: str
    company: str
    tier: str
    subject: str
    sla_minutes_remaining: int


class CaseResultView(_View):
    """A case of the queue that has been submitted: its score and the confidence given."""

    case_id: str
    score: float
    confidence: float | None = None


class CaseView(_View):
    """The case as the agent has shaped it so far, plus what the customer has sent back."""

    queue: str | None = None
    priority: str | None = None
    issue_type: str | None = None
    requested_fields: list[str] = Field(default_factory=list)
    request_messages: list[str] = Field(default_factory=list)
    reply_draft: str | None = None
    internal_note: str | None = None
    status: str | None = None
    resolution_code: str | None = None
    followup_state: FollowupState = "none"
    followup_message: str | None = None
    fields_provided: list[str] = Field(default_factory=list)


class SupportDeskObservation(Observation):
    task_id: str
    case_id: str
    difficulty: Difficulty
    objective: str
    queue_position: int = Field(description="1-based position of the current case in the task's queue")
    queue_length: int
    ticket: TicketView
    knowledge_base: list[PolicySnippetView]
    available_queues: list[str]
    available_priorities: list[str]
    available_statuses: list[str]
    available_issue_types: list[str]
    available_resolution_codes: list[str]
    available_requested_fields: list[str]
    allowed_operations: list[str] = Field(description="Operations the current stage accepts")
    available_artifacts: list[str] = Field(description="Records that can be inspected (contents hidden until then)")
    collected_evidence: list[EvidenceView]
    last_tool_result: str | None = None
    available_tools: list[ToolView] = Field(
        default_factory=list, description="Tools the case offers (they act on records of the kinds it has)"
    )
    records: list[RecordView] = Field(
        default_factory=list, description="Records with state shown by the inspected evidence, as they stand now"
    )
    waiting_cases: list[WaitingCaseView] = Field(
        default_factory=list, description="Cases of the queue not opened yet; open_case picks one"
    )
    case: CaseView
    current_sla_minutes_remaining: int
    waiting_sla_minutes_remaining: list[int] = Field(
        default_factory=list, description="SLA minutes left on each case still waiting in the queue, in queue order"
    )
    workflow_stage: Stage
    required_next_actions: list[str]
    risk_flags: list[str]
    action_history: list[str]
    feedback: str
    error: str | None = None
    remaining_steps: int
    score: float = Field(description="The current episode grade (mean over the queue), clamped to (0.01, 0.99)")
    reward_breakdown: dict[str, float] = Field(default_factory=dict)
    episode_id: str


class SupportDeskState(State):
    task_id: str | None = None
    case_id: str | None = None
    queue_position: int = 0
    queue_length: int = 0
    case_results: list[CaseResultView] = Field(default_factory=list)
    collected_evidence: list[EvidenceView] = Field(default_factory=list)
    records: list[RecordView] = Field(default_factory=list)
    waiting_cases: list[WaitingCaseView] = Field(default_factory=list)
    difficulty: str | None = None
    reward: float = 0.0
    done: bool = False
    current_score: float = 0.0
    max_steps: int = 0
    case: CaseView | None = None
    current_sla_minutes_remaining: int = 0
    waiting_sla_minutes_remaining: list[int] = Field(default_factory=list)
    workflow_stage: str | None = None
    required_next_actions: list[str] = Field(default_factory=list)
    risk_flags: list[str] = Field(default_factory=list)
    action_history: list[str] = Field(default_factory=list)
    completed_milestones: list[str] = Field(default_factory=list)
    last_feedback: str = ""


# ---- building models from values already known valid ----

M = TypeVar("M", bound=BaseModel)

# What pydantic keeps on a model instance: BaseModel.__slots__ in every supported version (2.11
# to 2.14; tests/test_fuzz.py checks construct() against model_construct() on whichever is
# installed). construct()'s fast path writes exactly these, the way model_construct ends; with any
# other layout (a pydantic to come), FAST_PATH is off and construct() calls model_construct.
FAST_LAYOUT = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
FAST_PATH = getattr(BaseModel, "__slots__", None) == FAST_LAYOUT


@dataclass(frozen=True)
class _Blank:
    """What construct() needs to know about a model class, worked out once."""

    order: tuple[str, ...]  # the fields, in declaration order
    defaults: dict[str, tuple[bool, Any]]  # name -> (is a factory, factory or value)
    extra: bool  # extra="allow": validated instances carry an empty __pydantic_extra__
    # Fields set when every field is given, in order, less those `defaulted` names: per tuple
    # of defaulted names, worked out once.
    all_set: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)


_BLANKS: dict[type[BaseModel], _Blank] = {}


def _blank(cls: type[BaseModel]) -> _Blank:
    if cls.__pydantic_post_init__ or cls.__private_attributes__ or cls.__pydantic_root_model__:
        raise TypeError(f"construct() does not handle {cls.__name__}")
    defaults: dict[str, tuple[bool, Any]] = {}
    for name, info in cls.model_fields.items():
        if info.alias or info.validation_alias:
            raise TypeError(f"construct() does not handle aliases ({cls.__name__}.{name})")
        if info.default_factory is not None:
            defaults[name] = (True, info.default_factory)
        elif not info.is_required():
            if isinstance(info.default, (list, dict, set)):
                raise TypeError(f"construct() needs a default_factory for {cls.__name__}.{name}")
            defaults[name] = (False, info.default)
    blank = _Blank(tuple(cls.model_fields), defaults, cls.model_config.get("extra") == "allow")
    _BLANKS[cls] = blank
    return blank


def construct(cls: type[M], values: dict[str, Any], *, defaulted: tuple[str, ...] = ()) -> M:
    """`cls.model_construct(_fields_set=..., **values)` for values CaseOps builds itself from a
    case it has already checked: no validation; omitted fields take their defaults; the fields
    given count as set, except those named in `defaulted` (given only to keep declaration order:
    they hold the field's default, and count as unset, as if omitted). An unknown field or a
    missing required one is a TypeError (model_construct would pass both over in silence).

    An observation (and its CaseView) is built on every step and every reset, and pydantic's
    model_construct walks the fields in Python: measured over the authored tasks (pydantic 2.14),
    it costs ~11 us per observation and ~5-9 us per CaseView against ~1.7 us and ~1.2-2 us here,
    a step 78 -> 94 us (+21%) and a reset 47 -> 63 us (+35%). So, while FAST_PATH holds, this
    sets the instance up directly, the way model_construct ends: given every field in declaration
    order, `values` itself becomes the instance's __dict__.
    """
    blank = _BLANKS.get(cls) or _blank(cls)
    if tuple(values) == blank.order:  # the step path: every field, in order
        given = blank.all_set.get(defaulted)
        if given is None:
            given = blank.all_set[defaulted] = frozenset(blank.order).difference(defaulted)
        fields_set = set(given)
    else:
        fields_set = set(values)
        unknown = fields_set.difference(blank.order)
        if unknown:
            raise TypeError(f"{cls.__name__} has no field(s) {', '.join(sorted(unknown))}")
        filled = {}
        for name in blank.order:
            if name in values:
                filled[name] = values[name]
            elif name in blank.defaults:
                is_factory, default = blank.defaults[name]
                filled[name] = default() if is_factory else default
            else:
                raise TypeError(f"{cls.__name__}.{name} is required")
        values = filled
        fields_set.difference_update(defaulted)
    if not FAST_PATH:
        return cls.model_construct(fields_set, **values)
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    object.__setattr__(model, "__pydantic_extra__", {} if blank.extra else None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model

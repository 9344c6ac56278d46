"""CaseOpsEnvironment: reset, step and state over the machines, for openenv.

An action flows one way: validated by the wire model, checked against the stage's allowed
operations (compiled once), triggered on the Case (whose callbacks grade and shape reward), and
turned into an observation built from the Case. Bad requests raise `CaseOpsError`s with one clear
message; bad operations come back as error observations and cost a small penalty.
"""

from __future__ import annotations

import secrets
import threading
from contextvars import ContextVar
from typing import Any

import attrs
from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import EnvironmentMetadata

from caseops import machinery, rewards, splits
from caseops.case import Case
from caseops.episodes import EpisodeStore
from caseops.errors import (
    EnvironmentClosedError,
    EpisodeOfAnotherTransportError,
    InvalidRequestError,
    NoEpisodeError,
    UnknownEpisodeError,
)
from caseops.grading import WEIGHTS, task_score
from caseops.models import (
    CaseResultView,
    CaseView,
    EvidenceView,
    PolicySnippetView,
    SupportDeskAction,
    SupportDeskObservation,
    SupportDeskState,
    TicketView,
    construct,
)
from caseops.rubric import Reading
from caseops.scenario import PerScenario, Scenario, Task
from caseops.scenarios import TASK_IDS, get_task
from caseops.vocab import (
    INFO_FIELDS,
    ISSUE_TYPES,
    PRIORITIES,
    QUEUES,
    REQUIRED_FIELDS,
    RESOLUTION_CODES,
    SLA_COST_MINUTES,
    STATUSES,
)

HISTORY_TEXT_CHARS = 60
# The transport of the request being served: "http" or "websocket", set by the server's
# TransportTag middleware; "local" for in-process callers. An episode records the transport that
# created it, and an HTTP step cannot step a WebSocket session's episode.
TRANSPORT: ContextVar[str] = ContextVar("caseops_transport", default="local")
# The address of the client being served (set by the same middleware): the owner of the episodes
# it creates, so a full store evicts fairly per client (`caseops.episodes`).
CLIENT: ContextVar[str] = ContextVar("caseops_client", default="local")
HINT_LEVELS = ("full", "minimal", "none")


@attrs.define(eq=False)
class Episode:
    """A task being worked: its queue of cases, one open at a time, in order."""

    episode_id: str
    task: Task
    cases: list[Case]  # the cases opened so far; the last one is the current case
    # SLA clocks of the cases still waiting in the queue: they run down while others are worked.
    pending_sla: list[int] = attrs.Factory(list)
    hints: str = "full"
    history: list[str] = attrs.Factory(list)
    total_reward: float = 0.0
    feedback: str = ""
    lock: threading.Lock = attrs.Factory(threading.Lock)
    # Steps and grade totals of the cases already submitted: they no longer change, and these
    # are asked for several times a step.
    closed_steps: int = 0
    closed_total: float = 0.0
    transport: str = "local"  # the transport whose reset created it (see TRANSPORT)

    @property
    def case(self) -> Case:
        return self.cases[-1]

    @property
    def scenario(self) -> Scenario:
        return self.case.scenario

    @property
    def steps(self) -> int:
        return self.closed_steps + self.cases[-1].steps

    @property
    def done(self) -> bool:
        case = self.cases[-1]
        return (case.stage == "closed" and len(self.cases) == len(self.task.cases)) or (
            self.closed_steps + case.steps >= self.task.max_steps
        )

    def total(self) -> float:
        """The episode grade: the mean over the whole queue (cases not yet opened count zero).
        Summed in queue order, as sum() over the cases would."""
        return (self.closed_total + self.cases[-1].grade.total) / len(self.task.cases)

    def open_next_case(self) -> None:
        machinery.detach(self.case)
        self.closed_steps += self.case.steps
        self.closed_total += self.case.grade.total
        upcoming = Case.opened(self.task.cases[len(self.cases)])
        upcoming.sla_minutes_remaining = self.pending_sla[0]
        machinery.attach(upcoming)
        self.cases.append(upcoming)
        self.pending_sla = self.pending_sla[1:]


def _release(episode: Episode) -> None:
    machinery.detach(episode.case)


def _evict(episode: Episode) -> None:
    """The store let the episode go. An environment may still hold it and step it (a WebSocket
    session whose episode outlived the store's bound): the lock keeps this from pulling its
    case out of the machines mid-step, and `_advance` attaches it again if it is stepped."""
    with episode.lock:
        _release(episode)


STORE: EpisodeStore[Episode] = EpisodeStore(on_evict=_evict)


def _split_task_id(task_id: str | None, split: str | None, index: int | None) -> str:
    if task_id is not None:
        raise InvalidRequestError("task_id", "give either task_id or split and index, not both")
    if split is None or index is None:
        raise InvalidRequestError("split" if split is None else "index", "a reset by position needs both split and index")
    try:
        return splits.task_id_at(split, index)
    except IndexError as exc:
        raise InvalidRequestError("index", str(exc)) from None


def find_episode(episode_id: str) -> Episode:
    episode = STORE.get(episode_id)
    if episode is None:
        raise UnknownEpisodeError(episode_id)
    return episode


class CaseOpsEnvironment(Environment[SupportDeskAction, SupportDeskObservation, SupportDeskState]):
    """One agent's view of CaseOps. Over WebSocket one instance serves a session; over HTTP
    each request gets a new instance and finds its episode in the store by `episode_id`.

    An instance owns the episode it reset and then stepped itself; `close()` releases only that
    one, so an HTTP reset (closed right after it returns) leaves its episode for later requests.
    """

    SUPPORTS_CONCURRENT_SESSIONS = True

    def __init__(self) -> None:
        super().__init__()
        self._episode: Episode | None = None
        self._owns_episode = False
        # openenv's idle-session reaper closes a session's environment but leaves its WebSocket
        # open (still so in openenv 0.10; tests/test_load.py): a closed environment refuses further
        # use, so that session cannot go on uncounted.
        self._closed = False

    # ---- openenv API ----

    def reset(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        task_id: str | None = None,
        hints: str = "full",
        split: str | None = None,
        index: int | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        """Start an episode of `task_id` (the first task when omitted), or of the task at
        `index` of `split` (OpenEnv's task API: see `list_splits`).

        Authored and generated tasks are fixed by their id, so `seed` changes nothing; it is
        accepted so a reset is reproducible whatever the task. `hints` sets how much guidance the
        observations carry: "full", "minimal" (no hint of whether information is missing), or
        "none" (no required_next_actions and no risk_flags).
        """
        if self._closed:
            raise EnvironmentClosedError()
        if hints not in HINT_LEVELS:
            raise InvalidRequestError("hints", f"must be one of {', '.join(HINT_LEVELS)}, got {hints!r}")
        if task_id is not None and not isinstance(task_id, str):
            raise InvalidRequestError("task_id", f"must be a string, got {type(task_id).__name__}")
        if episode_id is not None:
            raise InvalidRequestError(
                "episode_id",
                "episode ids are issued by the server: omit episode_id on reset and use the "
                "observation's episode_id",
            )
        if split is not None or index is not None:
            task_id = _split_task_id(task_id, split, index)
        task = get_task(task_id if task_id is not None else TASK_IDS[0])
        self._release_owned()
        case = Case.opened(task.cases[0])
        machinery.attach(case)
        episode = Episode(
            episode_id=secrets.token_hex(16),
            task=task,
            cases=[case],
            pending_sla=[later.ticket.sla_minutes for later in task.cases[1:]],
            hints=hints,
            transport=TRANSPORT.get(),
        )
        episode.feedback = "New case opened. Read the ticket and the knowledge base, then route it." + (
            f" {len(task.cases)} cases wait in this queue; submitting one opens the next." if len(task.cases) > 1 else ""
        )
        STORE.put(episode.episode_id, episode, owner=CLIENT.get())
        self._episode = episode
        self._owns_episode = False
        return _observe(episode, reward=None, terms={}, error=None)

    def step(
        self,
        action: SupportDeskAction,
        timeout_s: float | None = None,
        episode_id: str | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        if self._closed:
            raise EnvironmentClosedError()
        if episode_id is not None:
            if not isinstance(episode_id, str):
                raise InvalidRequestError("episode_id", f"must be a string, got {type(episode_id).__name__}")
            episode = find_episode(episode_id)
            if episode.transport == "websocket" and episode is not self._episode:
                raise EpisodeOfAnotherTransportError(episode_id)
        elif self._episode is not None:
            episode = self._episode
            self._owns_episode = True
        else:
            raise NoEpisodeError()
        with episode.lock:
            return _advance(episode, action)

    # openenv runs a sync reset/step on a worker thread; an async one it awaits on the event
    # loop. A CaseOps step is a fraction of a millisecond of pure computation that never
    # waits on anything, so the hop to a thread and back (and the GIL handed over twice) would
    # cost more than the step itself. Same signatures: openenv passes the kwargs they name.

    async def reset_async(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        task_id: str | None = None,
        hints: str = "full",
        split: str | None = None,
        index: int | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        return self.reset(seed=seed, episode_id=episode_id, task_id=task_id, hints=hints, split=split, index=index, **kwargs)

    async def step_async(
        self,
        action: SupportDeskAction,
        timeout_s: float | None = None,
        episode_id: str | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        return self.step(action, timeout_s=timeout_s, episode_id=episode_id, **kwargs)

    @property
    def state(self) -> SupportDeskState:
        if self._episode is None:
            return SupportDeskState()
        return build_state(self._episode)

    def close(self) -> None:
        self._release_owned()
        self._closed = True

    # ---- OpenEnv's task API (side-effect free: a fresh instance answers it) ----

    def list_splits(self) -> list[dict[str, str]]:
        return splits.descriptors()

    def num_tasks(self, split: str) -> int:
        return splits.size(split)

    def list_tasks(self, split: str) -> list[dict[str, Any]]:
        return splits.listing(split)

    def get_task(self, split: str, index: int) -> dict[str, Any]:
        return splits.spec(split, index)

    def get_task_range(self, split: str, start: int | None = None, stop: int | None = None) -> list[dict[str, Any]]:
        return splits.spec_range(split, start, stop)

    def get_metadata(self) -> EnvironmentMetadata:
        return EnvironmentMetadata(
            name="CaseOps",
            description="Enterprise support cases worked end to end through an explicit state machine.",
            version="0.1.0",
        )

    def _release_owned(self) -> None:
        if self._episode is not None and self._owns_episode:
            STORE.discard(self._episode.episode_id)
            with self._episode.lock:
                _release(self._episode)  # already done if the store had let it go
        self._episode = None
        self._owns_episode = False


# ---- the step path ----


def _advance(episode: Episode, action: SupportDeskAction) -> SupportDeskObservation:
    case = episode.case
    if episode.done:
        return _observe(
            episode,
            reward=0.0,
            terms={},
            error="the episode is over: nothing was changed; call reset to start a new one",
        )
    if not case.attached:  # evicted from the store while this environment held it
        machinery.attach(case)
    case.ledger = {}
    case.last_tool_result = None
    before_total, before_stage, before_followup = episode.total(), case.stage, case.followup
    _tick(episode, action.operation)
    error = _refusal(case, action)
    if error is None:
        getattr(case, action.operation)(action)
    else:
        case.ledger["invalid_operation"] = rewards.INVALID_OPERATION
    terms = dict(case.ledger)
    after_total = episode.total()
    reward = round(after_total - before_total + sum(terms.values()), 6)
    episode.total_reward += reward
    episode.history.append(_describe(action) + (" -> error" if error else ""))
    done = episode.done  # opening the next case below does not change it
    episode.feedback = _feedback(episode, action, before_stage, before_followup, terms, error, done, after_total)
    if case.closed and len(episode.cases) < len(episode.task.cases) and not done:
        episode.open_next_case()
        episode.feedback += f" Next case opened ({len(episode.cases)} of {len(episode.task.cases)})."
    if done:
        _release(episode)
    return _observe(episode, reward=reward, terms=terms, error=error, done=done)


def _tick(episode: Episode, operation: str) -> None:
    """Time passes for the whole queue: the current case and those still waiting."""
    episode.case.tick(operation)
    cost = SLA_COST_MINUTES.get(operation, 1)
    for index, minutes in enumerate(episode.pending_sla):
        if minutes > 0 >= minutes - cost:
            ledger = episode.case.ledger
            ledger["waiting_sla_breach"] = ledger.get("waiting_sla_breach", 0.0) + rewards.SLA_BREACH
        episode.pending_sla[index] = minutes - cost


def _refusal(case: Case, action: SupportDeskAction) -> str | None:
    allowed = machinery.ALLOWED_OPERATIONS[case.stage]
    if action.operation not in allowed:
        return (
            f"operation {action.operation!r} is not allowed in stage {case.stage!r}; "
            f"allowed now: {', '.join(sorted(allowed)) or 'none'}"
        )
    missing = [name for name in _REQUIRED_SORTED[action.operation] if not getattr(action, name)]
    if action.operation == "classify" and len(missing) < 3:
        missing = []  # re-routing may change only some of queue, priority, issue_type
    if missing:
        return f"operation {action.operation!r} needs field(s): {', '.join(missing)}"
    if action.operation == "inspect_artifact" and action.artifact_id not in _artifact_ids(case.scenario):
        known = ", ".join(_artifact_ids(case.scenario)) or "none for this case"
        return f"artifact_id {action.artifact_id!r} is not available; available: {known}"
    return None


_REQUIRED_SORTED = {operation: tuple(sorted(fields)) for operation, fields in REQUIRED_FIELDS.items()}


def _artifact_ids(scenario: Scenario) -> tuple[str, ...]:
    return scenario_views(scenario).artifact_ids


def _describe(action: SupportDeskAction) -> str:
    parts = []
    for name in ("queue", "priority", "issue_type", "status", "resolution_code", "artifact_id", "confidence"):
        value = getattr(action, name)
        if value is not None:
            parts.append(f"{name}={value}")
    if action.requested_fields:
        parts.append("requested_fields=" + "|".join(action.requested_fields))
    for name in ("reply", "internal_note", "query"):
        value = getattr(action, name)
        if value is not None:
            short = value if len(value) <= HISTORY_TEXT_CHARS else value[: HISTORY_TEXT_CHARS - 3] + "..."
            parts.append(f"{name}={short!r}")
    return f"{action.operation}({', '.join(parts)})"


_TERM_NOTES = {
    "mixed_action": "the action carried fields that do not belong to its operation",
    "repeated_action": "the action repeats the previous one",
    "premature_submit": "the case was submitted before the work was ready",
    "over_escalation": "this routing or status over-escalates the case",
    "sla_breach": "this case's SLA has been breached",
    "waiting_sla_breach": "a case waiting in the queue has breached its SLA",
    "followup_revealed": "the customer's follow-up arrived",
    "early_routing": "routed promptly",
    "missing_evidence": "the decision was taken without inspecting records it rests on",
}


def _feedback(
    episode: Episode,
    action: SupportDeskAction,
    stage_before: str,
    followup_before: str,
    terms: dict[str, float],
    error: str | None,
    done: bool,
    total: float,
) -> str:
    case = episode.case
    if error is not None:
        lines = [f"Refused: {error}."]
    elif case.stage != stage_before:
        lines = [f"{action.operation}: stage {stage_before} -> {case.stage}."]
    else:
        lines = [f"{action.operation}: recorded; stage stays {case.stage}."]
    lines += [f"Note: {_TERM_NOTES[name]}." for name in terms if name in _TERM_NOTES]
    if case.followup != followup_before and case.followup_message:
        lines.append(f"Customer follow-up ({case.followup}) received.")
    if action.operation == "draft_reply" and error is None:
        lines.append(_coverage_line("reply", case.reply_reading))
    if action.operation == "add_internal_note" and error is None:
        lines.append(_coverage_line("note", case.note_reading))
    if case.forbidden_asserted:
        quoted = " ".join(f'"{sentence}"' for sentence in case.unsafe_sentences)
        lines.append(f"Warning: the reply makes a commitment that policy does not allow: {quoted}")
    if case.last_tool_result is not None:
        lines.append("Tool result is in last_tool_result.")
    if done:
        reason = "submitted" if case.closed else "out of steps"
        lines.append(f"Episode over ({reason}); final score {task_score(total):.2f}.")
    return " ".join(lines)


def _coverage_line(kind: str, reading: Reading) -> str:
    """How much of what a reviewer expects the text covers: a share, never the missing points."""
    if reading.contradictions:
        return f"The {kind} takes both sides of a decision it has to make, so it earns no credit."
    return f"The {kind} covers about {round(reading.coverage * 100 / 5) * 5:.0f}% of what a reviewer expects."


# ---- building what the agent reads ----

@attrs.frozen
class ScenarioViews:
    """The parts of an observation that depend on the scenario alone, validated once."""

    ticket: TicketView
    knowledge_base: tuple[PolicySnippetView, ...]
    artifact_ids: tuple[str, ...]
    evidence: dict[str, EvidenceView]


def _scenario_views(scenario: Scenario) -> ScenarioViews:
    t = scenario.ticket
    return ScenarioViews(
        ticket=TicketView(
            customer=t.customer,
            company=t.company,
            tier=t.tier,
            region=t.region,
            affected_users=t.affected_users,
            subject=t.subject,
            body=t.body,
            business_impact=t.business_impact,
        ),
        knowledge_base=tuple(PolicySnippetView(id=s.id, title=s.title, text=s.text) for s in scenario.knowledge_base),
        artifact_ids=tuple(sorted(artifact.id for artifact in scenario.artifacts)),  # order tells nothing
        evidence={
            a.id: EvidenceView(artifact_id=a.id, kind=a.kind, title=a.title, content=a.content) for a in scenario.artifacts
        },
    )


scenario_views: PerScenario[ScenarioViews] = PerScenario(_scenario_views)

# The operations each stage allows, as the sorted list observations show.
_ALLOWED_SORTED = {stage: tuple(sorted(ops)) for stage, ops in machinery.ALLOWED_OPERATIONS.items()}
_GRADE_KEYS = tuple(f"grade.{name}" for name in WEIGHTS)


def _case_view(case: Case) -> CaseView:
    return construct(
        CaseView,
        {
            "queue": case.queue,
            "priority": case.priority,
            "issue_type": case.issue_type,
            "requested_fields": list(case.requested_fields),
            "reply_draft": case.reply,
            "internal_note": case.internal_note,
            "status": case.status,
            "resolution_code": case.resolution_code,
            "followup_state": case.followup,
            "followup_message": case.followup_message,
            "fields_provided": list(case.fields_provided),
        },
    )


def _next_actions(episode: Episode, done: bool | None = None) -> list[str]:
    if (episode.done if done is None else done) or episode.hints == "none":
        return []
    actions = episode.case.required_next_actions()
    if episode.hints == "minimal":
        actions = [a for a in actions if a != "request_info"] or ["submit"]
    return actions


def _evidence(case: Case) -> list[EvidenceView]:
    if not case.collected:
        return []
    views = scenario_views(case.scenario).evidence
    return [views[artifact_id] for artifact_id in case.collected]


def _case_results(episode: Episode) -> list[CaseResultView]:
    return [
        CaseResultView(case_id=c.scenario.case_id, score=task_score(c.grade.total), confidence=c.confidence)
        for c in episode.cases
        if c.closed
    ]


def _observe(
    episode: Episode, *, reward: float | None, terms: dict[str, float], error: str | None, done: bool | None = None
) -> SupportDeskObservation:
    """The observation, built directly from the case: the scenario's parts come validated from
    `scenario_views`, the rest is built here from values the case already holds, so nothing is
    validated again (a test checks every observation still validates as itself)."""
    case, task = episode.case, episode.task
    scenario = case.scenario
    views = scenario_views(scenario)
    # The per-component grade is the training mode's signal; otherwise it would tell the answer
    # (which routing part is right, whether the case needs information) to whoever probes it.
    breakdown: dict[str, float] = {}
    if episode.hints == "full":
        breakdown = dict(zip(_GRADE_KEYS, case.grade.weighted.values()))  # components keep WEIGHTS' order
        if reward is not None:
            breakdown.update(terms)
    if done is None:
        done = episode.done
    steps = episode.steps
    return construct(
        SupportDeskObservation,
        {
            "done": done,
            "reward": reward,
            "metadata": {},
            "task_id": task.task_id,
            "case_id": scenario.case_id,
            "difficulty": task.difficulty,
            "objective": task.objective if len(task.cases) > 1 else scenario.objective,
            "queue_position": len(episode.cases),
            "queue_length": len(task.cases),
            "ticket": views.ticket,
            "knowledge_base": list(views.knowledge_base),
            "available_queues": list(QUEUES),
            "available_priorities": list(PRIORITIES),
            "available_statuses": list(STATUSES),
            "available_issue_types": list(ISSUE_TYPES),
            "available_resolution_codes": list(RESOLUTION_CODES),
            "available_requested_fields": list(INFO_FIELDS),
            "allowed_operations": [] if done else list(_ALLOWED_SORTED[case.stage]),
            "available_artifacts": list(views.artifact_ids),
            "collected_evidence": _evidence(case),
            "last_tool_result": case.last_tool_result,
            "case": _case_view(case),
            "current_sla_minutes_remaining": case.sla_minutes_remaining,
            "waiting_sla_minutes_remaining": list(episode.pending_sla),
            "workflow_stage": case.stage,
            "required_next_actions": _next_actions(episode, done),
            "risk_flags": case.risk_flags() if episode.hints != "none" else [],
            "action_history": list(episode.history),
            "feedback": episode.feedback,
            "error": error,
            "remaining_steps": max(0, task.max_steps - steps),
            "score": task_score(episode.total()),
            "reward_breakdown": breakdown,
            "episode_id": episode.episode_id,
        },
        defaulted=_METADATA,  # as when omitted: the observation's metadata is not set
    )


_METADATA = ("metadata",)


def build_state(episode: Episode) -> SupportDeskState:
    case, scenario = episode.case, episode.scenario
    return SupportDeskState(
        episode_id=episode.episode_id,
        task_id=episode.task.task_id,
        case_id=scenario.case_id,
        queue_position=len(episode.cases),
        queue_length=len(episode.task.cases),
        case_results=_case_results(episode),
        collected_evidence=_evidence(case),
        difficulty=episode.task.difficulty,
        step_count=episode.steps,
        reward=round(episode.total_reward, 6),
        done=episode.done,
        current_score=task_score(episode.total()),
        max_steps=episode.task.max_steps,
        case=_case_view(case),
        current_sla_minutes_remaining=case.sla_minutes_remaining,
        waiting_sla_minutes_remaining=list(episode.pending_sla),
        workflow_stage=case.stage,
        required_next_actions=_next_actions(episode),
        risk_flags=case.risk_flags() if episode.hints != "none" else [],
        action_history=list(episode.history),
        completed_milestones=list(case.milestones),
        last_feedback=episode.feedback,
    )

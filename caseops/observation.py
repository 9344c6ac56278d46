"""What the agent reads: the observation after a reset or a step, and an episode's full state.

Both are built directly from the episode and its current case. The parts that depend on the
scenario alone come validated once per scenario (`scenario_views`); the rest is built from values
the case already holds, so nothing is validated again (a test checks every observation still
validates as itself). No gold is read here.
"""

from __future__ import annotations

import attrs

from caseops import tools
from caseops.case import Case
from caseops.episode import Episode, Step, artifact_ids
from caseops.grading import WEIGHTS, task_score
from caseops.machinery import ALLOWED_OPERATIONS
from caseops.models import (
    CaseResultView,
    CaseView,
    EvidenceView,
    PolicySnippetView,
    RecordView,
    SupportDeskObservation,
    SupportDeskState,
    TicketView,
    ToolArgumentView,
    ToolView,
    WaitingCaseView,
    construct,
)
from caseops.scenario import PerScenario, Scenario
from caseops.vocab import INFO_FIELDS, ISSUE_TYPES, PRIORITIES, QUEUES, RESOLUTION_CODES, STATUSES, TOOL_NAMES


@attrs.frozen
class ScenarioViews:
    """The parts of an observation that depend on the scenario alone, validated once."""

    ticket: TicketView
    knowledge_base: tuple[PolicySnippetView, ...]
    artifact_ids: tuple[str, ...]
    evidence: dict[str, EvidenceView]
    tools: tuple[ToolView, ...]
    shown_by: dict[str, tuple[tuple[str, str], ...]]  # artifact id -> (record id, kind) it shows


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
        artifact_ids=artifact_ids(scenario),
        evidence={
            a.id: EvidenceView(artifact_id=a.id, kind=a.kind, title=a.title, content=a.content)
            for a in scenario.artifacts
        },
        tools=tuple(
            ToolView(
                name=tool.name,
                summary=tool.summary,
                record_kind=tool.kind,
                arguments=[
                    ToolArgumentView(name=name, type=arg.type, summary=arg.summary, choices=list(arg.choices))
                    for name, arg in sorted(tool.arguments.items())
                ],
            )
            for tool in tools.offered(scenario)
        ),
        shown_by={a.id: tuple((r.id, r.kind) for r in a.records) for a in scenario.artifacts},
    )


scenario_views: PerScenario[ScenarioViews] = PerScenario(_scenario_views)

# The operations each stage allows, as the sorted list observations show.
_ALLOWED_SORTED = {stage: tuple(sorted(ops)) for stage, ops in ALLOWED_OPERATIONS.items()}
_GRADE_KEYS = tuple(f"grade.{name}" for name in WEIGHTS)
_METADATA = ("metadata",)


def _allowed(episode: Episode) -> list[str]:
    """The stage's operations: of the tools, those the case offers; open_case while a case waits."""
    case = episode.case
    offered = offered_names(case.scenario)
    return [
        op
        for op in _ALLOWED_SORTED[case.stage]
        if (op not in TOOL_NAMES or op in offered) and (op != "open_case" or episode.waiting)
    ]


offered_names: PerScenario[frozenset[str]] = PerScenario(
    lambda scenario: frozenset(tool.name for tool in tools.offered(scenario))
)


def _case_view(case: Case) -> CaseView:
    return construct(
        CaseView,
        {
            "queue": case.queue,
            "priority": case.priority,
            "issue_type": case.issue_type,
            "requested_fields": list(case.requested_fields),
            "request_messages": list(case.request_messages),
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


def _records(case: Case) -> list[RecordView]:
    """The records the inspected evidence shows, and any record a call changed, as they stand."""
    if not case.collected and not case.calls:
        return []
    shown_by = scenario_views(case.scenario).shown_by
    kinds: dict[str, str] = {}
    for artifact_id in case.collected:
        kinds.update(shown_by[artifact_id])
    for call in case.calls:
        kinds.setdefault(call.record_id, tools.catalogue().tools[call.tool].kind)
    return [
        RecordView(record_id=record_id, kind=kind, fields=dict(case.records[record_id]))
        for record_id, kind in kinds.items()
    ]


def _waiting(episode: Episode) -> list[WaitingCaseView]:
    views = []
    for index, minutes in zip(episode.waiting, episode.pending_sla, strict=True):
        scenario = episode.task.cases[index]
        t = scenario.ticket
        views.append(
            WaitingCaseView(
                case_id=scenario.case_id,
                customer=t.customer,
                company=t.company,
                tier=t.tier,
                subject=t.subject,
                sla_minutes_remaining=minutes,
            )
        )
    return views


def _case_results(episode: Episode) -> list[CaseResultView]:
    return [
        CaseResultView(case_id=c.scenario.case_id, score=task_score(c.grade.total), confidence=c.confidence)
        for c in episode.cases
        if c.closed
    ]


def observe(episode: Episode, step: Step | None = None) -> SupportDeskObservation:
    """The observation of the episode after `step`, or after its reset when `step` is None."""
    case, task = episode.case, episode.task
    scenario = case.scenario
    views = scenario_views(scenario)
    # The per-component grade is the training mode's signal; otherwise it would tell the answer
    # (which routing part is right, whether the case needs information) to whoever probes it.
    breakdown: dict[str, float] = {}
    if episode.hints == "full":
        breakdown = dict(zip(_GRADE_KEYS, case.grade.weighted.values(), strict=False))  # components keep WEIGHTS' order
        if step is not None:
            breakdown.update(step.terms)
    done = episode.done if step is None else step.done
    steps = episode.steps
    return construct(
        SupportDeskObservation,
        {
            "done": done,
            "reward": None if step is None else step.reward,
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
            "allowed_operations": [] if done else _allowed(episode),
            "available_artifacts": list(views.artifact_ids),
            "collected_evidence": _evidence(case),
            "last_tool_result": case.last_tool_result,
            "available_tools": list(views.tools),
            "records": _records(case),
            "waiting_cases": _waiting(episode),
            "case": _case_view(case),
            "current_sla_minutes_remaining": case.sla_minutes_remaining,
            "waiting_sla_minutes_remaining": list(episode.pending_sla),
            "workflow_stage": case.stage,
            "required_next_actions": _next_actions(episode, done),
            "risk_flags": case.risk_flags() if episode.hints != "none" else [],
            "action_history": list(episode.history),
            "feedback": episode.feedback,
            "error": None if step is None else step.error,
            "remaining_steps": max(0, task.max_steps - steps),
            "score": task_score(episode.total()),
            "reward_breakdown": breakdown,
            "episode_id": episode.episode_id,
        },
        defaulted=_METADATA,  # as when omitted: the observation's metadata is not set
    )


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
        records=_records(case),
        waiting_cases=_waiting(episode),
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

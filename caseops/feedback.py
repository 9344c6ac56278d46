"""What the agent is told about its step: the feedback text and the line of its action history.

Feedback says what happened and what was wrong in kind ("the case was submitted before the work
was ready"), never the answer: a text's coverage is a share, never the missing points.
"""

from __future__ import annotations

from caseops.case import Case
from caseops.grading import task_score
from caseops.models import SupportDeskAction
from caseops.rewards import Terms
from caseops.rubric import Reading
from caseops.vocab import FollowupState, Stage

HISTORY_TEXT_CHARS = 60

TERM_NOTES = {
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


def opening(queue_length: int) -> str:
    return "New case opened. Read the ticket and the knowledge base, then route it." + (
        f" {queue_length} cases wait in this queue; submitting one opens the next." if queue_length > 1 else ""
    )


def next_case_line(position: int, queue_length: int) -> str:
    return f" Next case opened ({position} of {queue_length})."


def describe(action: SupportDeskAction) -> str:
    """The action as one line of the history: its fields, long texts cut short."""
    parts = []
    names = ("queue", "priority", "issue_type", "status", "resolution_code", "artifact_id", "confidence", "record_id")
    for name in (*names, "case_id"):
        value = getattr(action, name)
        if value is not None:
            parts.append(f"{name}={value}")
    if action.requested_fields:
        parts.append("requested_fields=" + "|".join(action.requested_fields))
    if action.arguments:
        parts.append("arguments=" + "|".join(f"{key}:{value}" for key, value in sorted(action.arguments.items())))
    for name in ("reply", "internal_note", "query"):
        value = getattr(action, name)
        if value is not None:
            short = value if len(value) <= HISTORY_TEXT_CHARS else value[: HISTORY_TEXT_CHARS - 3] + "..."
            parts.append(f"{name}={short!r}")
    return f"{action.operation}({', '.join(parts)})"


def step_feedback(
    case: Case,
    action: SupportDeskAction,
    *,
    stage_before: Stage,
    followup_before: FollowupState,
    terms: Terms,
    error: str | None,
    done: bool,
    total: float,
) -> str:
    """The feedback on a step of `case` (the case the step worked; `total` is the episode grade
    after it)."""
    if error is not None:
        lines = [f"Refused: {error}."]
    elif case.stage != stage_before:
        lines = [f"{action.operation}: stage {stage_before} -> {case.stage}."]
    else:
        lines = [f"{action.operation}: recorded; stage stays {case.stage}."]
    lines += [f"Note: {TERM_NOTES[name]}." for name in terms if name in TERM_NOTES]
    if case.followup != followup_before and case.followup_message:
        lines.append(f"Customer follow-up ({case.followup}) received.")
    if action.operation == "draft_reply" and error is None:
        lines.append(coverage_line("reply", case.reply_reading))
    if action.operation == "add_internal_note" and error is None:
        lines.append(coverage_line("note", case.note_reading))
    if case.forbidden_asserted:
        quoted = " ".join(f'"{sentence}"' for sentence in case.unsafe_sentences)
        lines.append(f"Warning: the reply makes a commitment that policy does not allow: {quoted}")
    if case.last_tool_result is not None:
        lines.append("Tool result is in last_tool_result.")
    if done:
        reason = "submitted" if case.closed else "out of steps"
        lines.append(f"Episode over ({reason}); final score {task_score(total):.2f}.")
    return " ".join(lines)


def coverage_line(kind: str, reading: Reading) -> str:
    """How much of what a reviewer expects the text covers: a share, never the missing points."""
    if reading.contradictions:
        return f"The {kind} takes both sides of a decision it has to make, so it earns no credit."
    return f"The {kind} covers about {round(reading.coverage * 100 / 5) * 5:.0f}% of what a reviewer expects."

"""The reviewer's playground at /web: work a case by hand and watch the machines move.

Built with openenv's `gradio_builder` hook. Each browser session holds its own
`CaseOpsEnvironment` in a `gr.State`, so two browsers never share an episode (openenv's generic
playground shares one environment between all visitors, which is why CaseOps mounts only this
view). The form offers the episode's vocabularies as dropdowns; only the fields of the chosen
operation are sent. Errors, from validation or from the environment, show next to the form.
"""

from __future__ import annotations

import json
from typing import Any

import gradio as gr
from pydantic import ValidationError

from caseops.diagrams import live_svg
from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.scenarios import TASK_IDS
from caseops.vocab import (
    INFO_FIELDS,
    ISSUE_TYPES,
    OPERATION_FIELDS,
    OPERATIONS,
    PRIORITIES,
    QUEUES,
    RESOLUTION_CODES,
    STATUSES,
)

INTRO = (
    "Pick a task and press **Reset**. Build an action with the form and press **Step**; the "
    "diagram highlights the case's workflow stage and follow-up state after every step."
)


def _ticket_md(obs: SupportDeskObservation) -> str:
    t = obs.ticket
    return (
        f"### {t.subject}\n"
        f"**{t.customer}**, {t.company} ({t.tier}, {t.region}); {t.affected_users} affected users\n\n"
        f"{t.body}\n\n*Business impact:* {t.business_impact}\n\n*Objective:* {obs.objective}"
    )


def _kb_md(obs: SupportDeskObservation) -> str:
    return "\n\n".join(f"**{kb.title}** (`{kb.id}`): {kb.text}" for kb in obs.knowledge_base)


def _status_md(obs: SupportDeskObservation) -> str:
    return (
        f"**Case {obs.queue_position} of {obs.queue_length}** (`{obs.case_id}`) · "
        f"**Stage:** `{obs.workflow_stage}` · **Follow-up:** `{obs.case.followup_state}` · "
        f"**Score:** {obs.score:.2f} · **SLA left:** {obs.current_sla_minutes_remaining} min · "
        f"**Steps left:** {obs.remaining_steps}{' · **done**' if obs.done else ''}\n\n"
        f"**Next actions:** {', '.join(obs.required_next_actions) or 'none'}\n\n"
        f"**Risk flags:** {', '.join(obs.risk_flags) or 'none'}\n\n"
        f"**Feedback:** {obs.feedback}"
    )


def _evidence_md(obs: SupportDeskObservation) -> str:
    lines = [f"**Records to inspect:** {', '.join(obs.available_artifacts) or 'none'}"]
    lines += [f"- **{e.title}** (`{e.artifact_id}`, {e.kind}): {e.content}" for e in obs.collected_evidence]
    if obs.available_tools:
        lines.append("\n**Tools:** " + ", ".join(f"`{t.name}` ({t.record_kind})" for t in obs.available_tools))
    lines += [f"- `{r.record_id}` ({r.kind}): {r.fields}" for r in obs.records]
    if obs.waiting_cases:
        lines.append("\n**Waiting cases:**")
        lines += [f"- `{w.case_id}` {w.subject} ({w.sla_minutes_remaining} min left)" for w in obs.waiting_cases]
    if obs.last_tool_result:
        lines.append(f"\n**Last tool result:**\n\n{obs.last_tool_result}")
    return "\n".join(lines)


def _diagram_html(obs: SupportDeskObservation) -> str:
    return (
        "<style>#caseops-live-diagram svg{max-width:100%;height:auto}</style>"
        f'<div id="caseops-live-diagram">{live_svg(obs.workflow_stage, obs.case.followup_state)}</div>'
    )


def _history_md(rewards: list[float], obs: SupportDeskObservation) -> str:
    rows = [
        f"| {i} | `{step}` | {reward:+.3f} |"
        for i, (step, reward) in enumerate(zip(obs.action_history, rewards, strict=False), 1)
    ]
    return "| # | action | reward |\n|---|---|---|\n" + "\n".join(rows) if rows else "No steps yet."


def _views(obs: SupportDeskObservation, rewards: list[float], error: str) -> tuple[Any, ...]:
    return (
        _ticket_md(obs),
        _kb_md(obs),
        obs.case.model_dump(),
        _status_md(obs),
        _evidence_md(obs),
        gr.update(choices=obs.available_artifacts, value=None),
        obs.reward_breakdown,
        _history_md(rewards, obs),
        _diagram_html(obs),
        error,
    )


def build_action(operation: str, values: dict[str, Any]) -> SupportDeskAction:
    """Only the chosen operation's fields go into the action; empty inputs are left out."""
    fields = {
        name: values[name] for name in OPERATION_FIELDS.get(operation, ()) if values.get(name) not in (None, "", [])
    }
    return SupportDeskAction(operation=operation, **fields)


def describe_validation(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'action'}: {e['msg']}" for e in error.errors(include_input=False)
    )


def build_playground(*_: Any, **__: Any) -> gr.Blocks:
    """The `gradio_builder` openenv calls; its arguments describe openenv's generic form, unused here."""
    with gr.Blocks(title="CaseOps playground") as blocks:
        session = gr.State(None)  # this browser's CaseOpsEnvironment
        rewards = gr.State([])
        gr.Markdown("## CaseOps playground\n" + INTRO)
        with gr.Row():
            task = gr.Dropdown(list(TASK_IDS), value=TASK_IDS[0], label="Task", elem_id="caseops-task")
            reset = gr.Button("Reset", variant="primary", elem_id="caseops-reset")
        with gr.Row():
            with gr.Column(scale=3):
                ticket = gr.Markdown("Press Reset to open a case.", elem_id="caseops-ticket")
                with gr.Accordion("Knowledge base", open=False):
                    kb = gr.Markdown()
                status = gr.Markdown(elem_id="caseops-status")
                evidence = gr.Markdown(elem_id="caseops-evidence")
            with gr.Column(scale=2):
                operation = gr.Dropdown(
                    list(OPERATIONS), value=OPERATIONS[0], label="Operation", elem_id="caseops-operation"
                )
                queue = gr.Dropdown(list(QUEUES), value=None, label="Queue", elem_id="caseops-queue")
                priority = gr.Dropdown(list(PRIORITIES), value=None, label="Priority", elem_id="caseops-priority")
                issue_type = gr.Dropdown(
                    list(ISSUE_TYPES), value=None, label="Issue type", elem_id="caseops-issue-type"
                )
                requested = gr.Dropdown(
                    list(INFO_FIELDS), value=[], multiselect=True, label="Requested fields", elem_id="caseops-requested"
                )
                reply = gr.Textbox(label="Reply", lines=4, elem_id="caseops-reply")
                note = gr.Textbox(label="Internal note", lines=3, elem_id="caseops-note")
                status_choice = gr.Dropdown(list(STATUSES), value=None, label="Status", elem_id="caseops-status-choice")
                resolution = gr.Dropdown(
                    list(RESOLUTION_CODES), value=None, label="Resolution code", elem_id="caseops-resolution"
                )
                confidence = gr.Number(
                    value=None,
                    minimum=0,
                    maximum=1,
                    label="Confidence (submit, optional)",
                    elem_id="caseops-confidence",
                )
                artifact = gr.Dropdown([], value=None, label="Artifact", elem_id="caseops-artifact")
                query = gr.Textbox(label="Policy search query", elem_id="caseops-query")
                record_id = gr.Textbox(label="Record (a tool's record_id)", elem_id="caseops-record")
                arguments = gr.Textbox(label='Tool arguments, JSON ({"amount": 349})', elem_id="caseops-arguments")
                case_id = gr.Textbox(label="Waiting case to open (open_case)", elem_id="caseops-case-id")
                step = gr.Button("Step", variant="primary", elem_id="caseops-step")
                error = gr.Markdown(elem_id="caseops-error")
        diagram = gr.HTML(elem_id="caseops-diagram")
        with gr.Row():
            case = gr.JSON(label="Case")
            breakdown = gr.JSON(label="Score breakdown")
        history = gr.Markdown(elem_id="caseops-history")
        outputs = [ticket, kb, case, status, evidence, artifact, breakdown, history, diagram, error]

        def on_reset(task_id: str, env: CaseOpsEnvironment | None) -> tuple[Any, ...]:
            if env is not None:
                env.close()
            env = CaseOpsEnvironment()
            obs = env.reset(task_id=task_id)
            return (env, [], *_views(obs, [], ""))

        def on_step(env: CaseOpsEnvironment | None, history_: list[float], op: str, *values: Any) -> tuple[Any, ...]:
            if env is None:
                return (
                    env,
                    history_,
                    *[gr.update()] * (len(outputs) - 1),
                    "**Error:** press Reset to open a case first.",
                )
            names = (
                "queue",
                "priority",
                "issue_type",
                "requested_fields",
                "reply",
                "internal_note",
                "status",
                "resolution_code",
                "confidence",
                "artifact_id",
                "query",
                "record_id",
                "arguments",
                "case_id",
            )
            given = dict(zip(names, values, strict=False))
            try:
                given["arguments"] = json.loads(given["arguments"]) if given.get("arguments") else None
            except json.JSONDecodeError as exc:
                return (env, history_, *[gr.update()] * (len(outputs) - 1), f"**Error:** arguments: {exc}")
            try:
                action = build_action(op, given)
            except ValidationError as exc:
                return (env, history_, *[gr.update()] * (len(outputs) - 1), f"**Error:** {describe_validation(exc)}")
            obs = env.step(action)
            if len(obs.action_history) > len(history_):  # a step after the end adds nothing
                history_ = [*history_, obs.reward or 0.0]
            return (env, history_, *_views(obs, history_, f"**Error:** {obs.error}" if obs.error else ""))

        reset.click(on_reset, inputs=[task, session], outputs=[session, rewards, *outputs])
        step.click(
            on_step,
            inputs=[
                session,
                rewards,
                operation,
                queue,
                priority,
                issue_type,
                requested,
                reply,
                note,
                status_choice,
                resolution,
                confidence,
                artifact,
                query,
                record_id,
                arguments,
                case_id,
            ],
            outputs=[session, rewards, *outputs],
        )
    return blocks

"""The LLM policy: asks an OpenAI-compatible chat model for the next action, one step at a time.

Each step is one stateless request: the observation already carries the case as shaped so far,
the history, the stage and what is still required, so the model needs no conversation memory and
a failed step cannot poison the next one. The model must answer with one JSON object; we tolerate
the usual wrapping (a ```json fence, a sentence around it) but not a wrong action.

A baseline run must finish every task even when the endpoint is down or the model answers
nonsense, so any failure (transport, non-JSON, an action the wire model refuses) falls back to the
heuristic for that step and is recorded in `last_error`; the caller reports it. The model's answer
is never repaired beyond dropping unknown keys: a wrong label is the model's mistake to be graded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from openai import OpenAI
from pydantic import ValidationError

from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.heuristic import HeuristicPolicy

Policy = Callable[[SupportDeskObservation], SupportDeskAction]

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_TOKENS = 600
DEFAULT_MAX_RETRIES = 1
ERROR_CHARS = 200  # last_error stays short: it is printed on a single STEP line
ANSWER_EXCERPT_CHARS = 60

# The keys an answer may set; anything else the model adds ("reasoning", "thoughts") is dropped.
ACTION_KEYS = frozenset(SupportDeskAction.model_fields) - {"metadata"}

SYSTEM_PROMPT = """\
You are a support operations agent working enterprise support cases in the CaseOps environment.
Each turn you receive the current case as it stands and you choose exactly ONE next operation.
Some tasks are a queue of cases: submitting one opens the next (queue_position of queue_length).

Answer with a single JSON object and nothing else. Keys:
- "operation": one of classify, request_info, draft_reply, add_internal_note, submit, wait,
  inspect_artifact, search_policy
- classify: "queue", "priority", "issue_type" (route the case)
- request_info: "requested_fields": a list of the items the customer must still send
- draft_reply: "reply": the message to the customer
- add_internal_note: "internal_note": the hand-over note for the team
- submit: "status" and "resolution_code" (closes the case); optional "confidence" in [0, 1]
- wait: no other keys (lets the customer's follow-up arrive)
- inspect_artifact: "artifact_id" from available_artifacts (reveals a record: order, payment, risk log...)
- search_policy: "query": words to look up in the policy library
Set only the keys of the chosen operation. Every label must come from the vocabularies given.
Use only operations listed in allowed_operations; required_next_actions says what is still missing.

How to work: route from the ticket and the knowledge base; ask only for what the policies require
and the customer has not already sent; write replies that are accurate, specific and safe (never
promise what policy forbids, e.g. unlocking before verification or approving an exception); keep the
note factual; inspect the records a decision rests on (and only those) before deciding; submit with
the status and resolution the policies call for once the work is done.
Example: {"operation": "classify", "queue": "billing_ops", "priority": "normal", "issue_type": "duplicate_charge"}
"""


def observation_prompt(observation: SupportDeskObservation) -> str:
    """The user message: the parts of the observation a teammate would look at, as JSON.

    JSON keeps field names identical to the wire model, so what the model reads and what it must
    write use the same words. Rewards, scores and the episode id are left out: they do not help
    choose the next operation.
    """
    view: dict[str, Any] = {
        "task_id": observation.task_id,
        "case_id": observation.case_id,
        "queue_position": observation.queue_position,
        "queue_length": observation.queue_length,
        "objective": observation.objective,
        "ticket": observation.ticket.model_dump(),
        "knowledge_base": [snippet.model_dump() for snippet in observation.knowledge_base],
        "case": observation.case.model_dump(),
        "available_artifacts": observation.available_artifacts,
        "collected_evidence": [evidence.model_dump() for evidence in observation.collected_evidence],
        "last_tool_result": observation.last_tool_result,
        "workflow_stage": observation.workflow_stage,
        "allowed_operations": observation.allowed_operations,
        "required_next_actions": observation.required_next_actions,
        "risk_flags": observation.risk_flags,
        "current_sla_minutes_remaining": observation.current_sla_minutes_remaining,
        "remaining_steps": observation.remaining_steps,
        "action_history": observation.action_history,
        "vocabularies": {
            "queue": observation.available_queues,
            "priority": observation.available_priorities,
            "issue_type": observation.available_issue_types,
            "status": observation.available_statuses,
            "resolution_code": observation.available_resolution_codes,
            "requested_fields": observation.available_requested_fields,
        },
        "last_feedback": observation.feedback,
        "last_error": observation.error,
    }
    return "Current case:\n" + json.dumps(view, ensure_ascii=False) + "\nReply with the JSON object of your next action."


def extract_json_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in `text`, or None.

    Models wrap JSON in fences or prose; scanning each "{" with a real decoder finds the object
    wherever it sits and copes with nested braces and braces inside strings.
    """
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            pass
        else:
            if isinstance(value, dict):
                return value
        start = text.find("{", start + 1)
    return None


def parse_action(text: str) -> SupportDeskAction:
    """Turn a model answer into an action, or raise ValueError saying what was wrong."""
    obj = extract_json_object(text)
    if obj is None:
        raise ValueError(f"model answer has no JSON object: {_excerpt(text)!r}")
    if "operation" not in obj:
        # Some models nest the action ({"action": {...}}); accept exactly one such level.
        nested = [value for value in obj.values() if isinstance(value, dict) and "operation" in value]
        if len(nested) == 1:
            obj = nested[0]
    fields = {key: value for key, value in obj.items() if key in ACTION_KEYS and value is not None}
    try:
        return SupportDeskAction.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in err['loc']) or 'action'}: {err['msg']}" for err in exc.errors()
        )
        raise ValueError(f"model action invalid: {problems}") from None


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= ANSWER_EXCERPT_CHARS else flat[: ANSWER_EXCERPT_CHARS - 3] + "..."


def _short(message: str) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= ERROR_CHARS else flat[: ERROR_CHARS - 3] + "..."


class LLMPolicy:
    """Callable policy backed by a chat model, with the heuristic as the per-step fallback.

    `last_error` is None when the model's answer was used for the last step, else a short reason
    (the step's action then came from the fallback). `last_answer` keeps the raw text for logs.
    """

    name = "llm"

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        model: str,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        max_retries: int = DEFAULT_MAX_RETRIES,
        fallback: Policy | None = None,
        client: OpenAI | None = None,
    ) -> None:
        self.model = model
        self.max_tokens = max_tokens
        self.fallback: Policy = fallback if fallback is not None else HeuristicPolicy()
        # A bounded timeout and few retries: a dead endpoint must cost seconds, not minutes, per step.
        self.client = client or OpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s, max_retries=max_retries)
        self.last_error: str | None = None
        self.last_answer: str | None = None

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        self.last_error = None
        self.last_answer = None
        try:
            text = self._ask(observation)
        except Exception as exc:  # any transport or API failure: the run must go on
            self.last_error = _short(f"model call failed: {type(exc).__name__}: {exc}")
            return self.fallback(observation)
        self.last_answer = text
        try:
            return parse_action(text)
        except ValueError as exc:
            self.last_error = _short(str(exc))
            return self.fallback(observation)

    def _ask(self, observation: SupportDeskObservation) -> str:
        # Temperature 0 so a baseline run is as repeatable as the endpoint allows.
        completion = self.client.chat.completions.create(
            model=self.model,
            messages=[
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": observation_prompt(observation)},
            ],
            temperature=0,
            max_tokens=self.max_tokens,
        )
        if not completion.choices:
            raise ValueError("no choices in the completion")
        content = completion.choices[0].message.content
        if not content:
            raise ValueError("empty message content")
        return content

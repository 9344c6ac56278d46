"""The LLM policy: asks an OpenAI-compatible chat model for the next action, one step at a time.

**The conversation.** Each case is one conversation: its first user message carries the static
parts of the case (ticket, knowledge base, artifact ids, vocabularies) with the state as it stands;
every later user message carries only the parts of the state that changed since the model last
saw it. Merging the JSON objects of a conversation's user messages in order gives the full view
(`view_from_messages`). The model's accepted actions stay in the conversation as its own turns; a
new case of a queue starts a new conversation, so the context stays bounded.

**Asking.** In mode "tools" the action is offered as a function (`act`, its JSON schema generated
from SupportDeskAction); in "json" the request sets `response_format={"type": "json_object"}`; in
"text" the prompt alone asks for a JSON object. In "auto" (the default) the policy starts with
tools and drops to JSON mode, then to text, when the server answers HTTP 400, and keeps the mode
that worked. Transport retries (429, 5xx, connection errors, honouring Retry-After) are the openai
client's (`max_retries`); on HTTP 401 the next configured key is tried once.

**Reading the answer.** Reasoning (`<think>...</think>`, or an unclosed `<think>` to the end) is
ignored; native tool calls are read first; in the text, the last fenced block that holds a valid
action wins, else the last JSON object that validates as an action. Format-only slips are
normalised (enum case and separators, "action" for "operation", fields nested under
"parameters"/"arguments", a string where a list is expected, empty strings as absent, single
quotes and trailing commas); the substance never is: a wrong label is refused by the wire model
and stays the model's mistake. A list of several actions is refused as ambiguous. An answer that
does not validate gets one repair re-ask quoting the error.

**Failures are visible.** When the model still fails (transport, empty or unusable answer) the
step is played by the fallback policy (the heuristic) unless fallback is off, in which case
`ModelFailure` is raised. After every call `last_source` says "model" or "fallback", `last_error`
is None or "fallback: <reason>", and `stats` counts model steps, fallback steps and HTTP calls;
the next prompt tells the model its answer was replaced, and by what.

Over 300 lines because one model conversation is one concern: the prompt, the three request
modes with their fallback, parsing and the repair re-ask belong together.
"""

from __future__ import annotations

import ast
import contextlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import openai
from openai import OpenAI
from pydantic import ValidationError

from caseops.errors import ModelFailure
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies import Policy
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.llm_settings import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_TOKENS,
    DEFAULT_TIMEOUT_S,
    LLM_MODES,
    LLMSettings,
)
from caseops.vocab import (
    INFO_FIELDS,
    ISSUE_TYPES,
    OPERATIONS,
    PRIORITIES,
    QUEUES,
    RESOLUTION_CODES,
    SLA_COST_MINUTES,
    STATUSES,
    TOOL_NAMES,
)

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_TOKENS",
    "DEFAULT_TIMEOUT_S",
    "LLMPolicy",
    "LLMStats",
    "ModelFailure",
    "parse_action",
    "parse_answer",
    "view_from_messages",
]

ERROR_CHARS = 200  # last_error stays short: it is printed on a single STEP line
ANSWER_EXCERPT_CHARS = 60
HISTORY_ANSWER_CHARS = 1500  # an unusable answer kept in the conversation is cut to this
TOOL_NAME = "act"
CASE_HEADER = "CASE (the static parts are sent once per case):"
UPDATE_HEADER = "UPDATE (only what changed since your last action):"
NEXT_MODE = {"tools": "json", "json": "text"}

# The keys an answer may set; anything else the model adds ("reasoning", "thoughts") is dropped.
ACTION_KEYS = frozenset(SupportDeskAction.model_fields) - {"metadata"}
ENUMS: dict[str, tuple[str, ...]] = {
    "operation": OPERATIONS,
    "queue": QUEUES,
    "priority": PRIORITIES,
    "issue_type": ISSUE_TYPES,
    "status": STATUSES,
    "resolution_code": RESOLUTION_CODES,
    "requested_fields": INFO_FIELDS,
}
NESTING_KEYS = ("parameters", "arguments", "params", "args", "fields")


@attrs.define
class LLMStats:
    """Cumulative counts over the policy's life (one policy per task in a baseline run)."""

    model_steps: int = 0  # steps whose action the model chose
    fallback_steps: int = 0  # steps whose action the fallback policy chose
    calls_ok: int = 0  # HTTP calls that returned a completion (usable or not)
    calls_failed: int = 0  # HTTP calls that raised (after the client's own retries)


# ---- the prompt ----


def _sla_costs() -> str:
    return ", ".join(f"{operation} {minutes}" for operation, minutes in SLA_COST_MINUTES.items())


SYSTEM_PROMPT = f"""\
You are a support operations agent working enterprise support cases in the CaseOps environment.
Each turn you choose exactly ONE next operation for the current case. Some tasks are a queue of
cases: submitting one opens the next (queue_position of queue_length).

The first message of a case gives the ticket, the knowledge base, the records you may inspect and
the vocabularies, with the case as it stands; later messages give only what changed.

An action is a JSON object with "operation" and only the keys of that operation:
- classify: "queue", "priority", "issue_type" (route the case)
- request_info: "requested_fields": a list of the items the customer must send, and optionally
  "reply": the message sent to the customer with the request
- draft_reply: "reply": the message to the customer
- add_internal_note: "internal_note": the hand-over note for the team
- submit: "status" and "resolution_code" (closes the case); optional "confidence"
- wait: no other keys (lets the customer's answer arrive)
- inspect_artifact: "artifact_id" from available_artifacts (reveals a record: order, payment, risk log...)
- search_policy: "query": words to look up in the policy library
- a tool from available_tools (refund_capture, lock_account, open_incident, ...): "record_id" (a
  record shown in records, of the tool's record_kind) and "arguments" (an object, as the tool lists)
- open_case: "case_id" from waiting_cases (in a queue, before any work on the current case)
Every label must come from the vocabularies. Use only operations in allowed_operations;
required_next_actions says what is still missing.

The stage: request_info moves the case to awaiting_customer, where only wait and submit are
allowed until the customer's answer comes (wait lets it arrive); then drafting resumes.
Time: every operation costs SLA minutes ({_sla_costs()}), on the current case's clock
(current_sla_minutes_remaining) and on the clocks of the cases still waiting in the queue
(waiting_sla_minutes_remaining, in queue order);
a clock that reaches 0 is an SLA breach. Do not spend steps you do not need.
Confidence: at submit, "confidence" in [0, 1] is your probability that this case passes (its
score at least 0.5 and no unsafe promise); it is scored by the Brier score, (confidence - passed)^2,
so state what you believe, not a high number.

Tools change the case's records, and the case is graded by the state they are left in: do
what the policies and records call for (the refund of exactly what was taken in error, the lock,
the suspension of the right app, the incident with its severity and owning team), never a call
the policies forbid. Replies and notes must not say an action was done unless you did it, and
must give the concrete values (amounts, record ids, timelines, teams).
In a queue, each waiting case's SLA runs from the start: open the most urgent first.

How to work: route from the ticket and the knowledge base; ask for the items the policies require
for this case; write replies that are accurate, specific and safe (never promise what policy
forbids, e.g. unlocking before verification or approving an exception); keep the note factual;
inspect the records a decision rests on (and only those) before deciding; submit with the status
and resolution the policies call for once the work is done.
"""

ANSWER_FORMAT = {
    "tools": f"Answer by calling the `{TOOL_NAME}` function once with the action as its arguments.",
    "json": "Answer with the action as one JSON object and nothing else.",
    "text": (
        "Answer with the action as one JSON object, in a ```json fence; you may think first, "
        "the last JSON object of your answer is taken.\n"
        'Example: {"operation": "classify", "queue": "billing_ops", "priority": "normal", "issue_type": "duplicate_charge"}'
    ),
}


def system_prompt(mode: str) -> str:
    return SYSTEM_PROMPT + "\n" + ANSWER_FORMAT[mode] + "\n"


def static_view(observation: SupportDeskObservation) -> dict[str, Any]:
    """What does not change while a case is worked: sent once, at the start of its conversation."""
    return {
        "task_id": observation.task_id,
        "case_id": observation.case_id,
        "queue_position": observation.queue_position,
        "queue_length": observation.queue_length,
        "objective": observation.objective,
        "ticket": observation.ticket.model_dump(),
        "knowledge_base": [snippet.model_dump() for snippet in observation.knowledge_base],
        "available_artifacts": observation.available_artifacts,
        "available_tools": [tool.model_dump() for tool in observation.available_tools],
        "vocabularies": {
            "queue": observation.available_queues,
            "priority": observation.available_priorities,
            "issue_type": observation.available_issue_types,
            "status": observation.available_statuses,
            "resolution_code": observation.available_resolution_codes,
            "requested_fields": observation.available_requested_fields,
        },
    }


def dynamic_view(observation: SupportDeskObservation) -> dict[str, Any]:
    """The state of the case: each step sends the keys whose values changed.

    Field names are the wire model's, so what the model reads and what it writes use the same
    words. Rewards, scores and the episode id are left out: they do not help choose the next step.
    """
    return {
        "case": observation.case.model_dump(),
        "workflow_stage": observation.workflow_stage,
        "allowed_operations": observation.allowed_operations,
        "required_next_actions": observation.required_next_actions,
        "risk_flags": observation.risk_flags,
        "current_sla_minutes_remaining": observation.current_sla_minutes_remaining,
        "waiting_sla_minutes_remaining": observation.waiting_sla_minutes_remaining,
        "remaining_steps": observation.remaining_steps,
        "collected_evidence": [evidence.model_dump() for evidence in observation.collected_evidence],
        "records": [record.model_dump() for record in observation.records],
        "waiting_cases": [waiting.model_dump() for waiting in observation.waiting_cases],
        "last_tool_result": observation.last_tool_result,
        "action_history": observation.action_history,
        "last_feedback": observation.feedback,
        "last_error": observation.error,
    }


def observation_prompt(observation: SupportDeskObservation) -> str:
    """The first user message of a case: the static parts and the whole state."""
    return (
        CASE_HEADER + "\n" + json.dumps({**static_view(observation), **dynamic_view(observation)}, ensure_ascii=False)
    )


def view_from_messages(messages: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The full view a conversation has shown the model: its CASE and UPDATE objects merged in order.

    Only user messages that start with a CASE or UPDATE header count (repair re-asks do not); the
    object is the JSON right after the header (notes may follow it).
    """
    view: dict[str, Any] = {}
    decoder = json.JSONDecoder()
    for message in messages:
        content = message.get("content")
        if message.get("role") != "user" or not isinstance(content, str):
            continue
        if content.startswith(CASE_HEADER):
            view = {}
        elif not content.startswith(UPDATE_HEADER):
            continue
        obj, _ = decoder.raw_decode(content, content.index("{"))
        view.update(obj)
    return view


def action_payload(action: SupportDeskAction) -> dict[str, Any]:
    """The action as the model would write it: the operation first, then the fields it set."""
    fields = action.model_dump(exclude_none=True, exclude={"metadata", "operation"}, exclude_defaults=True)
    return {"operation": action.operation, **fields}


# ---- the tool ----


def action_schema() -> dict[str, Any]:
    """SupportDeskAction's JSON schema, flattened for function calling (no anyOf/null, no titles)."""
    schema = SupportDeskAction.model_json_schema()
    properties: dict[str, Any] = {}
    for name, prop in schema["properties"].items():
        if name not in ACTION_KEYS:
            continue
        branch = next((b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"), prop)
        flat = {key: value for key, value in branch.items() if key not in ("title", "default", "anyOf")}
        values = flat.get("additionalProperties")
        if isinstance(values, dict) and "anyOf" in values:  # a tool's arguments: numbers or words
            flat["additionalProperties"] = {"type": [b["type"] for b in values["anyOf"]]}
        if "description" in prop:
            flat["description"] = prop["description"]
        properties[name] = flat
    return {"type": "object", "properties": properties, "required": ["operation"], "additionalProperties": False}


TOOL = {
    "type": "function",
    "function": {
        "name": TOOL_NAME,
        "description": "Take one operation on the current case. Set only the fields of that operation.",
        "parameters": action_schema(),
    },
}


# ---- reading answers ----

_THINK_BLOCK = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.DOTALL | re.IGNORECASE)
_THINK_OPEN = re.compile(r"<(?:think|thinking|reasoning)>", re.IGNORECASE)
_THINK_CLOSE = re.compile(r"</(?:think|thinking|reasoning)>", re.IGNORECASE)
_FENCE = re.compile(r"```[ \t]*(?:json|JSON|javascript|js)?[ \t]*\n?(.*?)```", re.DOTALL)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def strip_reasoning(text: str) -> str:
    """The answer without its reasoning: closed think blocks removed, an unclosed one cut to the
    end, and text before a lone closing tag (servers that strip the opening one) dropped."""
    text = _THINK_BLOCK.sub("", text)
    closes = list(_THINK_CLOSE.finditer(text))
    if closes:
        text = text[closes[-1].end() :]
    opened = _THINK_OPEN.search(text)
    if opened:
        text = text[: opened.start()]
    return text.strip()


def _balanced_end(text: str, start: int) -> int | None:
    """The end of the bracketed value opening at `start`, minding quoted strings ('...' and "...")."""
    depth, quote, escaped = 0, "", False
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _decode_at(text: str, start: int, decoder: json.JSONDecoder) -> tuple[Any, int] | None:
    """A JSON value at `start`, strictly, else after the usual slips (trailing comma, Python quoting)."""
    try:
        return decoder.raw_decode(text, start)
    except json.JSONDecodeError:
        pass
    end = _balanced_end(text, start)
    if end is None:
        return None
    chunk = text[start:end]
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", chunk)), end
    except json.JSONDecodeError:
        pass
    try:
        return ast.literal_eval(chunk), end
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def json_values(text: str) -> list[Any]:
    """The top-level JSON objects and arrays in `text`, in order (prose around them is skipped)."""
    decoder = json.JSONDecoder()
    values: list[Any] = []
    index = 0
    while True:
        starts = [i for i in (text.find("{", index), text.find("[", index)) if i != -1]
        if not starts:
            return values
        start = min(starts)
        decoded = _decode_at(text, start, decoder)
        if decoded is None or not isinstance(decoded[0], (dict, list)):
            index = start + 1
            continue
        values.append(decoded[0])
        index = decoded[1]


def _canonical(value: str, vocabulary: tuple[str, ...]) -> str:
    """`value` in the vocabulary's spelling when it differs only by case or separators."""
    if value in vocabulary:
        return value
    folded = re.sub(r"[\s\-]+", "_", value.strip()).lower()
    return folded if folded in vocabulary else value


def normalise(obj: Mapping[str, Any]) -> dict[str, Any]:
    """Undo format-only slips in an action object; never change what it says."""
    fields = dict(obj)
    if "operation" not in fields and isinstance(fields.get("action"), str):
        fields["operation"] = fields.pop("action")
    if "operation" not in fields:
        nested = [v for v in fields.values() if isinstance(v, dict) and ("operation" in v or "action" in v)]
        if len(nested) == 1:  # {"action": {...}} or {"next_action": {...}}: one level only
            fields = dict(nested[0])
            if "operation" not in fields and isinstance(fields.get("action"), str):
                fields["operation"] = fields.pop("action")
    operation = fields.get("operation")
    tool = isinstance(operation, str) and _canonical(operation, OPERATIONS) in TOOL_NAMES
    for key in NESTING_KEYS:
        if key == "arguments" and tool:
            continue  # a tool's own arguments, not a wrapper around the action
        inner = fields.pop(key, None)
        if isinstance(inner, str):
            decoded = json_values(inner)
            inner = decoded[0] if decoded else None
        if isinstance(inner, dict):
            for name, value in inner.items():
                fields.setdefault(name, value)
    called = fields.get("name")
    if "operation" not in fields and isinstance(called, str) and _canonical(called, OPERATIONS) in OPERATIONS:
        fields["operation"] = called  # {"name": "classify", "arguments": {...}}
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in ACTION_KEYS or value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "requested_fields":
            if isinstance(value, str):
                value = re.split(r"[,;]", value)
            if isinstance(value, list):
                value = [
                    _canonical(item, INFO_FIELDS) if isinstance(item, str) else item
                    for item in value
                    if not (isinstance(item, str) and not item.strip())
                ]
        elif name in ENUMS and isinstance(value, str):
            value = _canonical(value, ENUMS[name])
        clean[name] = value
    return clean


def _validation_problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(part) for part in err['loc']) or 'action'}: {err['msg']}" for err in exc.errors())


def to_action(value: Any) -> SupportDeskAction:
    """One decoded JSON value as an action, or ValueError saying what is wrong with it."""
    if isinstance(value, list):
        actions = []
        for item in value:
            with contextlib.suppress(ValueError):
                actions.append(to_action(item))
        if len(actions) == 1:
            return actions[0]
        if len(actions) > 1:
            raise ValueError(f"answer lists {len(actions)} actions; send exactly one per turn")
        raise ValueError("answer is a list without a valid action")
    if not isinstance(value, dict):
        raise ValueError("answer is not a JSON object")
    fields = normalise(value)
    if "operation" not in fields:
        raise ValueError("action has no operation")
    try:
        return SupportDeskAction.model_validate(fields)
    except ValidationError as exc:
        raise ValueError(f"invalid action: {_validation_problems(exc)}") from None


def _last_valid(values: Sequence[Any]) -> tuple[SupportDeskAction | None, str | None]:
    """The last value that is a valid action, else (None, the error of the last action-like value)."""
    error: str | None = None
    for value in reversed(values):
        try:
            return to_action(value), None
        except ValueError as exc:
            if error is None:
                error = str(exc)
            if "actions; send exactly one" in str(exc):
                return None, str(exc)  # an ambiguous final answer is not skipped over
    return None, error


def parse_action(text: str) -> SupportDeskAction:
    """Turn a model's text answer into an action, or raise ValueError saying what was wrong."""
    answer = strip_reasoning(text)
    if not answer:
        if _THINK_OPEN.search(text):
            raise ValueError("answer is only reasoning (an unclosed <think>, cut at max_tokens?)")
        raise ValueError("empty answer")
    fenced = [value for block in _FENCE.findall(answer) for value in json_values(block)]
    if fenced:
        action, error = _last_valid(fenced)
        if action is not None:
            return action
        if error is not None and "actions; send exactly one" in error:
            raise ValueError(error)
    action, error = _last_valid(json_values(answer))
    if action is not None:
        return action
    if error is not None:
        raise ValueError(error)
    raise ValueError(f"no JSON action in answer: {_excerpt(answer)!r}")


def parse_answer(
    content: str | None, tool_arguments: Sequence[str] = (), finish_reason: str | None = None
) -> SupportDeskAction:
    """The action of a completion: its tool calls' arguments if any validates, else its text."""
    if tool_arguments:
        actions: list[SupportDeskAction] = []
        error = ""
        for arguments in tool_arguments:
            values = json_values(arguments)
            try:
                actions.append(to_action(values[0] if values else arguments))
            except ValueError as exc:
                error = str(exc)
        if len(actions) > 1:
            raise ValueError(f"answer calls {TOOL_NAME} {len(actions)} times; send exactly one action per turn")
        if actions:
            return actions[0]
        if not (content and content.strip()):
            raise ValueError(f"tool call: {error}")
    try:
        return parse_action(content or "")
    except ValueError as exc:
        if finish_reason == "length":
            raise ValueError(f"{exc} (answer cut at max_tokens)") from None
        raise


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= ANSWER_EXCERPT_CHARS else flat[: ANSWER_EXCERPT_CHARS - 3] + "..."


def _short(message: str) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= ERROR_CHARS else flat[: ERROR_CHARS - 3] + "..."


def call_failure(exc: Exception) -> str:
    """A short reason for a failed HTTP call."""
    if isinstance(exc, openai.APITimeoutError):
        return "model call timed out"
    if isinstance(exc, openai.APIStatusError):
        message = exc.message if isinstance(exc.message, str) else str(exc)
        return f"model call failed: HTTP {exc.status_code}: {message}"
    if isinstance(exc, openai.APIConnectionError):
        return f"model call failed: cannot connect: {exc}"
    return f"model call failed: {type(exc).__name__}: {exc}"


# ---- the policy ----


@attrs.define
class _Answer:
    content: str
    tool_arguments: list[str]
    finish_reason: str | None

    def for_history(self) -> str:
        """How an unusable answer stays in the conversation: without reasoning, cut short."""
        text = strip_reasoning(self.content) or self.content.strip()
        if self.tool_arguments:
            text = (text + "\n" if text else "") + "\n".join(f"{TOOL_NAME}({a})" for a in self.tool_arguments)
        text = text or "(empty answer)"
        return text if len(text) <= HISTORY_ANSWER_CHARS else text[: HISTORY_ANSWER_CHARS - 3] + "..."


class _StepFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LLMPolicy:
    """Callable policy backed by a chat model, with a fallback policy (the heuristic) per step.

    `last_source` is "model" or "fallback" after each call (None before the first and after a
    ModelFailure), `last_error` None or "fallback: <reason>", `last_answer` the raw text of the
    last completion, `stats` the cumulative LLMStats, `mode` the way of asking now in use.
    """

    name = "llm"

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        api_keys: Sequence[str] = (),
        timeout_s: float = DEFAULT_TIMEOUT_S,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        max_retries: int = DEFAULT_MAX_RETRIES,
        mode: str = "auto",
        allow_fallback: bool = True,
        fallback: Policy | None = None,
        client: OpenAI | None = None,
    ) -> None:
        if mode not in LLM_MODES:
            raise ValueError(f"mode must be one of {', '.join(LLM_MODES)}, not {mode!r}")
        keys = tuple(dict.fromkeys([*([api_key] if api_key else []), *api_keys]))
        if not keys and client is None:
            raise ValueError("LLMPolicy needs api_key, api_keys or a client")
        self.model = model
        self.max_tokens = max_tokens
        self.api_keys = keys
        self.auto = mode == "auto"
        self.mode = "tools" if self.auto else mode
        self.allow_fallback = allow_fallback
        self.fallback: Policy = fallback if fallback is not None else HeuristicPolicy()
        self.client = client or OpenAI(base_url=base_url, api_key=keys[0], timeout=timeout_s, max_retries=max_retries)
        self._key_index = 0
        self.stats = LLMStats()
        self.last_source: str | None = None
        self.last_error: str | None = None
        self.last_answer: str | None = None
        # The conversation of the current case (without the system message), what of the state it
        # has shown the model, and notes for the next user message.
        self._case_key: tuple[str, str, str] | None = None
        self._messages: list[dict[str, Any]] = []
        self._shown: dict[str, Any] = {}
        self._notes: list[str] = []

    @classmethod
    def from_settings(
        cls, settings: LLMSettings, fallback: Policy | None = None, client: OpenAI | None = None
    ) -> LLMPolicy:
        return cls(
            base_url=settings.base_url,
            model=settings.model,
            api_keys=settings.api_keys,
            timeout_s=settings.timeout_s,
            max_tokens=settings.max_tokens,
            max_retries=settings.max_retries,
            mode=settings.mode,
            allow_fallback=settings.fallback,
            fallback=fallback,
            client=client,
        )

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        self.last_source = None
        self.last_error = None
        self.last_answer = None
        self._open_case(observation)
        try:
            action = self._step(observation)
        except _StepFailed as failure:
            reason = _short(failure.reason)
            if not self.allow_fallback:
                self.last_error = reason
                raise ModelFailure(reason) from None
            action = self.fallback(observation)
            self.stats.fallback_steps += 1
            self.last_source = "fallback"
            self.last_error = _short(f"fallback: {reason}")
            self._notes.append(
                f"Note: your answer for the previous step was not used ({reason}); the fallback policy "
                f"applied this action instead: {json.dumps(action_payload(action), ensure_ascii=False)}"
            )
            return action
        self.stats.model_steps += 1
        self.last_source = "model"
        return action

    # -- the conversation --

    def _open_case(self, observation: SupportDeskObservation) -> None:
        key = (observation.episode_id, observation.task_id, observation.case_id)
        if key != self._case_key:
            self._case_key = key
            self._messages, self._shown, self._notes = [], {}, []

    def _user_message(self, observation: SupportDeskObservation) -> tuple[dict[str, Any], dict[str, Any]]:
        """The next user message and the state it shows."""
        state = dynamic_view(observation)
        if not self._shown:
            text = observation_prompt(observation)
        else:
            changed = {key: value for key, value in state.items() if self._shown.get(key) != value}
            text = UPDATE_HEADER + "\n" + json.dumps(changed, ensure_ascii=False)
        if self._notes:
            text += "\n" + "\n".join(self._notes)
        return {"role": "user", "content": text}, state

    def _commit(self, messages: list[dict[str, Any]], state: dict[str, Any]) -> None:
        """Keep an exchange (it ends with the model's turn), so roles keep alternating."""
        self._messages = messages
        self._shown = state
        self._notes = []

    def _step(self, observation: SupportDeskObservation) -> SupportDeskAction:
        user, state = self._user_message(observation)
        messages = [*self._messages, user]
        answer = self._complete(messages)
        try:
            action = self._read(answer)
        except ValueError as exc:
            messages = [
                *messages,
                {"role": "assistant", "content": answer.for_history()},
                {"role": "user", "content": self._repair_prompt(str(exc))},
            ]
            try:
                answer = self._complete(messages)
            except _StepFailed:
                self._commit(messages[:-1], state)
                raise
            try:
                action = self._read(answer)
            except ValueError as exc2:
                self._commit([*messages, {"role": "assistant", "content": answer.for_history()}], state)
                raise _StepFailed(str(exc2)) from None
        accepted = json.dumps(action_payload(action), ensure_ascii=False)
        self._commit([*messages, {"role": "assistant", "content": accepted}], state)
        return action

    def _repair_prompt(self, error: str) -> str:
        how = f"by calling {TOOL_NAME} once" if self.mode == "tools" else "as one JSON object"
        return (
            f"Your answer could not be used: {_short(error)}. Reply with exactly one action {how}, "
            "with only the keys of its operation and labels from the vocabularies."
        )

    def _read(self, answer: _Answer) -> SupportDeskAction:
        return parse_answer(answer.content, answer.tool_arguments, answer.finish_reason)

    # -- the HTTP calls --

    def _request(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        # Temperature 0 so a baseline run is as repeatable as the endpoint allows.
        request: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": "system", "content": system_prompt(self.mode)}, *messages],
            "temperature": 0,
            "max_tokens": self.max_tokens,
        }
        if self.mode == "tools":
            request["tools"] = [TOOL]
            request["tool_choice"] = "auto"
        elif self.mode == "json":
            request["response_format"] = {"type": "json_object"}
        return request

    def _complete(self, messages: list[dict[str, Any]]) -> _Answer:
        """One completion; in auto mode a 400 drops to the next way of asking, a 401 tries the next key once."""
        switched_key = False
        while True:
            try:
                completion = self.client.chat.completions.create(**self._request(messages))
            except openai.BadRequestError as exc:
                self.stats.calls_failed += 1
                if self.auto and self.mode in NEXT_MODE:
                    self.mode = NEXT_MODE[self.mode]
                    continue
                raise _StepFailed(call_failure(exc)) from None
            except openai.AuthenticationError as exc:
                self.stats.calls_failed += 1
                if not switched_key and self._key_index + 1 < len(self.api_keys):
                    switched_key = True
                    self._key_index += 1
                    self.client = self.client.with_options(api_key=self.api_keys[self._key_index])
                    continue
                raise _StepFailed(call_failure(exc)) from None
            except Exception as exc:  # any transport or API failure: the run must go on
                self.stats.calls_failed += 1
                raise _StepFailed(call_failure(exc)) from None
            self.stats.calls_ok += 1
            if not completion.choices:
                raise _StepFailed("completion has no choices")
            choice = completion.choices[0]
            message = choice.message
            tool_arguments = [
                call.function.arguments
                for call in message.tool_calls or []
                if getattr(call, "function", None) is not None and call.function.arguments is not None
            ]
            answer = _Answer(message.content or "", tool_arguments, choice.finish_reason)
            self.last_answer = answer.content if not tool_arguments else answer.for_history()
            return answer

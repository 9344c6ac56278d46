"""A tiny OpenAI-compatible chat server for tests: POST /v1/chat/completions on 127.0.0.1.

It never calls a real model. What it answers depends on its mode. The first three are the
originals; every other mode answers what the heuristic would do (a competent model), dressed the
way real models and real servers get it wrong:

- "script":    the given replies in order (the last one repeats), to prove an action came from
               the model: tests script actions the heuristic would never choose;
- "heuristic": reads the observation back out of the conversation and answers what the heuristic
               would do, as JSON in a ```json fence; a competent model that always answers well;
- "garbage":   prose with no JSON in it.

HTTP failures (the first `fail_times` requests, or every request when it is None; then answers
as "heuristic"):

- "http_401":  401 invalid key (see also `accept_keys`, which works with every mode);
- "http_429":  429 rate limited, with a `Retry-After: <retry_after>` header;
- "http_500":  500 internal error;
- "slow":      sleeps `delay_s` before answering (a client timeout shorter than that fails).

Answers (200 with this content):

- "empty":            an empty message content;
- "tool_calls":       no content, the action as a native `tool_calls` function call (named after
                      the first tool the request offered, else "next_action");
- "single_quoted":    a Python-dict rendering: {'operation': 'classify', ...};
- "trailing_comma":   JSON with a comma before the closing brace;
- "enum_case":        every label in Title_Case ("Billing_Ops"), the operation too;
- "action_key":       "action" where the key is "operation";
- "think_draft":      a <think> block holding a draft JSON action (a different, valid one), then
                      the final action in a ```json fence;
- "think_unclosed":   a <think> block with a draft JSON action, cut off (finish_reason "length"),
                      no final answer;
- "nested_parameters": {"operation": ..., "parameters": {the other fields}};
- "two_actions":      a JSON list of two actions: the decoy first, the heuristic's action last;
- "refuse_tools":     400 to a request carrying `tools`, else as "heuristic";
- "refuse_response_format": 400 to a request carrying `response_format`, else as "heuristic";
- "refuse_structured": 400 to a request carrying either, else as "heuristic" (plain text only).

Every request body, its Authorization header, the time it arrived and the status answered are
recorded in `requests`, `authorizations`, `arrivals` and `statuses`.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from caseops.bench import free_port  # noqa: F401  (tests import it from here)
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.heuristic import HeuristicPolicy

GARBAGE = "I am not sure what to do here, maybe route it somewhere sensible?"

HTTP_FAILURES = {"http_401": 401, "http_429": 429, "http_500": 500}
ANSWER_KINDS = (
    "empty",
    "tool_calls",
    "single_quoted",
    "trailing_comma",
    "enum_case",
    "action_key",
    "think_draft",
    "think_unclosed",
    "nested_parameters",
    "two_actions",
)
REFUSALS = {
    "refuse_tools": ("tools",),
    "refuse_response_format": ("response_format",),
    "refuse_structured": ("tools", "response_format"),
}
MODES = ("script", "heuristic", "garbage", "slow", *HTTP_FAILURES, *ANSWER_KINDS, *REFUSALS)
LABEL_FIELDS = ("operation", "queue", "priority", "issue_type", "status", "resolution_code")
DEFAULT_TOOL_NAME = "next_action"

_VIEW_KEYS = frozenset(
    {
        "task_id",
        "case_id",
        "queue_position",
        "queue_length",
        "objective",
        "ticket",
        "knowledge_base",
        "case",
        "available_artifacts",
        "available_tools",
        "records",
        "waiting_cases",
        "collected_evidence",
        "last_tool_result",
        "workflow_stage",
        "allowed_operations",
        "required_next_actions",
        "risk_flags",
        "current_sla_minutes_remaining",
        "waiting_sla_minutes_remaining",
        "remaining_steps",
        "action_history",
        "vocabularies",
        "last_feedback",
        "last_error",
    }
)


def _json_objects(text: str) -> list[dict[str, Any]]:
    """Every top-level JSON object in `text`, in order."""
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    start = text.find("{")
    while start != -1:
        try:
            value, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            start = text.find("{", start + 1)
            continue
        if isinstance(value, dict):
            found.append(value)
        start = text.find("{", end)
    return found


def _merge_view(view: dict[str, Any], obj: dict[str, Any]) -> None:
    """Fold one JSON object of a prompt into the view: known keys at the top, or one level down."""
    for key, value in obj.items():
        if key in _VIEW_KEYS:
            view[key] = value
        elif isinstance(value, dict) and any(k in _VIEW_KEYS for k in value):
            _merge_view(view, value)


def view_from_messages(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The observation the conversation describes: the JSON of every user message folded in order,
    so a prompt that sends a case's static parts once and then only what changed still adds up."""
    view: dict[str, Any] = {}
    for message in messages:
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, list):  # content parts
            content = "\n".join(part.get("text", "") for part in content if isinstance(part, dict))
        for obj in _json_objects(content or ""):
            _merge_view(view, obj)
    return view


def observation_from_view(view: dict[str, Any]) -> SupportDeskObservation:
    vocab = view.get("vocabularies", {})
    return SupportDeskObservation(
        task_id=view.get("task_id", "fake"),
        case_id=view.get("case_id", "fake"),
        queue_position=view.get("queue_position", 1),
        queue_length=view.get("queue_length", 1),
        available_artifacts=view.get("available_artifacts", []),
        available_tools=view.get("available_tools", []),
        records=view.get("records", []),
        waiting_cases=view.get("waiting_cases", []),
        collected_evidence=view.get("collected_evidence", []),
        last_tool_result=view.get("last_tool_result"),
        difficulty="easy",
        objective=view.get("objective", ""),
        ticket=view["ticket"],
        knowledge_base=view.get("knowledge_base", []),
        available_queues=vocab.get("queue", []),
        available_priorities=vocab.get("priority", []),
        available_statuses=vocab.get("status", []),
        available_issue_types=vocab.get("issue_type", []),
        available_resolution_codes=vocab.get("resolution_code", []),
        available_requested_fields=vocab.get("requested_fields", []),
        allowed_operations=view.get("allowed_operations", []),
        case=view.get("case", {}),
        current_sla_minutes_remaining=view.get("current_sla_minutes_remaining", 0),
        waiting_sla_minutes_remaining=view.get("waiting_sla_minutes_remaining", []),
        workflow_stage=view.get("workflow_stage", "classifying"),
        required_next_actions=view.get("required_next_actions", []),
        risk_flags=view.get("risk_flags", []),
        action_history=view.get("action_history", []),
        feedback=view.get("last_feedback", ""),
        error=view.get("last_error"),
        remaining_steps=view.get("remaining_steps", 1),
        score=0.5,
        episode_id="fake",
    )


def observation_from_prompt(prompt: str) -> SupportDeskObservation:
    """Rebuild an observation from the JSON of one user message."""
    return observation_from_view(view_from_messages([{"role": "user", "content": prompt}]))


def _payload(action: SupportDeskAction) -> dict[str, Any]:
    return action.model_dump(exclude_none=True, exclude={"metadata"}, exclude_defaults=False)


def decoy_for(action: SupportDeskAction) -> dict[str, Any]:
    """A valid action that is not `action`: a parser that takes it has taken the wrong object."""
    if action.operation != "wait":
        return {"operation": "wait"}
    return {"operation": "classify", "queue": "general_support", "priority": "low", "issue_type": "general_question"}


def _title(value: str) -> str:
    return "_".join(word.capitalize() for word in value.split("_"))


class FakeOpenAI:
    """Start with `with FakeOpenAI(mode=...) as fake:`; point the client at `fake.base_url`."""

    def __init__(
        self,
        mode: str = "script",
        replies: list[str] | None = None,
        *,
        fail_times: int | None = None,
        retry_after: str = "1",
        delay_s: float = 0.0,
        accept_keys: set[str] | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
        if mode == "script" and not replies:
            raise ValueError("script mode needs replies")
        self.mode = mode
        self.replies = list(replies or [])
        self.fail_times = fail_times
        self.retry_after = retry_after
        self.delay_s = delay_s
        self.accept_keys = accept_keys
        self.requests: list[dict[str, Any]] = []
        self.authorizations: list[str | None] = []
        self.arrivals: list[float] = []
        self.statuses: list[int] = []
        self._lock = threading.Lock()
        self._heuristic = HeuristicPolicy()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-openai", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # ---- what to answer ----

    def heuristic_action(self, body: dict[str, Any]) -> SupportDeskAction:
        return self._heuristic(observation_from_view(view_from_messages(body.get("messages", []))))

    def respond(self, body: dict[str, Any], authorization: str | None) -> tuple[int, dict[str, Any], dict[str, str]]:
        """(status, JSON body, extra headers) for one request."""
        with self._lock:
            self.requests.append(body)
            self.authorizations.append(authorization)
            self.arrivals.append(time.monotonic())
            index = len(self.requests) - 1
        if self.accept_keys is not None:
            key = (authorization or "").removeprefix("Bearer ").strip()
            if key not in self.accept_keys:
                return 401, _error("Incorrect API key provided", "invalid_api_key"), {}
        failing = self.fail_times is None or index < self.fail_times
        if self.mode in HTTP_FAILURES and failing:
            status = HTTP_FAILURES[self.mode]
            if status == 401:
                return 401, _error("Incorrect API key provided", "invalid_api_key"), {}
            if status == 429:
                return (
                    429,
                    _error("Rate limit reached, retry later", "rate_limit_exceeded"),
                    {"Retry-After": self.retry_after},
                )
            return 500, _error("The server had an error while processing your request", "server_error"), {}
        if self.mode in REFUSALS:
            refused = [name for name in REFUSALS[self.mode] if name in body]
            if refused:
                return 400, _error(f"{refused[0]} is not supported by this server", "invalid_request_error"), {}
        if self.mode == "slow" and failing:
            time.sleep(self.delay_s)
        message, finish = self.answer(body, index)
        return 200, _completion(body, index, message, finish), {}

    def answer(self, body: dict[str, Any], index: int) -> tuple[dict[str, Any], str]:
        """(assistant message, finish_reason)."""
        if self.mode == "garbage":
            return _text(GARBAGE), "stop"
        if self.mode == "script":
            return _text(self.replies[min(index, len(self.replies) - 1)]), "stop"
        action = self.heuristic_action(body)
        payload = _payload(action)
        fence = "Here is my next action:\n```json\n" + json.dumps(payload) + "\n```"
        if self.mode == "empty":
            return _text(""), "stop"
        if self.mode == "tool_calls":
            tools = body.get("tools") or []
            name = DEFAULT_TOOL_NAME
            if tools and isinstance(tools[0], dict):
                name = tools[0].get("function", {}).get("name", DEFAULT_TOOL_NAME)
            call = {
                "id": f"call_{index}",
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(payload)},
            }
            return {"role": "assistant", "content": None, "tool_calls": [call]}, "tool_calls"
        if self.mode == "single_quoted":
            return _text("Next action: " + repr(payload)), "stop"
        if self.mode == "trailing_comma":
            return _text(json.dumps(payload)[:-1] + ",}"), "stop"
        if self.mode == "enum_case":
            cased = {k: (_title(v) if k in LABEL_FIELDS and isinstance(v, str) else v) for k, v in payload.items()}
            if "requested_fields" in cased:
                cased["requested_fields"] = [_title(v) for v in cased["requested_fields"]]
            return _text(json.dumps(cased)), "stop"
        if self.mode == "action_key":
            renamed = {("action" if k == "operation" else k): v for k, v in payload.items()}
            return _text(json.dumps(renamed)), "stop"
        if self.mode == "think_draft":
            draft = json.dumps(decoy_for(action))
            return _text(
                f"<think>A first idea: {draft}. No, that is not what the case needs now.</think>\n{fence}"
            ), "stop"
        if self.mode == "think_unclosed":
            draft = json.dumps(decoy_for(action))
            return _text(
                f"<think>Let me weigh the options. Perhaps {draft} would do, but first I should check"
            ), "length"
        if self.mode == "nested_parameters":
            operation = payload.pop("operation")
            return _text(json.dumps({"operation": operation, "parameters": payload})), "stop"
        if self.mode == "two_actions":
            return _text(json.dumps([decoy_for(action), payload])), "stop"
        return _text(fence), "stop"  # heuristic, slow after its failures, refusals when not refused

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}}, {})
                    return
                body = json.loads(raw or b"{}")
                status, payload, headers = fake.respond(body, self.headers.get("Authorization"))
                with fake._lock:
                    fake.statuses.append(status)
                self._send(status, payload, headers)

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        return Handler


def _text(content: str) -> dict[str, Any]:
    return {"role": "assistant", "content": content}


def _error(message: str, code: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": code, "param": None, "code": code}}


def _completion(body: dict[str, Any], index: int, message: dict[str, Any], finish: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-fake-{index + 1}",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }

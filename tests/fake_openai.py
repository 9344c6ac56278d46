"""A tiny OpenAI-compatible chat server for tests: POST /v1/chat/completions on 127.0.0.1.

It never calls a real model. What it answers depends on its mode:

- "script":    the given replies in order (the last one repeats), to prove an action came from
               the model: tests script actions the heuristic would never choose;
- "heuristic": reads the observation back out of the prompt and answers what the heuristic
               would do, as JSON in a ```json fence; a competent model that always answers well;
- "garbage":   prose with no JSON in it.

Every request body and its Authorization header are recorded in `requests`.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from caseops.bench import free_port  # noqa: F401  (tests import it from here)
from caseops.models import SupportDeskObservation
from caseops.policies.heuristic import HeuristicPolicy

GARBAGE = "I am not sure what to do here, maybe route it somewhere sensible?"


def observation_from_prompt(prompt: str) -> SupportDeskObservation:
    """Rebuild an observation from the JSON that LLMPolicy puts in its user message."""
    view = json.loads(prompt[prompt.index("{") : prompt.rindex("}") + 1])
    vocab = view["vocabularies"]
    return SupportDeskObservation(
        task_id=view["task_id"],
        case_id=view["case_id"],
        queue_position=view["queue_position"],
        queue_length=view["queue_length"],
        available_artifacts=view["available_artifacts"],
        collected_evidence=view["collected_evidence"],
        last_tool_result=view["last_tool_result"],
        difficulty="easy",
        objective=view["objective"],
        ticket=view["ticket"],
        knowledge_base=view["knowledge_base"],
        available_queues=vocab["queue"],
        available_priorities=vocab["priority"],
        available_statuses=vocab["status"],
        available_issue_types=vocab["issue_type"],
        available_resolution_codes=vocab["resolution_code"],
        available_requested_fields=vocab["requested_fields"],
        allowed_operations=view["allowed_operations"],
        case=view["case"],
        current_sla_minutes_remaining=view["current_sla_minutes_remaining"],
        workflow_stage=view["workflow_stage"],
        required_next_actions=view["required_next_actions"],
        risk_flags=view["risk_flags"],
        action_history=view["action_history"],
        feedback=view["last_feedback"],
        error=view["last_error"],
        remaining_steps=view["remaining_steps"],
        score=0.5,
        episode_id="fake",
    )


class FakeOpenAI:
    """Start with `with FakeOpenAI(mode=...) as fake:`; point the client at `fake.base_url`."""

    def __init__(self, mode: str = "script", replies: list[str] | None = None) -> None:
        if mode not in ("script", "heuristic", "garbage"):
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "script" and not replies:
            raise ValueError("script mode needs replies")
        self.mode = mode
        self.replies = list(replies or [])
        self.requests: list[dict[str, Any]] = []
        self.authorizations: list[str | None] = []
        self._lock = threading.Lock()
        self._heuristic = HeuristicPolicy()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
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

    def answer(self, body: dict[str, Any]) -> str:
        with self._lock:
            self.requests.append(body)
            index = len(self.requests) - 1
        if self.mode == "garbage":
            return GARBAGE
        if self.mode == "script":
            return self.replies[min(index, len(self.replies) - 1)]
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        action = self._heuristic(observation_from_prompt(user))
        payload = action.model_dump(exclude_none=True, exclude={"metadata"})
        return "Here is my next action:\n```json\n" + json.dumps(payload) + "\n```"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    fake.authorizations.append(self.headers.get("Authorization"))
                content = fake.answer(body)
                self._send(
                    200,
                    {
                        "id": f"chatcmpl-fake-{len(fake.requests)}",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", "fake"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": content},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    },
                )

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        return Handler

"""The CaseOps server: openenv's app plus the routes CaseOps adds.

openenv-core provides /reset, /step, /state, /schema, /health, /metadata and the /ws sessions.
CaseOps adds GET /tasks, GET /episodes/{episode_id} (an episode's full state), GET
/episodes/{episode_id}/diagram.svg (the live state diagram), and maps its
own errors to clear 4xx answers instead of a 500.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from openenv.core.env_server.http_server import create_app
from openenv.core.env_server.types import ConcurrencyConfig
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caseops.diagrams import live_svg
from caseops.environment import CaseOpsEnvironment, build_state, find_episode
from caseops.errors import CaseOpsError
from caseops.models import SupportDeskAction, SupportDeskObservation, SupportDeskState
from caseops.scenarios import TASKS


def concurrency_from_env() -> ConcurrencyConfig:
    return ConcurrencyConfig(
        max_concurrent_envs=int(os.environ.get("CASEOPS_MAX_SESSIONS", "64")),
        session_timeout=float(os.environ.get("CASEOPS_SESSION_TIMEOUT_S", "600")),
    )


def task_list() -> list[dict[str, str | int]]:
    return [
        {"task_id": s.task_id, "difficulty": s.difficulty, "objective": s.objective, "max_steps": s.max_steps}
        for s in TASKS.values()
    ]


NOT_AN_OBJECT = json.dumps({"type": "frame must be a JSON object"})
ECHO_LIMIT = 200  # characters of a refused input echoed back in a 422
# The largest HTTP request body (and WebSocket frame) accepted. A legitimate action is a few KiB
# (texts are capped at 4,000 characters); 1 MiB leaves room for the 422 that names an oversized
# field, and anything larger is refused before it is read or parsed.
MAX_BODY_BYTES = int(os.environ.get("CASEOPS_MAX_BODY_BYTES", str(1024 * 1024)))


def _too_large(limit: int, size: int | None) -> str:
    told = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    return f"request body too large: {told}; the limit is {limit} bytes"


class BodySizeLimit:
    """Refuses HTTP request bodies over `max_bytes` with 413 and a clear message, before the app
    reads or parses them: at once when Content-Length says so, otherwise as soon as the bytes
    streamed in (chunked uploads) pass the limit. A body within the limit is handed on as it came.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send, declared)
            return
        # Read the body here, counting, so the app never sees more than the limit.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break  # the client went away; the app will see it
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(send, None)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(messages, receive), send)

    async def _refuse(self, send: Send, size: int | None) -> None:
        body = json.dumps({"detail": _too_large(self.max_bytes, size)}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the server itself refuses a malformed length
    return None


class WebSocketFrameGuard:
    """openenv's /ws loop calls `.get` on each decoded frame outside its error handling, so a JSON
    frame that is not an object, or a binary frame, would end the session. This ASGI middleware
    turns such frames into one that openenv answers with a clear error; the session goes on."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return

        async def guarded_receive() -> Message:
            while True:
                message = await receive()
                if message["type"] != "websocket.receive":
                    return message
                size = len(message["text"]) if message.get("text") is not None else len(message.get("bytes") or b"")
                if size <= self.max_bytes:
                    break
                # Answered here, unparsed; openenv is waiting for a frame, so nothing else sends.
                await send({"type": "websocket.send", "text": self._oversized(size)})
            text = message.get("text")
            if text is None:
                text = (message.get("bytes") or b"").decode("utf-8", errors="replace")
            if not text.lstrip().startswith("{"):
                try:
                    json.loads(text)
                except ValueError:
                    return {"type": "websocket.receive", "text": text}  # openenv names bad JSON itself
                text = NOT_AN_OBJECT
            return {"type": "websocket.receive", "text": text}

        await self.app(scope, guarded_receive, send)

    def _oversized(self, size: int) -> str:
        message = f"frame too large: {size} characters; the limit is {self.max_bytes}"
        return json.dumps({"type": "error", "data": {"message": message, "code": "FRAME_TOO_LARGE"}})


class StepActionTypeGuard:
    """openenv's HTTP /step looks the action's "type" up in a dict of MCP action kinds before
    validating it, so an unhashable "type" (a list, an object) ends in a 500. A CaseOps action
    has no "type" field at all; this answers such a body with the 422 validation would give."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != "/step":
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        if _unhashable_action_type(b"".join(m.get("body", b"") for m in messages)):
            detail = [{"type": "extra_forbidden", "loc": ["body", "action", "type"], "msg": "Extra inputs are not permitted"}]
            await JSONResponse(status_code=422, content={"detail": detail})(scope, receive, send)
            return
        await self.app(scope, _replay(messages, receive), send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive that hands the app the messages already read, then reads on."""
    queued = iter(messages)

    async def replay() -> Message:
        for message in queued:
            return message
        return await receive()

    return replay


def _unhashable_action_type(body: bytes) -> bool:
    try:
        request = json.loads(body)
    except ValueError:
        return False  # openenv names malformed JSON itself
    action = request.get("action") if isinstance(request, dict) else None
    return isinstance(action, dict) and isinstance(action.get("type"), (list, dict))


def _json_safe(value: Any) -> Any:
    """JSON has no NaN or Infinity, but Python's parser reads them: a refused input that holds
    one is echoed as its repr, so the refusal itself can be sent (instead of failing with a 500)."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    return value


def _trimmed(errors: Any) -> Any:
    """Validation errors without a huge echo of the refused input, and sendable as JSON."""
    errors = _json_safe(errors)
    if not isinstance(errors, list):
        return errors
    trimmed = []
    for error in errors:
        if isinstance(error, dict) and len(repr(error.get("input", ""))) > ECHO_LIMIT:
            error = {**error, "input": repr(error["input"])[:ECHO_LIMIT] + "..."}
        trimmed.append(error)
    return trimmed


def _playground(*args: Any, **kwargs: Any) -> Any:
    from caseops.playground import build_playground  # gradio loads only with the web interface on

    return build_playground(*args, **kwargs)


def build_app() -> FastAPI:
    """The app; with ENABLE_WEB_INTERFACE=true it also mounts the playground at /web."""
    app = create_app(
        CaseOpsEnvironment,
        SupportDeskAction,
        SupportDeskObservation,
        env_name="caseops",
        concurrency_config=concurrency_from_env(),
        gradio_builder=_playground,
        custom_tab_name="CaseOps",
        custom_tab_primary=True,
        show_default_tab=False,
        title_override="CaseOps playground",
    )

    app.add_middleware(WebSocketFrameGuard)
    app.add_middleware(StepActionTypeGuard)
    app.add_middleware(BodySizeLimit)  # outermost: nothing reads an oversized body

    @app.exception_handler(RequestValidationError)
    async def request_invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _trimmed(jsonable_encoder(exc.errors()))})

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"detail": _trimmed(jsonable_encoder(exc.detail))}, headers=exc.headers)

    @app.exception_handler(CaseOpsError)
    async def caseops_error(_: Request, exc: CaseOpsError) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"detail": str(exc)})

    @app.get("/tasks", tags=["Environment Info"], summary="List the tasks, in their fixed order")
    async def tasks() -> list[dict[str, str | int]]:
        return task_list()

    @app.get(
        "/episodes/{episode_id}",
        response_model=SupportDeskState,
        tags=["State Management"],
        summary="The full state of an episode started over HTTP",
    )
    async def episode_state(episode_id: str) -> SupportDeskState:
        episode = find_episode(episode_id)
        with episode.lock:
            return build_state(episode)

    @app.get(
        "/episodes/{episode_id}/diagram.svg",
        tags=["State Management"],
        summary="Both machines, with the episode's stage and follow-up state highlighted",
        response_class=Response,
        responses={200: {"content": {"image/svg+xml": {}}}},
    )
    async def episode_diagram(episode_id: str) -> Response:
        episode = find_episode(episode_id)
        with episode.lock:  # stage and follow-up of the same case, not one from mid-step
            stage, followup = episode.case.stage, episode.case.followup
        return Response(content=live_svg(stage, followup), media_type="image/svg+xml")

    return app


app = build_app()


def main(host: str = "0.0.0.0", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port)

"""The CaseOps server: openenv's app plus the routes CaseOps adds.

openenv provides /reset, /step, /state, /schema, /health, /metadata, the /ws sessions and the
task API (/caseops/splits, ...; its /mcp routes are replaced by a stub that refuses every call:
CaseOps serves no MCP tools).
CaseOps adds GET /tasks, GET /episodes/{episode_id} (an episode's full state), GET
/episodes/{episode_id}/diagram.svg (the live state diagram), and maps its
own errors (every `caseops.errors.CaseOpsError`) to their `status_code`: a bad request gets a
clear 4xx instead of a 500.

Over 300 lines because every check a request passes before the app (size, time, JSON depth,
UTF-8, surrogates, finite numbers, WebSocket frames) sits with the routes it guards: one place
to read what the wire refuses.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import re
import time
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from openenv.core.env_server.http_server import create_app
from openenv.core.env_server.types import ConcurrencyConfig
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from caseops.diagrams import live_svg
from caseops.environment import CLIENT, TRANSPORT, CaseOpsEnvironment, build_state, find_episode
from caseops.errors import CaseOpsError
from caseops.limits import ClientLimits, LimitSettings, client_address
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
# How long a request body may take to arrive, from the first read: a client sending one slowly
# (holding a connection and a worker) is answered 408 and closed.
BODY_TIMEOUT_S = float(os.environ.get("CASEOPS_BODY_TIMEOUT_S", "10"))
# How deep arrays and objects may nest in a request body or WebSocket frame. A CaseOps request
# nests three levels ({"action": {"requested_fields": [...]}}); deeper input is refused with a 422
# (an error frame over WebSocket) before it is parsed.
MAX_JSON_DEPTH = int(os.environ.get("CASEOPS_MAX_JSON_DEPTH", "32"))


def _too_large(limit: int, size: int | None) -> str:
    told = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    return f"request body too large: {told}; the limit is {limit} bytes"


class BodySizeLimit:
    """Refuses HTTP request bodies over `max_bytes` with 413 and a clear message, before the app
    reads or parses them: at once when Content-Length says so, otherwise as soon as the bytes
    streamed in (chunked uploads) pass the limit. A body that has not all arrived within
    `timeout_s` is answered 408 and the connection closed. A body within both limits is handed on
    as it came.
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES, timeout_s: float = BODY_TIMEOUT_S) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send, 413, _too_large(self.max_bytes, declared))
            return
        # Read the body here, counting, so the app never sees more than the limit.
        messages: list[Message] = []
        size = 0
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                await self._refuse(send, 408, f"request body not received within {self.timeout_s:g} s")
                return
            messages.append(message)
            if message["type"] != "http.request":
                break  # the client went away; the app will see it
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(send, 413, _too_large(self.max_bytes, None))
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(messages, receive), send)

    async def _refuse(self, send: Send, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
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
    """openenv's /ws loop parses each frame with a bare `json.loads` and calls `.get` on the result
    outside its error handling, so a frame nested thousands deep (RecursionError), a JSON frame
    that is not an object, or a binary frame would end the session and lose its episode. This
    ASGI middleware checks every frame first (`check_json`: size, strict UTF-8, nesting depth, no
    lone surrogates) and answers a refused one itself with an error frame naming what was wrong;
    openenv is waiting for the next frame, so nothing else sends, and the session goes on."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES, max_depth: int = MAX_JSON_DEPTH) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return

        async def refuse(code: str, message: str, loc: list[Any] | None = None) -> None:
            data: dict[str, Any] = {"message": message, "code": code}
            if loc is not None:
                data["loc"] = loc
            await send({"type": "websocket.send", "text": json.dumps({"type": "error", "data": data})})

        async def guarded_receive() -> Message:
            while True:
                message = await receive()
                if message["type"] != "websocket.receive":
                    return message
                text = message.get("text")
                size = len(text) if text is not None else len(message.get("bytes") or b"")
                if size > self.max_bytes:
                    await refuse(
                        "FRAME_TOO_LARGE", f"frame too large: {size} characters; the limit is {self.max_bytes}"
                    )
                    continue
                if text is None:
                    try:
                        text = (message.get("bytes") or b"").decode("utf-8")
                    except UnicodeDecodeError as exc:
                        await refuse("INVALID_UTF8", f"frame is not valid UTF-8: {exc.reason} at byte {exc.start}")
                        continue
                refusal, value = check_json(text, self.max_depth, root=[])
                if refusal is not None:
                    await refuse(refusal["code"], refusal["msg"], refusal["loc"])
                    continue
                if value is _UNPARSED:
                    return {"type": "websocket.receive", "text": text}  # openenv names bad JSON itself
                if not isinstance(value, dict):
                    text = NOT_AN_OBJECT
                return {"type": "websocket.receive", "text": text}

        await self.app(scope, guarded_receive, send)


class JsonBodyGuard:
    """Checks every HTTP request body before the app parses it (everything but the /web
    playground): strict UTF-8, nesting at most `max_depth` deep (deeper JSON made the app's
    parser raise RecursionError: a 500 on /step, a 400 on /reset), and no lone surrogates
    ("\\ud800", which no response can encode). A refused body gets a 422 naming what was wrong,
    in FastAPI's validation-error shape. It also answers openenv's HTTP /step quirk: it looks the
    action's "type" up in a dict of MCP action kinds before validating it, so an unhashable
    "type" (a list, an object) was a 500; a CaseOps action has no "type" field at all, so such a
    body gets the 422 validation would give. A body that passes is handed on as it came."""

    def __init__(self, app: ASGIApp, max_depth: int = MAX_JSON_DEPTH) -> None:
        self.app = app
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or scope["path"].startswith("/web")
        ):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        body = b"".join(m.get("body", b"") for m in messages)
        refusal = self._refusal(scope, body)
        if refusal is not None:
            await JSONResponse(status_code=422, content={"detail": [refusal]})(scope, receive, send)
            return
        await self.app(scope, _replay(messages, receive), send)

    def _refusal(self, scope: Scope, body: bytes) -> dict[str, Any] | None:
        if not body:
            return None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            msg = f"request body is not valid UTF-8: {exc.reason} at byte {exc.start}"
            return {"type": "utf8_invalid", "loc": ["body"], "msg": msg}
        refusal, value = check_json(text, self.max_depth, root=["body"])
        if refusal is not None:
            return {"type": refusal["type"], "loc": refusal["loc"], "msg": refusal["msg"]}
        if scope["path"] == "/step" and _unhashable_action_type(value):
            return {
                "type": "extra_forbidden",
                "loc": ["body", "action", "type"],
                "msg": "Extra inputs are not permitted",
            }
        return None


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive that hands the app the messages already read, then reads on."""
    queued = iter(messages)

    async def replay() -> Message:
        for message in queued:
            return message
        return await receive()

    return replay


_UNPARSED = object()  # check_json's value for text that is not JSON (the app names that itself)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """How deep arrays and objects nest in `text`, counted without parsing (so without
    recursion): brackets inside strings do not count."""
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = deepest = 0
    for bracket in brackets:
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_json(text: str, max_depth: int, root: list[Any]) -> tuple[dict[str, Any] | None, Any]:
    """(refusal, value): a refusal ({"type", "code", "loc", "msg"}) when `text` nests deeper
    than `max_depth`, holds a string with a lone surrogate, a NaN or Infinity (which JSON does
    not have, though Python's parser reads them) or a number Python cannot convert, else None
    and the parsed value (`_UNPARSED` when it is not JSON at all)."""
    depth = json_depth(text)
    if depth > max_depth:
        msg = f"JSON nested {depth} levels deep; the limit is {max_depth}"
        return {"type": "json_too_deep", "code": "JSON_TOO_DEEP", "loc": root, "msg": msg}, None
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except _NotFinite as exc:
        msg = f"JSON has no NaN or Infinity, and numbers must be finite: got {exc}"
        return {"type": "finite_number", "code": "NUMBER_NOT_FINITE", "loc": root, "msg": msg}, None
    except json.JSONDecodeError:
        return None, _UNPARSED  # the app names bad JSON itself (422 json_invalid, an error frame)
    except ValueError as exc:  # an integer longer than Python converts (4,300 digits)
        msg = f"a number in the JSON cannot be read: {exc}"
        return {"type": "number_too_long", "code": "NUMBER_TOO_LONG", "loc": root, "msg": msg}, None
    loc = _surrogate_at(value)
    if loc is not None:
        msg = "string holds a lone surrogate (such as \\ud800): text must be valid Unicode"
        return {"type": "string_unicode", "code": "INVALID_UNICODE", "loc": root + loc, "msg": msg}, None
    return None, value


class _NotFinite(ValueError):
    """A NaN, an Infinity or a float beyond the double range (1e400) in a request."""


def _no_constant(name: str) -> float:
    raise _NotFinite(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text if len(text) <= 40 else text[:40] + "...")
    return value


def _valid_unicode(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate_at(value: Any) -> list[Any] | None:
    """Where in `value` a string (or an object key) holds a lone surrogate, or None. The depth
    is already bounded, so walking it cannot recurse far."""
    if isinstance(value, str):
        return None if _valid_unicode(value) else []
    if isinstance(value, dict):
        for key, item in value.items():
            if not _valid_unicode(key):
                return [_json_safe_key(key)]
            inner = _surrogate_at(item)
            if inner is not None:
                return [key, *inner]
    if isinstance(value, list):
        for index, item in enumerate(value):
            inner = _surrogate_at(item)
            if inner is not None:
                return [index, *inner]
    return None


def _json_safe_key(key: str) -> str:
    return key.encode("utf-8", errors="backslashreplace").decode("utf-8")


def _unhashable_action_type(request: Any) -> bool:
    action = request.get("action") if isinstance(request, dict) else None
    return isinstance(action, dict) and isinstance(action.get("type"), (list, dict))


def _trimmed(errors: Any) -> Any:
    """Validation errors without a huge echo of the refused input. (No NaN reaches them:
    JsonBodyGuard refuses non-finite numbers before the app parses a body.)"""
    if not isinstance(errors, list):
        return errors
    trimmed = []
    for error in errors:
        if isinstance(error, dict) and len(repr(error.get("input", ""))) > ECHO_LIMIT:
            error = {**error, "input": repr(error["input"])[:ECHO_LIMIT] + "..."}
        trimmed.append(error)
    return trimmed


class RequestTag:
    """Tells the environment which transport a request came by and from which client address
    (`caseops.environment.TRANSPORT`, `CLIENT`): an episode belongs to the transport that created
    it (an HTTP /step cannot step the episode of a WebSocket session), and the store evicts
    fairly per client."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        transport, client = TRANSPORT.set(scope["type"]), CLIENT.set(client_address(scope))
        try:
            await self.app(scope, receive, send)
        finally:
            TRANSPORT.reset(transport)
            CLIENT.reset(client)


NO_MCP = "CaseOps serves no MCP tools and holds no MCP sessions: use POST /reset and /step, or the WebSocket /ws"


def _unmount_mcp(app: FastAPI) -> None:
    """openenv mounts POST /mcp and WebSocket /mcp. CaseOps serves no MCP tools, and an anonymous
    `openenv/session/create` there held one of the CASEOPS_MAX_SESSIONS slots until the idle
    timeout. Both routes are removed. `openenv validate --url` requires POST /mcp to answer a
    JSON-RPC payload, so a stub takes its place: every call gets a JSON-RPC "method not found"
    error, and nothing is created or held."""
    app.router.routes[:] = [route for route in app.router.routes if getattr(route, "path", None) != "/mcp"]

    @app.post("/mcp", include_in_schema=False)
    async def no_mcp(request: Request) -> JSONResponse:
        try:
            call = json.loads(await request.body())
        except ValueError:
            error = {"code": -32700, "message": f"Parse error; {NO_MCP}"}
            return JSONResponse({"jsonrpc": "2.0", "id": None, "error": error})
        request_id = call.get("id") if isinstance(call, dict) else None
        if not isinstance(request_id, (str, int)) or isinstance(request_id, bool):
            request_id = None
        return JSONResponse({"jsonrpc": "2.0", "id": request_id, "error": {"code": -32601, "message": NO_MCP}})


def _playground(*args: Any, **kwargs: Any) -> Any:
    from caseops.playground import build_playground  # gradio loads only with the web interface on

    return build_playground(*args, **kwargs)


def build_app(limits: LimitSettings | None = None) -> FastAPI:
    """The app; with ENABLE_WEB_INTERFACE=true it also mounts the playground at /web. `limits`
    are the per-client limits (`caseops.limits`), read from the environment when omitted."""
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

    _unmount_mcp(app)
    app.add_middleware(WebSocketFrameGuard)
    app.add_middleware(JsonBodyGuard)
    app.add_middleware(BodySizeLimit)  # nothing reads an oversized or a too slow body
    app.add_middleware(ClientLimits, settings=limits)  # refused before anything is read
    app.add_middleware(RequestTag)  # outermost: every request knows its transport and client

    @app.exception_handler(RequestValidationError)
    async def request_invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _trimmed(jsonable_encoder(exc.errors()))})

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status_code, content={"detail": _trimmed(jsonable_encoder(exc.detail))}, headers=exc.headers
        )

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

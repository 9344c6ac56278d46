"""Per-client limits, so that one client cannot take a public server from the others.

A client is its address as the ASGI server reports it (uvicorn rewrites it from X-Forwarded-For
for the proxies FORWARDED_ALLOW_IPS trusts; behind a proxy, set that, or every client is the
proxy). Two limits, each answered with 429 and a Retry-After header before anything is read:

- concurrent WebSocket sessions per client (CASEOPS_SESSIONS_PER_CLIENT); a refused upgrade is
  answered with an HTTP 429 where the server supports WebSocket denial responses, otherwise with
  an error frame (code CLIENT_SESSION_LIMIT) and a close;
- HTTP episode creation (POST /reset) per client, a token bucket: CASEOPS_RESET_BURST resets at
  once, refilled at CASEOPS_RESETS_PER_MINUTE.

The episode store's fair eviction (`caseops.episodes`) is the second line: a client that stays
within its rate still evicts only its own episodes when the store is full.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable

import attrs
from starlette.types import ASGIApp, Receive, Scope, Send

BUCKETS_KEPT = 10_000  # clients tracked at once; full buckets (idle clients) are dropped first


@attrs.frozen
class LimitSettings:
    sessions_per_client: int = 16
    resets_per_minute: float = 600.0
    reset_burst: int = 60
    session_retry_after_s: int = 5  # a session frees when its client closes one: a guess to wait

    @classmethod
    def from_env(cls) -> LimitSettings:
        return cls(
            sessions_per_client=int(os.environ.get("CASEOPS_SESSIONS_PER_CLIENT", "16")),
            resets_per_minute=float(os.environ.get("CASEOPS_RESETS_PER_MINUTE", "600")),
            reset_burst=int(os.environ.get("CASEOPS_RESET_BURST", "60")),
        )


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimiter:
    """A token bucket per client: `burst` at once, refilled at `per_second`."""

    def __init__(self, per_second: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_second <= 0 or burst < 1:
            raise ValueError("a rate limit needs a positive rate and a burst of at least 1")
        self.per_second = per_second
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when counted)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when `client` may go on (a token is spent), else the seconds until it may."""
        with self._lock:
            now = self._clock()
            tokens, then = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.per_second)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                self._prune(now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.per_second

    def _prune(self, now: float) -> None:
        if len(self._buckets) <= BUCKETS_KEPT:
            return
        full = self.burst / self.per_second  # a bucket untouched this long is full again
        self._buckets = {c: b for c, b in self._buckets.items() if now - b[1] < full}


class ClientLimits:
    """ASGI middleware applying `LimitSettings` to /ws sessions and POST /reset."""

    def __init__(self, app: ASGIApp, settings: LimitSettings | None = None) -> None:
        self.app = app
        self.settings = settings or LimitSettings.from_env()
        self.resets = RateLimiter(self.settings.resets_per_minute / 60, self.settings.reset_burst)
        self._sessions: dict[str, int] = {}
        self._lock = threading.Lock()

    def sessions_of(self, client: str) -> int:
        with self._lock:
            return self._sessions.get(client, 0)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == "/ws":
            await self._session(scope, receive, send)
        elif scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == "/reset":
            wait = self.resets.take(client_address(scope))
            if wait > 0:
                limit = f"{self.settings.reset_burst} at once, {self.settings.resets_per_minute:g} a minute"
                await _too_many(send, f"too many episodes created from this address ({limit})", wait)
                return
            await self.app(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _session(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = client_address(scope)
        limit = self.settings.sessions_per_client
        with self._lock:
            held = self._sessions.get(client, 0)
            if held < limit:
                self._sessions[client] = held + 1
        if held >= limit:
            await _refuse_session(scope, receive, send, limit, self.settings.session_retry_after_s)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                left = self._sessions[client] - 1
                if left:
                    self._sessions[client] = left
                else:
                    del self._sessions[client]


async def _too_many(send: Send, message: str, wait_s: float) -> None:
    retry = str(max(1, math.ceil(wait_s)))
    body = json.dumps({"detail": f"{message}; retry after {retry} s"}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", retry.encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _refuse_session(scope: Scope, receive: Receive, send: Send, limit: int, retry_s: int) -> None:
    message = f"this address already holds {limit} WebSocket sessions (CASEOPS_SESSIONS_PER_CLIENT); close one first"
    if (await receive())["type"] != "websocket.connect":
        return  # the client went away before the handshake
    if "websocket.http.response" in scope.get("extensions", {}):
        body = json.dumps({"detail": f"{message}; retry after {retry_s} s"}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry_s).encode()),
        ]
        await send({"type": "websocket.http.response.start", "status": 429, "headers": headers})
        await send({"type": "websocket.http.response.body", "body": body})
        return
    await send({"type": "websocket.accept"})
    frame = {"type": "error", "data": {"code": "CLIENT_SESSION_LIMIT", "message": message, "retry_after_s": retry_s}}
    await send({"type": "websocket.send", "text": json.dumps(frame)})
    await send({"type": "websocket.close", "code": 1013})  # try again later

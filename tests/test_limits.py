"""Per-client limits (`caseops.limits`), fair eviction end to end, and the slow-body timeout:
in-process with small limits, and over a real uvicorn on loopback."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import servers
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketDenialResponse
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from caseops import environment
from caseops.limits import ClientLimits, LimitSettings, RateLimiter
from caseops.server import build_app

TIGHT = LimitSettings(sessions_per_client=2, resets_per_minute=60, reset_burst=3)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# ---- the bucket ----


def test_bucket_allows_a_burst_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(per_second=2, burst=3, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.take("a") == pytest.approx(0.5)
    assert limiter.take("b") == 0  # another client has its own bucket
    clock.now += 0.5
    assert limiter.take("a") == 0
    clock.now += 100
    assert [limiter.take("a") for _ in range(4)][:3] == [0, 0, 0]  # refilled to the burst, no more


def test_bucket_forgets_idle_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("caseops.limits.BUCKETS_KEPT", 10)
    clock = Clock()
    limiter = RateLimiter(per_second=1, burst=2, clock=clock)
    for i in range(11):
        limiter.take(f"busy{i}")
    assert len(limiter._buckets) == 11  # none idle yet: all kept
    clock.now += 10  # every bucket is full again: forgetting one changes nothing for its client
    limiter.take("new")
    assert set(limiter._buckets) == {"new"}


def test_bad_rates_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(per_second=0, burst=1)
    with pytest.raises(ValueError):
        RateLimiter(per_second=1, burst=0)


def test_environment_settings_default_to_the_documented_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CASEOPS_SESSIONS_PER_CLIENT", "CASEOPS_RESETS_PER_MINUTE", "CASEOPS_RESET_BURST"):
        monkeypatch.delenv(name, raising=False)
    assert LimitSettings.from_env() == LimitSettings()
    monkeypatch.setenv("CASEOPS_SESSIONS_PER_CLIENT", "3")
    assert LimitSettings.from_env().sessions_per_client == 3


# ---- in-process ----


@pytest.fixture(scope="module")
def tight_app():
    return build_app(limits=TIGHT)


def client_at(app, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000))


def limits_of(app) -> ClientLimits:
    layer = app.middleware_stack
    while not isinstance(layer, ClientLimits):
        layer = layer.app
    return layer


def test_resets_past_the_burst_get_429_with_retry_after(tight_app) -> None:
    flooder, other = client_at(tight_app, "10.1.0.1"), client_at(tight_app, "10.1.0.2")
    assert [flooder.post("/reset", json={}).status_code for _ in range(3)] == [200, 200, 200]
    refused = flooder.post("/reset", json={})
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert "too many episodes" in refused.json()["detail"]
    assert other.post("/reset", json={}).status_code == 200  # another address is not held back
    assert flooder.post("/step", json={"action": {"operation": "wait"}}).status_code != 429  # only creation


def test_sessions_past_the_per_client_limit_are_denied_429(tight_app) -> None:
    client = client_at(tight_app, "10.2.0.1")
    with client.websocket_connect("/ws"), client.websocket_connect("/ws"):
        assert limits_of(tight_app).sessions_of("10.2.0.1") == 2
        with pytest.raises(WebSocketDenialResponse) as denied, client.websocket_connect("/ws"):
            pass
        assert denied.value.status_code == 429 and denied.value.headers["retry-after"] == "5"
        with client_at(tight_app, "10.2.0.2").websocket_connect("/ws") as ws:  # others still get in
            ws.send_json({"type": "reset", "data": {}})
            assert ws.receive_json()["type"] == "observation"
    assert limits_of(tight_app).sessions_of("10.2.0.1") == 0
    with client.websocket_connect("/ws") as ws:  # closing gave the slots back
        ws.send_json({"type": "reset", "data": {}})
        assert ws.receive_json()["type"] == "observation"


def test_a_flood_evicts_only_the_flooders_episodes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment.STORE, "capacity", 8)
    app = build_app(limits=LimitSettings(resets_per_minute=6000, reset_burst=500))
    quiet, flooder = client_at(app, "10.3.0.1"), client_at(app, "10.3.0.2")
    episode_id = quiet.post("/reset", json={}).json()["observation"]["episode_id"]
    flood = [flooder.post("/reset", json={}).json()["observation"]["episode_id"] for _ in range(40)]
    step = quiet.post("/step", json={"episode_id": episode_id, "action": {"operation": "wait"}})
    assert step.status_code == 200, step.text
    assert flooder.get(f"/episodes/{flood[-1]}").status_code == 200
    assert flooder.get(f"/episodes/{flood[0]}").status_code == 404  # the flooder paid for its flood


# ---- over uvicorn ----


@pytest.fixture(scope="module")
def limited_url() -> str:
    return servers.shared_server(
        CASEOPS_SESSIONS_PER_CLIENT="2",
        CASEOPS_RESET_BURST="5",
        CASEOPS_RESETS_PER_MINUTE="60",
        CASEOPS_BODY_TIMEOUT_S="1",
    )


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/ws"


def test_uvicorn_denies_the_extra_session_with_an_http_429(limited_url: str) -> None:
    with connect(ws_url(limited_url)), connect(ws_url(limited_url)):
        with pytest.raises(InvalidStatus) as denied:
            connect(ws_url(limited_url))
        assert denied.value.response.status_code == 429
        assert denied.value.response.headers["Retry-After"] == "5"
    with connect(ws_url(limited_url)) as ws:  # the two closed: a slot is free again
        ws.send('{"type": "reset", "data": {}}')
        assert '"observation"' in ws.recv(timeout=10)


def test_uvicorn_limits_http_episode_creation(limited_url: str) -> None:
    with httpx.Client(base_url=limited_url, timeout=10, trust_env=False) as http:
        codes = [http.post("/reset", json={}).status_code for _ in range(8)]
        assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}
        assert http.get("/health").status_code == 200


def slow_request(base: str, sent: threading.Event) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b'POST /step HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"action":'
        )
        sent.set()
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
        return answer


def test_uvicorn_closes_slow_bodies_with_408(limited_url: str) -> None:
    started = time.monotonic()
    results: list[bytes] = []
    events = [threading.Event() for _ in range(40)]
    threads = [threading.Thread(target=lambda e=e: results.append(slow_request(limited_url, e))) for e in events]
    for thread in threads:
        thread.start()
    for event in events:
        assert event.wait(10)
    with httpx.Client(base_url=limited_url, timeout=10, trust_env=False) as http:
        assert http.get("/health").status_code == 200  # the slow ones hold nobody else up
    for thread in threads:
        thread.join(15)
    assert len(results) == 40
    assert all(r.startswith(b"HTTP/1.1 408") and b"not received within 1 s" in r for r in results), results[0][:200]
    assert time.monotonic() - started < 12

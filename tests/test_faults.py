"""Faults on the wire: clients that vanish, stall or send garbage, against a real uvicorn server.

Each test has badly behaved clients and well behaved ones at the same time: the well behaved
ones are served in full and in time, and afterwards every session slot is free again (a full set
of new sessions is accepted at the cap: openenv exposes no session count, so this is the check).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import time
from typing import Any

import httpx
import pytest
import servers
from test_load import LOAD_ENV, REAP_ENV, SESSIONS, action_frame, ask, fill_to_cap, first_reply, parse, ws_url
from websockets.asyncio.client import ClientConnection, connect

from caseops.policies.heuristic import HeuristicPolicy
from caseops.server import MAX_BODY_BYTES

HEURISTIC = HeuristicPolicy()
STEP_DEADLINE_S = 5.0  # generous on a loaded 2-core machine; a stalled server would exceed it


@pytest.fixture(scope="module")
def base_url() -> str:
    servers.start_shared(LOAD_ENV, REAP_ENV)
    return servers.shared_server(**LOAD_ENV)


async def whole_episode(url: str, task_id: str) -> list[float]:
    """A well behaved session: a whole heuristic episode; returns each step's latency."""
    latencies = []
    async with connect(url) as ws:
        reply = await ask(ws, {"type": "reset", "data": {"task_id": task_id}})
        observation = parse(reply["data"])
        while not observation.done:
            started = time.monotonic()
            reply = await ask(ws, action_frame(HEURISTIC(observation)))
            latencies.append(time.monotonic() - started)
            assert reply["type"] == "observation", reply
            observation = parse(reply["data"])
    return latencies


def assert_everyone_served(latencies: list[list[float]]) -> None:
    assert all(latencies), "a session did not finish its episode"
    assert max(max(each) for each in latencies) < STEP_DEADLINE_S


def assert_nothing_leaked(base_url: str) -> None:
    assert httpx.get(f"{base_url}/health", timeout=10, trust_env=False).status_code == 200
    assert asyncio.run(fill_to_cap(ws_url(base_url), SESSIONS)) == SESSIONS


def raw_socket(base_url: str) -> socket.socket:
    host, port = base_url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def upgrade_request(base_url: str) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    host = base_url.removeprefix("http://")
    return (
        f"GET /ws HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()


def test_clients_that_vanish_mid_episode_give_their_sessions_back(base_url: str) -> None:
    url = ws_url(base_url)

    async def run() -> list[list[float]]:
        vanishing: list[ClientConnection] = []
        for index in range(8):
            ws = await connect(url)
            await ask(ws, {"type": "reset", "data": {"task_id": "api_incident_hard"}})
            await ask(ws, {"type": "step", "data": {"operation": "search_policy", "query": "incident"}})
            if index % 2:
                await ws.send(json.dumps({"type": "step", "data": {"operation": "wait"}}))  # never read
            vanishing.append(ws)
        for ws in vanishing:
            ws.transport.abort()  # no close frame: the TCP connection just drops
        return await asyncio.gather(*(whole_episode(url, "billing_refund_easy") for _ in range(8)))

    assert_everyone_served(asyncio.run(run()))
    assert_nothing_leaked(base_url)


def test_slow_clients_do_not_hold_up_the_others(base_url: str) -> None:
    url = ws_url(base_url)
    stalled = []
    # Half a WebSocket handshake, then nothing.
    half_upgrade = raw_socket(base_url)
    half_upgrade.sendall(upgrade_request(base_url)[:40])
    stalled.append(half_upgrade)
    # An HTTP step that promises 1,000 bytes of body and sends 10.
    short_body = raw_socket(base_url)
    short_body.sendall(
        b'POST /step HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":'
    )
    stalled.append(short_body)

    async def run() -> list[list[float]]:
        # A session that sends steps and does not read the answers for a while.
        async with connect(url) as sluggish:
            await ask(sluggish, {"type": "reset", "data": {"task_id": "api_incident_hard"}})
            for _ in range(20):
                await sluggish.send(
                    json.dumps({"type": "step", "data": {"operation": "search_policy", "query": "outage"}})
                )
            others = await asyncio.gather(*(whole_episode(url, "account_takeover_medium") for _ in range(8)))
            for _ in range(20):  # it reads at last, and everything it asked for is there
                assert json.loads(await sluggish.recv())["type"] == "observation"
            return others

    try:
        assert_everyone_served(asyncio.run(run()))
    finally:
        for sock in stalled:
            sock.close()
    assert_nothing_leaked(base_url)


def test_malformed_frames_get_clear_errors_and_the_session_goes_on(base_url: str) -> None:
    url = ws_url(base_url)

    async def run() -> dict[str, Any]:
        async with connect(url, max_size=16 * 1024 * 1024) as ws:
            await ask(ws, {"type": "reset", "data": {"task_id": "billing_refund_easy"}})
            codes = {}
            for name, frame in {
                "not_json": "{oops",
                "array": "[1, 2, 3]",
                "number": "42",
                "unknown_type": json.dumps({"type": "teleport"}),
                "bad_action": json.dumps({"type": "step", "data": {"operation": "fly"}}),
                "oversized": json.dumps({"type": "step", "data": {"reply": "z" * (MAX_BODY_BYTES + 1)}}),
                "binary_garbage": b"\xff\x00\xfe\x01",
                "nan": '{"type": "step", "data": {"operation": "submit", "confidence": NaN}}',
            }.items():
                await ws.send(frame)
                reply = json.loads(await ws.recv())
                assert reply["type"] == "error", (name, reply)
                codes[name] = reply["data"]["code"]
            state = await ask(ws, {"type": "state"})
            assert state["type"] == "state" and state["data"]["step_count"] == 0
            reply = await ask(
                ws,
                {
                    "type": "step",
                    "data": {
                        "operation": "classify",
                        "queue": "billing_ops",
                        "priority": "normal",
                        "issue_type": "duplicate_charge",
                    },
                },
            )
            assert reply["type"] == "observation" and reply["data"]["observation"]["error"] is None
            return codes

    codes = asyncio.run(run())
    assert codes["oversized"] == "FRAME_TOO_LARGE" and codes["not_json"] == "INVALID_JSON"
    assert codes["bad_action"] == "VALIDATION_ERROR"


def test_a_broken_websocket_frame_closes_only_that_connection(base_url: str) -> None:
    sock = raw_socket(base_url)
    sock.sendall(upgrade_request(base_url))
    assert b"101 Switching Protocols" in sock.recv(4096)
    sock.sendall(b"\x81\x05hello")  # a client frame without a mask: a protocol error
    sock.settimeout(5)
    data, closed = b"", False
    try:
        while chunk := sock.recv(4096):
            data += chunk
        closed = True
    except ConnectionResetError:
        closed = True
    except TimeoutError:
        pass
    sock.close()
    # The server closed this connection (a close frame, or just the socket); others are served.
    assert closed, f"the server kept the broken connection open; it sent {data!r}"
    latencies = asyncio.run(whole_episode(ws_url(base_url), "billing_refund_easy"))
    assert_everyone_served([latencies])


def test_oversized_and_cut_off_http_bodies_over_the_wire(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=30, trust_env=False) as client:
        episode_id = client.post("/reset", json={}).json()["observation"]["episode_id"]
        body = {"action": {"operation": "draft_reply", "reply": "q" * (MAX_BODY_BYTES + 1)}, "episode_id": episode_id}
        response = client.post("/step", json=body)
        assert response.status_code == 413 and "too large" in response.json()["detail"]
    # A client that declares a body, sends part of it and hangs up.
    sock = raw_socket(base_url)
    sock.sendall(
        b'POST /reset HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"task'
    )
    sock.close()
    with httpx.Client(base_url=base_url, timeout=30, trust_env=False) as client:
        assert client.get(f"/episodes/{episode_id}").json()["step_count"] == 0
        assert client.post("/reset", json={"task_id": "billing_refund_easy"}).status_code == 200


def test_a_refused_session_does_not_take_a_slot(base_url: str) -> None:
    url = ws_url(base_url)

    async def run() -> list[dict[str, Any]]:
        holders = [await connect(url) for _ in range(SESSIONS)]
        try:
            for ws in holders:
                assert (await ask(ws, {"type": "reset", "data": {}}))["type"] == "observation"
            refusals = []
            for _ in range(5):
                async with connect(url) as extra:
                    refusals.append(await first_reply(extra, {"type": "reset", "data": {}}))
            return refusals
        finally:
            for ws in holders:
                await ws.close()

    refusals = asyncio.run(run())
    assert all(r["type"] == "error" and r["data"]["code"] == "CAPACITY_REACHED" for r in refusals), refusals
    assert_nothing_leaked(base_url)

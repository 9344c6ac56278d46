"""Load: many sessions at once against a real server, and the bounds that keep the server up.

64 WebSocket sessions step at once against a uvicorn server capped at 64; each session's
trajectory equals the same episode run alone in-process, and a 65th session is refused with a
clear capacity error while the others go on. Idle sessions are reaped. The HTTP episode store
stays within its bound over 100,000 resets, and a late client of an evicted episode gets a 404
that says so, and an evicted episode is freed (no machine holds a case).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import time
import weakref
from collections import deque
from collections.abc import Iterator
from typing import Any

import pytest
import servers
from fastapi.testclient import TestClient
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from caseops import machinery
from caseops.bench import ws_url
from caseops.environment import STORE, CaseOpsEnvironment, find_episode
from caseops.errors import EnvironmentClosedError
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies import Policy
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS
from caseops.server import build_app
from caseops.trajectories import action_record

SESSIONS = 64
LOAD_ENV = {"CASEOPS_MAX_SESSIONS": str(SESSIONS)}
REAP_ENV = {"CASEOPS_MAX_SESSIONS": "2", "CASEOPS_SESSION_TIMEOUT_S": "2"}
# openenv's reaper wakes every max(timeout / 4, 5 s) and reaps sessions idle past the timeout.
REAP_WITHIN_S = 2 + 5 + 5
MAX_FRAME = 16 * 1024 * 1024

# Boot both servers as soon as the tests are collected: importing openenv takes seconds, and
# they come up while other tests run (test_faults and test_bench use them too).
servers.start_shared(LOAD_ENV, REAP_ENV)


def policy_for(index: int) -> Policy:
    return HeuristicPolicy() if index % 3 == 0 else RandomPolicy(seed=index)


def task_for(index: int) -> str:
    return TASK_IDS[index % len(TASK_IDS)]


def parse(data: dict[str, Any]) -> SupportDeskObservation:
    return SupportDeskObservation(**data["observation"], reward=data["reward"], done=data["done"])


def comparable(observation: SupportDeskObservation) -> dict[str, Any]:
    return observation.model_dump(exclude={"episode_id"})


def alone_in_process(index: int) -> list[dict[str, Any]]:
    env = CaseOpsEnvironment()
    policy = policy_for(index)
    observation = env.reset(task_id=task_for(index))
    trajectory = [comparable(observation)]
    while not observation.done:
        observation = env.step(policy(observation))
        trajectory.append(comparable(observation))
    env.close()
    return trajectory


async def ask(ws: ClientConnection, message: dict[str, Any]) -> dict[str, Any]:
    await ws.send(json.dumps(message))
    return json.loads(await ws.recv())


def action_frame(action: SupportDeskAction) -> dict[str, Any]:
    return {"type": "step", "data": action_record(action)}


async def first_reply(ws: ClientConnection, message: dict[str, Any]) -> dict[str, Any]:
    """`ask`, for a session that may be refused: a server at capacity sends its refusal as soon
    as the session opens and closes it, so the send may fail while the refusal waits unread."""
    with contextlib.suppress(ConnectionClosed):
        await ws.send(json.dumps(message))
    return json.loads(await ws.recv())


async def refused_for_capacity(url: str) -> dict[str, Any]:
    """One session more than the cap: the answer to its first message."""
    async with connect(url, max_size=MAX_FRAME) as ws:
        return await first_reply(ws, {"type": "reset", "data": {}})


async def fill_to_cap(url: str, sessions: int, deadline_s: float = 15.0) -> int:
    """Open `sessions` sessions at once and reset each (retrying while earlier sessions are
    still being torn down); returns how many were served. Proves no slot has leaked."""
    deadline = time.monotonic() + deadline_s

    async def one() -> bool:
        while time.monotonic() < deadline:
            async with connect(url, max_size=MAX_FRAME) as ws:
                reply = await first_reply(ws, {"type": "reset", "data": {}})
                if reply["type"] == "observation":
                    ready.append(ws)
                    await everyone.wait()  # hold the slot until all are in
                    return True
            await asyncio.sleep(0.1)
        return False

    ready: list[ClientConnection] = []
    everyone = asyncio.Event()

    async def release_when_full() -> None:
        while len(ready) < sessions and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        everyone.set()

    results = await asyncio.gather(*(one() for _ in range(sessions)), release_when_full())
    return sum(1 for served in results[:-1] if served)


@pytest.fixture(scope="module")
def load_url() -> str:
    servers.start_shared(LOAD_ENV, REAP_ENV)  # boot both at once: importing openenv takes seconds
    return servers.shared_server(**LOAD_ENV)


@pytest.fixture(scope="module")
def reap_url() -> str:
    servers.start_shared(LOAD_ENV, REAP_ENV)
    return servers.shared_server(**REAP_ENV)


def test_64_sessions_at_once_match_the_episodes_run_alone_and_a_65th_is_refused(load_url: str) -> None:
    url = ws_url(load_url)
    expected = [alone_in_process(i) for i in range(SESSIONS)]

    async def run() -> tuple[list[list[dict[str, Any]]], dict[str, Any], list[str]]:
        opened = 0
        all_open = asyncio.Event()
        go = asyncio.Event()
        errors: list[str] = []

        async def session(index: int) -> list[dict[str, Any]]:
            nonlocal opened
            policy = policy_for(index)
            async with connect(url, max_size=MAX_FRAME) as ws:
                reply = await ask(ws, {"type": "reset", "data": {"task_id": task_for(index)}})
                assert reply["type"] == "observation", reply
                observation = parse(reply["data"])
                trajectory = [comparable(observation)]
                opened += 1
                if opened == SESSIONS:
                    all_open.set()
                await go.wait()  # every session steps at once
                while not observation.done:
                    reply = await ask(ws, action_frame(policy(observation)))
                    if reply["type"] != "observation":
                        errors.append(json.dumps(reply)[:300])
                        break
                    observation = parse(reply["data"])
                    trajectory.append(comparable(observation))
                return trajectory

        async def conductor() -> dict[str, Any]:
            await asyncio.wait_for(all_open.wait(), timeout=60)
            refusal = await refused_for_capacity(url)
            go.set()
            return refusal

        *trajectories, refusal = await asyncio.gather(*(session(i) for i in range(SESSIONS)), conductor())
        return trajectories, refusal, errors

    trajectories, refusal, errors = asyncio.run(run())

    assert refusal["type"] == "error" and refusal["data"]["code"] == "CAPACITY_REACHED", refusal
    assert "capacity" in refusal["data"]["message"].lower()
    assert refusal["data"]["max_sessions"] == SESSIONS
    assert errors == []
    for index, (served, alone) in enumerate(zip(trajectories, expected, strict=False)):
        assert served == alone, f"session {index} ({task_for(index)}) differs from the episode run alone"
    assert all(trajectory[-1]["done"] for trajectory in trajectories)

    # Every slot came back: a full set of new sessions is served.
    assert asyncio.run(fill_to_cap(url, SESSIONS)) == SESSIONS


def test_idle_sessions_are_reaped_and_their_slots_reused(reap_url: str) -> None:
    url = ws_url(reap_url)

    async def run() -> tuple[float, dict[str, Any]]:
        async with connect(url) as first, connect(url) as second:
            assert (await ask(first, {"type": "reset", "data": {}}))["type"] == "observation"
            assert (await ask(second, {"type": "reset", "data": {}}))["type"] == "observation"
            refusal = await refused_for_capacity(url)
            assert refusal["type"] == "error" and refusal["data"]["code"] == "CAPACITY_REACHED", refusal
            # Both sit idle; within the reaper's period a new session is let in.
            idle_since = time.monotonic()
            while time.monotonic() - idle_since < REAP_WITHIN_S + 5:
                async with connect(url) as third:
                    reply = await first_reply(third, {"type": "reset", "data": {}})
                    if reply["type"] == "observation":
                        waited = time.monotonic() - idle_since
                        break
                await asyncio.sleep(0.25)
            else:
                pytest.fail("idle sessions were not reaped")
            # openenv keeps a reaped session's socket open. Coming back, it is told the session
            # is closed, and it cannot reset its way into serving beside the cap.
            late = [
                await ask(first, {"type": "step", "data": {"operation": "wait"}}),
                await ask(first, {"type": "reset", "data": {}}),
            ]
            return waited, late

    waited, late = asyncio.run(run())
    assert 2 <= waited <= REAP_WITHIN_S + 5
    for reply in late:
        assert reply["type"] == "error" and "session is closed" in reply["data"]["message"], reply


# ---- the HTTP episode store ----


@pytest.fixture
def small_store() -> Iterator[int]:
    """The store with a smaller bound, so 100,000 resets pass it many times over quickly."""
    capacity = STORE.capacity
    STORE.capacity = 1000
    try:
        yield STORE.capacity
    finally:
        STORE.capacity = capacity


def test_the_episode_store_stays_within_its_bound_over_100000_resets(small_store: int) -> None:
    recent: deque[str] = deque(maxlen=small_store)
    peak_store = 0
    gone: list[weakref.ref[Any]] = []
    for index in range(100_000):
        env = CaseOpsEnvironment()  # as an HTTP /reset does: a new environment, closed at once
        recent.append(env.reset(task_id=TASK_IDS[index % len(TASK_IDS)]).episode_id)
        if index < 10:  # the first ones are evicted long before the end
            gone.append(weakref.ref(find_episode(recent[-1]).case))
        env.close()
        if index % 1000 == 999:
            peak_store = max(peak_store, len(STORE))
    assert peak_store <= small_store
    # An evicted episode's case is freed: no machine or registry holds a case.
    gc.collect()
    assert [ref() for ref in gone] == [None] * len(gone)
    assert machinery.WORKFLOW.models == machinery.FOLLOWUP.models == []
    for episode_id in recent:
        STORE.discard(episode_id)


def test_a_late_client_of_an_evicted_episode_gets_a_clear_404(small_store: int) -> None:
    with TestClient(build_app()) as client:
        episode_id = client.post("/reset", json={"task_id": "billing_refund_easy"}).json()["observation"]["episode_id"]
        recent: deque[str] = deque(maxlen=small_store)
        for _ in range(small_store):  # the same client fills the store: its oldest episode goes
            recent.append(client.post("/reset", json={}).json()["observation"]["episode_id"])
        response = client.post("/step", json={"action": {"operation": "wait"}, "episode_id": episode_id})
        assert response.status_code == 404
        detail = response.json()["detail"]
        assert episode_id in detail and "evicted" in detail and "/reset" in detail
        assert client.get(f"/episodes/{episode_id}").status_code == 404
        for other in recent:
            STORE.discard(other)


def test_a_session_whose_episode_left_the_store_goes_on_and_leaks_nothing() -> None:
    """A WebSocket session holds its episode itself; if the store lets it go (its bound is
    shared with HTTP episodes), the session's next steps still work, and once the session is
    closed nothing holds the episode."""
    alone = alone_in_process(3)
    env = CaseOpsEnvironment()
    policy = policy_for(3)
    observation = env.reset(task_id=task_for(3))
    trajectory = [comparable(observation)]
    observation = env.step(policy(observation))
    trajectory.append(comparable(observation))
    episode = weakref.ref(find_episode(observation.episode_id))
    STORE.discard(observation.episode_id)  # as when evicted to make room
    while not observation.done:
        observation = env.step(policy(observation))
        trajectory.append(comparable(observation))
    assert trajectory == alone
    env.close()
    gc.collect()
    assert episode() is None


def test_closing_a_session_mid_episode_releases_its_episode() -> None:
    env = CaseOpsEnvironment()
    observation = env.reset(task_id=TASK_IDS[-1])
    observation = env.step(HeuristicPolicy()(observation))
    episode = weakref.ref(find_episode(observation.episode_id))
    env.close()
    assert STORE.get(observation.episode_id) is None
    gc.collect()
    assert episode() is None


def test_a_closed_environment_refuses_to_go_on() -> None:
    """What the reaper leaves behind: a closed environment answers with one clear error."""
    env = CaseOpsEnvironment()
    env.step(HeuristicPolicy()(env.reset()))
    env.close()
    for call in (env.reset, lambda: env.step(SupportDeskAction(operation="wait"))):
        with pytest.raises(EnvironmentClosedError, match="session is closed"):
            call()

"""Soak: 64 WebSocket sessions and 16 HTTP clients at once on one real uvicorn, valid episodes
interleaved with bad input of every kind the wire refuses.

Every valid trajectory must equal its solo replay in-process (the bad input changed nothing),
every bad input gets its refusal (an error frame or a 4xx, never a 500), the server log holds no
error, and the server's RSS stays flat within 10% between a warm-up round and two more rounds.
Bounded: authored tasks only (cached after the warm-up), 64 + 16 workers, a few seconds a round.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import servers
from websockets.sync.client import connect

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction
from caseops.policies.registry import make_policy
from caseops.scenarios import TASK_IDS

pytestmark = pytest.mark.soak

SESSIONS, HTTP_CLIENTS, ROUNDS = 64, 16, 3
DEEP = "[" * 5000 + "]" * 5000
BAD_FRAMES = (  # (frame, the error code it must get)
    (DEEP, "JSON_TOO_DEEP"),
    ('{"type": "step", "data": {"operation": "draft_reply", "reply": "\\ud800"}}', "INVALID_UNICODE"),
    ('{"type": "step", "data": {"operation": "submit", "confidence": NaN}}', "NUMBER_NOT_FINITE"),
    ("[1, 2]", None),
    ("not json", None),
    ('{"type": "step", "data": {"operation": 7}}', None),
)
BAD_BODIES = (
    ('{"action": ' + DEEP + "}", 422),
    ('{"action": {"operation": "draft_reply", "reply": "\\udfff"}}', 422),
    ('{"action": {"operation": "submit", "confidence": Infinity}}', 422),
    ('{"action": {"operation": "wait"', 422),
    ('{"action": {"operation": "no_such_operation"}}', 422),
)

Row = tuple[str, Any, bool]  # observation without its episode id (and openenv's metadata), reward, done


def row(observation: dict[str, Any], reward: Any, done: bool) -> Row:
    kept = {k: v for k, v in observation.items() if k not in ("episode_id", "metadata")}
    return json.dumps(kept, sort_keys=True), reward, done


def solo(task_id: str) -> tuple[list[SupportDeskAction], list[Row]]:
    """The heuristic's actions on `task_id` and the trajectory they give, in-process."""
    policy = make_policy("heuristic")
    env = CaseOpsEnvironment()
    observation = env.reset(task_id=task_id)
    actions, rows = [], [row(observation.model_dump(exclude={"reward", "done", "metadata"}), None, False)]
    while not observation.done:
        action = policy(observation)
        actions.append(action)
        observation = env.step(action)
        rows.append(
            row(observation.model_dump(exclude={"reward", "done", "metadata"}), observation.reward, observation.done)
        )
    env.close()
    return actions, rows


REFERENCE = {task_id: solo(task_id) for task_id in TASK_IDS}


def payload(action: SupportDeskAction) -> dict[str, Any]:
    return action.model_dump(exclude_none=True, exclude={"metadata"})


def ws_worker(url: str, index: int, problems: list[str]) -> None:
    task_id = TASK_IDS[index % len(TASK_IDS)]
    actions, expected = REFERENCE[task_id]
    with connect(url.replace("http://", "ws://") + "/ws", max_size=None) as ws:

        def ask(frame: str) -> dict[str, Any]:
            ws.send(frame)
            return json.loads(ws.recv(timeout=60))

        reply = ask(json.dumps({"type": "reset", "data": {"task_id": task_id}}))["data"]
        rows = [row(reply["observation"], reply.get("reward"), reply["done"])]
        for step, action in enumerate(actions):
            frame, code = BAD_FRAMES[(index + step) % len(BAD_FRAMES)]
            refused = ask(frame)
            if refused["type"] != "error" or (code is not None and refused["data"].get("code") != code):
                problems.append(f"ws {index}: {frame[:40]!r} got {str(refused)[:200]}")
            reply = ask(json.dumps({"type": "step", "data": payload(action)}))["data"]
            rows.append(row(reply["observation"], reply.get("reward"), reply["done"]))
    if rows != expected:
        problems.append(f"ws {index}: the trajectory of {task_id} differs from its solo replay")


def http_worker(url: str, index: int, problems: list[str]) -> None:
    task_id = TASK_IDS[(index * 3) % len(TASK_IDS)]
    actions, expected = REFERENCE[task_id]
    with httpx.Client(base_url=url, timeout=60, trust_env=False) as http:
        reply = http.post("/reset", json={"task_id": task_id}).json()
        episode_id = reply["observation"]["episode_id"]
        rows = [row(reply["observation"], reply.get("reward"), reply["done"])]
        for step, action in enumerate(actions):
            body, status = BAD_BODIES[(index + step) % len(BAD_BODIES)]
            refused = http.post(
                "/step",
                content=body.replace('{"action"', f'{{"episode_id": "{episode_id}", "action"', 1),
                headers={"content-type": "application/json"},
            )
            if refused.status_code != status:
                problems.append(f"http {index}: {body[:40]!r} got {refused.status_code} {refused.text[:200]}")
            reply = http.post("/step", json={"episode_id": episode_id, "action": payload(action)}).json()
            rows.append(row(reply["observation"], reply.get("reward"), reply["done"]))
    if rows != expected:
        problems.append(f"http {index}: the trajectory of {task_id} differs from its solo replay")


def one_round(url: str) -> list[str]:
    problems: list[str] = []
    workers: list[Callable[[], None]] = [lambda i=i: ws_worker(url, i, problems) for i in range(SESSIONS)]
    workers += [lambda i=i: http_worker(url, i, problems) for i in range(HTTP_CLIENTS)]

    def guarded(work: Callable[[], None]) -> None:
        try:
            work()
        except Exception as exc:  # a worker that died is a finding, not a hang
            problems.append(f"worker raised {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=guarded, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(thread.is_alive() for thread in threads), "a soak worker hung"
    return problems


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.fixture(scope="module")
def soak_server():
    server = servers.start(CASEOPS_MAX_SESSIONS=str(SESSIONS + 8))
    server.wait_ready()
    yield server
    server.stop()


def test_soak_mixed_traffic_changes_nothing_and_leaks_nothing(soak_server) -> None:
    url = soak_server.base_url
    assert one_round(url) == []  # the warm-up: caches fill, the allocator settles
    before = rss_kib(soak_server.proc.pid)
    for _ in range(ROUNDS - 1):
        assert one_round(url) == []
    after = rss_kib(soak_server.proc.pid)
    assert after <= before * 1.10, f"RSS grew from {before} KiB to {after} KiB"
    log = soak_server.log()
    assert "Traceback" not in log and "Exception" not in log and " 500" not in log, log[-3000:]
    assert httpx.get(url + "/health", trust_env=False).status_code == 200

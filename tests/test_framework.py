"""What openenv 0.10 still gets wrong, shown on its bare app, beside CaseOps' app answering the
same input cleanly. Each pair justifies one workaround in `caseops.server`; when an openenv
release fixes a bug, its "bare" assertion fails here, and the workaround can go.

The workarounds 0.10 made unnecessary are gone: the client's own `_send_and_receive` (0.10 reads
a refusal queued before the close) and the baseline's filter for the traceback openenv logged on
closing a socket the client had closed. The one kept outside the server, a closed environment
refusing further use, is shown in tests/test_load.py (openenv's reaper closes an idle session's
environment and leaves its socket open).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openenv.core.env_server.http_server import create_app
from starlette.websockets import WebSocketDisconnect

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.server import build_app


@pytest.fixture(scope="module")
def bare() -> TestClient:
    app = create_app(CaseOpsEnvironment, SupportDeskAction, SupportDeskObservation, env_name="caseops")
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def ours() -> TestClient:
    return TestClient(build_app(), raise_server_exceptions=False)


def post_raw(client: TestClient, path: str, body: str) -> Any:
    return client.post(path, content=body, headers={"content-type": "application/json"})


def test_an_unhashable_action_type_is_a_500_bare_and_a_422_here(bare: TestClient, ours: TestClient) -> None:
    """openenv looks the action's "type" up in a dict of MCP action kinds before validating it."""
    body = {"action": {"type": [1], "operation": "wait"}}
    assert bare.post("/step", json=body).status_code == 500
    assert ours.post("/step", json=body).status_code == 422


@pytest.mark.parametrize(
    "action",
    [
        '{"operation": "submit", "confidence": NaN}',  # openenv echoes the NaN into a 422 it cannot encode
        '{"operation": "draft_reply", "reply": "\\ud800"}',  # nor can any answer that echoes it
    ],
)
def test_values_json_cannot_carry_are_a_500_bare_and_a_422_here(
    bare: TestClient, ours: TestClient, action: str
) -> None:
    for client, status in ((bare, 500), (ours, 422)):
        episode_id = client.post("/reset", json={}).json()["observation"]["episode_id"]
        assert post_raw(client, "/step", f'{{"episode_id": "{episode_id}", "action": {action}}}').status_code == status


@pytest.mark.parametrize("frame", ["[" * 5000 + "]" * 5000, "[1, 2]", '{"type": "step", "data": {"reply": "\\ud800"}}'])
def test_a_bad_frame_ends_the_bare_session_and_not_ours(bare: TestClient, ours: TestClient, frame: str) -> None:
    """openenv's /ws loop parses a frame with json.loads and calls .get on it outside its
    error handling: a deep frame (RecursionError), a non-object or an unsendable answer ends it."""
    with bare.websocket_connect("/ws") as ws:
        ws.send_text(json.dumps({"type": "reset", "data": {}}))
        ws.receive_json()
        ws.send_text(frame)
        with pytest.raises(WebSocketDisconnect):
            ws.receive_json()
            ws.send_text(json.dumps({"type": "state"}))
            ws.receive_json()
    with ours.websocket_connect("/ws") as ws:
        ws.send_text(json.dumps({"type": "reset", "data": {}}))
        episode_id = ws.receive_json()["data"]["observation"]["episode_id"]
        ws.send_text(frame)
        assert ws.receive_json()["type"] == "error"
        ws.send_text(json.dumps({"type": "state"}))
        assert ws.receive_json()["data"]["episode_id"] == episode_id


def test_an_anonymous_mcp_call_holds_a_session_bare_and_nothing_here(bare: TestClient, ours: TestClient) -> None:
    call = {"jsonrpc": "2.0", "id": 1, "method": "openenv/session/create"}
    assert "session_id" in bare.post("/mcp", json=call).json()["result"]
    answer = ours.post("/mcp", json=call).json()
    assert answer["error"]["code"] == -32601 and "result" not in answer

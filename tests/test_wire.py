"""The wire against input meant to break it (issue 12, item 4).

- Every HTTP body and WebSocket frame is checked before it is parsed: nesting depth, strict
  UTF-8, no lone surrogates. HTTP answers 422 naming what was wrong; WebSocket answers an error
  frame and the session and its episode go on.
- Episode ids are issued by the server only, and an HTTP /step cannot step a WebSocket
  session's episode.
- openenv's /mcp routes are gone; a stub POST /mcp refuses every call, so anonymous MCP calls
  cannot hold session slots.

HTTP tests run in-process (TestClient) and against a real uvicorn on 127.0.0.1; WebSocket tests
run in-process and over a real socket. Examples are few and bounded in time.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import servers
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import connect as ws_connect

from caseops.environment import STORE
from caseops.server import MAX_JSON_DEPTH, check_json, json_depth

CLASSIFY = {"operation": "classify", "queue": "billing_ops", "priority": "high", "issue_type": "duplicate_charge"}
JSON = {"content-type": "application/json"}
LONE = "\\ud800"  # as JSON escapes it: the text of the body holds the six characters


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# ---- fixtures ----


def new_episode(http: httpx.Client) -> str:
    response = http.post("/reset", json={"task_id": "billing_refund_easy"})
    assert response.status_code == 200, response.text
    return response.json()["observation"]["episode_id"]


def refusal(response: httpx.Response, kind: str) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    (error,) = response.json()["detail"]
    assert error["type"] == kind, error
    assert error["msg"]
    return error


# ---- the checks themselves ----


def test_depth_is_counted_without_parsing_and_ignores_brackets_in_strings() -> None:
    assert json_depth('{"a": [1, {"b": []}]}') == 4
    assert json_depth('{"reply": "[[[[{{{{ \\" [[["}') == 1
    assert json_depth(nested(100_000)) == 100_000  # no recursion, no RecursionError
    assert json_depth("") == 0


def test_check_json_names_the_place_of_a_lone_surrogate() -> None:
    refused, _ = check_json('{"action": {"requested_fields": ["ok", "x' + LONE + '"]}}', 32, root=["body"])
    assert refused is not None and refused["loc"] == ["body", "action", "requested_fields", 1]
    refused, _ = check_json('{"' + LONE + '": 1}', 32, root=[])
    assert refused is not None and refused["code"] == "INVALID_UNICODE"
    json.dumps(refused)  # the refusal itself can be sent
    assert check_json('{"reply": "Grüße \\ud83d\\ude80"}', 32, root=[]) == (None, {"reply": "Grüße \U0001f680"})


# ---- HTTP ----


@pytest.mark.parametrize("path", ["/reset", "/step"])
def test_json_nested_1000_deep_is_a_422_not_a_500(http: httpx.Client, path: str) -> None:
    for body in (nested(1000), '{"action": ' + nested(1000) + ', "episode_id": "x"}'):
        error = refusal(http.post(path, content=body, headers=JSON), "json_too_deep")
        assert str(MAX_JSON_DEPTH) in error["msg"] and error["loc"] == ["body"]


def test_nesting_up_to_the_limit_is_not_refused_for_its_depth(http: httpx.Client) -> None:
    episode_id = new_episode(http)
    body = json.dumps(
        {"action": {"operation": "wait", "metadata": json.loads(nested(MAX_JSON_DEPTH - 2))}, "episode_id": episode_id}
    )
    response = http.post("/step", content=body, headers=JSON)
    assert response.status_code == 200 or response.json()["detail"][0]["type"] != "json_too_deep", response.text


@pytest.mark.parametrize(
    ("path", "body", "loc"),
    [
        ("/reset", '{"task_id": "' + LONE + '"}', ["body", "task_id"]),
        ("/reset", '{"episode_id": "' + LONE + '"}', ["body", "episode_id"]),
        (
            "/step",
            '{"action": {"operation": "draft_reply", "reply": "Hello ' + LONE + '"}, "episode_id": "EID"}',
            ["body", "action", "reply"],
        ),
        ("/step", '{"action": {"operation": "wait"}, "episode_id": "EID", "' + LONE + '": 1}', ["body", "\\ud800"]),
    ],
)
def test_a_lone_surrogate_is_a_422_naming_where_and_the_episode_goes_on(
    http: httpx.Client, path: str, body: str, loc: list[Any]
) -> None:
    episode_id = new_episode(http)
    error = refusal(http.post(path, content=body.replace("EID", episode_id), headers=JSON), "string_unicode")
    assert error["loc"] == loc
    assert "surrogate" in error["msg"]
    routed = http.post("/step", json={"action": CLASSIFY, "episode_id": episode_id})
    assert routed.status_code == 200 and routed.json()["observation"]["workflow_stage"] == "drafting"


@pytest.mark.parametrize("raw", [b'{"task_id": "\xed\xa0\x80"}', b'{"task_id": "\xff"}', b"\xc3"])
def test_a_body_that_is_not_utf8_is_a_422(http: httpx.Client, raw: bytes) -> None:
    for path in ("/reset", "/step"):
        assert "UTF-8" in refusal(http.post(path, content=raw, headers=JSON), "utf8_invalid")["msg"]


def test_valid_unicode_and_brackets_in_text_pass(http: httpx.Client) -> None:
    episode_id = new_episode(http)
    http.post("/step", json={"action": CLASSIFY, "episode_id": episode_id})
    reply = "Grüße 🚀 " + "[" * 200 + " we refund the duplicate charge."
    response = http.post(
        "/step", json={"action": {"operation": "draft_reply", "reply": reply}, "episode_id": episode_id}
    )
    assert response.status_code == 200 and response.json()["observation"]["error"] is None


LONE_TEXT = st.text(max_size=10).flatmap(
    lambda text: st.sampled_from([text + "\ud800", "\udfff" + text, text + "\udc00x"])
)


@settings(max_examples=30, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(
    field=st.sampled_from(["reply", "internal_note", "query", "queue", "operation"]),
    text=LONE_TEXT,
    depth=st.integers(MAX_JSON_DEPTH + 1, 3000),
)
def test_surrogates_and_deep_nesting_anywhere_are_never_a_500(
    app_client: TestClient, field: str, text: str, depth: int
) -> None:
    body = json.dumps(
        {"action": {"operation": "draft_reply", field: text}, "episode_id": "x"}
    )  # ensure_ascii escapes it
    assert refusal(app_client.post("/step", content=body, headers=JSON), "string_unicode")["loc"][-1] == field
    deep = (
        json.dumps({"action": {"operation": "wait", field: "x"}, "episode_id": "x"})[:-1]
        + ', "extra": '
        + nested(depth)
        + "}"
    )
    for path in ("/step", "/reset"):
        refusal(app_client.post(path, content=deep, headers=JSON), "json_too_deep")


# ---- episode ids are the server's ----


def test_a_client_chosen_episode_id_on_reset_is_refused(http: httpx.Client) -> None:
    response = http.post("/reset", json={"task_id": "billing_refund_easy", "episode_id": "alice-1"})
    assert response.status_code == 422
    assert "episode_id" in response.json()["detail"] and "issued by the server" in response.json()["detail"]
    assert STORE.get("alice-1") is None
    assert http.get("/episodes/alice-1").status_code == 404


def test_a_ws_reset_with_a_chosen_id_is_an_error_and_the_session_goes_on(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "reset", "data": {"task_id": "billing_refund_easy"}})
        episode_id = ws.receive_json()["data"]["observation"]["episode_id"]
        ws.send_json({"type": "reset", "data": {"task_id": "api_incident_hard", "episode_id": "alice-1"}})
        reply = ws.receive_json()
        assert reply["type"] == "error" and "issued by the server" in reply["data"]["message"]
        assert STORE.get("alice-1") is None
        ws.send_json({"type": "step", "data": CLASSIFY})
        stepped = ws.receive_json()["data"]["observation"]
        assert stepped["episode_id"] == episode_id and stepped["workflow_stage"] == "drafting"


def test_http_cannot_step_a_websocket_sessions_episode(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "reset", "data": {"task_id": "billing_refund_easy"}})
        episode_id = ws.receive_json()["data"]["observation"]["episode_id"]
        response = app_client.post("/step", json={"action": CLASSIFY, "episode_id": episode_id})
        assert response.status_code == 409 and "WebSocket session" in response.json()["detail"]
        ws.send_json({"type": "state"})
        state = ws.receive_json()["data"]
        assert state["step_count"] == 0 and state["workflow_stage"] == "classifying"
        ws.send_json({"type": "step", "data": CLASSIFY})
        assert ws.receive_json()["data"]["observation"]["workflow_stage"] == "drafting"
    # an HTTP episode is still HTTP's to step
    http_episode = new_episode(app_client)
    assert app_client.post("/step", json={"action": CLASSIFY, "episode_id": http_episode}).status_code == 200


# ---- /mcp ----


def test_mcp_serves_nothing_and_creates_nothing(http: httpx.Client) -> None:
    """openenv's /mcp is replaced by a stub (openenv validate --url needs POST /mcp to answer
    JSON-RPC): every call is a JSON-RPC "method not found"; no session is created."""
    for method in ("openenv/session/create", "tools/list", "tools/call"):
        response = http.post("/mcp", json={"jsonrpc": "2.0", "id": 7, "method": method, "params": {}})
        assert response.status_code == 200
        payload = response.json()
        assert payload["jsonrpc"] == "2.0" and payload["id"] == 7 and "result" not in payload
        assert payload["error"]["code"] == -32601 and "no MCP" in payload["error"]["message"]
    garbled = http.post("/mcp", content=b"{not json", headers=JSON)
    assert garbled.status_code == 200 and garbled.json()["error"]["code"] == -32700
    assert refusal(http.post("/mcp", content=nested(1000), headers=JSON), "json_too_deep")
    assert "/mcp" not in http.get("/openapi.json").json()["paths"]


def test_ws_mcp_route_is_gone(app_client: TestClient) -> None:
    from starlette.websockets import WebSocketDisconnect

    with pytest.raises(WebSocketDisconnect), app_client.websocket_connect("/mcp") as ws:
        ws.receive_json()


# ---- over a real uvicorn ----


def ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://") + "/ws"


def ask(ws: Any, frame: str | bytes) -> dict[str, Any]:
    ws.send(frame)
    return json.loads(ws.recv(timeout=10))


def test_bad_frames_over_a_real_socket_keep_the_session_and_its_episode(live_url: str) -> None:
    with ws_connect(ws_url(live_url), open_timeout=10) as ws:
        episode_id = ask(ws, json.dumps({"type": "reset", "data": {"task_id": "billing_refund_easy"}}))["data"][
            "observation"
        ]["episode_id"]
        assert ask(ws, json.dumps({"type": "step", "data": CLASSIFY}))["type"] == "observation"
        bad = {
            '{"type": "step", "data": ' + nested(5000) + "}": "JSON_TOO_DEEP",
            nested(5000): "JSON_TOO_DEEP",
            '{"type": "step", "data": {"operation": "draft_reply", "reply": "x' + LONE + '"}}': "INVALID_UNICODE",
            '{"type": "reset", "data": {"task_id": "' + LONE + '"}}': "INVALID_UNICODE",
            '{"type": "reset", "data": {"episode_id": "' + LONE + '"}}': "INVALID_UNICODE",
            b'{"type": "state", "x": "\xed\xa0\x80"}': "INVALID_UTF8",
        }
        for frame, code in bad.items():
            reply = ask(ws, frame)
            assert reply["type"] == "error" and reply["data"]["code"] == code, (frame[:40], reply)
        state = ask(ws, json.dumps({"type": "state"}))["data"]
        assert state["episode_id"] == episode_id and state["step_count"] == 1 and state["workflow_stage"] == "drafting"
        reply = ask(
            ws,
            json.dumps(
                {"type": "step", "data": {"operation": "draft_reply", "reply": "We refund the duplicate charge."}}
            ),
        )
        assert reply["type"] == "observation" and reply["data"]["observation"]["episode_id"] == episode_id


def test_http_cannot_step_a_live_sessions_episode_over_a_real_server(live_url: str) -> None:
    with (
        ws_connect(ws_url(live_url), open_timeout=10) as ws,
        httpx.Client(base_url=live_url, timeout=10, trust_env=False) as http,
    ):
        episode_id = ask(ws, json.dumps({"type": "reset", "data": {"task_id": "billing_refund_easy"}}))["data"][
            "observation"
        ]["episode_id"]
        response = http.post("/step", json={"action": {"operation": "wait"}, "episode_id": episode_id})
        assert response.status_code == 409
        assert ask(ws, json.dumps({"type": "state"}))["data"]["step_count"] == 0


def test_anonymous_mcp_calls_hold_no_session_slots(live_url: str) -> None:
    base_url = servers.shared_server(**servers.CAPACITY_ENV)  # at most 2 sessions
    with httpx.Client(base_url=base_url, timeout=10, trust_env=False) as http:
        for _ in range(70):  # more than openenv's default cap of 64
            response = http.post(
                "/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "openenv/session/create", "params": {}}
            )
            assert response.status_code == 200 and "session_id" not in json.dumps(response.json())
    with ws_connect(ws_url(base_url), open_timeout=10) as a, ws_connect(ws_url(base_url), open_timeout=10) as b:
        for ws in (a, b):
            assert ask(ws, json.dumps({"type": "reset", "data": {}}))["type"] == "observation"

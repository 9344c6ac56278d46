"""The CaseOps server over the wire: HTTP routes, WebSocket sessions, errors, gold hygiene.

HTTP tests run twice: in-process (TestClient on `build_app()`) and against a real uvicorn
server. WebSocket protocol tests use TestClient; session capacity uses the typed client on a
real server started with CASEOPS_MAX_SESSIONS=2.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
import servers
import yaml
from fastapi.testclient import TestClient
from websockets.exceptions import ConnectionClosed

from caseops.client import CaseOpsEnv
from caseops.environment import STORE
from caseops.models import SupportDeskObservation
from caseops.policies.oracle import OraclePolicy
from caseops.scenarios import TASK_IDS, TASKS
from caseops.trajectories import action_record
from caseops.vocab import RESOLUTION_CODES

TASK_ORDER = list(TASK_IDS)
ORACLE = OraclePolicy()
# Keys that only the server-side gold carries; none may appear anywhere on the wire.
GOLD_KEYS = {
    "gold",
    "reply_claims",
    "note_claims",
    "forbidden_claims",
    "final_statuses",
    "tolerated_fields",
    "over_escalation_queues",
    "over_escalation_statuses",
    "patterns",
    "required_evidence",
    "reference_reply",
    "reference_note",
}
CLASSIFY_BILLING = dict(operation="classify", queue="billing_ops", priority="normal", issue_type="duplicate_charge")
CLASSIFY_GENERAL = dict(operation="classify", queue="general_support", priority="low", issue_type="general_question")


# ---- fixtures and helpers ----


def parse_observation(payload: dict[str, Any]) -> SupportDeskObservation:
    return SupportDeskObservation(
        **payload["observation"], reward=payload.get("reward"), done=payload.get("done", False)
    )


def reset(http: httpx.Client, **body: Any) -> dict[str, Any]:
    response = http.post("/reset", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def step(http: httpx.Client, episode_id: str, action: dict[str, Any]) -> dict[str, Any]:
    response = http.post("/step", json={"action": action, "episode_id": episode_id})
    assert response.status_code == 200, response.text
    return response.json()


def episode_state(http: httpx.Client, episode_id: str) -> dict[str, Any]:
    response = http.get(f"/episodes/{episode_id}")
    assert response.status_code == 200, response.text
    return response.json()


def without_episode_id(payload: dict[str, Any]) -> dict[str, Any]:
    observation = dict(payload["observation"])
    observation.pop("episode_id")
    return {**payload, "observation": observation}


def all_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | set().union(*(all_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(all_keys(v) for v in value))
    return set()


def without_vocab(payload: dict[str, Any]) -> dict[str, Any]:
    """An observation payload minus the vocabulary lists, which legitimately name every label."""
    observation = {k: v for k, v in payload["observation"].items() if not k.startswith("available_")}
    return {**payload, "observation": observation}


def ws_send(ws: Any, message: Any) -> dict[str, Any]:
    if isinstance(message, str):
        ws.send_text(message)
    else:
        ws.send_json(message)
    return ws.receive_json()


# ---- /tasks ----


def test_tasks_lists_every_task_in_order_with_difficulty(http: httpx.Client) -> None:
    response = http.get("/tasks")
    assert response.status_code == 200
    tasks = response.json()
    assert [t["task_id"] for t in tasks] == TASK_ORDER
    assert [t["difficulty"] for t in tasks] == [TASKS[t].difficulty for t in TASK_ORDER]
    assert [t["difficulty"] for t in tasks][:4] == ["easy", "medium", "hard", "hard"]
    for task in tasks:
        assert not {"queue", "gold", "resolution", "resolution_code"} & set(task)
        assert not GOLD_KEYS & all_keys(task)
        assert task["objective"]


def test_tasks_agree_with_openenv_yaml(app_client: TestClient) -> None:
    manifest = yaml.safe_load((servers.REPO_ROOT / "openenv.yaml").read_text())
    declared = [(t["id"], t["difficulty"]) for t in manifest["tasks"]]
    served = [(t["task_id"], t["difficulty"]) for t in app_client.get("/tasks").json()]
    assert served == declared


# ---- a whole episode over HTTP ----


def test_http_episode_continues_by_episode_id_until_submit(http: httpx.Client) -> None:
    first = reset(http, task_id="billing_refund_easy")
    episode_id = first["observation"]["episode_id"]
    assert episode_id and first["done"] is False and first["reward"] is None
    assert first["observation"]["workflow_stage"] == "classifying"
    assert episode_state(http, episode_id)["step_count"] == 0

    payload, stages = first, ["classifying"]
    while not payload["done"]:
        action = ORACLE(parse_observation(payload))
        payload = step(http, episode_id, action_record(action))
        state = episode_state(http, episode_id)
        assert payload["observation"]["episode_id"] == episode_id
        assert state["step_count"] == len(stages)
        assert state["workflow_stage"] == payload["observation"]["workflow_stage"]
        stages.append(payload["observation"]["workflow_stage"])
        assert len(stages) < 20
    assert action.operation == "submit"
    # classify, then the record, the two refunds and the reply in drafting, the note, the submit
    assert stages == ["classifying", *["drafting"] * 5, "ready_to_submit", "closed"]
    assert payload["observation"]["score"] > 0.9

    final = episode_state(http, episode_id)
    assert final["done"] is True and final["episode_id"] == episode_id
    assert final["task_id"] == "billing_refund_easy" and final["step_count"] == len(stages) - 1
    assert final["case"]["resolution_code"] == "refund_issued"

    # A step after the end is answered, changes nothing, and says so.
    after = step(http, episode_id, {"operation": "wait"})
    assert after["done"] is True and after["reward"] == 0.0
    assert "over" in after["observation"]["error"]
    assert episode_state(http, episode_id) == final


def test_two_http_episodes_are_independent(http: httpx.Client) -> None:
    a = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    b = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    assert a != b
    step(http, a, CLASSIFY_BILLING)
    step(http, b, CLASSIFY_GENERAL)
    step(http, a, {"operation": "draft_reply", "reply": "We are looking into the duplicate charge."})
    state_a, state_b = episode_state(http, a), episode_state(http, b)
    assert (state_a["step_count"], state_b["step_count"]) == (2, 1)
    assert state_a["case"]["queue"] == "billing_ops" and state_b["case"]["queue"] == "general_support"
    assert state_b["case"]["reply_draft"] is None


def test_bare_reset_starts_the_first_task(http: httpx.Client) -> None:
    assert reset(http)["observation"]["task_id"] == TASK_ORDER[0]


# ---- errors ----


def test_unknown_task_is_404_naming_it(http: httpx.Client) -> None:
    response = http.post("/reset", json={"task_id": "no_such_task"})
    assert response.status_code == 404
    assert "no_such_task" in response.json()["detail"]
    assert "billing_refund_easy" in response.json()["detail"]  # and what would have worked


def test_task_id_of_wrong_type_is_422(http: httpx.Client) -> None:
    response = http.post("/reset", json={"task_id": 5})
    assert response.status_code == 422
    assert "task_id" in str(response.json()["detail"])


def test_unknown_episode_is_404(http: httpx.Client) -> None:
    response = http.post("/step", json={"action": {"operation": "wait"}, "episode_id": "never-issued"})
    assert response.status_code == 404
    assert "never-issued" in response.json()["detail"]
    assert http.get("/episodes/never-issued").status_code == 404


def test_step_without_episode_id_is_409(http: httpx.Client) -> None:
    response = http.post("/step", json={"action": {"operation": "wait"}})
    assert response.status_code == 409
    assert "reset" in response.json()["detail"]


BAD_ACTIONS = {
    "operation_not_a_string": ({"operation": 5}, "operation"),
    "requested_fields_not_a_list": ({"operation": "request_info", "requested_fields": "x"}, "requested_fields"),
    "requested_field_unknown": ({"operation": "request_info", "requested_fields": ["pin_code"]}, "requested_fields"),
    "queue_unknown": ({**CLASSIFY_BILLING, "queue": "sales"}, "queue"),
    "extra_field": ({"operation": "wait", "urgency": "now"}, "urgency"),
    "reply_of_1_mb": ({"operation": "draft_reply", "reply": "x" * 1_000_000}, "reply"),
    "operation_missing": ({"queue": "billing_ops"}, "operation"),
}


@pytest.mark.parametrize("case", list(BAD_ACTIONS))
def test_bad_action_is_422_naming_the_field_and_loses_nothing(http: httpx.Client, case: str) -> None:
    bad, field = BAD_ACTIONS[case]
    episode_id = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    step(http, episode_id, CLASSIFY_BILLING)
    before = episode_state(http, episode_id)

    response = http.post("/step", json={"action": bad, "episode_id": episode_id})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(field in error["loc"] for error in errors), errors

    assert episode_state(http, episode_id) == before
    after = step(http, episode_id, {"operation": "add_internal_note", "internal_note": "Refund the duplicate charge."})
    assert after["observation"]["error"] is None
    assert episode_state(http, episode_id)["step_count"] == before["step_count"] + 1


@pytest.mark.parametrize("bad_id", [5, ["a"], {"id": "x"}])
def test_episode_id_of_wrong_type_is_422_and_loses_nothing(http: httpx.Client, bad_id: Any) -> None:
    episode_id = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    response = http.post("/step", json={"action": CLASSIFY_BILLING, "episode_id": bad_id})
    assert response.status_code == 422
    assert "episode_id" in str(response.json()["detail"])
    assert episode_state(http, episode_id)["step_count"] == 0
    assert step(http, episode_id, CLASSIFY_BILLING)["observation"]["workflow_stage"] == "drafting"


def test_refused_operation_is_an_error_observation_not_an_http_error(http: httpx.Client) -> None:
    episode_id = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    payload = step(http, episode_id, {"operation": "wait"})
    assert "not allowed" in payload["observation"]["error"]
    assert payload["reward"] < 0
    assert payload["observation"]["workflow_stage"] == "classifying"
    assert_no_gold([payload, episode_state(http, episode_id)], "billing_refund_easy")


# ---- determinism ----


def run_http_oracle(http: httpx.Client, task_id: str, seed: int | None = None) -> list[dict[str, Any]]:
    body: dict[str, Any] = {"task_id": task_id} if seed is None else {"task_id": task_id, "seed": seed}
    payloads = [reset(http, **body)]
    episode_id = payloads[0]["observation"]["episode_id"]
    while not payloads[-1]["done"]:
        payloads.append(step(http, episode_id, action_record(ORACLE(parse_observation(payloads[-1])))))
        assert len(payloads) < 30
    return payloads


@pytest.mark.parametrize("task_id", TASK_ORDER)
def test_same_task_and_seed_give_the_same_observations(http: httpx.Client, task_id: str) -> None:
    first = reset(http, task_id=task_id, seed=7)
    second = reset(http, task_id=task_id, seed=7)
    assert first["observation"]["episode_id"] != second["observation"]["episode_id"]
    assert without_episode_id(first) == without_episode_id(second)


@pytest.mark.parametrize("task_id", ["account_takeover_medium", "regulated_export_exception_hard"])
def test_same_actions_give_the_same_observation_sequence(http: httpx.Client, task_id: str) -> None:
    one = run_http_oracle(http, task_id, seed=3)
    two = run_http_oracle(http, task_id, seed=3)
    assert len(one) == len(two) > 3
    assert [without_episode_id(p) for p in one] == [without_episode_id(p) for p in two]


# ---- no gold on the wire ----


def assert_no_gold(blobs: list[Any], task_id: str) -> None:
    claim_names = {
        c.name
        for case in TASKS[task_id].cases
        for c in case.gold.reply_claims + case.gold.note_claims + case.gold.forbidden_claims
    }
    text = json.dumps(blobs)
    assert "gold" not in text.lower()
    assert not {name for name in claim_names if name in text}
    assert not GOLD_KEYS & all_keys(blobs)


@pytest.mark.parametrize("task_id", TASK_ORDER)
def test_no_gold_leaves_the_server_in_an_oracle_episode(http: httpx.Client, task_id: str) -> None:
    gold = TASKS[task_id].cases[0].gold
    first = reset(http, task_id=task_id)
    episode_id = first["observation"]["episode_id"]
    # Before the agent routes anything, the gold labels are nowhere outside the vocabularies.
    opening = json.dumps(without_vocab(first))
    for label in (gold.queue, gold.issue_type, gold.resolution_code, *gold.requested_fields):
        assert label not in opening, label

    blobs: list[Any] = [first, http.get("/tasks").json(), http.get("/state").json(), episode_state(http, episode_id)]
    payload, submitted = first, False
    while not payload["done"]:
        action = ORACLE(parse_observation(payload))
        payload = step(http, episode_id, action_record(action))
        state = episode_state(http, episode_id)
        blobs += [payload, state]
        submitted = action.operation == "submit"
        if not submitted and payload["observation"]["queue_position"] == 1:
            assert gold.resolution_code not in json.dumps([without_vocab(payload), state])
    assert submitted and payload["observation"]["score"] > 0.9
    assert_no_gold(blobs, task_id)


@pytest.mark.parametrize("task_id", TASK_ORDER)
def test_a_wrong_submit_does_not_reveal_the_right_answer(http: httpx.Client, task_id: str) -> None:
    gold = TASKS[task_id].cases[0].gold
    wrong = next(code for code in RESOLUTION_CODES if code != gold.resolution_code)
    episode_id = reset(http, task_id=task_id)["observation"]["episode_id"]
    payload = step(http, episode_id, {"operation": "submit", "status": "resolved", "resolution_code": wrong})
    state = episode_state(http, episode_id)
    assert payload["done"] is (len(TASKS[task_id].cases) == 1)
    assert state["case_results"][0]["case_id"] == TASKS[task_id].cases[0].case_id
    text = json.dumps([without_vocab(payload), state])
    for label in (gold.resolution_code, gold.queue, gold.issue_type, *gold.requested_fields):
        assert label not in text, label
    assert_no_gold([payload, state], task_id)


# ---- WebSocket sessions (TestClient) ----


def test_ws_reset_step_state(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        reply = ws_send(ws, {"type": "reset", "data": {"task_id": "api_incident_hard"}})
        assert reply["type"] == "observation"
        observation = reply["data"]["observation"]
        assert observation["task_id"] == "api_incident_hard" and reply["data"]["done"] is False

        reply = ws_send(ws, {"type": "step", "data": action_record(ORACLE(parse_observation(reply["data"])))})
        assert reply["type"] == "observation" and reply["data"]["observation"]["error"] is None
        assert reply["data"]["reward"] > 0

        state = ws_send(ws, {"type": "state"})
        assert state["type"] == "state"
        assert state["data"]["episode_id"] == observation["episode_id"]
        assert state["data"]["step_count"] == 1
        assert state["data"]["workflow_stage"] == reply["data"]["observation"]["workflow_stage"]


WS_BAD_FRAMES = {
    "not_json": ("{this is not json", "INVALID_JSON"),
    "unknown_type": ({"type": "teleport", "data": {}}, "UNKNOWN_TYPE"),
    "invalid_action": ({"type": "step", "data": {"operation": 5}}, "VALIDATION_ERROR"),
    "unknown_field": ({"type": "step", "data": {"operation": "wait", "urgency": 1}}, "VALIDATION_ERROR"),
    "step_without_data": ({"type": "step"}, "VALIDATION_ERROR"),
    "unknown_task": ({"type": "reset", "data": {"task_id": "no_such_task"}}, "EXECUTION_ERROR"),
}


def test_ws_bad_frames_are_errors_and_the_session_goes_on(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        ws_send(ws, {"type": "reset", "data": {"task_id": "billing_refund_easy"}})
        assert ws_send(ws, {"type": "step", "data": CLASSIFY_BILLING})["type"] == "observation"
        for name, (frame, code) in WS_BAD_FRAMES.items():
            reply = ws_send(ws, frame)
            assert reply["type"] == "error", name
            assert reply["data"]["code"] == code, (name, reply)
            if name == "unknown_task":
                assert "no_such_task" in reply["data"]["message"]
            if name == "invalid_action":
                assert any("operation" in e["loc"] for e in reply["data"]["errors"])
        state = ws_send(ws, {"type": "state"})["data"]
        assert state["step_count"] == 1 and state["task_id"] == "billing_refund_easy"

        reply = ws_send(ws, {"type": "step", "data": {"operation": "draft_reply", "reply": "We will refund you."}})
        assert reply["type"] == "observation" and reply["data"]["observation"]["error"] is None
        assert ws_send(ws, {"type": "state"})["data"]["step_count"] == 2


def test_ws_step_before_reset_is_an_error_and_the_session_goes_on(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        reply = ws_send(ws, {"type": "step", "data": {"operation": "wait"}})
        assert reply["type"] == "error" and "reset" in reply["data"]["message"]
        assert ws_send(ws, {"type": "reset", "data": {}})["type"] == "observation"


def test_ws_json_frame_that_is_not_an_object_keeps_the_session(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        ws_send(ws, {"type": "reset", "data": {}})
        assert ws_send(ws, [1, 2])["type"] == "error"
        assert ws_send(ws, {"type": "state"})["type"] == "state"


def test_ws_reset_with_non_string_episode_id_leaves_no_hidden_episode(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        assert ws_send(ws, {"type": "reset", "data": {"episode_id": 5}})["type"] == "error"
        assert STORE.get(5) is None  # type: ignore[arg-type]
        assert ws_send(ws, {"type": "state"})["type"] == "state"


def test_two_ws_sessions_are_independent(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as a, app_client.websocket_connect("/ws") as b:
        reset_billing = {"type": "reset", "data": {"task_id": "billing_refund_easy"}}
        id_a = ws_send(a, reset_billing)["data"]["observation"]["episode_id"]
        id_b = ws_send(b, reset_billing)["data"]["observation"]["episode_id"]
        assert id_a != id_b
        ws_send(a, {"type": "step", "data": CLASSIFY_BILLING})
        ws_send(b, {"type": "step", "data": CLASSIFY_GENERAL})
        ws_send(a, {"type": "step", "data": {"operation": "draft_reply", "reply": "Refund on its way."}})
        ws_send(a, {"type": "step", "data": {"operation": "add_internal_note", "internal_note": "Refunded."}})

        state_a = ws_send(a, {"type": "state"})["data"]
        state_b = ws_send(b, {"type": "state"})["data"]
        assert (state_a["episode_id"], state_b["episode_id"]) == (id_a, id_b)
        assert (state_a["step_count"], state_b["step_count"]) == (3, 1)
        assert state_a["case"]["queue"] == "billing_ops" and state_b["case"]["queue"] == "general_support"
        assert state_b["case"]["reply_draft"] is None and state_b["case"]["internal_note"] is None
        assert len(state_a["action_history"]) == 3 and len(state_b["action_history"]) == 1


# ---- capacity (typed client, real server with CASEOPS_MAX_SESSIONS=2) ----


@pytest.fixture(scope="module")
def capacity_url() -> str:
    servers.start_shared({}, servers.CAPACITY_ENV)
    return servers.shared_server(**servers.CAPACITY_ENV)


def open_session(url: str, task_id: str, timeout_s: float = 10.0) -> tuple[Any, SupportDeskObservation]:
    """A typed sync client and its reset observation; waits for earlier tests' slots to free."""
    deadline = time.monotonic() + timeout_s
    while True:
        client = CaseOpsEnv(base_url=url).sync()
        try:
            return client, client.reset(task_id=task_id).observation
        except (RuntimeError, ConnectionClosed):
            client.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def third_session_reset(url: str) -> None:
    third = CaseOpsEnv(base_url=url).sync()
    try:
        third.reset(task_id="billing_refund_easy")
    finally:
        third.close()


def test_a_session_beyond_capacity_is_refused_and_the_others_keep_working(capacity_url: str) -> None:
    first, obs_1 = open_session(capacity_url, "billing_refund_easy")
    second, obs_2 = open_session(capacity_url, "api_incident_hard")
    try:
        with pytest.raises(RuntimeError, match="CAPACITY"):
            third_session_reset(capacity_url)

        result_1 = first.step(ORACLE(obs_1))
        result_2 = second.step(ORACLE(obs_2))
        assert result_1.observation.error is None and result_2.observation.error is None
        assert first.state().step_count == 1 and second.state().step_count == 1
        assert first.state().task_id == "billing_refund_easy"
        assert second.state().task_id == "api_incident_hard"
    finally:
        first.close()
        second.close()


def test_the_refusal_is_a_clear_capacity_error(capacity_url: str) -> None:
    first, _ = open_session(capacity_url, "billing_refund_easy")
    second, _ = open_session(capacity_url, "billing_refund_easy")
    try:
        for _ in range(5):  # the server closes right after its refusal: each try must still read it
            with pytest.raises(RuntimeError, match="CAPACITY"):
                third_session_reset(capacity_url)
    finally:
        first.close()
        second.close()


# ---- fixes found by these tests ----


def test_a_live_episode_id_cannot_be_taken_over_by_another_reset(http: httpx.Client) -> None:
    episode_id = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    response = http.post("/reset", json={"task_id": "api_incident_hard", "episode_id": episode_id})
    assert response.status_code == 422 and "issued by the server" in response.json()["detail"]
    assert episode_state(http, episode_id)["task_id"] == "billing_refund_easy"


def test_a_refused_huge_reply_is_not_echoed_back(http: httpx.Client) -> None:
    episode_id = reset(http, task_id="billing_refund_easy")["observation"]["episode_id"]
    response = http.post(
        "/step", json={"action": {"operation": "draft_reply", "reply": "x" * 1_000_000}, "episode_id": episode_id}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "reply"
    assert len(response.content) < 5_000


def test_ws_binary_frame_is_an_error_and_the_session_goes_on(app_client: TestClient) -> None:
    with app_client.websocket_connect("/ws") as ws:
        ws_send(ws, {"type": "reset", "data": {}})
        ws.send_bytes(b'{"type": "state"}')
        assert ws.receive_json()["type"] == "state"
        ws.send_bytes(b"\xff\xfe")
        assert ws.receive_json()["type"] == "error"
        assert ws_send(ws, {"type": "state"})["type"] == "state"


def test_live_diagram_highlights_the_episode_state(http: httpx.Client) -> None:
    episode_id = reset(http, task_id="api_incident_hard")["observation"]["episode_id"]
    step(
        http,
        episode_id,
        {
            "operation": "classify",
            "queue": "platform_engineering",
            "priority": "urgent",
            "issue_type": "production_incident",
        },
    )
    response = http.get(f"/episodes/{episode_id}/diagram.svg")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    svg = response.text
    # The highlighted node group is the one whose title is the current stage.
    drafting = svg[svg.index("<title>drafting</title>") :].split("</g>", 1)[0]
    assert "darksalmon" in drafting
    assert svg.count('fill="darksalmon"') == 2  # the stage and the follow-up state
    assert http.get("/episodes/missing/diagram.svg").status_code == 404


@pytest.mark.parametrize("kind", [[1], {"a": 1}])
def test_an_action_type_of_the_wrong_kind_is_a_422_naming_it_and_the_episode_goes_on(
    http: httpx.Client, kind: object
) -> None:
    """openenv looks an action's "type" up in a dict before validating it: a list or an object
    there was a 500."""
    episode_id = http.post("/reset", json={"task_id": "billing_refund_easy"}).json()["observation"]["episode_id"]
    refused = http.post("/step", json={"action": {"operation": "wait", "type": kind}, "episode_id": episode_id})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "action", "type"]
    routed = http.post("/step", json={"action": CLASSIFY_BILLING, "episode_id": episode_id})
    assert routed.status_code == 200 and routed.json()["observation"]["workflow_stage"] == "drafting"

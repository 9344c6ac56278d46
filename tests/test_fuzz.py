"""Arbitrary input at every door: the answer is a valid observation or a clear refusal.

Hypothesis throws arbitrary JSON at HTTP /reset and /step and arbitrary frames at a WebSocket
session (in-process, TestClient on `build_app()`): never a 500, never a dead session.
Schemathesis walks the OpenAPI schema with no server error allowed. Oversized bodies and frames
are refused before they are parsed. Observations are built without re-validation on the step
path, so a property test checks that each one still validates as itself.

Hostile values (nesting deeper than the limit, lone surrogates, NaN and Infinity, numbers past
any sane range) are injected anywhere into otherwise plausible bodies and frames, by hypothesis and
through a schemathesis hook: the ones JSON cannot carry safely get a 422 or an error frame naming
them, and the episode or session goes on.

Examples are bounded and derandomized: the same inputs on every run, no example database.
"""

from __future__ import annotations

import asyncio
import functools
import json
import math
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from caseops import models
from caseops.environment import CaseOpsEnvironment
from caseops.models import CaseView, SupportDeskObservation, SupportDeskState, construct
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS
from caseops.server import MAX_BODY_BYTES, MAX_JSON_DEPTH, BodySizeLimit, build_app
from caseops.vocab import INFO_FIELDS, ISSUE_TYPES, OPERATIONS, PRIORITIES, QUEUES, RESOLUTION_CODES, STATUSES

BOUNDED = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# ---- strategies: arbitrary JSON, biased towards the words the server knows ----

KNOWN_KEYS = (
    "task_id", "seed", "episode_id", "hints", "action", "timeout_s", "operation", "queue", "priority",
    "issue_type", "status", "resolution_code", "requested_fields", "reply", "internal_note",
    "artifact_id", "query", "confidence", "metadata", "type", "data",
)  # fmt: skip
KNOWN_WORDS = (
    *TASK_IDS, *OPERATIONS, *QUEUES, *PRIORITIES, *ISSUE_TYPES, *STATUSES, *RESOLUTION_CODES, *INFO_FIELDS,
    "full", "minimal", "none", "gen/", "gen/x/1", "reset", "step", "state", "mcp",
)  # fmt: skip

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(KNOWN_WORDS)
)
keys = st.sampled_from(KNOWN_KEYS) | st.text(max_size=12)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=16,
)
json_objects = st.dictionaries(keys, json_values, max_size=6)
actions = st.fixed_dictionaries(
    {"operation": st.sampled_from(OPERATIONS) | json_values},
    optional={
        "queue": st.sampled_from(QUEUES) | json_values,
        "priority": st.sampled_from(PRIORITIES) | json_values,
        "issue_type": st.sampled_from(ISSUE_TYPES) | json_values,
        "status": st.sampled_from(STATUSES) | json_values,
        "resolution_code": st.sampled_from(RESOLUTION_CODES) | json_values,
        "requested_fields": st.lists(st.sampled_from(INFO_FIELDS), max_size=14) | json_values,
        "reply": st.text(max_size=300) | json_values,
        "internal_note": st.text(max_size=300) | json_values,
        "artifact_id": st.text(max_size=20) | json_values,
        "query": st.text(max_size=60) | json_values,
        "confidence": st.floats(allow_nan=False, allow_infinity=False) | json_values,
    },
)


# ---- hostile values: what breaks JSON parsers and encoders ----


def nested(depth: int) -> Any:
    return functools.reduce(lambda inner, _: [inner], range(depth), 0)


REFUSED = {  # each kind the guard refuses, with the code a WebSocket error frame names
    "deep": (st.integers(min_value=MAX_JSON_DEPTH + 1, max_value=400).map(nested), "JSON_TOO_DEEP"),
    "surrogate": (st.sampled_from(["\ud800", "ok \udfff then", "\udbff\udbff"]), "INVALID_UNICODE"),
    "not_finite": (st.sampled_from([math.nan, math.inf, -math.inf]), "NUMBER_NOT_FINITE"),
}
huge_numbers = st.sampled_from([10**300, -(2**1000), 1e308, -1e-308, 2**63, -(2**64)])  # valid JSON


@st.composite
def with_hostile(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """A plausible step body or frame data with one hostile value (or key) put somewhere."""
    value = draw(REFUSED[kind][0] if kind in REFUSED else huge_numbers)
    body: dict[str, Any] = {"action": draw(actions)}
    where = draw(st.sampled_from(["action", "top", "key", "list"]))
    if where == "action":
        body["action"][draw(st.sampled_from(["operation", "reply", "confidence", "queue", "artifact_id"]))] = value
    elif where == "top":
        body[draw(st.sampled_from(["episode_id", "timeout_s", "task_id", "hints", "seed"]))] = value
    elif where == "key" and isinstance(value, str):
        body["action"] = {**body["action"], value: 1}
    else:
        body["action"]["requested_fields"] = ["customer_email", value]
    return body


hostile_kinds = st.sampled_from([*REFUSED, "huge"])


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(build_app()) as test_client:
        yield test_client


def assert_observation(payload: dict[str, Any]) -> SupportDeskObservation:
    # openenv 0.10 adds "metadata" (null) to HTTP replies; WebSocket observations carry none
    assert set(payload) - {"metadata"} == {"observation", "reward", "done"}, payload
    assert payload.get("metadata") is None, payload
    return SupportDeskObservation(**payload["observation"], reward=payload["reward"], done=payload["done"])


def assert_clear_refusal(response: Any) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:500])
    detail = response.json()["detail"]
    assert detail, response.text


def assert_observation_or_clear_refusal(response: Any) -> None:
    if response.status_code == 200:
        assert_observation(response.json())
    else:
        assert_clear_refusal(response)


# ---- HTTP ----


@BOUNDED
@given(body=json_values | json_objects)
def test_reset_with_arbitrary_json_is_an_observation_or_a_clear_4xx(client: TestClient, body: Any) -> None:
    response = client.post("/reset", json=body)
    assert_observation_or_clear_refusal(response)


@pytest.fixture(scope="module")
def http_episode(client: TestClient) -> str:
    return client.post("/reset", json={"task_id": "account_takeover_medium"}).json()["observation"]["episode_id"]


@BOUNDED
@given(action=actions | json_values, extra=json_objects)
def test_step_with_arbitrary_json_is_an_observation_or_a_clear_4xx(
    client: TestClient, http_episode: str, action: Any, extra: dict[str, Any]
) -> None:
    body = {**extra, "action": action, "episode_id": http_episode}
    response = client.post("/step", json=body)
    assert_observation_or_clear_refusal(response)
    # The episode is still there and still answers.
    assert client.get(f"/episodes/{http_episode}").status_code == 200


@BOUNDED
@given(body=json_values | json_objects)
def test_step_body_of_any_shape_is_never_a_500(client: TestClient, body: Any) -> None:
    response = client.post("/step", json=body)
    assert_observation_or_clear_refusal(response)


@BOUNDED
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_bytes_that_are_not_json_are_a_clear_4xx(client: TestClient, raw: bytes) -> None:
    for path in ("/reset", "/step"):
        response = client.post(path, content=raw, headers={"content-type": "application/json"})
        assert_observation_or_clear_refusal(response)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-0.0", "123456789012345678901234567890"])
def test_numbers_json_cannot_carry_are_refused_or_ignored(client: TestClient, number: str) -> None:
    """Python's json module reads NaN and Infinity; the server must not trip over them."""
    for body in (
        f'{{"task_id": "billing_refund_easy", "seed": {number}}}',
        f'{{"seed": {number}, "hints": {number}}}',
    ):
        response = client.post("/reset", content=body, headers={"content-type": "application/json"})
        if response.status_code != 200:
            assert_clear_refusal(response)
    episode_id = client.post("/reset", json={}).json()["observation"]["episode_id"]
    body = f'{{"action": {{"operation": "submit", "status": "resolved", "resolution_code": "refund_issued", "confidence": {number}}}, "episode_id": "{episode_id}", "timeout_s": {number}}}'
    response = client.post("/step", content=body, headers={"content-type": "application/json"})
    assert_observation_or_clear_refusal(response)


@BOUNDED
@given(data=st.data(), kind=hostile_kinds)
def test_hostile_values_anywhere_are_refused_by_name(
    client: TestClient, http_episode: str, data: st.DataObject, kind: str
) -> None:
    body = data.draw(with_hostile(kind))
    body.setdefault("episode_id", http_episode)
    for path in ("/step", "/reset"):
        response = client.post(path, content=json.dumps(body), headers={"content-type": "application/json"})
        if kind in REFUSED:
            assert response.status_code == 422, (path, response.text[:300])
            assert response.json()["detail"][0]["loc"][0] == "body"
        else:
            assert_observation_or_clear_refusal(response)
    assert client.get(f"/episodes/{http_episode}").status_code == 200


# ---- WebSocket ----

frames = st.fixed_dictionaries(
    {"type": st.sampled_from(["reset", "step", "state", "mcp"]) | json_values},
    optional={"data": actions | json_objects | json_values},
).filter(lambda frame: frame.get("type") != "close") | json_values.filter(
    lambda value: not (isinstance(value, dict) and value.get("type") == "close")
)


def test_ws_arbitrary_frames_are_answered_and_the_session_lives(client: TestClient) -> None:
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "reset", "data": {"task_id": "api_incident_hard"}})
        assert ws.receive_json()["type"] == "observation"

        @BOUNDED
        @given(frame=frames | st.text(max_size=80) | st.binary(max_size=80))
        def one_frame(frame: Any) -> None:
            if isinstance(frame, bytes):
                ws.send_bytes(frame)
            elif isinstance(frame, str):
                ws.send_text(frame)
            else:
                ws.send_text(json.dumps(frame))
            reply = ws.receive_json()
            assert reply["type"] in {"observation", "state", "error", "mcp"}, reply
            if reply["type"] == "observation":
                assert_observation(reply["data"])
            if reply["type"] == "error":
                assert reply["data"]["message"] and reply["data"]["code"], reply
            ws.send_json({"type": "state"})
            state = ws.receive_json()
            assert state["type"] == "state", state
            SupportDeskState(**state["data"])

        one_frame()
        ws.send_json({"type": "reset", "data": {"task_id": "billing_refund_easy"}})
        assert ws.receive_json()["data"]["observation"]["task_id"] == "billing_refund_easy"


def test_ws_hostile_frames_get_an_error_frame_naming_them(client: TestClient) -> None:
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "reset", "data": {"task_id": "api_incident_hard"}})
        episode_id = ws.receive_json()["data"]["observation"]["episode_id"]

        @BOUNDED
        @given(data=st.data(), kind=hostile_kinds)
        def one_frame(data: st.DataObject, kind: str) -> None:
            body = data.draw(with_hostile(kind))
            ws.send_text(
                json.dumps({"type": data.draw(st.sampled_from(["step", "reset"])), "data": body["action"] | body})
            )
            reply = ws.receive_json()
            if kind in REFUSED:
                assert reply["type"] == "error" and reply["data"]["code"] == REFUSED[kind][1], reply
            else:
                assert reply["type"] in {"observation", "error"}, reply
            ws.send_json({"type": "state"})
            assert ws.receive_json()["type"] == "state"

        one_frame()
        ws.send_json({"type": "state"})
        state = ws.receive_json()["data"]
        assert state["episode_id"] and state["episode_id"] != "" and isinstance(episode_id, str)


# ---- schemathesis over the OpenAPI schema ----

schema = schemathesis.openapi.from_asgi("/openapi.json", build_app())


@schema.hook
def flatmap_body(context: Any, body: Any) -> st.SearchStrategy[Any]:
    """Half the bodies schemathesis draws get one hostile value in place of one of theirs (no
    NaN: its client refuses to send one; the hypothesis tests above do)."""
    if not isinstance(body, dict) or not body:
        return st.just(body)
    hostile = st.one_of(REFUSED["deep"][0], REFUSED["surrogate"][0], huge_numbers)
    return st.just(body) | st.tuples(st.sampled_from(sorted(body)), hostile).map(lambda kv: {**body, kv[0]: kv[1]})


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_openapi_schema_has_no_server_errors(case: Any) -> None:
    case.call_and_validate(checks=[not_a_server_error])


# ---- oversized bodies and frames ----


def test_a_body_declared_too_large_is_refused_with_413(client: TestClient) -> None:
    episode_id = client.post("/reset", json={}).json()["observation"]["episode_id"]
    body = json.dumps(
        {"action": {"operation": "draft_reply", "reply": "x" * (MAX_BODY_BYTES + 10)}, "episode_id": episode_id}
    )
    response = client.post("/step", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "too large" in response.json()["detail"] and str(MAX_BODY_BYTES) in response.json()["detail"]
    assert client.get(f"/episodes/{episode_id}").json()["step_count"] == 0


def test_a_streamed_body_is_refused_once_it_passes_the_limit(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):  # 40 chunks of 64 KiB: 2.5 MiB, no Content-Length
            yield b" " * 65536

    response = client.post("/reset", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "more than" in response.json()["detail"]

    # TestClient reads the whole upload before the app runs, so whether the refusal comes while
    # the body is still streaming is checked at the ASGI level: no chunk is read past the limit.
    received: list[int] = []
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        assert len(received) < 40, "the middleware kept reading past the limit"
        received.append(65536)
        return {"type": "http.request", "body": b" " * 65536, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("an oversized body reached the app")

    asyncio.run(BodySizeLimit(app)({"type": "http", "headers": []}, receive, send))
    assert sent[0]["status"] == 413
    assert sum(received) == (MAX_BODY_BYTES // 65536 + 1) * 65536  # the first chunk past the limit, no more


def test_a_body_within_the_limit_is_served(client: TestClient) -> None:
    padding = " " * (MAX_BODY_BYTES - 100)
    response = client.post(
        "/reset",
        content=padding + json.dumps({"task_id": "billing_refund_easy"}),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text[:300]


def test_an_oversized_ws_frame_is_refused_and_the_session_goes_on(client: TestClient) -> None:
    with client.websocket_connect("/ws") as ws:
        ws.send_json({"type": "reset", "data": {}})
        ws.receive_json()
        ws.send_text(
            json.dumps({"type": "step", "data": {"operation": "draft_reply", "reply": "y" * (MAX_BODY_BYTES + 1)}})
        )
        reply = ws.receive_json()
        assert reply["type"] == "error" and reply["data"]["code"] == "FRAME_TOO_LARGE"
        assert "too large" in reply["data"]["message"]
        ws.send_json({"type": "state"})
        assert ws.receive_json()["data"]["step_count"] == 0


# ---- observations built without validation are valid ----


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_every_observation_validates_as_itself(task_id: str) -> None:
    for seed in range(3):
        env = CaseOpsEnvironment()
        policy = RandomPolicy(seed)
        observation = env.reset(task_id=task_id, hints=("full", "minimal", "none")[seed])
        while True:
            again = SupportDeskObservation.model_validate(observation.model_dump())
            assert again == observation
            assert again.model_dump_json() == observation.model_dump_json()
            as_given = SupportDeskObservation.model_validate(observation.model_dump(exclude_unset=True))
            assert as_given == observation and as_given.model_fields_set == observation.model_fields_set
            assert list(as_given.__dict__) == list(observation.__dict__)
            if observation.done:
                break
            observation = env.step(policy(observation))
        env.close()


@pytest.fixture(params=["fast path", "model_construct"])
def construct_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each construct() test runs twice: on the fast path, and with it off (what construct does
    on a pydantic whose instance layout differs)."""
    if request.param == "model_construct":
        monkeypatch.setattr(models, "FAST_PATH", False)
    return str(request.param)


def _instance_state(model: pydantic.BaseModel) -> list[Any]:
    """Everything pydantic keeps on an instance (its __slots__), the field order included."""
    return [
        (slot, list(value.items()) if slot == "__dict__" else value, type(value))
        for slot in pydantic.BaseModel.__slots__
        for value in [getattr(model, slot)]
    ]


def test_the_installed_pydantic_takes_the_fast_path() -> None:
    # models.FAST_PATH holds on every supported pydantic (2.11 to 2.14). A version whose instance
    # layout differs turns it off: construct() stays correct (it calls model_construct) but a step
    # costs ~20% more; re-measure, and check the layout, before adding the version to the range.
    assert pydantic.BaseModel.__slots__ == models.FAST_LAYOUT, f"pydantic {pydantic.VERSION}"
    assert models.FAST_PATH


@pytest.mark.parametrize("hints", ["full", "none"])
def test_construct_leaves_instances_exactly_as_model_construct_does(construct_path: str, hints: str) -> None:
    """Every observation of an episode, rebuilt from its values both ways: the same __dict__ (in
    the same order), fields set, extra and private state, on whichever pydantic is installed."""
    env = CaseOpsEnvironment()
    policy = RandomPolicy(1)
    observation = env.reset(task_id=TASK_IDS[-1], hints=hints)
    for _ in range(12):
        for model in (observation, observation.case):
            cls = type(model)
            defaulted = tuple(name for name in cls.model_fields if name not in model.model_fields_set)
            values = dict(model.__dict__)
            built = construct(cls, dict(values), defaulted=defaulted)
            reference = cls.model_construct(set(values) - set(defaulted), **values)
            assert _instance_state(built) == _instance_state(reference) == _instance_state(model)
            assert built == model and built.model_dump_json() == model.model_dump_json()
        if observation.done:
            break
        observation = env.step(policy(observation))
    env.close()
    state = construct(SupportDeskState, {"step_count": 2, "task_id": "t"})
    assert _instance_state(state) == _instance_state(SupportDeskState.model_construct(step_count=2, task_id="t"))


def test_construct_matches_model_construct(construct_path: str) -> None:
    given = {"fields_provided": ["a"], "queue": "billing_ops"}  # out of order, some omitted
    built = construct(CaseView, dict(given))
    reference = CaseView.model_construct(**given)
    assert built == reference and built.model_fields_set == reference.model_fields_set == set(given)
    assert list(built.__dict__) == list(CaseView.model_fields)
    assert built.requested_fields == [] and built.requested_fields is not construct(CaseView, {}).requested_fields
    with pytest.raises(TypeError, match="no field"):
        construct(CaseView, {"colour": "red"})
    with pytest.raises(TypeError, match="required"):
        construct(SupportDeskObservation, {"task_id": "x"})
    state = construct(SupportDeskState, {"step_count": 2})
    assert state == SupportDeskState(step_count=2) and state.model_extra == {}


def test_construct_in_order_counts_every_field_but_the_defaulted_ones_as_set(construct_path: str) -> None:
    given = {name: CaseView.model_fields[name].get_default(call_default_factory=True) for name in CaseView.model_fields}
    given["queue"] = "billing_ops"
    built = construct(CaseView, dict(given), defaulted=("reply_draft",))
    assert built.model_fields_set == set(CaseView.model_fields) - {"reply_draft"}
    again = construct(CaseView, dict(given), defaulted=("reply_draft",))
    assert again.model_fields_set is not built.model_fields_set  # each instance owns its set
    assert construct(CaseView, dict(given)).model_fields_set == set(CaseView.model_fields)

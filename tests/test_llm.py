"""LLMPolicy: the model's action is used when it is one, format slips are normalised, every other
failure is visible (a repair re-ask, then the fallback or ModelFailure), and the conversation
sends a case's static parts once.

Over HTTP against the fake server where the wire matters (headers, a dead endpoint); elsewhere a
stub client of our own, which can answer whatever a test needs (tool calls, HTTP errors)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import openai
import pytest
from conftest import run_episode
from fake_openai import FakeOpenAI, free_port, observation_from_prompt
from openai.types.chat import ChatCompletion

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.llm import (
    CASE_HEADER,
    TOOL,
    UPDATE_HEADER,
    LLMPolicy,
    LLMStats,
    ModelFailure,
    dynamic_view,
    parse_action,
    parse_answer,
    static_view,
    view_from_messages,
)
from caseops.policies.registry import LLMSettings, PolicyConfigError, llm_settings, make_policy
from caseops.scenarios import TASK_IDS
from caseops.vocab import SLA_COST_MINUTES

# An action the heuristic never picks for the billing ticket: if we get it, the model chose it.
SCRIPTED = {"operation": "classify", "queue": "general_support", "priority": "low", "issue_type": "general_question"}
SCRIPTED_ACTION = SupportDeskAction(**SCRIPTED)


@pytest.fixture
def env() -> CaseOpsEnvironment:
    environment = CaseOpsEnvironment()
    yield environment
    environment.close()


@pytest.fixture
def billing_observation(env: CaseOpsEnvironment) -> SupportDeskObservation:
    return env.reset(task_id="billing_refund_easy")


# ---- a stub OpenAI client ----

Reply = str | dict[str, Any] | Exception  # text, a full message dict, or an error to raise


def http_error(status: int, cls: type[openai.APIStatusError]) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://stub/v1/chat/completions")
    return cls(f"HTTP {status} from stub", response=httpx.Response(status, request=request), body=None)


def tool_message(*arguments: dict[str, Any] | str, content: str | None = None) -> dict[str, Any]:
    calls = [
        {
            "id": f"call_{i}",
            "type": "function",
            "function": {"name": "act", "arguments": a if isinstance(a, str) else json.dumps(a)},
        }
        for i, a in enumerate(arguments)
    ]
    return {"role": "assistant", "content": content, "tool_calls": calls}


class StubClient:
    """Stands in for `OpenAI`: records each request (and the key it was sent with) and answers
    with `replies` in order (the last repeats), or with `answer(request)` when given."""

    def __init__(
        self,
        replies: list[Reply] | None = None,
        answer: Callable[[dict[str, Any]], Reply] | None = None,
        finish_reason: str = "stop",
        api_key: str = "key-1",
        shared: list[tuple[str, dict[str, Any]]] | None = None,
        refused_keys: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        self.replies = list(replies or [])
        self.answer = answer
        self.finish_reason = finish_reason
        self.api_key = api_key
        self.refused_keys = refused_keys
        self.calls: list[tuple[str, dict[str, Any]]] = [] if shared is None else shared
        self.chat = self
        self.completions = self

    @property
    def requests(self) -> list[dict[str, Any]]:
        return [request for _, request in self.calls]

    def with_options(self, *, api_key: str) -> StubClient:
        return StubClient(self.replies, self.answer, self.finish_reason, api_key, self.calls, self.refused_keys)

    def create(self, **request: Any) -> ChatCompletion:
        self.calls.append((self.api_key, request))
        if self.api_key in self.refused_keys:
            raise http_error(401, openai.AuthenticationError)
        if self.answer is not None:
            reply = self.answer(request)
        else:
            answered = sum(key not in self.refused_keys for key, _ in self.calls)
            reply = self.replies[min(answered - 1, len(self.replies) - 1)]
        if isinstance(reply, Exception):
            raise reply
        message = reply if isinstance(reply, dict) else {"role": "assistant", "content": reply}
        return ChatCompletion.model_validate(
            {
                "id": "stub",
                "object": "chat.completion",
                "created": 0,
                "model": request["model"],
                "choices": [{"index": 0, "message": message, "finish_reason": self.finish_reason}],
            }
        )


def stub_policy(client: StubClient, **kwargs: Any) -> LLMPolicy:
    return LLMPolicy(base_url="http://stub/v1", model="stub-model", client=client, **kwargs)  # type: ignore[arg-type]


def heuristic_model(request: dict[str, Any]) -> str:
    """A model that reads the conversation and answers what the heuristic would, in a fence."""
    view = view_from_messages(request["messages"])
    action = HeuristicPolicy()(observation_from_prompt(json.dumps(view)))
    payload = action.model_dump(exclude_none=True, exclude={"metadata"})
    return '<think>Let me look. Draft: {"operation": "wait"}</think>\nNext:\n```json\n' + json.dumps(payload) + "\n```"


# ---- over HTTP ----


def test_scripted_distinctive_action_comes_from_the_model(billing_observation: SupportDeskObservation) -> None:
    heuristic_action = HeuristicPolicy()(billing_observation)
    assert heuristic_action.queue != SCRIPTED["queue"]  # otherwise the test proves nothing
    reply = "Sure. Routing it now:\n```json\n" + json.dumps(SCRIPTED) + "\n```\nLet me know."
    with FakeOpenAI(mode="script", replies=[reply]) as fake:
        policy = LLMPolicy(base_url=fake.base_url, api_key="test-key", model="fake-model", max_tokens=123)
        action = policy(billing_observation)
    assert action == SCRIPTED_ACTION
    assert (policy.last_source, policy.last_error, policy.last_answer) == ("model", None, reply)
    assert policy.stats == LLMStats(model_steps=1, fallback_steps=0, calls_ok=1, calls_failed=0)
    # What was sent: the model, deterministic sampling, bounded output, the key, the tool, the case.
    (body,) = fake.requests
    assert body["model"] == "fake-model"
    assert body["temperature"] == 0
    assert body["max_tokens"] == 123
    assert body["tools"][0]["function"]["name"] == "act"
    assert fake.authorizations == ["Bearer test-key"]
    system, user = body["messages"]
    assert system["role"] == "system" and "request_info" in system["content"]
    assert user["role"] == "user" and user["content"].startswith(CASE_HEADER)
    assert billing_observation.ticket.subject in user["content"]
    assert billing_observation.knowledge_base[0].text in user["content"]
    assert '"allowed_operations": ["classify"' in user["content"]


def test_dead_endpoint_falls_back_quickly(billing_observation: SupportDeskObservation) -> None:
    policy = LLMPolicy(
        base_url=f"http://127.0.0.1:{free_port()}/v1", api_key="k", model="m", timeout_s=2.0, max_retries=0
    )
    started = time.monotonic()
    action = policy(billing_observation)
    assert time.monotonic() - started < 10
    assert action == HeuristicPolicy()(billing_observation)
    assert policy.last_source == "fallback"
    assert policy.last_error is not None and policy.last_error.startswith("fallback: model call failed: cannot connect")
    assert policy.stats == LLMStats(model_steps=0, fallback_steps=1, calls_ok=0, calls_failed=1)


def test_garbage_gets_one_repair_then_falls_back(billing_observation: SupportDeskObservation) -> None:
    with FakeOpenAI(mode="garbage") as fake:
        policy = LLMPolicy(base_url=fake.base_url, api_key="k", model="m")
        action = policy(billing_observation)
    assert action == HeuristicPolicy()(billing_observation)
    assert policy.last_error is not None and policy.last_error.startswith("fallback: no JSON action in answer")
    assert "\n" not in policy.last_error
    _, repair = fake.requests
    assert [m["role"] for m in repair["messages"]] == ["system", "user", "assistant", "user"]
    assert repair["messages"][-1]["content"].startswith("Your answer could not be used: no JSON action")
    assert policy.stats == LLMStats(model_steps=0, fallback_steps=1, calls_ok=2, calls_failed=0)


# ---- repair, fallback, ModelFailure ----


def test_invalid_label_is_repaired_by_the_model(billing_observation: SupportDeskObservation) -> None:
    client = StubClient([json.dumps({**SCRIPTED, "queue": "the_moon"}), json.dumps(SCRIPTED)])
    policy = stub_policy(client)
    assert policy(billing_observation) == SCRIPTED_ACTION
    assert policy.last_source == "model" and policy.last_error is None
    repair = client.requests[1]["messages"][-1]["content"]
    assert "invalid action: queue" in repair and "the_moon" not in repair.split("queue:")[0]


def test_a_replaced_answer_is_named_in_the_next_prompt(
    env: CaseOpsEnvironment, billing_observation: SupportDeskObservation
) -> None:
    client = StubClient([json.dumps({**SCRIPTED, "queue": "the_moon"})])
    policy = stub_policy(client)
    action = policy(billing_observation)
    assert policy.last_error is not None and policy.last_error.startswith("fallback: invalid action: queue")
    observation = env.step(action)
    policy(observation)
    messages = client.requests[-2]["messages"]  # the next step's first ask
    assert [m["role"] for m in messages[1:]] == ["user", "assistant", "user", "assistant", "user"]
    last = messages[-1]["content"]
    assert last.startswith(UPDATE_HEADER)
    assert "was not used (invalid action: queue" in last
    assert json.dumps({"operation": action.operation, "queue": action.queue}, ensure_ascii=False)[:-1] in last


def test_a_failed_call_leaves_no_dangling_turn(
    env: CaseOpsEnvironment, billing_observation: SupportDeskObservation
) -> None:
    client = StubClient(
        [http_error(500, openai.InternalServerError), json.dumps({"operation": "search_policy", "query": "refund"})]
    )
    policy = stub_policy(client)
    action = policy(billing_observation)
    assert policy.last_error == "fallback: model call failed: HTTP 500: HTTP 500 from stub"
    policy(env.step(action))
    assert policy.last_source == "model"
    messages = client.requests[1]["messages"]
    # The case was never answered, so it is sent whole again, with the note.
    assert [m["role"] for m in messages] == ["system", "user"]
    assert (
        messages[1]["content"].startswith(CASE_HEADER)
        and "was not used (model call failed: HTTP 500" in messages[1]["content"]
    )
    assert policy.stats == LLMStats(model_steps=1, fallback_steps=1, calls_ok=1, calls_failed=1)


def test_with_fallback_off_a_failure_raises(billing_observation: SupportDeskObservation) -> None:
    policy = stub_policy(StubClient(["no idea"]), allow_fallback=False)
    with pytest.raises(ModelFailure, match="no JSON action") as caught:
        policy(billing_observation)
    assert caught.value.reason.startswith("no JSON action")
    assert policy.last_source is None
    assert policy.stats == LLMStats(model_steps=0, fallback_steps=0, calls_ok=2, calls_failed=0)
    policy = stub_policy(StubClient([http_error(429, openai.RateLimitError)]), allow_fallback=False)
    with pytest.raises(ModelFailure, match="HTTP 429"):
        policy(billing_observation)


def test_an_answer_cut_inside_reasoning_says_so(billing_observation: SupportDeskObservation) -> None:
    policy = stub_policy(
        StubClient(['<think>The customer was charged twice, so {"operation": "cla'], finish_reason="length")
    )
    policy(billing_observation)
    assert (
        policy.last_error
        == "fallback: answer is only reasoning (an unclosed <think>, cut at max_tokens?) (answer cut at max_tokens)"
    )


# ---- ways of asking ----


def test_auto_drops_from_tools_to_json_to_text_on_400_and_remembers(
    env: CaseOpsEnvironment, billing_observation: SupportDeskObservation
) -> None:
    def answer(request: dict[str, Any]) -> Reply:
        if "tools" in request or "response_format" in request:
            return http_error(400, openai.BadRequestError)
        return json.dumps({"operation": "search_policy", "query": "refund"})

    client = StubClient(answer=answer)
    policy = stub_policy(client)
    action = policy(billing_observation)
    assert policy.last_source == "model" and policy.mode == "text"
    assert ["tools" in r for r in client.requests] == [True, False, False]
    assert client.requests[1]["response_format"] == {"type": "json_object"}
    assert policy.stats == LLMStats(model_steps=1, fallback_steps=0, calls_ok=1, calls_failed=2)
    policy(env.step(action))
    assert (
        len(client.requests) == 4 and "tools" not in client.requests[3] and "response_format" not in client.requests[3]
    )


@pytest.mark.parametrize("mode", ["json", "text", "tools"])
def test_a_fixed_mode_is_kept_and_a_400_is_a_failure(mode: str, billing_observation: SupportDeskObservation) -> None:
    client = StubClient([http_error(400, openai.BadRequestError)])
    policy = stub_policy(client, mode=mode)
    policy(billing_observation)
    (request,) = client.requests
    assert ("tools" in request) == (mode == "tools")
    assert ("response_format" in request) == (mode == "json")
    assert policy.mode == mode and policy.last_error is not None and "HTTP 400" in policy.last_error


def test_native_tool_calls_are_read(billing_observation: SupportDeskObservation) -> None:
    policy = stub_policy(StubClient([tool_message(SCRIPTED)]))
    assert policy(billing_observation) == SCRIPTED_ACTION and policy.last_source == "model"
    # Format slips inside the arguments are normalised too.
    sloppy = {
        "action": "classify",
        "parameters": {"queue": "General_Support", "priority": "LOW", "issue_type": "general question"},
    }
    policy = stub_policy(StubClient([tool_message(sloppy)]))
    assert policy(billing_observation) == SCRIPTED_ACTION


def test_two_tool_calls_are_ambiguous(billing_observation: SupportDeskObservation) -> None:
    client = StubClient([tool_message({"operation": "wait"}, SCRIPTED), tool_message(SCRIPTED)])
    policy = stub_policy(client)
    assert policy(billing_observation) == SCRIPTED_ACTION
    assert "calls act 2 times" in client.requests[1]["messages"][-1]["content"]


def test_the_tool_schema_comes_from_the_action_model() -> None:
    parameters = TOOL["function"]["parameters"]
    assert parameters["required"] == ["operation"]
    assert set(parameters["properties"]) == set(SupportDeskAction.model_fields) - {"metadata"}
    assert "classify" in parameters["properties"]["operation"]["enum"]
    assert parameters["properties"]["queue"] == {
        "enum": list(SupportDeskAction.model_json_schema()["properties"]["queue"]["anyOf"][0]["enum"]),
        "type": "string",
        "description": "classify: the owning queue",
    }
    assert "anyOf" not in json.dumps(parameters)


def test_a_401_tries_the_next_key_once(billing_observation: SupportDeskObservation) -> None:
    client = StubClient([json.dumps(SCRIPTED)], refused_keys={"key-1"})
    policy = stub_policy(client, api_keys=("key-1", "key-2"))
    assert policy(billing_observation) == SCRIPTED_ACTION
    assert [key for key, _ in client.calls] == ["key-1", "key-2"]
    assert policy.stats == LLMStats(model_steps=1, fallback_steps=0, calls_ok=1, calls_failed=1)
    # Every key refused: one switch, then a failure; with a single key, no switch.
    client = StubClient([json.dumps(SCRIPTED)], refused_keys={"key-1", "key-2"})
    policy = stub_policy(client, api_keys=("key-1", "key-2"))
    policy(billing_observation)
    assert policy.last_error is not None and "HTTP 401" in policy.last_error and len(client.calls) == 2
    client = StubClient([json.dumps(SCRIPTED)], refused_keys={"key-1"})
    policy = stub_policy(client, api_keys=("key-1",))
    policy(billing_observation)
    assert policy.last_source == "fallback" and len(client.calls) == 1


def test_keys_are_tried_in_order_over_http(billing_observation: SupportDeskObservation) -> None:
    with FakeOpenAI(mode="script", replies=[json.dumps(SCRIPTED)]) as fake:
        policy = LLMPolicy.from_settings(
            LLMSettings(base_url=fake.base_url, model="m", api_keys=("proxy-key", "hf-key"), max_retries=0)
        )
        policy(billing_observation)
    assert fake.authorizations == ["Bearer proxy-key"]


# ---- the conversation ----


def test_static_parts_are_sent_once_per_case(
    env: CaseOpsEnvironment, billing_observation: SupportDeskObservation
) -> None:
    client = StubClient(answer=heuristic_model)
    policy = stub_policy(client)
    observation = billing_observation
    for _ in range(3):
        observation = env.step(policy(observation))
    first, *later = [r["messages"][-1]["content"] for r in client.requests]
    assert first.startswith(CASE_HEADER) and billing_observation.ticket.subject in first
    for content in later:
        assert content.startswith(UPDATE_HEADER)
        assert billing_observation.ticket.subject not in content and '"vocabularies"' not in content
    # The merged conversation is exactly the observation the model was asked about.
    policy(observation)
    assert view_from_messages(client.requests[-1]["messages"]) == {
        **static_view(observation),
        **dynamic_view(observation),
    }


def test_the_system_prompt_explains_time_stage_and_confidence(billing_observation: SupportDeskObservation) -> None:
    client = StubClient([json.dumps(SCRIPTED)])
    stub_policy(client)(billing_observation)
    system = client.requests[0]["messages"][0]["content"]
    assert all(f"{operation} {minutes}" in system for operation, minutes in SLA_COST_MINUTES.items())
    assert "cases still waiting in the queue" in system
    assert "only wait and submit" in system
    assert "Brier score" in system
    assert "not already sent" not in system


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_prompt_carries_what_a_good_agent_needs(task_id: str) -> None:
    """A model that reads the conversation the way the heuristic reads an observation plays as well."""
    client = StubClient(answer=heuristic_model)
    policy = stub_policy(client)
    sources: list[str | None] = []

    def play(observation: SupportDeskObservation) -> SupportDeskAction:
        action = policy(observation)
        sources.append(policy.last_source)
        return action

    via_model = run_episode(play, task_id)
    direct = run_episode(HeuristicPolicy(), task_id)
    assert sources == ["model"] * (len(via_model) - 1)
    assert len(client.requests) == len(via_model) - 1
    assert via_model[-1].score == direct[-1].score
    assert [o.action_history for o in via_model] == [o.action_history for o in direct]
    # Every opening of a case opens its own conversation with the static parts (triage may set a
    # case aside and open it again later).
    seen = [o.case_id for o in via_model[:-1]]
    openings = sum(1 for i, case_id in enumerate(seen) if i == 0 or seen[i - 1] != case_id)
    assert sum(r["messages"][-1]["content"].startswith(CASE_HEADER) for r in client.requests) == openings


def test_the_prompt_shows_the_clocks_of_the_cases_still_waiting() -> None:
    client = StubClient(answer=heuristic_model)
    policy = stub_policy(client)
    observations = run_episode(policy, "inbox_cleanup_easy")
    waiting = observations[0].waiting_sla_minutes_remaining
    assert (
        waiting
        and f'"waiting_sla_minutes_remaining": {json.dumps(waiting)}' in client.requests[0]["messages"][-1]["content"]
    )


# ---- reading answers ----

SUBMIT = {"operation": "submit", "status": "resolved", "resolution_code": "refund_issued", "confidence": 0.7}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        pytest.param(
            '<think>Draft: {"operation": "wait"}</think>\n' + json.dumps(SUBMIT), SUBMIT, id="think-draft-then-final"
        ),
        pytest.param(
            'Thinking... {"operation": "wait"} no.</think>\n' + json.dumps(SUBMIT), SUBMIT, id="lone-closing-tag"
        ),
        pytest.param(
            'I could {"operation": "wait"}\n```json\n' + json.dumps(SUBMIT) + "\n```", SUBMIT, id="fenced-wins"
        ),
        pytest.param(
            '```json\n{"operation": "wait"}\n```\nbetter:\n```json\n' + json.dumps(SUBMIT) + "\n```",
            SUBMIT,
            id="last-fence",
        ),
        pytest.param(
            'Maybe {"operation": "wait"} or rather ' + json.dumps(SUBMIT) + ' and {"x": 1}',
            SUBMIT,
            id="last-valid-object",
        ),
        pytest.param(
            "{'operation': 'submit', 'status': 'resolved', 'resolution_code': 'refund_issued', 'confidence': 0.7}",
            SUBMIT,
            id="single-quotes",
        ),
        pytest.param(
            '{"operation": "submit", "status": "resolved", "resolution_code": "refund_issued", "confidence": 0.7,}',
            SUBMIT,
            id="trailing-comma",
        ),
        pytest.param(
            '{"action": "submit", "status": "Resolved", "resolution_code": "Refund_Issued", "confidence": 0.7}',
            SUBMIT,
            id="action-and-case",
        ),
        pytest.param(
            '{"operation": "submit", "parameters": {"status": "resolved", "resolution_code": "refund_issued", "confidence": 0.7}}',
            SUBMIT,
            id="parameters",
        ),
        pytest.param(
            '{"name": "submit", "arguments": "{\\"status\\": \\"resolved\\", \\"resolution_code\\": \\"refund-issued\\", \\"confidence\\": 0.7}"}',
            SUBMIT,
            id="name-and-string-arguments",
        ),
        pytest.param(
            '{"action": {"operation": "wait", "queue": null}, "reasoning": "customer must answer"}',
            {"operation": "wait"},
            id="nested-action",
        ),
        pytest.param(
            '{"operation": "request_info", "requested_fields": "Account_Email, card last four", "reply": ""}',
            {"operation": "request_info", "requested_fields": ["account_email", "card_last_four"]},
            id="string-for-list",
        ),
        pytest.param('[{"operation": "wait"}]', {"operation": "wait"}, id="list-of-one"),
        pytest.param(
            'Use {curly} braces: {"operation": "draft_reply", "reply": "use {curly} braces"}',
            {"operation": "draft_reply", "reply": "use {curly} braces"},
            id="braces-in-strings",
        ),
    ],
)
def test_parse_takes_the_final_answer_and_fixes_only_format(answer: str, expected: dict[str, Any]) -> None:
    assert parse_action(answer) == SupportDeskAction(**expected)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        pytest.param('{"operation": "refund_everything"}', "invalid action: operation", id="unknown-operation"),
        pytest.param(
            '{"operation": "classify", "queue": "billing", "priority": "normal"}',
            "invalid action: queue",
            id="no-guessing-labels",
        ),
        pytest.param('[{"operation": "wait"}, ' + json.dumps(SUBMIT) + "]", "answer lists 2 actions", id="two-actions"),
        pytest.param('<think>so {"operation": "wait"} maybe', "only reasoning", id="unclosed-think"),
        pytest.param("", "empty answer", id="empty"),
        pytest.param("I would route it to billing.", "no JSON action in answer", id="prose"),
        pytest.param('{"queue": "billing_ops"}', "action has no operation", id="no-operation"),
    ],
)
def test_parse_refuses_what_is_not_one_valid_action(answer: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_action(answer)


def test_parse_answer_prefers_tool_calls_and_falls_back_to_text() -> None:
    assert parse_answer("prose", ['{"operation": "wait"}']) == SupportDeskAction(operation="wait")
    assert parse_answer('{"operation": "wait"}', ["not json"]) == SupportDeskAction(operation="wait")
    with pytest.raises(ValueError, match="tool call: answer is not a JSON object"):
        parse_answer(None, ["not json"])


# ---- settings ----


def test_settings_defaults_and_key_order() -> None:
    settings = llm_settings(
        {
            "API_BASE_URL": " http://x/v1 ",
            "MODEL_NAME": "m",
            "HF_TOKEN": "hf",
            "API_KEY": "proxy",
            "OPENAI_API_KEY": "hf",
        }
    )
    assert settings == LLMSettings(
        base_url="http://x/v1",
        model="m",
        api_keys=("proxy", "hf"),
        max_tokens=4096,
        timeout_s=120.0,
        max_retries=3,
        mode="auto",
        fallback=True,
    )


def test_settings_are_read_and_checked() -> None:
    base = {"API_BASE_URL": "http://x/v1", "MODEL_NAME": "m", "API_KEY": "k"}
    settings = llm_settings(
        {
            **base,
            "CASEOPS_LLM_MAX_TOKENS": "800",
            "CASEOPS_LLM_TIMEOUT_S": "2.5",
            "CASEOPS_LLM_RETRIES": "0",
            "CASEOPS_LLM_MODE": "JSON",
            "CASEOPS_LLM_FALLBACK": "off",
        }
    )
    assert (settings.max_tokens, settings.timeout_s, settings.max_retries, settings.mode, settings.fallback) == (
        800,
        2.5,
        0,
        "json",
        False,
    )
    for name, value, message in [
        ("CASEOPS_LLM_MAX_TOKENS", "lots", "not an integer"),
        ("CASEOPS_LLM_TIMEOUT_S", "0", "at least"),
        ("CASEOPS_LLM_RETRIES", "-1", "at least 0"),
        ("CASEOPS_LLM_MODE", "xml", "auto, tools, json, text"),
        ("CASEOPS_LLM_FALLBACK", "maybe", "on or off"),
    ]:
        with pytest.raises(PolicyConfigError, match=message):
            llm_settings({**base, name: value})
    with pytest.raises(PolicyConfigError, match=r"set MODEL_NAME$"):
        llm_settings({"API_BASE_URL": "http://x/v1", "API_KEY": "k"})


def test_make_policy_builds_from_the_settings() -> None:
    environ = {
        "API_BASE_URL": "http://127.0.0.1:9/v1",
        "MODEL_NAME": "m",
        "HF_TOKEN": "hf",
        "API_KEY": "proxy",
        "CASEOPS_LLM_TIMEOUT_S": "7",
        "CASEOPS_LLM_RETRIES": "1",
        "CASEOPS_LLM_MAX_TOKENS": "900",
        "CASEOPS_LLM_MODE": "text",
        "CASEOPS_LLM_FALLBACK": "off",
    }
    policy = make_policy("llm", 0, environ=environ)
    assert isinstance(policy, LLMPolicy)
    assert (policy.model, policy.max_tokens, policy.mode, policy.allow_fallback) == ("m", 900, "text", False)
    assert policy.api_keys == ("proxy", "hf")
    assert isinstance(policy.client, openai.OpenAI)
    assert (policy.client.api_key, policy.client.timeout, policy.client.max_retries) == ("proxy", 7.0, 1)


def test_api_key_is_a_one_key_shorthand() -> None:
    policy = LLMPolicy(base_url="http://x/v1", api_key="k", model="m")
    assert policy.api_keys == ("k",) and policy.mode == "tools" and policy.auto
    with pytest.raises(ValueError, match="api_key"):
        LLMPolicy(base_url="http://x/v1", model="m")


def test_a_tool_keeps_its_arguments_and_a_wrapped_action_is_still_unwrapped() -> None:
    tool = parse_action('{"operation": "refund_capture", "record_id": "CAP-1", "arguments": {"amount": 5}}')
    assert tool.operation == "refund_capture" and tool.arguments == {"amount": 5.0} and tool.record_id == "CAP-1"
    wrapped = parse_action('{"name": "classify", "arguments": {"queue": "billing_ops", "priority": "high"}}')
    assert wrapped.operation == "classify" and wrapped.queue == "billing_ops" and wrapped.arguments is None

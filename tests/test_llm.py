"""LLMPolicy against a fake OpenAI-compatible server: the model's action is used when valid, and
every kind of failure falls back to the heuristic with the problem in `last_error`."""

from __future__ import annotations

import json
import time

import pytest
from conftest import run_episode
from fake_openai import FakeOpenAI, free_port

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.llm import LLMPolicy, extract_json_object, parse_action
from caseops.scenarios import TASK_IDS

# An action the heuristic never picks for the billing ticket: if we get it, the model chose it.
SCRIPTED = {"operation": "classify", "queue": "general_support", "priority": "low", "issue_type": "general_question"}


@pytest.fixture
def billing_observation() -> SupportDeskObservation:
    env = CaseOpsEnvironment()
    observation = env.reset(task_id="billing_refund_easy")
    yield observation
    env.close()


def make_policy(base_url: str, **kwargs: object) -> LLMPolicy:
    return LLMPolicy(base_url=base_url, api_key="test-key", model="fake-model", **kwargs)


def test_scripted_distinctive_action_comes_from_the_model(billing_observation: SupportDeskObservation) -> None:
    heuristic_action = HeuristicPolicy()(billing_observation)
    assert heuristic_action.queue != SCRIPTED["queue"]  # otherwise the test proves nothing
    reply = "Sure. Routing it now:\n```json\n" + json.dumps(SCRIPTED) + "\n```\nLet me know."
    with FakeOpenAI(mode="script", replies=[reply]) as fake:
        policy = make_policy(fake.base_url, max_tokens=123)
        action = policy(billing_observation)
    assert action == SupportDeskAction(**SCRIPTED)
    assert policy.last_error is None
    assert policy.last_answer == reply
    # What was sent: the model, deterministic sampling, bounded output, the key, the case.
    (body,) = fake.requests
    assert body["model"] == "fake-model"
    assert body["temperature"] == 0
    assert body["max_tokens"] == 123
    assert fake.authorizations == ["Bearer test-key"]
    system, user = body["messages"]
    assert system["role"] == "system" and "request_info" in system["content"]
    assert user["role"] == "user"
    assert billing_observation.ticket.subject in user["content"]
    assert billing_observation.knowledge_base[0].text in user["content"]
    assert '"allowed_operations": ["classify"' in user["content"]


def test_garbage_answer_falls_back_to_heuristic(billing_observation: SupportDeskObservation) -> None:
    with FakeOpenAI(mode="garbage") as fake:
        policy = make_policy(fake.base_url)
        action = policy(billing_observation)
    assert action == HeuristicPolicy()(billing_observation)
    assert policy.last_error is not None and "no JSON object" in policy.last_error
    assert "\n" not in policy.last_error


def test_invalid_label_falls_back_and_names_the_field(billing_observation: SupportDeskObservation) -> None:
    bad = json.dumps({**SCRIPTED, "queue": "the_moon"})
    with FakeOpenAI(mode="script", replies=[bad]) as fake:
        policy = make_policy(fake.base_url)
        action = policy(billing_observation)
    assert action == HeuristicPolicy()(billing_observation)
    assert policy.last_error is not None
    assert policy.last_error.startswith("model action invalid: queue")


def test_error_is_cleared_when_the_model_recovers(billing_observation: SupportDeskObservation) -> None:
    with FakeOpenAI(mode="script", replies=["no idea", json.dumps(SCRIPTED)]) as fake:
        policy = make_policy(fake.base_url)
        policy(billing_observation)
        assert policy.last_error is not None
        assert policy(billing_observation) == SupportDeskAction(**SCRIPTED)
        assert policy.last_error is None


def test_dead_endpoint_falls_back_quickly(billing_observation: SupportDeskObservation) -> None:
    policy = make_policy(f"http://127.0.0.1:{free_port()}/v1", timeout_s=2.0, max_retries=0)
    started = time.monotonic()
    action = policy(billing_observation)
    assert time.monotonic() - started < 10
    assert action == HeuristicPolicy()(billing_observation)
    assert policy.last_error is not None and policy.last_error.startswith("model call failed: APIConnectionError")


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_prompt_carries_what_a_good_agent_needs(task_id: str) -> None:
    """A model that reads the prompt the way the heuristic reads an observation plays just as well."""
    with FakeOpenAI(mode="heuristic") as fake:
        policy = make_policy(fake.base_url)
        errors: list[str | None] = []

        def play(observation: SupportDeskObservation) -> SupportDeskAction:
            action = policy(observation)
            errors.append(policy.last_error)
            return action

        via_model = run_episode(play, task_id)
    direct = run_episode(HeuristicPolicy(), task_id)
    assert errors == [None] * (len(via_model) - 1)
    assert len(fake.requests) == len(via_model) - 1
    assert via_model[-1].score == direct[-1].score
    assert [o.action_history for o in via_model] == [o.action_history for o in direct]


# ---- parsing model answers ----


def test_extract_skips_non_objects_and_handles_braces_in_strings() -> None:
    text = 'Options [1, 2] {not json} then {"operation": "draft_reply", "reply": "use {curly} braces"} and {"x": 1}'
    assert extract_json_object(text) == {"operation": "draft_reply", "reply": "use {curly} braces"}
    assert extract_json_object("no object here") is None


def test_parse_unwraps_one_level_and_drops_unknown_keys_and_nulls() -> None:
    answer = json.dumps({"action": {"operation": "wait", "queue": None}, "reasoning": "customer must answer"})
    assert parse_action(answer) == SupportDeskAction(operation="wait")
    answer = json.dumps({"operation": "request_info", "requested_fields": ["account_email"], "why": "kb says so"})
    assert parse_action(answer).requested_fields == ["account_email"]


def test_parse_refuses_unknown_operation() -> None:
    with pytest.raises(ValueError, match="operation"):
        parse_action('{"operation": "refund_everything"}')

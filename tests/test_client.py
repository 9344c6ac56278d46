"""The typed client, CaseOpsEnv, against a real uvicorn server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import servers

from caseops.client import CaseOpsEnv
from caseops.models import CaseView, SupportDeskAction, SupportDeskObservation, SupportDeskState, TicketView
from caseops.policies.oracle import OraclePolicy
from caseops.scenarios import TASKS


@pytest.fixture(scope="module")
def base_url() -> str:
    return servers.shared_server()


@pytest.fixture
def env(base_url: str) -> Iterator[object]:
    client = CaseOpsEnv(base_url=base_url).sync()
    yield client
    client.close()


def test_oracle_episode_through_the_typed_client(env) -> None:
    policy = OraclePolicy()
    result = env.reset(task_id="account_takeover_medium")
    observation = result.observation
    assert isinstance(observation, SupportDeskObservation)
    assert isinstance(observation.ticket, TicketView) and isinstance(observation.case, CaseView)
    assert observation.task_id == "account_takeover_medium" and observation.difficulty == "medium"
    assert observation.workflow_stage == "classifying"
    assert observation.ticket.subject == TASKS["account_takeover_medium"].cases[0].ticket.subject
    assert result.done is False and result.reward is None
    assert observation.remaining_steps == TASKS["account_takeover_medium"].max_steps

    rewards, stages = [], []
    while not result.done:
        result = env.step(policy(result.observation))
        assert result.observation.error is None, result.observation.error
        assert isinstance(result.reward, float)
        assert result.reward == result.observation.reward
        rewards.append(result.reward)
        stages.append(result.observation.workflow_stage)
        assert len(rewards) < 20
    assert "awaiting_customer" in stages and stages[-1] == "closed"
    final = result.observation
    assert final.done is True and final.score > 0.9
    assert final.case.resolution_code == "pending_identity_verification"
    assert final.case.followup_state != "none" and final.case.fields_provided

    state = env.state()
    assert isinstance(state, SupportDeskState) and isinstance(state.case, CaseView)
    assert state.episode_id == final.episode_id
    assert state.step_count == len(rewards)
    assert state.done is True and state.workflow_stage == "closed"
    assert state.current_score == final.score
    assert state.reward == pytest.approx(sum(rewards), abs=1e-5)
    assert len(state.action_history) == len(rewards)


def test_unknown_task_raises_runtime_error_with_the_message(env) -> None:
    with pytest.raises(RuntimeError, match="unknown task_id 'no_such_task'"):
        env.reset(task_id="no_such_task")
    # The session survives the refusal.
    assert env.reset(task_id="regulated_export_exception_hard").observation.task_id == "regulated_export_exception_hard"


def test_step_before_reset_raises_runtime_error(env) -> None:
    with pytest.raises(RuntimeError, match="reset"):
        env.step(SupportDeskAction(operation="wait"))


def test_a_refused_operation_comes_back_as_an_error_observation(env) -> None:
    env.reset(task_id="billing_refund_easy")
    result = env.step(SupportDeskAction(operation="add_internal_note", internal_note="too early"))
    assert result.observation.error is not None and "not allowed" in result.observation.error
    assert result.reward < 0 and result.done is False
    assert env.state().step_count == 1 and env.state().workflow_stage == "classifying"


def test_async_client(base_url: str) -> None:
    async def run() -> tuple[str, int]:
        async with CaseOpsEnv(base_url=base_url) as client:
            await client.reset(task_id="api_incident_hard")
            result = await client.step(
                SupportDeskAction(
                    operation="classify",
                    queue="platform_engineering",
                    priority="urgent",
                    issue_type="production_incident",
                )
            )
            state = await client.state()
            return result.observation.workflow_stage, state.step_count

    stage, steps = asyncio.run(run())
    assert stage != "classifying" and steps == 1

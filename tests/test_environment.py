"""The openenv adapter: whole episodes per task through CaseOpsEnvironment (the score bounds the
grader promises), bad requests, episodes found again by id, the async variants, and the lock.

The step itself is tested in test_episode.py, what the agent reads in test_observation.py and
test_feedback.py.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import threading
import weakref

import pytest

from caseops.environment import STORE, CaseOpsEnvironment, find_episode
from caseops.errors import NoEpisodeError, UnknownEpisodeError, UnknownTaskError
from caseops.models import SupportDeskAction
from caseops.policies.oracle import OraclePolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS, get_task
from tests.conftest import run_episode

RANDOM_RUNS = 200


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_oracle_scores_at_least_095(task_id: str) -> None:
    final = run_episode(OraclePolicy(), task_id)[-1]
    assert final.done and final.workflow_stage == "closed"
    assert final.score >= 0.95


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_submitting_at_once_scores_at_most_015(task_id: str) -> None:
    scenario = get_task(task_id).cases[0]
    # Even with the right decision, an immediate submit earns almost nothing.
    submit = SupportDeskAction(
        operation="submit",
        status=sorted(scenario.gold.final_statuses)[0],
        resolution_code=scenario.gold.resolution_code,
    )
    final = run_episode(lambda _: submit, task_id)[-1]
    assert final.done
    assert final.score <= 0.15
    assert final.reward_breakdown["premature_submit"] < 0


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_seeded_random_agent_averages_at_most_030(task_id: str) -> None:
    scores = [run_episode(RandomPolicy(seed), task_id)[-1].score for seed in range(RANDOM_RUNS)]
    assert sum(scores) / len(scores) <= 0.30


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_same_task_and_actions_give_identical_observations(task_id: str) -> None:
    def trajectory() -> list[dict]:
        return [o.model_dump(exclude={"episode_id"}) for o in run_episode(RandomPolicy(7), task_id)]

    assert trajectory() == trajectory()


def test_bad_requests_raise_one_clear_error_each(env: CaseOpsEnvironment) -> None:
    with pytest.raises(NoEpisodeError):
        env.step(SupportDeskAction(operation="wait"))
    with pytest.raises(UnknownTaskError, match="no_such_task"):
        env.reset(task_id="no_such_task")
    with pytest.raises(UnknownEpisodeError):
        env.step(SupportDeskAction(operation="wait"), episode_id="missing")


def test_bare_reset_picks_the_first_task(env: CaseOpsEnvironment) -> None:
    assert env.reset().task_id == TASK_IDS[0]


def test_episode_continues_by_id_across_environment_instances():
    first = CaseOpsEnvironment()
    obs = first.reset(task_id="api_incident_hard")
    first.close()  # an HTTP reset closes its environment at once
    second = CaseOpsEnvironment()
    step = second.step(
        SupportDeskAction(
            operation="classify", queue="platform_engineering", priority="urgent", issue_type="production_incident"
        ),
        episode_id=obs.episode_id,
    )
    assert step.workflow_stage == "drafting" and step.episode_id == obs.episode_id


# ---- investigation ----


def test_deciding_without_the_required_evidence_costs_more_than_wandering():
    task_id = "damaged_delivery_easy"
    scenario = get_task(task_id).cases[0]
    irrelevant = next(a.id for a in scenario.artifacts if a.id not in scenario.gold.required_evidence)
    oracle = OraclePolicy()

    def play(skip_evidence: bool, wander: bool) -> float:
        def policy(obs):
            action = oracle(obs)
            if skip_evidence and action.operation == "inspect_artifact":
                return SupportDeskAction(operation="draft_reply", reply=scenario.gold.reference_reply)
            return action

        env = CaseOpsEnvironment()
        obs = env.reset(task_id=task_id)
        if wander:
            obs = env.step(SupportDeskAction(operation="inspect_artifact", artifact_id=irrelevant))
        while not obs.done:
            obs = env.step(policy(obs))
        return obs.score

    best, wandered, blind = play(False, False), play(False, True), play(True, False)
    assert best > wandered > blind


# ---- routing ----


def test_probing_the_reward_with_reroutes_does_not_raise_routing_credit(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="billing_refund_easy")
    guess = env.step(
        SupportDeskAction(operation="classify", queue="general_support", priority="low", issue_type="general_question")
    )
    right = env.step(
        SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge")
    )
    assert right.reward_breakdown["grade.routing"] == guess.reward_breakdown["grade.routing"]
    assert right.reward <= 0.0  # the correction is allowed, and the reward tells nothing of it


def test_unknown_hint_level_is_refused(env: CaseOpsEnvironment) -> None:
    from caseops.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError, match="hints"):
        env.reset(task_id="billing_refund_easy", hints="some")


def test_async_variants_take_what_the_sync_ones_take() -> None:
    """openenv passes reset/step only the kwargs the called method names: an async variant with
    a narrower signature would silently drop `task_id`, `hints` or `episode_id`."""
    for sync, run_async in (("reset", "reset_async"), ("step", "step_async")):
        assert inspect.signature(getattr(CaseOpsEnvironment, sync)) == inspect.signature(
            getattr(CaseOpsEnvironment, run_async)
        )


def test_async_variants_give_what_the_sync_ones_give() -> None:
    plain, awaited = CaseOpsEnvironment(), CaseOpsEnvironment()
    action = SupportDeskAction(
        operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge"
    )
    first = plain.reset(task_id="billing_refund_easy", hints="minimal")
    second = asyncio.run(awaited.reset_async(task_id="billing_refund_easy", hints="minimal"))
    assert first.model_dump(exclude={"episode_id"}) == second.model_dump(exclude={"episode_id"})
    stepped = asyncio.run(awaited.step_async(action))
    assert plain.step(action).model_dump(exclude={"episode_id"}) == stepped.model_dump(exclude={"episode_id"})
    assert (
        asyncio.run(CaseOpsEnvironment().step_async(action, episode_id=second.episode_id)).workflow_stage == "drafting"
    )


def test_steps_of_one_episode_from_many_threads_are_serialised() -> None:
    """Steps of one episode (each on a new environment, found by id) may come from worker threads
    at once (openenv's web interface steps on a thread pool): each is applied whole, under the
    episode's lock, and every one is counted."""
    first = CaseOpsEnvironment()
    episode_id = first.reset(task_id="executive_escalations_hard").episode_id  # 35 steps at most
    search = SupportDeskAction(operation="search_policy", query="sla")
    rewards: list[float] = []

    def client() -> None:
        for _ in range(8):
            rewards.append(CaseOpsEnvironment().step(search, episode_id=episode_id).reward)

    threads = [threading.Thread(target=client) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    episode = find_episode(episode_id)
    assert episode.steps == len(episode.history) == len(rewards) == 32
    assert episode.total_reward == pytest.approx(sum(rewards))


def test_an_episode_the_store_lets_go_needs_no_release() -> None:
    """Nothing but the store and the environment refers to an episode: no machine holds its case."""
    env = CaseOpsEnvironment()
    episode_id = env.reset(task_id="billing_refund_easy").episode_id
    episode, case = weakref.ref(find_episode(episode_id)), weakref.ref(find_episode(episode_id).case)
    env.close()  # an HTTP reset: the episode stays in the store
    assert episode() is not None
    STORE.discard(episode_id)
    gc.collect()
    assert episode() is None and case() is None

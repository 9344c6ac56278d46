"""The heuristic reads what an agent reads: changing the gold must not change a single action."""

from __future__ import annotations

import attrs
import pytest

from caseops import scenarios
from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction
from caseops.policies import Policy
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.policies.registry import POLICY_NAMES, make_policy
from caseops.scenarios import TASK_IDS
from tests.conftest import run_episode


def actions_of(policy, task_id: str) -> list[str]:
    return [o.action_history[-1] for o in run_episode(policy, task_id)[1:]]


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_heuristic_does_not_read_the_gold(task_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    honest = actions_of(HeuristicPolicy(), task_id)
    task = scenarios.TASKS[task_id]

    def decoy(scenario):
        return attrs.evolve(
            scenario,
            gold=attrs.evolve(
                scenario.gold,
                queue="general_support",
                priority="low",
                issue_type="general_question",
                requested_fields=frozenset({"screenshot"}),
                final_statuses=frozenset({"resolved"}),
                resolution_code="no_action_needed",
                required_evidence=frozenset(),
                reference_reply="decoy",
                reference_note="decoy",
            ),
        )

    monkeypatch.setitem(scenarios.TASKS, task_id, attrs.evolve(task, cases=tuple(decoy(s) for s in task.cases)))
    assert actions_of(HeuristicPolicy(), task_id) == honest


def test_heuristic_closes_every_case_and_lands_between_the_floor_and_the_oracle() -> None:
    finals = [run_episode(HeuristicPolicy(), task_id)[-1] for task_id in TASK_IDS]
    assert all(final.workflow_stage == "closed" for final in finals)
    mean = sum(final.score for final in finals) / len(finals)
    assert 0.25 < mean < 0.9  # above every adversary's bound (tests/test_proof.py), well below the oracle


def test_random_policy_is_reproducible_by_seed():
    assert actions_of(RandomPolicy(3), "api_incident_hard") == actions_of(RandomPolicy(3), "api_incident_hard")
    assert actions_of(RandomPolicy(3), "api_incident_hard") != actions_of(RandomPolicy(4), "api_incident_hard")


def test_one_policy_type_for_every_module() -> None:
    from caseops import bench, policies
    from caseops.policies import llm, registry

    assert registry.Policy is llm.Policy is bench.Policy is policies.Policy


@pytest.mark.parametrize("name", [name for name in POLICY_NAMES if name != "llm"])
def test_every_registered_policy_maps_an_observation_to_an_action(name: str) -> None:
    env = CaseOpsEnvironment()
    observation = env.reset(task_id=TASK_IDS[0])
    policy: Policy = make_policy(name, seed=1)
    assert isinstance(policy(observation), SupportDeskAction)
    env.close()

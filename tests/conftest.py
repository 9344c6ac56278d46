"""Shared helpers: run whole episodes in-process with any policy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction, SupportDeskObservation

Policy = Callable[[SupportDeskObservation], SupportDeskAction]


def run_episode(policy: Policy, task_id: str) -> list[SupportDeskObservation]:
    """Every observation of one episode, the reset observation first."""
    env = CaseOpsEnvironment()
    observations = [env.reset(task_id=task_id)]
    while not observations[-1].done:
        observations.append(env.step(policy(observations[-1])))
    env.close()
    return observations


@pytest.fixture
def env() -> CaseOpsEnvironment:
    environment = CaseOpsEnvironment()
    yield environment
    environment.close()

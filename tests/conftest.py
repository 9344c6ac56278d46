"""Shared helpers: run whole episodes in-process with any policy."""

from __future__ import annotations

import os
from collections.abc import Iterator

# The suite is one client (one address) playing thousands of episodes, more than the per-client
# limits allow a public caller. They are raised here, before the app is built, for the in-process
# app and every server the tests start; tests/test_limits.py sets its own, tight ones.
for _name, _value in (
    ("CASEOPS_SESSIONS_PER_CLIENT", "100000"),
    ("CASEOPS_RESETS_PER_MINUTE", "10000000"),
    ("CASEOPS_RESET_BURST", "1000000"),
):
    os.environ.setdefault(_name, _value)

import httpx
import pytest
import servers
from fastapi.testclient import TestClient

from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskObservation
from caseops.policies import Policy
from caseops.server import build_app

# The slow groups: each has its own marker, and every test in one is also `slow`, so a developer
# iterates with `pytest -m "not slow"` while `make test` runs everything.
SLOW_GROUPS = ("ray", "browser", "bench", "validate", "soak", "packaging")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(group) for group in SLOW_GROUPS):
            item.add_marker(pytest.mark.slow)


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


# The in-process app and the shared loopback servers, for the wire tests (test_server, test_wire).
@pytest.fixture(scope="module")
def app_client() -> Iterator[TestClient]:
    with TestClient(build_app()) as client:
        yield client


@pytest.fixture(scope="module")
def live_url() -> str:
    # Boot the capacity server alongside the default one: importing openenv takes seconds.
    servers.start_shared({}, servers.CAPACITY_ENV)
    return servers.shared_server()


@pytest.fixture(scope="module", params=["inprocess", "uvicorn"])
def http(request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    if request.param == "inprocess":
        yield request.getfixturevalue("app_client")
    else:
        with httpx.Client(base_url=request.getfixturevalue("live_url"), timeout=30, trust_env=False) as client:
            yield client

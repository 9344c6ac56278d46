"""A trivial echo environment: the framework's ceiling in `make bench`.

It does the least an openenv environment can do (validate a one-field action, answer with a
one-field observation) so that running it beside CaseOps, in the same process or served by the
same openenv server, shows how much of the time is CaseOps and how much is the framework.
An episode lasts `EPISODE_STEPS` steps, about as long as a CaseOps episode.

    uvicorn --factory caseops.echo:build_app     # served the way CaseOps is
"""

from __future__ import annotations

import os
import uuid
from typing import Any

from fastapi import FastAPI
from openenv.core.env_server.http_server import create_app
from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import Action, ConcurrencyConfig, Observation, State
from pydantic import Field

EPISODE_STEPS = 10


class EchoAction(Action):
    message: str = Field(default="", max_length=4000)


class EchoObservation(Observation):
    echoed: str
    step: int


class EchoEnvironment(Environment[EchoAction, EchoObservation, State]):
    SUPPORTS_CONCURRENT_SESSIONS = True

    def __init__(self) -> None:
        super().__init__()
        self._state = State()

    def reset(self, seed: int | None = None, episode_id: str | None = None, **kwargs: Any) -> EchoObservation:
        self._state = State(episode_id=episode_id or uuid.uuid4().hex, step_count=0)
        return EchoObservation(echoed="", step=0)

    def step(self, action: EchoAction, timeout_s: float | None = None, **kwargs: Any) -> EchoObservation:
        self._state.step_count += 1
        steps = self._state.step_count
        return EchoObservation(echoed=action.message, step=steps, reward=0.0, done=steps >= EPISODE_STEPS)

    # Served on the event loop, as CaseOps is (see CaseOpsEnvironment.step_async): the ceiling
    # is the framework at its fastest.
    async def reset_async(
        self, seed: int | None = None, episode_id: str | None = None, **kwargs: Any
    ) -> EchoObservation:
        return self.reset(seed=seed, episode_id=episode_id, **kwargs)

    async def step_async(self, action: EchoAction, timeout_s: float | None = None, **kwargs: Any) -> EchoObservation:
        return self.step(action, timeout_s=timeout_s, **kwargs)

    @property
    def state(self) -> State:
        return self._state


def build_app() -> FastAPI:
    """The echo environment behind openenv's `create_app`, with CaseOps' session settings."""
    return create_app(
        EchoEnvironment,
        EchoAction,
        EchoObservation,
        env_name="echo",
        concurrency_config=ConcurrencyConfig(
            max_concurrent_envs=int(os.environ.get("CASEOPS_MAX_SESSIONS", "64")),
            session_timeout=float(os.environ.get("CASEOPS_SESSION_TIMEOUT_S", "600")),
        ),
    )

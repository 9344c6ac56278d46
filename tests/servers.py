"""Start a real CaseOps server (uvicorn in a subprocess) for tests that need one.

    with running_server(CASEOPS_MAX_SESSIONS="2") as base_url:
        httpx.get(f"{base_url}/health")

`running_server` is the plain context manager: start (a `caseops.bench.ServerProcess`), wait for
GET /health, yield the base URL, terminate. Importing openenv takes seconds, so tests share
servers through `shared_server`, which starts one server per distinct set of environment
overrides on first use and stops them all when the test process exits. `start_shared` launches
servers without waiting, so several can boot while other tests run.
"""

from __future__ import annotations

import atexit
import contextlib
from collections.abc import Iterator
from pathlib import Path

from caseops.bench import ServerProcess

REPO_ROOT = Path(__file__).resolve().parent.parent


def start(**env_overrides: str) -> ServerProcess:
    """One `uvicorn server.app:app` subprocess, started from the repository root."""
    return ServerProcess("server", cwd=REPO_ROOT, **env_overrides)


@contextlib.contextmanager
def running_server(**env_overrides: str) -> Iterator[str]:
    """A fresh server for the duration of the block; yields its base URL."""
    server = start(**env_overrides)
    try:
        yield server.wait_ready()
    finally:
        server.stop()


_SHARED: dict[tuple[tuple[str, str], ...], ServerProcess] = {}


def _key(env_overrides: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(env_overrides.items()))


def start_shared(*configs: dict[str, str]) -> None:
    """Launch the shared servers for these override sets without waiting for them."""
    for overrides in configs:
        key = _key(overrides)
        if key not in _SHARED or _SHARED[key].proc.poll() is not None:
            _SHARED[key] = start(**overrides)


def shared_server(**env_overrides: str) -> str:
    """The base URL of the shared server with these overrides, started on first use."""
    start_shared(env_overrides)
    return _SHARED[_key(env_overrides)].wait_ready()


@atexit.register
def _stop_shared() -> None:
    for server in _SHARED.values():
        server.stop()
    _SHARED.clear()


# A second shared server with room for two sessions only: for capacity tests.
CAPACITY_ENV = {"CASEOPS_MAX_SESSIONS": "2"}

"""Start a real CaseOps server (uvicorn in a subprocess) for tests that need one.

    with running_server(CASEOPS_MAX_SESSIONS="2") as base_url:
        httpx.get(f"{base_url}/health")

`running_server` is the plain context manager: start, wait for GET /health, yield the base URL,
terminate. Importing openenv takes seconds, so tests share servers through `shared_server`, which
starts one server per distinct set of environment overrides on first use and stops them all when
the test process exits. `start_shared` launches servers without waiting, so several can boot
while other tests run.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """One `uvicorn server.app:app` subprocess, started from the repository root."""

    def __init__(self, **env_overrides: str) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.pop("ENABLE_WEB_INTERFACE", None)
        env.update(env_overrides)
        self._log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "server.app:app", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._ready = False

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def wait_ready(self, timeout_s: float = STARTUP_TIMEOUT_S) -> str:
        if self._ready:
            return self.base_url
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode} before it was healthy:\n{self.log()}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=1.0, trust_env=False).status_code == 200:
                    self._ready = True
                    return self.base_url
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server not healthy after {timeout_s:.0f} s:\n{self.log()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()


@contextlib.contextmanager
def running_server(**env_overrides: str) -> Iterator[str]:
    """A fresh server for the duration of the block; yields its base URL."""
    server = ServerProcess(**env_overrides)
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
            _SHARED[key] = ServerProcess(**overrides)


def shared_server(**env_overrides: str) -> str:
    """The base URL of the shared server with these overrides, started on first use."""
    start_shared(env_overrides)
    return _SHARED[_key(env_overrides)].wait_ready()


@atexit.register
def _stop_shared() -> None:
    for server in _SHARED.values():
        server.stop()
    _SHARED.clear()

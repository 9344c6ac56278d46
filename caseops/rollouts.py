"""Rollouts: map a function over jobs in this process, over local worker processes, or on a Ray
cluster, and hand the results back in job order.

Job order is the point. An evaluation's report and trajectory file must not depend on where its
episodes ran: every episode is a pure function of its job (task, trial, seeds, hints), so playing
the jobs anywhere and collecting the results in the order of the jobs gives exactly what one
process gives.

- **serial** (`workers=1`): the built-in `map`, here.
- **processes** (`workers=N`): a `ProcessPoolExecutor`. Its workers start from a *forkserver*
  (spawn where the platform has none, i.e. Windows), never by forking this process: this process
  may hold threads (a server, a Ray client, an HTTP pool) whose locks a fork would copy mid-use.
  The forkserver is a fresh single-threaded process that imports the environment (most of the
  import time) and `fn`'s module once; each worker forks from it already loaded instead of paying
  the import again, and later pools in the same process reuse it. Jobs travel in chunks, so the
  per-message cost is paid per chunk, not per job.
- **Ray** (`ray_address=...`): `ray.init(address=...)` joins an existing cluster; one remote task
  runs one chunk. Ray is an optional extra (`pip install 'caseops[ray]'`); the cluster's nodes need
  the same caseops (and Python and Ray) installed as this process.

`env` carries environment variables the workers need from this process (the LLM policy's endpoint
and key): forkserver workers inherit the environment of the forkserver, which may be older than the
caller's changes, and Ray workers have the cluster's environment, not this process's.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import socket
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from caseops.errors import RolloutError  # defined with the other errors; importable from here as always

JobT = TypeVar("JobT")
ResultT = TypeVar("ResultT")

CONNECT_TIMEOUT_S = 5.0
CHUNKS_PER_WORKER = 8  # enough chunks that a slow one leaves the others to balance the load
PRELOAD = ("caseops.environment",)  # what every rollout plays, and most of the import time
RAY_MISSING = "--ray needs the ray package: pip install 'caseops[ray]'"


def chunk_size(jobs: int, workers: int) -> int:
    """Jobs per message: about CHUNKS_PER_WORKER chunks for each worker."""
    return max(1, jobs // (workers * CHUNKS_PER_WORKER))


@contextmanager
def ordered_map(
    fn: Callable[[JobT], ResultT],
    jobs: Sequence[JobT],
    *,
    workers: int = 1,
    ray_address: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Iterator[Iterator[ResultT]]:
    """`fn` over `jobs`, results in job order, as they arrive. `fn` and the jobs must pickle
    (a module-level function and plain records). Entering sets the backend up, so a missing Ray or
    an unreachable cluster fails before any job runs; leaving shuts it down, cancelling what is left."""
    if workers < 1:
        raise RolloutError(f"workers must be at least 1, got {workers}")
    if ray_address is not None:
        if workers != 1:
            raise RolloutError("run on local workers or on a Ray cluster, not both")
        with _ray_map(fn, jobs, ray_address, dict(env or {})) as results:
            yield results
    elif workers == 1 or len(jobs) < 2:
        yield map(fn, jobs)
    else:
        with _process_map(fn, jobs, workers, dict(env or {})) as results:
            yield results


def _set_environment(env: dict[str, str]) -> None:
    os.environ.update(env)


@contextmanager
def _process_map(
    fn: Callable[[JobT], ResultT], jobs: Sequence[JobT], workers: int, env: dict[str, str]
) -> Iterator[Iterator[ResultT]]:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([*PRELOAD, fn.__module__])  # no effect once the forkserver runs
    workers = min(workers, len(jobs))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_set_environment, initargs=(env,))
    try:
        yield pool.map(fn, jobs, chunksize=chunk_size(len(jobs), workers))
    finally:
        pool.shutdown(cancel_futures=True)


def _run_chunk(fn: Callable[[JobT], ResultT], jobs: Sequence[JobT]) -> list[ResultT]:
    return [fn(job) for job in jobs]


@contextmanager
def _ray_map(
    fn: Callable[[JobT], ResultT], jobs: Sequence[JobT], address: str, env: dict[str, str]
) -> Iterator[Iterator[ResultT]]:
    try:
        import ray
    except ImportError:
        raise RolloutError(RAY_MISSING) from None
    _check_reachable(address)
    try:
        ray.init(address=address, runtime_env={"env_vars": env} if env else None, logging_level=logging.WARNING)
    except ConnectionError as exc:
        raise RolloutError(f"cannot join the Ray cluster at {address}: {exc}") from None
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        size = chunk_size(len(jobs), cpus)
        run_chunk: Any = ray.remote(_run_chunk)
        refs = [run_chunk.remote(fn, jobs[start : start + size]) for start in range(0, len(jobs), size)]
        yield _gather(ray, refs)
    finally:
        ray.shutdown()


def _check_reachable(address: str) -> None:
    """`ray.init` retries an unreachable "host:port" for minutes; a plain TCP connect tells at once."""
    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return  # "auto", "ray://host:port" and the like: Ray resolves those itself
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise RolloutError(f"cannot reach the Ray cluster at {address}: {exc}") from None


def _gather(ray: Any, refs: list[Any]) -> Iterator[Any]:
    for ref in refs:
        yield from ray.get(ref)

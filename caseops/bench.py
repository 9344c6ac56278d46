"""`make bench`: how fast CaseOps runs, in-process and served, beside a trivial echo environment.

    python -m caseops.bench [--quick] [--json PATH] [--no-served] [--no-deflate]

In-process, it runs the heuristic and the random policy over the authored tasks and reports
steps/s and episodes/s of the environment (the time spent inside `reset` and `step`; the
policy's own thinking is reported apart), the cost of a reset, the memory each live episode
holds (tracemalloc over many live episodes), and whether the process RSS stays flat over
20,000 sequential episodes. The echo environment (`caseops.echo`) runs the same way in the same
process: it is the ceiling, and CaseOps is reported as a ratio of it.

Served, it starts two uvicorn subprocesses, CaseOps and the echo environment behind the same
openenv's `create_app` with the same flags, and drives 1, 16 and 64 concurrent WebSocket
sessions from asyncio tasks in this process. CaseOps sessions replay the heuristic's recorded
actions (so the client does not think), echo sessions send as many steps per episode. Both
environments define `step_async`, so openenv runs their steps on the event loop rather than
handing each one to a worker thread: the ceiling is the framework at its fastest. Both
report steps/s and the p50/p99 step latency; CaseOps is reported as a ratio of echo. The two
take turns in short rounds, so a change in the machine's load falls on both alike.
WebSocket permessage-deflate is on, as uvicorn serves by default; `--no-deflate` turns it off
on both servers (it costs CPU on every frame, and a CaseOps observation is ~5 KB of JSON).

Numbers depend on the machine and on whatever else runs on it (the load average is printed);
nothing here asserts a timing.

Over 300 lines because the benchmark's measurements and its report share settings and records;
it is a tool, not part of the environment.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from caseops.echo import EPISODE_STEPS, EchoAction, EchoEnvironment
from caseops.environment import CaseOpsEnvironment
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies import Policy
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS
from caseops.trajectories import action_record

PolicyFactory = Callable[[int], Policy]  # episode index -> the policy for that episode

SESSION_COUNTS = (1, 16, 64)
MAX_SESSIONS = 80  # the served bench opens 64 sessions; leave headroom
STARTUP_TIMEOUT_S = 90.0
ECHO_MESSAGE = "We have received your request and are looking into it now."


# ---- in-process ----


@dataclass
class Throughput:
    """One in-process run: counts, and where the time went."""

    label: str
    episodes: int
    steps: int
    reset_s: float  # inside reset()
    step_s: float  # inside step()
    wall_s: float  # everything, the policy's decisions included

    @property
    def env_s(self) -> float:
        return self.reset_s + self.step_s

    @property
    def steps_per_s(self) -> float:
        return self.steps / self.env_s if self.env_s else 0.0

    @property
    def episodes_per_s(self) -> float:
        return self.episodes / self.env_s if self.env_s else 0.0

    @property
    def wall_steps_per_s(self) -> float:
        return self.steps / self.wall_s if self.wall_s else 0.0

    @property
    def wall_episodes_per_s(self) -> float:
        return self.episodes / self.wall_s if self.wall_s else 0.0

    @property
    def reset_us(self) -> float:
        return self.reset_s / self.episodes * 1e6 if self.episodes else 0.0

    @property
    def step_us(self) -> float:
        return self.step_s / self.steps * 1e6 if self.steps else 0.0

    def __add__(self, other: Throughput) -> Throughput:
        return Throughput(
            self.label,
            self.episodes + other.episodes,
            self.steps + other.steps,
            self.reset_s + other.reset_s,
            self.step_s + other.step_s,
            self.wall_s + other.wall_s,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "steps_per_s": self.steps_per_s,
            "episodes_per_s": self.episodes_per_s,
            "wall_steps_per_s": self.wall_steps_per_s,
            "wall_episodes_per_s": self.wall_episodes_per_s,
            "reset_us": self.reset_us,
            "step_us": self.step_us,
        }


def run_episodes(
    env: Any,
    policy_for: Callable[[int], Callable[[Any], Any]],  # a PolicyFactory, or the echo environment's
    episodes: int,
    reset_kwargs: Callable[[int], dict[str, Any]] = lambda _: {},
    label: str = "",
    first: int = 0,
) -> Throughput:
    """Run `episodes` whole episodes on one environment instance, timing reset and step apart.
    Episode indexes (which pick the task and the policy's seed) start at `first`."""
    clock = time.perf_counter
    steps, reset_s, step_s = 0, 0.0, 0.0
    started = clock()
    for index in range(first, first + episodes):
        policy = policy_for(index)
        kwargs = reset_kwargs(index)
        t0 = clock()
        observation = env.reset(**kwargs)
        reset_s += clock() - t0
        while not observation.done:
            action = policy(observation)
            t0 = clock()
            observation = env.step(action)
            step_s += clock() - t0
            steps += 1
    wall_s = clock() - started
    env.close()
    return Throughput(label, episodes, steps, reset_s, step_s, wall_s)


def _heuristic(_: int) -> Policy:
    return HEURISTIC


HEURISTIC = HeuristicPolicy()
POLICIES: dict[str, PolicyFactory] = {"heuristic": _heuristic, "random": RandomPolicy}


def _task_for(tasks: Sequence[str]) -> Callable[[int], dict[str, Any]]:
    return lambda index: {"task_id": tasks[index % len(tasks)]}


def caseops_inprocess(policy: str, episodes: int, tasks: Sequence[str] = TASK_IDS, first: int = 0) -> Throughput:
    env = CaseOpsEnvironment()
    return run_episodes(env, POLICIES[policy], episodes, _task_for(tasks), label=f"caseops/{policy}", first=first)


def echo_inprocess(episodes: int) -> Throughput:
    action = EchoAction(message=ECHO_MESSAGE)
    return run_episodes(EchoEnvironment(), lambda _: lambda __: action, episodes, label="echo")


def warm_up(tasks: Sequence[str] = TASK_IDS) -> None:
    """Run every task once with each policy, so one-time work (imports, per-scenario caches) is
    not counted as per-episode time or memory."""
    for policy in POLICIES:
        caseops_inprocess(policy, len(tasks), tasks)
    echo_inprocess(2)


def memory_per_live_episode(count: int = 1000, steps: int = 4, tasks: Sequence[str] = TASK_IDS) -> float:
    """Bytes held per live, half-worked episode: tracemalloc over `count` of them at once."""
    warm_up(tasks)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        envs = []
        for index in range(count):
            env = CaseOpsEnvironment()
            observation = env.reset(task_id=tasks[index % len(tasks)])
            for _ in range(steps):
                if observation.done:
                    break
                observation = env.step(HEURISTIC(observation))
            envs.append(env)
        del observation
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    for env in envs:
        env.close()
    return held / count


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


@dataclass
class RssReport:
    episodes: int
    samples: list[tuple[int, int]] = field(default_factory=list)  # (episodes run, RSS bytes)

    @property
    def growth(self) -> float:
        """Largest RSS seen over the first sample (taken after the warm-up), as a fraction."""
        first = self.samples[0][1]
        return max(rss for _, rss in self.samples) / first - 1.0


def rss_over_episodes(
    episodes: int = 20_000, samples: int = 10, warmup: int = 1_000, tasks: Sequence[str] = TASK_IDS
) -> RssReport:
    """Run `episodes` sequential episodes (heuristic and random, alternating) and sample RSS."""
    env = CaseOpsEnvironment()
    report = RssReport(episodes)
    every = max(1, -(-(episodes - warmup) // samples))  # ceil: at most `samples` + 1 samples
    for index in range(episodes + 1):
        if index >= warmup and (index - warmup) % every == 0:
            gc.collect()
            report.samples.append((index, rss_bytes()))
        if index == episodes:
            break
        policy = HEURISTIC if index % 2 == 0 else RandomPolicy(index)
        observation = env.reset(task_id=tasks[index % len(tasks)])
        while not observation.done:
            observation = env.step(policy(observation))
    env.close()
    return report


# ---- served ----


@dataclass
class Script:
    """What one served episode sends: a reset frame, then its step frames in order."""

    reset: str
    steps: list[str]


def caseops_scripts(tasks: Sequence[str] = TASK_IDS) -> list[Script]:
    """The heuristic's actions per task, recorded in-process; replayed, they give the same
    episode (the environment is deterministic), so the client need not think."""
    scripts = []
    for task_id in tasks:
        env = CaseOpsEnvironment()
        observation: SupportDeskObservation = env.reset(task_id=task_id)
        frames = []
        while not observation.done:
            action: SupportDeskAction = HEURISTIC(observation)
            frames.append(json.dumps({"type": "step", "data": action_record(action)}))
            observation = env.step(action)
        env.close()
        scripts.append(Script(json.dumps({"type": "reset", "data": {"task_id": task_id}}), frames))
    return scripts


def echo_scripts() -> list[Script]:
    step = json.dumps({"type": "step", "data": {"message": ECHO_MESSAGE}})
    return [Script(json.dumps({"type": "reset", "data": {}}), [step] * EPISODE_STEPS)]


@dataclass
class Served:
    label: str
    sessions: int
    window_s: float
    steps: int
    errors: int
    latencies_s: list[float] = field(default_factory=list, repr=False)

    @property
    def steps_per_s(self) -> float:
        return self.steps / self.window_s if self.window_s else 0.0

    def __add__(self, other: Served) -> Served:
        return Served(
            self.label,
            self.sessions,
            self.window_s + other.window_s,
            self.steps + other.steps,
            self.errors + other.errors,
            self.latencies_s + other.latencies_s,
        )

    def percentile(self, q: float) -> float:
        if not self.latencies_s:
            return float("nan")
        ordered = sorted(self.latencies_s)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "sessions": self.sessions,
            "window_s": self.window_s,
            "steps": self.steps,
            "errors": self.errors,
            "steps_per_s": self.steps_per_s,
            "p50_ms": self.percentile(0.50) * 1e3,
            "p99_ms": self.percentile(0.99) * 1e3,
        }


def ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1).rstrip("/") + "/ws"


async def _session(
    url: str, scripts: Sequence[Script], offset: int, measure_from: float, stop_at: float, result: Served
) -> None:
    from websockets.asyncio.client import connect

    clock = time.perf_counter
    async with connect(url, max_size=16 * 1024 * 1024, open_timeout=30) as ws:
        episode = offset
        while clock() < stop_at:
            script = scripts[episode % len(scripts)]
            episode += 1
            await ws.send(script.reset)
            if not str(await ws.recv()).startswith('{"type":"observation"'):
                result.errors += 1
            for frame in script.steps:
                t0 = clock()
                await ws.send(frame)
                reply = str(await ws.recv())
                t1 = clock()
                if not reply.startswith('{"type":"observation"'):
                    result.errors += 1
                if measure_from <= t1 <= stop_at:
                    result.steps += 1
                    result.latencies_s.append(t1 - t0)
                if t1 > stop_at:
                    return


async def _drive(
    url: str, scripts: Sequence[Script], sessions: int, warmup_s: float, window_s: float, label: str
) -> Served:
    result = Served(label, sessions, window_s, 0, 0)
    start = time.perf_counter()
    measure_from = start + warmup_s
    stop_at = measure_from + window_s
    await asyncio.gather(*(_session(url, scripts, i, measure_from, stop_at, result) for i in range(sessions)))
    return result


def drive_sessions(
    base_url: str,
    scripts: Sequence[Script],
    sessions: int,
    warmup_s: float = 1.0,
    window_s: float = 4.0,
    label: str = "",
) -> Served:
    """`sessions` concurrent WebSocket sessions replaying `scripts` for `warmup_s + window_s`
    seconds; steps completed in the window count."""
    return asyncio.run(_drive(ws_url(base_url), scripts, sessions, warmup_s, window_s, label))


APPS = {
    "caseops": ["caseops.server:app"],
    "echo": ["--factory", "caseops.echo:build_app"],
    "server": ["server.app:app"],  # the entry point `openenv serve` and the Docker image use
}


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """A uvicorn subprocess serving `app` (a key of `APPS`) on a free loopback port, with the
    environment's overrides; `ENABLE_WEB_INTERFACE` is off unless an override turns it on.
    Every app is served the same way: the same uvicorn, the same flags."""

    def __init__(
        self, app: str, deflate: bool = True, cwd: str | os.PathLike[str] | None = None, **env_overrides: str
    ) -> None:
        self.app = app
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.pop("ENABLE_WEB_INTERFACE", None)
        env.update(env_overrides)
        command = [sys.executable, "-m", "uvicorn", *APPS[app], "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--log-level", "warning", "--no-access-log"]
        command += ["--ws-per-message-deflate", "true" if deflate else "false"]
        # The server's log goes to a file: a pipe nobody reads fills up and stalls the server.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self._ready = False

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def wait_ready(self, timeout_s: float = STARTUP_TIMEOUT_S) -> str:
        """Wait for GET /health to answer 200; returns the base URL."""
        import httpx

        if self._ready:
            return self.base_url
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.app} server exited with {self.proc.returncode} before it was healthy:\n{self.log()}"
                )
            try:
                if httpx.get(f"{self.base_url}/health", timeout=1.0, trust_env=False).status_code == 200:
                    self._ready = True
                    return self.base_url
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        log = self.log()  # before stop(), which closes the log file
        self.stop()
        raise RuntimeError(f"{self.app} server not healthy after {timeout_s:.0f} s:\n{log}")

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
def serve(*apps: str, deflate: bool = True, **env_overrides: str) -> Iterator[list[str]]:
    """Uvicorn subprocesses serving `apps`, booted side by side, with room for the served bench's
    sessions; yields their base URLs."""
    env = {"CASEOPS_MAX_SESSIONS": str(MAX_SESSIONS), **env_overrides}
    started = [ServerProcess(app, deflate, **env) for app in apps]
    try:
        yield [server.wait_ready() for server in started]
    finally:
        for server in started:
            server.stop()


# ---- the report ----


@dataclass
class Settings:
    episodes: int = 4_000  # per policy, in-process
    echo_episodes: int = 20_000
    live_episodes: int = 2_000
    rss_episodes: int = 20_000
    rss_samples: int = 10
    session_counts: tuple[int, ...] = SESSION_COUNTS
    warmup_s: float = 1.0
    window_s: float = 6.0  # per app and session count, split over the rounds
    # CaseOps and echo take turns, round by round, so a change in the machine's load (other
    # processes) falls on both alike.
    rounds: int = 3
    deflate: bool = True  # WebSocket permessage-deflate (uvicorn's default), on both servers alike
    served: bool = True


QUICK = Settings(
    episodes=300, echo_episodes=1_000, live_episodes=200, rss_episodes=2_000, window_s=1.5, warmup_s=0.5, rounds=1
)


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def run(settings: Settings, out: Callable[[str], None] = print) -> dict[str, Any]:
    load = os.getloadavg()[0]
    results: dict[str, Any] = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load_before": load}
    out(f"CaseOps bench ({os.cpu_count()} CPUs, Python {results['python']}, load average {load:.2f} at start)")
    warm_up()

    out("\n== in-process (time inside reset/step; 'with policy' adds the policy's decisions) ==")
    rounds = max(1, settings.rounds)
    totals: dict[str, Throughput] = {}
    for round_ in range(rounds):
        for run_ in (
            echo_inprocess(settings.echo_episodes // rounds),
            *(
                caseops_inprocess(policy, settings.episodes // rounds, first=round_ * (settings.episodes // rounds))
                for policy in POLICIES
            ),
        ):
            totals[run_.label] = totals[run_.label] + run_ if run_.label in totals else run_
    echo = totals.pop("echo")
    runs = list(totals.values())
    out(
        f"{'run':<18}{'steps/s':>10}{'eps/s':>9}{'reset us':>10}{'step us':>9}{'steps/ep':>9}{'with policy: steps/s':>22}{'eps/s':>8}{'vs echo':>9}"
    )
    for run_ in (*runs, echo):
        ratio = run_.steps_per_s / echo.steps_per_s
        out(
            f"{run_.label:<18}{_fmt(run_.steps_per_s):>10}{_fmt(run_.episodes_per_s):>9}{run_.reset_us:>10.1f}{run_.step_us:>9.1f}"
            f"{run_.steps / run_.episodes:>9.1f}{_fmt(run_.wall_steps_per_s):>22}{_fmt(run_.wall_episodes_per_s):>8}{ratio:>9.1%}"
        )
    results["inprocess"] = [r.as_dict() for r in (*runs, echo)]

    per_episode = memory_per_live_episode(settings.live_episodes)
    out(
        f"\nmemory per live episode (tracemalloc, {settings.live_episodes:,} live, half-worked): {per_episode / 1024:.1f} KiB"
    )
    results["memory_per_live_episode_bytes"] = per_episode

    rss = rss_over_episodes(settings.rss_episodes, settings.rss_samples, warmup=min(1_000, settings.rss_episodes // 10))
    trail = " ".join(f"{rss_ / 2**20:.1f}" for _, rss_ in rss.samples)
    out(f"RSS over {rss.episodes:,} sequential episodes (MiB, after warm-up): {trail}; growth {rss.growth:+.1%}")
    results["rss"] = {"episodes": rss.episodes, "samples": rss.samples, "growth": rss.growth}

    if settings.served:
        deflate = "on" if settings.deflate else "off"
        out(
            f"\n== served (uvicorn subprocesses, WebSocket sessions as asyncio tasks in this process; permessage-deflate {deflate};"
            f" {settings.window_s:.0f} s per app and session count, in {rounds} alternating rounds) =="
        )
        scripts = {"caseops": caseops_scripts(), "echo": echo_scripts()}
        served: dict[str, dict[int, Served]] = {"caseops": {}, "echo": {}}
        with serve("caseops", "echo", deflate=settings.deflate) as urls:
            base = dict(zip(("caseops", "echo"), urls, strict=False))
            for n in settings.session_counts:
                for _ in range(rounds):
                    for app in ("echo", "caseops"):
                        part = drive_sessions(
                            base[app], scripts[app], n, settings.warmup_s, settings.window_s / rounds, label=app
                        )
                        served[app][n] = served[app][n] + part if n in served[app] else part
        out(
            f"{'sessions':>8}  {'caseops steps/s':>15}{'p50 ms':>8}{'p99 ms':>8}  {'echo steps/s':>12}{'p50 ms':>8}{'p99 ms':>8}  {'vs echo':>8}{'errors':>8}"
        )
        for n in settings.session_counts:
            c, e = served["caseops"][n], served["echo"][n]
            out(
                f"{n:>8}  {_fmt(c.steps_per_s):>15}{c.percentile(0.5) * 1e3:>8.2f}{c.percentile(0.99) * 1e3:>8.2f}"
                f"  {_fmt(e.steps_per_s):>12}{e.percentile(0.5) * 1e3:>8.2f}{e.percentile(0.99) * 1e3:>8.2f}"
                f"  {c.steps_per_s / e.steps_per_s if e.steps_per_s else 0:>8.1%}{c.errors + e.errors:>8}"
            )
        results["served"] = {
            "deflate": settings.deflate,
            **{app: [s.as_dict() for s in by_n.values()] for app, by_n in served.items()},
        }
    results["load_after"] = os.getloadavg()[0]
    out(f"\nload average {results['load_after']:.2f} at the end (other processes share these {os.cpu_count()} CPUs)")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="caseops-bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run, not a measurement")
    parser.add_argument("--no-served", action="store_true", help="skip the served (uvicorn) part")
    parser.add_argument(
        "--no-deflate", action="store_true", help="serve with WebSocket permessage-deflate off (uvicorn turns it on)"
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else Settings()
    settings = dataclasses.replace(settings, served=not args.no_served, deflate=not args.no_deflate)
    results = run(settings)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

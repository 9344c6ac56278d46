"""The CaseOps baseline: plays every task once and prints one parseable line per event.

    python inference.py [--output results/baseline.json]

Policy: with none of API_BASE_URL and MODEL_NAME set the offline heuristic plays alone. With
either set, the run measures that model: `caseops.policies.registry.llm_settings` reads
API_BASE_URL, MODEL_NAME, the key (API_KEY, then HF_TOKEN, then OPENAI_API_KEY) and the
CASEOPS_LLM_* knobs, and anything missing is a configuration error (exit 2), never a silent
heuristic run under the model's name. A step whose model answer is unusable falls back to the
heuristic (`error=fallback: <reason>` on its STEP line, counted per task in the results), or, with
CASEOPS_LLM_FALLBACK=off, ends that task with an error.

Environment: with ENV_BASE_URL the script talks to that CaseOps server; otherwise it starts one
in-process with uvicorn on a free local port and stops it afterwards. Either way it goes through
the typed WebSocket client, one connection per task, exactly like an external agent.

stdout carries only these lines (logs and the run summary go to stderr):

    [START] task=<task_id> env=caseops model=<model_name>
    [STEP] step=<n> action=<action_str> reward=<0.00> done=<true|false> error=<msg|null>
    [END] success=<true|false> steps=<n> score=<0.00> rewards=<r1,r2,...>

`action_str` contains no whitespace, so every field before `error=` splits on spaces and then on
the first "=": `operation(key=value,...)`, list values joined by "|", free texts (reply, note,
query) reduced to their first words joined by "_" with anything but letters and digits dropped
(for example `draft_reply(reply=We_are_sorry_we_charged_you_twice...)`), the confidence with two
decimals. `error` is the last field and runs to the end of the line; it is the environment's error
for the step, else `fallback: <reason>` when the model's answer was replaced by the heuristic's,
else `null`.

The whole run has a time budget (CASEOPS_RUN_BUDGET_S, default 1080 s): once it is spent the
current step finishes, and every task not yet played still prints its START and END (steps=0).

Exit codes: 0 every episode ran to its end (and, with a model, the model chose at least one
step); 1 an episode broke (environment, a model failure with fallback off); 2 the model settings
are incomplete or invalid (nothing was played); 3 a model was configured but chose no step at all
(the score is the heuristic's, not the model's); 4 the run budget ran out.

Over 300 lines because the baseline is one script by the submission's contract (run as
`python inference.py`), its output protocol and its local server included.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import os
import re
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from caseops.client import CaseOpsEnv
from caseops.errors import PolicyConfigError
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies import Policy
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.registry import llm_settings
from caseops.scenarios import TASK_IDS, TASKS
from caseops.vocab import STEP_GUARD  # the environment ends every episode far earlier; this stops a runaway loop

BENCHMARK = "caseops"
HEURISTIC_MODEL_NAME = "heuristic"
UNCONFIGURED_MODEL_NAME = "unconfigured"
SUCCESS_THRESHOLD = 0.5  # a task counts as solved when its final score reaches this
NO_SCORE = 0.01  # reported when an episode broke before any observation: the score floor
DEFAULT_OUTPUT = "results/baseline.json"
HEALTH_TIMEOUT_S = 30.0
ACTION_TEXT_CHARS = 40
DEFAULT_RUN_BUDGET_S = 1080.0  # 18 minutes: an evaluator allows 20, the server start and teardown fit in the rest
MODEL_VARS = ("API_BASE_URL", "MODEL_NAME")  # either one set means "measure a model"

EXIT_OK = 0
EXIT_EPISODE_BROKE = 1
EXIT_CONFIG = 2
EXIT_NO_MODEL_STEP = 3
EXIT_BUDGET = 4

log = logging.getLogger("caseops.inference")


# ---- rendering the lines ----


def _text_token(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    joined = "_".join(words)
    if len(joined) <= ACTION_TEXT_CHARS:
        return joined
    return joined[:ACTION_TEXT_CHARS].rstrip("_") + "..."


def _id_token(value: str) -> str:
    """An identifier as the model wrote it, minus anything that could break the field."""
    return re.sub(r"[^A-Za-z0-9_.:/-]+", "_", value.strip()).strip("_") or "_"


def format_action(action: SupportDeskAction) -> str:
    """A single-token rendering of an action: no whitespace, fields in the wire model's order."""
    parts: list[str] = []
    for name in ("queue", "priority", "issue_type", "status", "resolution_code"):
        value = getattr(action, name)
        if value is not None:
            parts.append(f"{name}={value}")
    if action.requested_fields:
        parts.append("requested_fields=" + "|".join(action.requested_fields))
    for name in ("reply", "internal_note"):
        value = getattr(action, name)
        if value is not None:
            parts.append(f"{name}={_text_token(value)}")
    if action.artifact_id is not None:
        parts.append(f"artifact_id={_id_token(action.artifact_id)}")
    if action.query is not None:
        parts.append(f"query={_text_token(action.query)}")
    if action.confidence is not None:
        parts.append(f"confidence={action.confidence:.2f}")
    return f"{action.operation}({','.join(parts)})"


def format_reward(value: float | None) -> str:
    text = f"{value or 0.0:.2f}"
    return "0.00" if text == "-0.00" else text


def format_bool(value: bool) -> str:
    return "true" if value else "false"


def one_line(message: str | None) -> str:
    if message is None:
        return "null"
    flat = " ".join(str(message).split())
    return flat or "null"


def _token(value: str) -> str:
    return re.sub(r"\s+", "_", value.strip()) or "unknown"


def fallback_error(policy: Any) -> str | None:
    """The policy's problem with the last step, as `fallback: <reason>` when the step was replaced."""
    error = getattr(policy, "last_error", None)
    if error is None:
        return None
    error = str(error)
    if getattr(policy, "last_source", None) == "fallback" and not error.startswith("fallback:"):
        error = f"fallback: {error}"
    return error


# ---- one episode ----


@dataclass
class TaskResult:
    task_id: str
    difficulty: str
    score: float = NO_SCORE
    steps: int = 0
    rewards: list[float] = field(default_factory=list)
    success: bool = False
    error: str | None = None
    model_steps: int = 0  # steps whose action the model chose
    fallback_steps: int = 0  # steps whose action the heuristic chose in the model's place
    model_calls_ok: int = 0  # HTTP calls that returned a completion, during this task
    model_calls_failed: int = 0


class Budget:
    """The whole run's wall-clock allowance; checked between steps, never in the middle of one."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._deadline = clock() + seconds
        self._configured: dict[int, float] = {}  # per policy, its client's timeout before any cap

    def remaining(self) -> float:
        return self._deadline - self._clock()

    def spent(self) -> bool:
        return self.remaining() <= 0

    @property
    def message(self) -> str:
        return f"run budget of {self.seconds:g}s (CASEOPS_RUN_BUDGET_S) exhausted"

    def cap(self, policy: Any) -> None:
        """Best effort: no single model request may wait past the budget (an LLMPolicy's client
        timeout is lowered to what remains, never below 1 s, never above its configured value)."""
        client = getattr(policy, "client", None)
        if client is None or not hasattr(client, "with_options"):
            return
        base = self._configured.get(id(policy))
        if base is None:
            base = getattr(client, "timeout", None)
            if not isinstance(base, int | float):
                return
            self._configured[id(policy)] = base = float(base)
        timeout = min(float(base), max(1.0, self.remaining()))
        if getattr(client, "timeout", None) != timeout:
            policy.client = client.with_options(timeout=timeout)


def _stat(policy: Any, name: str) -> int:
    stats = getattr(policy, "stats", None)
    return int(getattr(stats, name, 0) or 0) if stats is not None else 0


def _is_model_failure(exc: BaseException) -> bool:
    """`caseops.policies.llm.ModelFailure`, looked up lazily: the offline path never imports openai."""
    llm = sys.modules.get("caseops.policies.llm")
    failure = getattr(llm, "ModelFailure", None) if llm is not None else None
    return isinstance(failure, type) and isinstance(exc, failure)


def run_task(
    env_url: str,
    task_id: str,
    policy: Policy,
    model_name: str,
    out: TextIO,
    budget: Budget | None = None,
) -> TaskResult:
    """Play one task over its own WebSocket connection; START, STEPs and END always reach `out`."""
    result = TaskResult(task_id=task_id, difficulty=TASKS[task_id].difficulty if task_id in TASKS else "unknown")
    emit(out, f"[START] task={task_id} env={BENCHMARK} model={model_name}")
    if budget is not None and budget.spent():
        result.error = budget.message
        log.error("task %s not played: %s", task_id, result.error)
        _end(out, result)
        return result
    calls_ok, calls_failed = _stat(policy, "calls_ok"), _stat(policy, "calls_failed")
    observation: SupportDeskObservation | None = None
    client = CaseOpsEnv(base_url=env_url).sync()
    try:
        client.connect()
        observation = client.reset(task_id=task_id).observation
        result.difficulty = observation.difficulty
        while not observation.done and result.steps < STEP_GUARD:
            if budget is not None and budget.spent():
                result.error = budget.message
                log.error("task %s stopped after %d steps: %s", task_id, result.steps, result.error)
                break
            if budget is not None:
                budget.cap(policy)
            try:
                action = policy(observation)
            except Exception as exc:
                if _is_model_failure(exc):  # CASEOPS_LLM_FALLBACK=off: the model's failure ends the task
                    result.error = f"model failure: {exc}"
                    log.error("task %s ended at step %d: %s", task_id, result.steps + 1, result.error)
                    break
                raise
            source = getattr(policy, "last_source", None)
            if source == "model":
                result.model_steps += 1
            elif source == "fallback":
                result.fallback_steps += 1
            policy_error = fallback_error(policy)
            observation = client.step(action).observation
            result.steps += 1
            reward = observation.reward or 0.0
            result.rewards.append(round(reward, 6))
            emit(
                out,
                f"[STEP] step={result.steps} action={format_action(action)} reward={format_reward(reward)} "
                f"done={format_bool(observation.done)} error={one_line(observation.error or policy_error)}",
            )
        else:
            if not observation.done:
                result.error = f"episode not done after {STEP_GUARD} steps"
    except Exception as exc:
        result.error = f"{type(exc).__name__}: {exc}"
        log.error("task %s failed: %s", task_id, result.error)
    finally:
        with contextlib.suppress(Exception):
            client.close()
        if observation is not None:
            result.score = observation.score
        result.model_calls_ok = _stat(policy, "calls_ok") - calls_ok
        result.model_calls_failed = _stat(policy, "calls_failed") - calls_failed
        _end(out, result)
    return result


def _end(out: TextIO, result: TaskResult) -> None:
    result.success = result.error is None and result.score >= SUCCESS_THRESHOLD
    emit(
        out,
        f"[END] success={format_bool(result.success)} steps={result.steps} score={result.score:.2f} "
        f"rewards={','.join(format_reward(r) for r in result.rewards)}",
    )


def emit(out: TextIO, line: str) -> None:
    out.write(line + "\n")
    out.flush()


# ---- choosing the policy ----


def wants_model(environ: Mapping[str, str]) -> bool:
    """API_BASE_URL or MODEL_NAME set: the run is meant to measure a model. A key alone is not
    enough (HF_TOKEN is often set for other reasons)."""
    return any(environ.get(name, "").strip() for name in MODEL_VARS)


def build_policy(environ: Mapping[str, str]) -> tuple[Policy, str]:
    """The LLM policy when model settings are given, else the heuristic.

    Incomplete model settings raise PolicyConfigError (naming what is missing): a run asked to
    measure a model must not quietly measure the heuristic under the model's name.
    """
    if not wants_model(environ):
        log.info("policy: heuristic (offline; set API_BASE_URL and MODEL_NAME to measure a model)")
        return HeuristicPolicy(), HEURISTIC_MODEL_NAME
    settings = llm_settings(environ)
    from caseops.policies.llm import LLMPolicy

    log.info(
        "policy: model %s at %s (mode %s, fallback %s, max_tokens %s, timeout %ss, retries %s, %d key(s))",
        settings.model,
        settings.base_url,
        settings.mode,
        "on" if settings.fallback else "off",
        settings.max_tokens,
        settings.timeout_s,
        settings.max_retries,
        len(settings.api_keys),
    )
    return LLMPolicy.from_settings(settings), _token(settings.model)


def run_budget(environ: Mapping[str, str]) -> float:
    """CASEOPS_RUN_BUDGET_S in seconds (default 1080); PolicyConfigError when not a number >= 0."""
    raw = environ.get("CASEOPS_RUN_BUDGET_S", "").strip()
    if not raw:
        return DEFAULT_RUN_BUDGET_S
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise PolicyConfigError(f"CASEOPS_RUN_BUDGET_S must be a number of seconds >= 0, got {raw!r}")
    return value


# ---- the environment server ----


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(base_url: str, timeout_s: float = HEALTH_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url.rstrip("/") + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as exc:
            last = exc
        time.sleep(0.1)
    raise RuntimeError(f"CaseOps server at {base_url} not healthy after {timeout_s:.0f}s: {last}")


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """Serve `caseops.server:app` on a free local port in a background thread, for the run only."""
    import uvicorn

    from caseops.server import app

    port = free_port()
    # access_log off and no log config: uvicorn's defaults would print request lines on stdout.
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="caseops-server", daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base_url)
        log.info("local CaseOps server on %s", base_url)
        yield base_url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# ---- the run ----


def write_results(
    path: Path,
    results: list[TaskResult],
    model_name: str,
    env_url: str | None,
    *,
    exit_code: int = EXIT_OK,
    budget_s: float | None = None,
    error: str | None = None,
) -> None:
    scores = [r.score for r in results]
    payload: dict[str, Any] = {
        "benchmark": BENCHMARK,
        "model": model_name,
        "env_base_url": env_url,
        "success_threshold": SUCCESS_THRESHOLD,
        "tasks": [asdict(r) for r in results],
        "mean_score": round(sum(scores) / len(scores), 6) if scores else 0.0,
        "model_steps": sum(r.model_steps for r in results),
        "fallback_steps": sum(r.fallback_steps for r in results),
        "model_calls_ok": sum(r.model_calls_ok for r in results),
        "model_calls_failed": sum(r.model_calls_failed for r in results),
        "run_budget_s": budget_s,
        "exit_code": exit_code,
        "error": error,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def exit_code(results: list[TaskResult], with_model: bool, budget: Budget) -> int:
    if with_model and sum(r.model_steps for r in results) == 0:
        return EXIT_NO_MODEL_STEP
    if any(r.error == budget.message for r in results):
        return EXIT_BUDGET
    if any(r.error is not None for r in results):
        return EXIT_EPISODE_BROKE
    return EXIT_OK


def log_summary(results: list[TaskResult], model_name: str, with_model: bool, output: str, code: int) -> None:
    """The run summary on stderr: per task the score and who chose the steps, then the totals."""
    for r in results:
        who = f" model_steps={r.model_steps} fallback_steps={r.fallback_steps}" if with_model else ""
        calls = f" calls_ok={r.model_calls_ok} calls_failed={r.model_calls_failed}" if with_model else ""
        problem = f" error={one_line(r.error)}" if r.error else ""
        log.info("summary %s: score=%.2f steps=%d%s%s%s", r.task_id, r.score, r.steps, who, calls, problem)
    mean = sum(r.score for r in results) / len(results) if results else 0.0
    log.info("mean score %.3f over %d tasks (model %s); results in %s", mean, len(results), model_name, output)
    if with_model:
        model_steps = sum(r.model_steps for r in results)
        fallback_steps = sum(r.fallback_steps for r in results)
        total = model_steps + fallback_steps
        log.info(
            "the model chose %d of %d steps, the heuristic %d (fallbacks); model calls: %d ok, %d failed",
            model_steps,
            total,
            fallback_steps,
            sum(r.model_calls_ok for r in results),
            sum(r.model_calls_failed for r in results),
        )
    if code == EXIT_NO_MODEL_STEP:
        if any(r.fallback_steps for r in results):
            log.error("the model chose no step: this score is the heuristic's, not %s's (exit %d)", model_name, code)
        else:
            log.error("the model chose no step: no task got past a model failure (exit %d)", code)
    elif code == EXIT_BUDGET:
        log.error("the run budget ran out before every task was played (exit %d)", code)
    elif code != EXIT_OK:
        log.error("some episodes broke (exit %d)", code)


def unplayed(out: TextIO, task_ids: Sequence[str], model_name: str, reason: str) -> list[TaskResult]:
    """START and END for tasks the run cannot play, so every task still has its two lines."""
    results = []
    for task_id in task_ids:
        result = TaskResult(task_id=task_id, difficulty=TASKS[task_id].difficulty if task_id in TASKS else "unknown")
        result.error = reason
        emit(out, f"[START] task={task_id} env={BENCHMARK} model={model_name}")
        _end(out, result)
        results.append(result)
    return results


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run the CaseOps baseline over every task.")
    parser.add_argument(
        "--output",
        default=os.environ.get("CASEOPS_RESULTS", DEFAULT_OUTPUT),
        help=f"where to write the per-task results as JSON (env CASEOPS_RESULTS; default {DEFAULT_OUTPUT})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every task; the exit code says whether the score printed is the configured policy's
    (see the module docstring). Every task prints its START and END whatever happens."""
    args = parse_args(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
        logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per model call is noise
    out = sys.stdout
    environ = os.environ
    task_ids = list(TASK_IDS)
    env_url = environ.get("ENV_BASE_URL", "").strip() or None
    with_model = wants_model(environ)
    # Anything a library prints goes to stderr: stdout is reserved for the protocol lines.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            budget = Budget(run_budget(environ))
            policy, model_name = build_policy(environ)
        except PolicyConfigError as exc:
            name = _token(environ.get("MODEL_NAME", "")) if environ.get("MODEL_NAME", "").strip() else None
            model_name = name or UNCONFIGURED_MODEL_NAME
            log.error("%s; nothing is played (exit %d)", exc, EXIT_CONFIG)
            skipped = unplayed(out, task_ids, model_name, f"configuration: {exc}")
            write_results(Path(args.output), skipped, model_name, env_url, exit_code=EXIT_CONFIG, error=str(exc))
            return EXIT_CONFIG
        results: list[TaskResult] = []
        with contextlib.ExitStack() as stack:
            try:
                url = env_url or stack.enter_context(local_server())
            except Exception as exc:
                url = None
                reason = f"local server did not start: {type(exc).__name__}: {exc}"
                log.error("%s", reason)
                results = unplayed(out, task_ids, model_name, reason)
            if url is not None:
                results = [run_task(url, task_id, policy, model_name, out, budget) for task_id in task_ids]
        code = exit_code(results, with_model, budget)
        write_results(Path(args.output), results, model_name, env_url, exit_code=code, budget_s=budget.seconds)
        log_summary(results, model_name, with_model, args.output, code)
    return code


if __name__ == "__main__":
    sys.exit(main())

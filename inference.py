"""The CaseOps baseline: plays every task once and prints one parseable line per event.

    python inference.py [--output results/baseline.json]

Policy: with API_BASE_URL, MODEL_NAME and a key (HF_TOKEN, OPENAI_API_KEY or API_KEY) the next
action comes from that model through the OpenAI client, falling back to the heuristic for any step
the model fails; without them the heuristic plays alone, offline.

Environment: with ENV_BASE_URL the script talks to that CaseOps server; otherwise it starts one
in-process with uvicorn on a free local port and stops it afterwards. Either way it goes through
the typed WebSocket client, one connection per task, exactly like an external agent.

stdout carries only these lines (logs go to stderr):

    [START] task=<task_id> env=caseops model=<model_name>
    [STEP] step=<n> action=<action_str> reward=<0.00> done=<true|false> error=<msg|null>
    [END] success=<true|false> steps=<n> score=<0.00> rewards=<r1,r2,...>

`action_str` contains no whitespace, so every field before `error=` splits on spaces and then on
the first "=": `operation(key=value,...)`, list values joined by "|", free texts reduced to their
first words joined by "_" with anything but letters and digits dropped (for example
`draft_reply(reply=We_are_sorry_we_charged_you_twice...)`). `error` is the last field and runs to
the end of the line; it is the environment's error for the step, else the model's problem when the
step fell back to the heuristic, else `null`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
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
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.registry import PolicyConfigError, llm_settings
from caseops.scenarios import TASK_IDS, TASKS

BENCHMARK = "caseops"
HEURISTIC_MODEL_NAME = "heuristic"
SUCCESS_THRESHOLD = 0.5  # a task counts as solved when its final score reaches this
NO_SCORE = 0.01  # reported when an episode broke before any observation: the score floor
DEFAULT_OUTPUT = "results/baseline.json"
HEALTH_TIMEOUT_S = 30.0
STEP_GUARD = 200  # the environment ends every episode far earlier; this only stops a runaway loop
ACTION_TEXT_CHARS = 40

Policy = Callable[[SupportDeskObservation], SupportDeskAction]
log = logging.getLogger("caseops.inference")


# ---- rendering the lines ----


def _text_token(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    joined = "_".join(words)
    if len(joined) <= ACTION_TEXT_CHARS:
        return joined
    return joined[:ACTION_TEXT_CHARS].rstrip("_") + "..."


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


def run_task(env_url: str, task_id: str, policy: Policy, model_name: str, out: TextIO) -> TaskResult:
    """Play one task over its own WebSocket connection; START, STEPs and END always reach `out`."""
    result = TaskResult(task_id=task_id, difficulty=TASKS[task_id].difficulty if task_id in TASKS else "unknown")
    emit(out, f"[START] task={task_id} env={BENCHMARK} model={model_name}")
    observation: SupportDeskObservation | None = None
    client = CaseOpsEnv(base_url=env_url).sync()
    try:
        client.connect()
        observation = client.reset(task_id=task_id).observation
        result.difficulty = observation.difficulty
        while not observation.done and result.steps < STEP_GUARD:
            action = policy(observation)
            policy_error = getattr(policy, "last_error", None)
            observation = client.step(action).observation
            result.steps += 1
            reward = observation.reward or 0.0
            result.rewards.append(round(reward, 6))
            emit(
                out,
                f"[STEP] step={result.steps} action={format_action(action)} reward={format_reward(reward)} "
                f"done={format_bool(observation.done)} error={one_line(observation.error or policy_error)}",
            )
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
        result.success = result.error is None and result.score >= SUCCESS_THRESHOLD
        emit(
            out,
            f"[END] success={format_bool(result.success)} steps={result.steps} score={result.score:.2f} "
            f"rewards={','.join(format_reward(r) for r in result.rewards)}",
        )
    return result


def emit(out: TextIO, line: str) -> None:
    out.write(line + "\n")
    out.flush()


# ---- choosing the policy ----


def build_policy(environ: Mapping[str, str]) -> tuple[Policy, str]:
    """The LLM policy when the endpoint, model and a key are all set, else the heuristic."""
    try:
        base_url, model, key = llm_settings(environ)
    except PolicyConfigError as exc:
        if environ.get("API_BASE_URL", "").strip() or environ.get("MODEL_NAME", "").strip():
            log.warning("%s; using the heuristic", exc)
        log.info("policy: heuristic (offline)")
        return HeuristicPolicy(), HEURISTIC_MODEL_NAME
    from caseops.policies.llm import LLMPolicy

    log.info("policy: model %s at %s", model, base_url)
    return LLMPolicy(base_url=base_url, api_key=key, model=model), _token(model)


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


class _ClosedSocketNoise(logging.Filter):
    """Drops the traceback openenv-core's /ws handler logs when it closes a socket the client has
    already closed (it catches RuntimeError only, starlette raises WebSocketDisconnect). Harmless
    for the run, and one traceback per task would bury the baseline's own log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        from starlette.websockets import WebSocketDisconnect

        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, WebSocketDisconnect)


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """Serve `caseops.server:app` on a free local port in a background thread, for the run only."""
    import uvicorn

    from caseops.server import app

    noise = _ClosedSocketNoise()
    logging.getLogger("uvicorn.error").addFilter(noise)
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
        logging.getLogger("uvicorn.error").removeFilter(noise)


# ---- the run ----


def write_results(path: Path, results: list[TaskResult], model_name: str, env_url: str | None) -> None:
    scores = [r.score for r in results]
    payload: dict[str, Any] = {
        "benchmark": BENCHMARK,
        "model": model_name,
        "env_base_url": env_url,
        "success_threshold": SUCCESS_THRESHOLD,
        "tasks": [asdict(r) for r in results],
        "mean_score": round(sum(scores) / len(scores), 6) if scores else 0.0,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run the CaseOps baseline over every task.")
    parser.add_argument(
        "--output",
        default=os.environ.get("CASEOPS_RESULTS", DEFAULT_OUTPUT),
        help=f"where to write the per-task results as JSON (env CASEOPS_RESULTS; default {DEFAULT_OUTPUT})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every task; 0 when each episode ran to its end, 1 when any broke (its END still printed)."""
    args = parse_args(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
        logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per model call is noise
    out = sys.stdout
    # Anything a library prints goes to stderr: stdout is reserved for the protocol lines.
    with contextlib.redirect_stdout(sys.stderr):
        policy, model_name = build_policy(os.environ)
        env_url = os.environ.get("ENV_BASE_URL", "").strip() or None
        with contextlib.ExitStack() as stack:
            url = env_url or stack.enter_context(local_server())
            results = [run_task(url, task_id, policy, model_name, out) for task_id in TASK_IDS]
        write_results(Path(args.output), results, model_name, env_url)
        mean = sum(r.score for r in results) / len(results)
        log.info("mean score %.3f over %d tasks; results in %s", mean, len(results), args.output)
    return 0 if all(r.error is None for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

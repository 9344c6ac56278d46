"""The errors CaseOps raises: one root, one type per kind of failure, one clear message.

Every error CaseOps raises on purpose is a `CaseOpsError`. `status_code` is the HTTP status the
server answers with when one reaches it (`caseops.server` maps every CaseOpsError to
`{"detail": str(error)}` with that status). The errors of the offline tools are never raised in
a request; they answer 500, as any unexpected error would, should one ever reach the server.
Some also derive from ValueError, as they always have, so an `except ValueError` still catches them.

    CaseOpsError                              400 (the default)
    ├── UnknownTaskError                      404  reset(task_id=...) names no task
    ├── UnknownEpisodeError                   404  an episode_id never issued, timed out or evicted
    ├── NoEpisodeError                        409  step or state before any reset
    ├── EpisodeOfAnotherTransportError        409  an HTTP step on a WebSocket session's episode
    ├── EnvironmentClosedError                409  the session is closed
    ├── InvalidRequestError                   422  a request field the wire model cannot refuse
    ├── ContentError                          500  a case content file that does not load
    └── ToolError                             500  the offline tools, never raised in a request
        ├── PolicyConfigError (ValueError)         an unknown policy, or one configured wrongly
        ├── ModelFailure                           the model gave no usable action, fallback off
        ├── RolloutError (ValueError)              a worker count or backend that cannot run
        ├── EvaluationError (ValueError)           a split, task list or option an evaluation refuses
        └── TrajectoryFileError (ValueError)       a trajectory file that does not parse

The modules that raise the offline errors re-export them (`caseops.policies.registry.
PolicyConfigError`, `caseops.policies.llm.ModelFailure`, `caseops.rollouts.RolloutError`), so
the old imports keep working.
"""

from __future__ import annotations

from pathlib import Path

# The folder that holds the caseops package: content paths are shown relative to it.
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


class CaseOpsError(Exception):
    """The root. `status_code` is the HTTP status the server answers with."""

    status_code = 400


class UnknownTaskError(CaseOpsError):
    status_code = 404

    def __init__(self, task_id: str, known: tuple[str, ...], detail: str | None = None) -> None:
        reason = f" ({detail})" if detail else ""
        super().__init__(
            f"unknown task_id {task_id!r}{reason}; known tasks: {', '.join(known)}, "
            "or generated tasks gen/<family>/<seed>"
        )


class NoEpisodeError(CaseOpsError):
    status_code = 409

    def __init__(self) -> None:
        super().__init__(
            "no episode is running: call reset first (over HTTP, pass the episode_id that /reset returned)"
        )


class UnknownEpisodeError(CaseOpsError):
    status_code = 404

    def __init__(self, episode_id: str) -> None:
        super().__init__(
            f"unknown or expired episode_id {episode_id!r}: it was never issued, has timed out, "
            "or was evicted to make room; call /reset to start a new episode"
        )


class InvalidRequestError(CaseOpsError):
    status_code = 422

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")


class EpisodeOfAnotherTransportError(CaseOpsError):
    status_code = 409

    def __init__(self, episode_id: str) -> None:
        super().__init__(
            f"episode_id {episode_id!r} belongs to a WebSocket session: only that session can step it; "
            "start an HTTP episode with POST /reset"
        )


class EnvironmentClosedError(CaseOpsError):
    status_code = 409

    def __init__(self) -> None:
        super().__init__(
            "this session is closed: the server ends sessions left idle longer than "
            "CASEOPS_SESSION_TIMEOUT_S (or the environment was closed); open a new session"
        )


class ContentError(CaseOpsError):
    """A content file that does not load: the file and the place in it are named."""

    status_code = 500  # the server's own data: never a client's fault

    def __init__(self, path: Path, where: str, problem: str) -> None:
        super().__init__(f"{_shown(path)}: {where}: {problem}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(_PACKAGE_PARENT))
    except ValueError:
        return str(path)


# ---- the offline tools: the CLI, evaluations, rollouts, policies and the baseline ----


class ToolError(CaseOpsError):
    """An error of the offline tools. None is raised while serving a request; should one ever
    reach the server, it answers 500, as it would for any error it did not expect."""

    status_code = 500


class PolicyConfigError(ToolError, ValueError):
    """An unknown policy name, or a policy that cannot be built as configured."""


class ModelFailure(ToolError):
    """The model gave no usable action for a step and fallback is off; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RolloutError(ToolError, ValueError):
    """A worker count or backend the rollouts cannot run with (Ray asked for but missing, ...)."""


class EvaluationError(ToolError, ValueError):
    """A split, task list or option the evaluation cannot run with."""


class TrajectoryFileError(ToolError, ValueError):
    """The file is not a sequence of header, steps, end episodes."""

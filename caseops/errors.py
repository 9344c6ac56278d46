"""The errors CaseOps raises to a client: one type per kind of bad request, one clear message."""

from __future__ import annotations


class CaseOpsError(Exception):
    """Base class. `status_code` is the HTTP status the server answers with."""

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
        super().__init__("no episode is running: call reset first (over HTTP, pass the episode_id that /reset returned)")


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

"""CaseOpsEnvironment: openenv's Environment over CaseOps episodes, and the episode store glue.

This is the adapter: it checks a request's arguments (bad ones raise `CaseOpsError`s with one
clear message), finds the episode (its own, or one in the process-wide store by `episode_id`),
hands the action to the episode's step (`caseops.episode.advance`) under the episode's lock,
and builds the observation (`caseops.observation`). The step itself, its clock, reward and
feedback live in `caseops.episode`; what the agent reads, in `caseops.observation`.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import EnvironmentMetadata

from caseops import splits
from caseops.episode import Episode, advance, start
from caseops.episodes import EpisodeStore
from caseops.errors import (
    EnvironmentClosedError,
    EpisodeOfAnotherTransportError,
    InvalidRequestError,
    NoEpisodeError,
    UnknownEpisodeError,
)
from caseops.models import SupportDeskAction, SupportDeskObservation, SupportDeskState
from caseops.observation import build_state, observe
from caseops.scenarios import TASK_IDS, get_task
from caseops.vocab import HINT_LEVELS

__all__ = ["CLIENT", "HINT_LEVELS", "STORE", "TRANSPORT", "CaseOpsEnvironment", "build_state", "find_episode"]

# The transport of the request being served: "http" or "websocket", set by the server's
# TransportTag middleware; "local" for in-process callers. An episode records the transport that
# created it, and an HTTP step cannot step a WebSocket session's episode.
TRANSPORT: ContextVar[str] = ContextVar("caseops_transport", default="local")
# The address of the client being served (set by the same middleware): the owner of the episodes
# it creates, so a full store evicts fairly per client (`caseops.episodes`).
CLIENT: ContextVar[str] = ContextVar("caseops_client", default="local")

# Every episode, by id, for HTTP requests (each served by a new environment) to find again. An
# episode the store lets go needs no release: nothing else refers to it (no machine holds a case).
STORE: EpisodeStore[Episode] = EpisodeStore()


def _split_task_id(task_id: str | None, split: str | None, index: int | None) -> str:
    if task_id is not None:
        raise InvalidRequestError("task_id", "give either task_id or split and index, not both")
    if split is None or index is None:
        raise InvalidRequestError(
            "split" if split is None else "index", "a reset by position needs both split and index"
        )
    try:
        return splits.task_id_at(split, index)
    except IndexError as exc:
        raise InvalidRequestError("index", str(exc)) from None


def find_episode(episode_id: str) -> Episode:
    episode = STORE.get(episode_id)
    if episode is None:
        raise UnknownEpisodeError(episode_id)
    return episode


class CaseOpsEnvironment(Environment[SupportDeskAction, SupportDeskObservation, SupportDeskState]):
    """One agent's view of CaseOps. Over WebSocket one instance serves a session; over HTTP
    each request gets a new instance and finds its episode in the store by `episode_id`.

    An instance owns the episode it reset and then stepped itself; `close()` releases only that
    one, so an HTTP reset (closed right after it returns) leaves its episode for later requests.
    """

    SUPPORTS_CONCURRENT_SESSIONS = True

    def __init__(self) -> None:
        super().__init__()
        self._episode: Episode | None = None
        self._owns_episode = False
        # openenv's idle-session reaper closes a session's environment but leaves its WebSocket
        # open (still so in openenv 0.10; tests/test_load.py): a closed environment refuses further
        # use, so that session cannot go on uncounted.
        self._closed = False

    # ---- openenv API ----

    def reset(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        task_id: str | None = None,
        hints: str = "full",
        split: str | None = None,
        index: int | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        """Start an episode of `task_id` (the first task when omitted), or of the task at
        `index` of `split` (OpenEnv's task API: see `list_splits`).

        Authored and generated tasks are fixed by their id, so `seed` changes nothing; it is
        accepted so a reset is reproducible whatever the task. `hints` sets how much guidance the
        observations carry: "full", "minimal" (no hint of whether information is missing), or
        "none" (no required_next_actions and no risk_flags).
        """
        if self._closed:
            raise EnvironmentClosedError()
        if hints not in HINT_LEVELS:
            raise InvalidRequestError("hints", f"must be one of {', '.join(HINT_LEVELS)}, got {hints!r}")
        if task_id is not None and not isinstance(task_id, str):
            raise InvalidRequestError("task_id", f"must be a string, got {type(task_id).__name__}")
        if episode_id is not None:
            raise InvalidRequestError(
                "episode_id",
                "episode ids are issued by the server: omit episode_id on reset and use the observation's episode_id",
            )
        if split is not None or index is not None:
            task_id = _split_task_id(task_id, split, index)
        task = get_task(task_id if task_id is not None else TASK_IDS[0])
        self._release_owned()
        episode = start(task, hints=hints, transport=TRANSPORT.get())
        STORE.put(episode.episode_id, episode, owner=CLIENT.get())
        self._episode = episode
        self._owns_episode = False
        return observe(episode)

    def step(
        self,
        action: SupportDeskAction,
        timeout_s: float | None = None,
        episode_id: str | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        if self._closed:
            raise EnvironmentClosedError()
        if episode_id is not None:
            if not isinstance(episode_id, str):
                raise InvalidRequestError("episode_id", f"must be a string, got {type(episode_id).__name__}")
            episode = find_episode(episode_id)
            if episode.transport == "websocket" and episode is not self._episode:
                raise EpisodeOfAnotherTransportError(episode_id)
        elif self._episode is not None:
            episode = self._episode
            self._owns_episode = True
        else:
            raise NoEpisodeError()
        with episode.lock:
            step = advance(episode, action)
            return observe(episode, step)

    # openenv runs a sync reset/step on a worker thread; an async one it awaits on the event
    # loop. A CaseOps step is a fraction of a millisecond of pure computation that never
    # waits on anything, so the hop to a thread and back (and the GIL handed over twice) would
    # cost more than the step itself. Same signatures: openenv passes the kwargs they name.

    async def reset_async(
        self,
        seed: int | None = None,
        episode_id: str | None = None,
        task_id: str | None = None,
        hints: str = "full",
        split: str | None = None,
        index: int | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        return self.reset(
            seed=seed, episode_id=episode_id, task_id=task_id, hints=hints, split=split, index=index, **kwargs
        )

    async def step_async(
        self,
        action: SupportDeskAction,
        timeout_s: float | None = None,
        episode_id: str | None = None,
        **kwargs: Any,
    ) -> SupportDeskObservation:
        return self.step(action, timeout_s=timeout_s, episode_id=episode_id, **kwargs)

    @property
    def state(self) -> SupportDeskState:
        if self._episode is None:
            return SupportDeskState()
        return build_state(self._episode)

    def close(self) -> None:
        self._release_owned()
        self._closed = True

    # ---- OpenEnv's task API (side-effect free: a fresh instance answers it) ----

    def list_splits(self) -> list[dict[str, str]]:
        return splits.descriptors()

    def num_tasks(self, split: str) -> int:
        return splits.size(split)

    def list_tasks(self, split: str) -> list[dict[str, Any]]:
        return splits.listing(split)

    def get_task(self, split: str, index: int) -> dict[str, Any]:
        return splits.spec(split, index)

    def get_task_range(self, split: str, start: int | None = None, stop: int | None = None) -> list[dict[str, Any]]:
        return splits.spec_range(split, start, stop)

    def get_metadata(self) -> EnvironmentMetadata:
        return EnvironmentMetadata(
            name="CaseOps",
            description="Enterprise support cases worked end to end through an explicit state machine.",
            version="0.1.0",
        )

    def _release_owned(self) -> None:
        """Let go of the episode this instance stepped itself (a WebSocket session's): it leaves
        the store. An HTTP reset's episode stays there for the requests that step it."""
        if self._episode is not None and self._owns_episode:
            STORE.discard(self._episode.episode_id)
        self._episode = None
        self._owns_episode = False

"""The process-wide episode store: bounded, with a time-to-live.

openenv's plain HTTP routes build a fresh environment per request, so an HTTP episode must
outlive its environment object: `/reset` files it here under its `episode_id`, `/step` finds it
again. The store never grows past its bound, and an episode idle past the TTL is gone. A client
asking for either gets a clear error.

Eviction is fair per owner (the client address that created the episode): when the store is
full, the least recently used episode of the owner holding the most goes first. A client that
floods the store with resets evicts its own episodes, never a quieter client's.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_CAPACITY = int(os.environ.get("CASEOPS_MAX_EPISODES", "4096"))
DEFAULT_TTL_S = float(os.environ.get("CASEOPS_EPISODE_TTL_S", "3600"))


class EpisodeStore(Generic[T]):
    def __init__(
        self,
        capacity: int = DEFAULT_CAPACITY,
        ttl_s: float = DEFAULT_TTL_S,
        on_evict: Callable[[T], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.ttl_s = ttl_s
        self._on_evict = on_evict
        self._clock = clock
        # key -> (last touched, item, owner), least recently touched first; and each owner's keys
        # in the same order.
        self._items: OrderedDict[str, tuple[float, T, str]] = OrderedDict()
        self._owned: dict[str, OrderedDict[str, None]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def put(self, key: str, item: T, owner: str = "") -> None:
        evicted: list[T] = []
        with self._lock:
            old = self._pop_locked(key)
            if old is not None and old is not item:
                evicted.append(old)
            self._items[key] = (self._clock(), item, owner)
            self._owned.setdefault(owner, OrderedDict())[key] = None
            evicted += self._expire_locked()
            while len(self._items) > self.capacity:
                heaviest = max(self._owned.values(), key=len)
                evicted.append(self._pop_locked(next(iter(heaviest))))  # type: ignore[arg-type]
        self._evict(evicted)

    def get(self, key: str) -> T | None:
        """The live item under `key`, refreshed as recently used; None if unknown or expired."""
        evicted: list[T] = []
        with self._lock:
            entry = self._items.get(key)
            now = self._clock()
            if entry is not None and now - entry[0] > self.ttl_s:
                self._pop_locked(key)
                evicted.append(entry[1])
                entry = None
            elif entry is not None:
                self._items[key] = (now, entry[1], entry[2])
                self._items.move_to_end(key)
                self._owned[entry[2]].move_to_end(key)
        self._evict(evicted)
        return None if entry is None else entry[1]

    def discard(self, key: str) -> None:
        with self._lock:
            item = self._pop_locked(key)
        if item is not None:
            self._evict([item])

    def _pop_locked(self, key: str) -> T | None:
        entry = self._items.pop(key, None)
        if entry is None:
            return None
        keys = self._owned[entry[2]]
        del keys[key]
        if not keys:
            del self._owned[entry[2]]
        return entry[1]

    def _expire_locked(self) -> list[T]:
        now = self._clock()
        expired: list[T] = []
        while self._items:
            key, (touched, item, _) = next(iter(self._items.items()))
            if now - touched <= self.ttl_s:
                break
            self._pop_locked(key)
            expired.append(item)
        return expired

    def _evict(self, items: list[T]) -> None:
        if self._on_evict is not None:
            for item in items:
                self._on_evict(item)

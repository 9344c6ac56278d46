"""The process-wide episode store: bounded, with a time-to-live.

openenv's plain HTTP routes build a fresh environment per request, so an HTTP episode must
outlive its environment object: `/reset` files it here under its `episode_id`, `/step` finds it
again. The store never grows past its bound; the least recently used episode goes first, and an
episode idle past the TTL is gone. A client asking for either gets a clear error.
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
        self._items: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def put(self, key: str, item: T) -> None:
        evicted: list[T] = []
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None and old[1] is not item:
                evicted.append(old[1])
            self._items[key] = (self._clock(), item)
            evicted += self._expire_locked()
            while len(self._items) > self.capacity:
                evicted.append(self._items.popitem(last=False)[1][1])
        self._evict(evicted)

    def get(self, key: str) -> T | None:
        """The live item under `key`, refreshed as recently used; None if unknown or expired."""
        evicted: list[T] = []
        with self._lock:
            entry = self._items.get(key)
            now = self._clock()
            if entry is not None and now - entry[0] > self.ttl_s:
                del self._items[key]
                evicted.append(entry[1])
                entry = None
            elif entry is not None:
                self._items[key] = (now, entry[1])
                self._items.move_to_end(key)
        self._evict(evicted)
        return None if entry is None else entry[1]

    def discard(self, key: str) -> None:
        with self._lock:
            entry = self._items.pop(key, None)
        if entry is not None:
            self._evict([entry[1]])

    def _expire_locked(self) -> list[T]:
        now = self._clock()
        expired: list[T] = []
        while self._items:
            key, (touched, item) = next(iter(self._items.items()))
            if now - touched <= self.ttl_s:
                break
            del self._items[key]
            expired.append(item)
        return expired

    def _evict(self, items: list[T]) -> None:
        if self._on_evict is not None:
            for item in items:
                self._on_evict(item)

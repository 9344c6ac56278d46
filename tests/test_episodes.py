from caseops.episodes import EpisodeStore


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_store_keeps_within_its_bound_and_evicts_least_recently_used():
    evicted: list[str] = []
    store: EpisodeStore[str] = EpisodeStore(capacity=3, ttl_s=100, on_evict=evicted.append)
    for key in "abc":
        store.put(key, key.upper())
    assert store.get("a") == "A"  # refreshes a
    store.put("d", "D")
    assert len(store) == 3
    assert evicted == ["B"]
    assert store.get("b") is None
    assert store.get("a") == "A"


def test_store_expires_idle_items():
    clock = Clock()
    evicted: list[str] = []
    store: EpisodeStore[str] = EpisodeStore(capacity=10, ttl_s=5, on_evict=evicted.append, clock=clock)
    store.put("a", "A")
    clock.now = 4
    assert store.get("a") == "A"
    clock.now = 10
    assert store.get("a") is None
    assert evicted == ["A"]


def test_store_stays_bounded_under_many_puts():
    store: EpisodeStore[int] = EpisodeStore(capacity=50, ttl_s=1000)
    for i in range(10_000):
        store.put(str(i), i)
    assert len(store) == 50
    assert store.get("9999") == 9999
    assert store.get("0") is None


def test_discard_evicts_and_unknown_discard_is_harmless():
    evicted: list[str] = []
    store: EpisodeStore[str] = EpisodeStore(capacity=3, ttl_s=100, on_evict=evicted.append)
    store.put("a", "A")
    store.discard("a")
    store.discard("zzz")
    assert evicted == ["A"]
    assert store.get("a") is None

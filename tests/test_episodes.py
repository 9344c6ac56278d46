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


def test_a_full_store_evicts_from_the_owner_holding_most():
    evicted: list[str] = []
    store: EpisodeStore[str] = EpisodeStore(capacity=4, ttl_s=100, on_evict=evicted.append)
    store.put("quiet", "Q", owner="10.0.0.2")
    for i in range(50):  # a flood from one address
        store.put(f"flood{i}", f"F{i}", owner="10.0.0.1")
    assert store.get("quiet") == "Q"
    assert len(store) == 4
    assert evicted == [f"F{i}" for i in range(47)]  # the flooder's oldest, in order


def test_fair_eviction_keeps_each_owners_least_recently_used_order():
    evicted: list[str] = []
    store: EpisodeStore[str] = EpisodeStore(capacity=4, ttl_s=100, on_evict=evicted.append)
    for key in "abc":
        store.put(key, key.upper(), owner="x")
    store.put("d", "D", owner="y")
    assert store.get("a") == "A"  # a is now x's most recent
    store.put("e", "E", owner="y")  # full: x holds most, and b is its least recently used
    assert evicted == ["B"]
    store.put("f", "F", owner="y")  # now y holds three to x's two: y's oldest goes
    assert evicted == ["B", "D"]
    assert [store.get(k) for k in "acef"] == ["A", "C", "E", "F"]


def test_replacing_an_item_moves_it_to_its_new_owner():
    store: EpisodeStore[str] = EpisodeStore(capacity=2, ttl_s=100)
    store.put("a", "A", owner="x")
    store.put("a", "A2", owner="y")
    store.put("b", "B", owner="x")
    store.put("c", "C", owner="x")  # x holds b and c, y holds a: x's oldest goes
    assert store.get("a") == "A2" and store.get("b") is None and store.get("c") == "C"

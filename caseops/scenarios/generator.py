"""Generated CaseOps tasks: case families expanded from seeded slots, with train / test / held-out splits.

Ten hand-written tasks can be memorised; a family cannot. Each family is a template with slots
(customer, company, tier, region, amounts, affected users, SLA, what information is missing, how
the customer answers and how soon, an optional side question, optional pressure towards an unsafe
action, and for some families inspectable records) whose texts are composed from phrase variants,
so cases differ in wording as well as in names and numbers. The gold follows from the same slots,
and each case carries a reference reply and note that assert every claim of its rubric.

Task ids are "gen/<family>/<seed>". Train and test use disjoint seed ranges over the same
families; the held-out families never appear in either and are served with test seeds.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from typing import Any, Final, Literal, TypeAlias, get_args

import attrs

from caseops.scenario import Claim, Scenario, Task
from caseops.scenarios.families import BUILDERS
from caseops.scenarios.families.common import Gen

PREFIX = "gen"
PACK = "generated"

FAMILIES: tuple[str, ...] = tuple(BUILDERS)
# Families never served in train or test: a bank dispute that froze a workspace, single sign-on
# broken by the customer's identity provider, and an abuse report. None is a reworded train family,
# so scores on them measure transfer to unseen situations.
HELD_OUT_FAMILIES: tuple[str, ...] = ("chargeback_dispute", "sso_misconfiguration", "abusive_content_report")
SPLIT_FAMILIES: tuple[str, ...] = tuple(f for f in FAMILIES if f not in HELD_OUT_FAMILIES)

TRAIN_SEEDS = range(100_000)
TEST_SEEDS = range(1_000_000, 1_100_000)
# The generated splits only. `caseops.splits.SPLITS` is every split a client can ask for: these
# three after "authored".
GeneratedSplit: TypeAlias = Literal["train", "test", "heldout"]
GENERATED_SPLITS: Final[tuple[GeneratedSplit, ...]] = get_args(GeneratedSplit)


def _check_family(family: str) -> None:
    if family not in BUILDERS:
        raise KeyError(f"unknown case family {family!r}; known families: {', '.join(FAMILIES)}")


@functools.lru_cache(maxsize=4096)
def _generate(family: str, seed: int) -> Scenario:
    return BUILDERS[family](Gen(family, seed))


def generate(family: str, seed: int) -> Scenario:
    """The case of `family` for `seed`: the same arguments always give an equal Scenario."""
    _check_family(family)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return _generate(family, seed)


def task_id(family: str, seed: int) -> str:
    return f"{PREFIX}/{family}/{seed}"


def parse_task_id(task_id: str) -> tuple[str, int]:
    """(family, seed) of "gen/<family>/<seed>"; ValueError on a malformed id or unknown family."""
    parts = task_id.split("/") if isinstance(task_id, str) else []
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1]:
        raise ValueError(f"malformed generated task id {task_id!r}: expected 'gen/<family>/<seed>'")
    family, seed_text = parts[1], parts[2]
    if not seed_text.isdigit() or not seed_text.isascii() or (len(seed_text) > 1 and seed_text[0] == "0"):
        raise ValueError(
            f"malformed generated task id {task_id!r}: the seed must be a non-negative integer without leading zeros"
        )
    if family not in BUILDERS:
        raise ValueError(
            f"unknown case family {family!r} in task id {task_id!r}; known families: {', '.join(FAMILIES)}"
        )
    return family, int(seed_text)


@functools.lru_cache(maxsize=4096)
def generated_task(task_id: str) -> Task:
    """The single-case Task of a generated id "gen/<family>/<seed>"."""
    family, seed = parse_task_id(task_id)
    return Task.single(generate(family, seed), pack=PACK)


def _split_parts(split: str) -> tuple[tuple[str, ...], range]:
    """The families and the seed range of a split."""
    if split not in GENERATED_SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {', '.join(GENERATED_SPLITS)}")
    families = HELD_OUT_FAMILIES if split == "heldout" else SPLIT_FAMILIES
    return families, TRAIN_SEEDS if split == "train" else TEST_SEEDS


def split_size(split: str) -> int:
    families, seeds = _split_parts(split)
    return len(families) * len(seeds)


def generated_task_ids(split: str, n: int, start: int = 0) -> list[str]:
    """`n` task ids of a generated split, round-robin over its families, from position `start` on;
    ValueError outside the split. (`caseops.splits.task_ids` covers every split, "authored" too.)

    Position i names family i % F with the (i // F)-th seed of the split's seed range, so the
    ids are deterministic, spread evenly over the families, and disjoint between splits.
    """
    families, seeds = _split_parts(split)
    if n < 0 or start < 0:
        raise ValueError(f"n and start must be non-negative, got n={n}, start={start}")
    capacity = split_size(split)
    if start + n > capacity:
        raise ValueError(f"split {split!r} holds {capacity} tasks; asked for positions {start}..{start + n - 1}")
    return [task_id(families[i % len(families)], seeds[i // len(families)]) for i in range(start, start + n)]


# The former name, kept while tests/test_generator.py imports it; new code calls generated_task_ids.


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.init)


@functools.lru_cache(maxsize=1024)
def _plain_claim(claim: Claim) -> list[Any]:
    return [claim.name, list(claim.patterns), claim.negatable, *([list(claim.worded)] if claim.worded else [])]


def _plain(value: Any) -> Any:
    """A JSON-able form with a fixed order: attrs fields in declaration order, sets sorted."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, Claim):
        return _plain_claim(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(value)  # sets of strings: queues, statuses, fields, artifact ids
    if isinstance(value, Mapping):  # record fields, expected records, follow-up updates
        return {str(key): _plain(item) for key, item in sorted(value.items())}
    return {name: _plain(getattr(value, name)) for name in _field_names(value.__class__)}


def content_hash(scenario: Scenario) -> str:
    """sha256 over everything visible and the gold; the case id (which names the seed) is left out."""
    content = _plain(scenario)
    del content["case_id"]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()

"""The task splits, indexed: what OpenEnv's task API lists and what `reset(split=, index=)` starts.

"authored" holds the authored tasks in their fixed order; "train", "test" and "heldout" are the
generated splits of `caseops.scenarios.generator`, each position naming one generated task. A
task spec tells what a client needs to choose a task (its id, difficulty, objective, step budget
and how many cases it queues) and nothing of its gold.
"""

from __future__ import annotations

from typing import Any, Final, Literal, TypeAlias, get_args

from caseops.errors import InvalidRequestError
from caseops.scenarios import TASK_IDS, generator, get_task

# Every split a client can ask for: the authored tasks, then the generated splits
# (`generator.GENERATED_SPLITS`).
Split: TypeAlias = Literal["authored", generator.GeneratedSplit]
SPLITS: Final[tuple[Split, ...]] = get_args(Split)
# The OpenEnv split type of each split: the authored tasks are the showcase, the held-out
# families measure transfer.
SPLIT_TYPES: Final[dict[Split, str]] = {"authored": "validation", "train": "train", "test": "test", "heldout": "test"}
MAX_LISTED = 200  # task specs one call returns; a generated split holds far more


def _check_split(split: Any) -> str:
    if not isinstance(split, str) or split not in SPLITS:
        raise InvalidRequestError("split", f"must be one of {', '.join(SPLITS)}, got {split!r}")
    return split


def size(split: str) -> int:
    """How many tasks `split` holds."""
    if _check_split(split) == "authored":
        return len(TASK_IDS)
    return generator.split_size(split)


def task_ids(split: str, n: int | None = None, start: int = 0) -> list[str]:
    """The ids of positions `start` .. `start + n - 1` of `split` (to its end when `n` is None)."""
    total = size(split)
    stop = total if n is None else min(total, start + n)
    if split == "authored":
        return list(TASK_IDS[start:stop])
    return generator.generated_task_ids(split, max(0, stop - start), start) if start < total else []


def task_id_at(split: str, index: Any) -> str:
    """The task id at `index` of `split`; IndexError outside the split (OpenEnv answers 400)."""
    total = size(split)
    if isinstance(index, bool) or not isinstance(index, int):
        raise InvalidRequestError("index", f"must be an integer, got {type(index).__name__}")
    if not 0 <= index < total:
        raise IndexError(f"index {index} is outside split {split!r}, which holds {total} tasks")
    return task_ids(split, 1, index)[0]


def spec(split: str, index: int) -> dict[str, Any]:
    task_id = task_id_at(split, index)
    task = get_task(task_id)
    return {
        "id": task_id,
        "index": index,
        "split": split,
        "difficulty": task.difficulty,
        "objective": task.objective,
        "max_steps": task.max_steps,
        "cases": len(task.cases),
    }


def spec_range(split: str, start: int | None = None, stop: int | None = None) -> list[dict[str, Any]]:
    """Specs of positions [start, stop) with Python's slice semantics, at most MAX_LISTED."""
    positions = range(size(split))[slice(start, stop)]
    if len(positions) > MAX_LISTED:
        raise InvalidRequestError("stop", f"a range may hold at most {MAX_LISTED} tasks, asked for {len(positions)}")
    return [spec(split, index) for index in positions]


def listing(split: str) -> list[dict[str, Any]]:
    """The specs of a split: all of "authored", the first MAX_LISTED of a generated split
    (`size` tells the true count)."""
    return spec_range(split, 0, min(size(split), MAX_LISTED))


def descriptors() -> list[dict[str, str]]:
    return [{"name": split, "type": SPLIT_TYPES[split]} for split in SPLITS]

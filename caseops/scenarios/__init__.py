"""The task registry: every task id an episode can be reset to, in a fixed order."""

from __future__ import annotations

from caseops.errors import UnknownTaskError
from caseops.scenario import Scenario
from caseops.scenarios.hyperbrick import SCENARIOS as HYPERBRICK

TASKS: dict[str, Scenario] = {s.task_id: s for s in HYPERBRICK}
TASK_IDS: tuple[str, ...] = tuple(TASKS)


def get_task(task_id: str) -> Scenario:
    try:
        return TASKS[task_id]
    except KeyError:
        raise UnknownTaskError(task_id, TASK_IDS) from None

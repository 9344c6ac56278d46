"""The task registry: every task id an episode can be reset to, in a fixed order.

The authored packs are data (caseops/scenarios/data/packs/<pack>.yaml, one file per case under
data/cases/), loaded by `caseops.content`. A task names one case or a queue of cases;
`SCENARIOS` indexes every case by its own id.
"""

from __future__ import annotations

from caseops.content import PACKS, authored_tasks
from caseops.errors import UnknownTaskError
from caseops.scenario import Scenario, Task

TASKS: dict[str, Task] = {task.task_id: task for pack in PACKS for task in authored_tasks(pack)}
TASK_IDS: tuple[str, ...] = tuple(TASKS)
SCENARIOS: dict[str, Scenario] = {case.case_id: case for task in TASKS.values() for case in task.cases}


GENERATED_PREFIX = "gen/"


def get_task(task_id: str) -> Task:
    """An authored task by id, or a generated one for ids "gen/<family>/<seed>"."""
    if task_id.startswith(GENERATED_PREFIX):
        from caseops.scenarios.generator import generated_task

        try:
            return generated_task(task_id)
        except (KeyError, ValueError) as exc:
            raise UnknownTaskError(task_id, TASK_IDS, detail=str(exc)) from None
    try:
        return TASKS[task_id]
    except KeyError:
        raise UnknownTaskError(task_id, TASK_IDS) from None


def get_scenario(case_id: str) -> Scenario:
    if case_id.startswith(GENERATED_PREFIX):
        return get_task(case_id).cases[0]
    return SCENARIOS[case_id]

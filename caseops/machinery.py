"""Builds the two `transitions` machines once per process and attaches cases to them.

One Machine per process, never one per episode: a case joins with `attach` on reset and leaves
with `detach` when its episode ends. The table of operations each stage allows is compiled here
once, from the machine definition, so the step path never asks `may_*`.
"""

from __future__ import annotations

import logging
from typing import Any

from transitions import Machine

from machines import followup, workflow

# transitions warns, per model added, that the second machine skips binding `trigger`; that is
# expected with two machines on one model, and logging on the reset path costs time.
logging.getLogger("transitions").setLevel(logging.ERROR)


def _build(definition: Any, **extra: Any) -> Machine:
    return Machine(
        model=None,
        states=definition.STATES,
        transitions=definition.TRANSITIONS,
        initial=definition.INITIAL,
        model_attribute=definition.MODEL_ATTRIBUTE,
        auto_transitions=False,
        **extra,
    )


WORKFLOW = _build(workflow, prepare_event=workflow.PREPARE_EVENT)
FOLLOWUP = _build(followup)


def _allowed_operations(machine: Machine) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {state: set() for state in machine.states}
    for trigger, event in machine.events.items():
        for source in event.transitions:
            table[source].add(trigger)
    return {state: frozenset(ops) for state, ops in table.items()}


ALLOWED_OPERATIONS: dict[str, frozenset[str]] = _allowed_operations(WORKFLOW)


def attach(case: Any) -> None:
    WORKFLOW.add_model(case)
    FOLLOWUP.add_model(case)
    case.attached = True


def detach(case: Any) -> None:
    if case.attached:
        case.attached = False
        WORKFLOW.remove_model(case)
        FOLLOWUP.remove_model(case)

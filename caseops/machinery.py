"""Builds the two `transitions` machines once per process and attaches cases to them.

One Machine per process, never one per episode: a case joins with `attach` on reset and leaves
with `detach` when its episode ends. The table of operations each stage allows is compiled here
once, from the machine definition, so the step path never asks `may_*`.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator
from typing import Any

from transitions import Machine

from machines import followup, workflow

# transitions warns, per model added, that the second machine skips binding `trigger`; that is
# expected with two machines on one model, and logging on the reset path costs time.
logging.getLogger("transitions").setLevel(logging.ERROR)


class Models:
    """A machine's models, by identity: what transitions does with its list of models (`in`,
    `append`, `remove`, `len`, indexing, iteration), without scanning the list. The server keeps
    thousands of cases attached (one per stored episode), and transitions' list made every
    reset and every release cost time in proportion to them."""

    def __init__(self) -> None:
        self._items: dict[int, Any] = {}

    def __contains__(self, model: object) -> bool:
        return id(model) in self._items

    def append(self, model: Any) -> None:
        self._items[id(model)] = model

    def remove(self, model: Any) -> None:
        if self._items.get(id(model)) is not model:
            raise ValueError("model is not attached to this machine")
        del self._items[id(model)]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items.values()))  # a snapshot: safe while models come and go

    def __getitem__(self, index: int) -> Any:
        return list(self._items.values())[index]


class SharedMachine(Machine):
    """A Machine that many cases share, one after another.

    `add_model` runs on every reset. transitions binds three kinds of helper to each model
    there: the triggers and `may_<trigger>` (kept), and one `is_<attribute>_<state>` per state,
    after looking on the model for `on_enter_<state>` / `on_exit_<state>` methods to register.
    Nothing calls the `is_*` helpers (code reads `case.stage`), and the look-up gives the same
    answer for every Case, so here it runs once per model class and the helpers are not bound:
    that was most of the cost of a reset. The models are kept in `Models`, by identity.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._state_methods_checked: set[tuple[type, str]] = set()
        super().__init__(*args, **kwargs)
        if self.models:
            raise ValueError("a SharedMachine starts with no model (model=None)")
        self.models = Models()

    def _add_model_to_state(self, state: Any, model: Any) -> None:
        key = (type(model), state.name)
        if key in self._state_methods_checked:
            return
        self._state_methods_checked.add(key)
        for callback in self.state_cls.dynamic_methods:  # as transitions does, once per class
            method = f"{callback}_{state.name}"
            if hasattr(model, method) and inspect.ismethod(getattr(model, method)) and method not in getattr(state, callback):
                state.add_callback(callback[3:], method)


def _build(definition: Any, **extra: Any) -> Machine:
    return SharedMachine(
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


# What add_model binds onto a case: triggers and their may_* checks, as partials of the machine.
_BOUND = ("trigger", "may_trigger") + tuple(
    name for machine in (WORKFLOW, FOLLOWUP) for trigger in machine.events for name in (trigger, f"may_{trigger}")
)


def attach(case: Any) -> None:
    """Add the case to both machines, in the states it is in (a new case is in the initial ones)."""
    WORKFLOW.add_model(case, initial=getattr(case, WORKFLOW.model_attribute))
    FOLLOWUP.add_model(case, initial=getattr(case, FOLLOWUP.model_attribute))
    case.attached = True


def detach(case: Any) -> None:
    """Remove the case from both machines and drop the triggers they bound to it. Those refer
    back to the case: left in place, a finished case would wait for the garbage collector
    instead of going with its episode. `attach` binds them again."""
    if case.attached:
        case.attached = False
        WORKFLOW.remove_model(case)
        FOLLOWUP.remove_model(case)
        state = vars(case)
        for name in _BOUND:
            state.pop(name, None)

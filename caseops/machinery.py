"""Builds the two `transitions` machines once per process and attaches cases to them.

One Machine per process, never one per episode: a case joins with `attach` on reset and leaves
with `detach` when its episode ends. The table of operations each stage allows is compiled here
once, from the machine definition, so the step path never asks `may_*`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from transitions import Machine
from transitions.core import Condition, Event, EventData, MachineError, Transition

from caseops.machines import followup, workflow

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


# ---- the trigger path, without what CaseOps does not use ----
#
# transitions resolves every callback name anew on each call (trying module imports when the
# model lacks it) and logs several debug lines per transition; on the step path that was a
# quarter of the cost of a step. The classes below run the same algorithm — prepare_event, the
# candidate transitions of the source state in order, conditions, before, state change with
# exit/enter callbacks, after, finalize_event — with callbacks that are names of model methods,
# which is all `machines/` uses (`_check_definition` refuses anything else). A test drives the
# same actions through stock transitions machines and these, and compares every state reached.


def _call_all(names: Any, event_data: EventData) -> None:
    model, args, kwargs = event_data.model, event_data.args, event_data.kwargs
    for name in names:
        getattr(model, name)(*args, **kwargs)


class LeanCondition(Condition):
    def check(self, event_data: EventData) -> bool:
        return getattr(event_data.model, self.func)(*event_data.args, **event_data.kwargs) == self.target


class LeanTransition(Transition):
    condition_cls = LeanCondition

    def execute(self, event_data: EventData) -> bool:
        machine = event_data.machine
        _call_all(self.prepare, event_data)
        for condition in self.conditions:
            if not condition.check(event_data):
                return False
        _call_all(machine.before_state_change, event_data)
        _call_all(self.before, event_data)
        if self.dest:  # None: an internal transition, the state stays
            self._change_state(event_data)
        _call_all(self.after, event_data)
        _call_all(machine.after_state_change, event_data)
        return True

    def _change_state(self, event_data: EventData) -> None:
        machine = event_data.machine
        _call_all(machine.states[self.source].on_exit, event_data)
        setattr(event_data.model, machine.model_attribute, self.dest)
        dest = machine.states[self.dest]
        event_data.state = dest
        _call_all(dest.on_enter, event_data)
        if dest.final:
            _call_all(machine.on_final, event_data)


class LeanEvent(Event):
    def trigger(self, model: Any, *args: Any, **kwargs: Any) -> bool:
        machine = self.machine
        event_data = EventData(None, self, machine, model, args, kwargs)
        state_name = getattr(model, machine.model_attribute)
        event_data.state = machine.states[state_name]
        try:
            candidates = self.transitions.get(state_name)
            if candidates is None:
                raise MachineError(f"Can't trigger event {self.name} from state {state_name}!")
            _call_all(machine.prepare_event, event_data)
            for transition in candidates:
                event_data.transition = transition
                if transition.execute(event_data):
                    event_data.result = True
                    break
        except BaseException as err:
            event_data.error = err
            if not machine.on_exception:
                raise
            _call_all(machine.on_exception, event_data)
        finally:
            _call_all(machine.finalize_event, event_data)
        return event_data.result


class SharedMachine(Machine):
    """A Machine that many cases share, one after another.

    `add_model` runs on every reset. Stock transitions binds, per model: `trigger`,
    `may_trigger`, each trigger and its `may_<trigger>` as partials holding the model, and looks
    on the model for `on_enter_<state>` / `on_exit_<state>` methods. Every Case gets the same
    answers, so here all of that happens once per model class: the triggers become methods of
    the class (a model attribute of that name wins, as transitions' default override policy
    has it), and `add_model` only sets the initial state and records the model. Nothing calls
    the `is_<state>` helpers (code reads `case.stage`), so they are not bound. The models are
    kept in `Models`, by identity.
    """

    transition_cls = LeanTransition
    event_cls = LeanEvent

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._bound_classes: set[type] = set()
        super().__init__(*args, **kwargs)
        if self.models:
            raise ValueError("a SharedMachine starts with no model (model=None)")
        self.models = Models()
        _check_definition(self)

    def add_model(self, model: Any, initial: Any = None) -> None:
        if isinstance(model, list) or model is self.self_literal:
            raise TypeError("a SharedMachine takes one model at a time, never itself")
        if model in self.models:
            return
        if type(model) not in self._bound_classes:
            self._bind_class(type(model))
        self.set_state(self.initial if initial is None else initial, model=model)
        self.models.append(model)

    def _bind_class(self, cls: type) -> None:
        methods: dict[str, Any] = {"trigger": _method(self._get_trigger), "may_trigger": _method(self._can_trigger)}
        for name, event in self.events.items():
            methods[name] = _method(event.trigger)
            methods[f"may_{name}"] = _may(self, name)
        for name, method in methods.items():
            if not hasattr(cls, name):
                setattr(cls, name, method)
        for state in self.states.values():
            for callback in self.state_cls.dynamic_methods:
                method = f"{callback}_{state.name}"
                if callable(getattr(cls, method, None)) and method not in getattr(state, callback):
                    state.add_callback(callback[3:], method)
        self._bound_classes.add(cls)


def _method(function: Any) -> Any:
    """`function(model, ...)` as a method of the model's class."""

    def bound(model: Any, *args: Any, **kwargs: Any) -> Any:
        return function(model, *args, **kwargs)

    return bound


def _may(machine: Machine, trigger: str) -> Any:
    """`may_<trigger>` as a method of the model's class."""

    def may(model: Any, *args: Any, **kwargs: Any) -> bool:
        return machine._can_trigger(model, trigger, *args, **kwargs)

    return may


def _check_definition(machine: Machine) -> None:
    """The lean trigger path processes events at once, raises on an operation the state does
    not have, and calls callbacks by name on the model: refuse machines that ask for more."""
    forgiving = machine.ignore_invalid_triggers or any(s.ignore_invalid_triggers for s in machine.states.values())
    if machine.has_queue or forgiving:
        raise TypeError("a SharedMachine processes events at once and never ignores an invalid trigger")
    names: list[Any] = [
        *machine.prepare_event, *machine.before_state_change, *machine.after_state_change,
        *machine.finalize_event, *machine.on_exception, *machine.on_final,
    ]
    for state in machine.states.values():
        names += [*state.on_enter, *state.on_exit]
    for event in machine.events.values():
        for transition in (t for ts in event.transitions.values() for t in ts):
            names += [*transition.prepare, *transition.before, *transition.after]
            names += [condition.func for condition in transition.conditions]
    bad = [name for name in names if not isinstance(name, str)]
    if bad:
        raise TypeError(f"callbacks and conditions must be names of model methods, got {bad!r}")


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


def attach(case: Any) -> None:
    """Add the case to both machines, in the states it is in (a new case is in the initial ones)."""
    WORKFLOW.add_model(case, initial=getattr(case, WORKFLOW.model_attribute))
    FOLLOWUP.add_model(case, initial=getattr(case, FOLLOWUP.model_attribute))
    case.attached = True


def detach(case: Any) -> None:
    """Remove the case from both machines, so a finished case goes with its episode."""
    if case.attached:
        case.attached = False
        WORKFLOW.remove_model(case)
        FOLLOWUP.remove_model(case)

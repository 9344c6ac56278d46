"""The two `transitions` machines, built once per process, and the trigger path they run on.

`machines/` holds the definitions as data; this module builds them into `transitions.Machine`s
(`WORKFLOW` on a case's `stage`, `FOLLOWUP` on its `followup`), once per process. No case is ever
registered with a machine (`model=None`, no `add_model`): the Case defines every trigger itself
(`Case.classify`, ..., `Case.customer_replies`) and fires the machine's event on itself with
`WORKFLOW.events[name].trigger(case, ...)`. A machine holds no case, so nothing has to be attached
on reset, detached at the end of an episode, or released when the episode store lets one go.
The table of operations each stage allows is compiled here once, with `Machine.get_triggers`, so
the step path never asks `may_*`.

The trigger path. Stock transitions resolves every callback name anew on each call (trying
module imports when the model lacks it) and logs several lines per transition; on the step path
that was a quarter of the cost of a step. `SharedMachine` runs the same algorithm leaner, through
transitions' documented extension points only (transitions' own LockedMachine, AsyncMachine and
HierarchicalMachine extend it the same way):

- `Machine` subclass class attributes `event_cls` and `transition_cls`, and
  `Transition.condition_cls`;
- overrides of the public methods `Event.trigger(model, *args, **kwargs)`,
  `Transition.execute(event_data)` and `Condition.check(event_data)`, with the semantics their
  docstrings give: prepare_event, then the candidate transitions of the source state in order
  (prepare, conditions, before_state_change, before, the state change with the states' on_exit
  and on_enter, after, after_state_change, on_final), the first that passes wins; on_exception,
  and finalize_event always;
- public attributes and methods for everything else: `EventData(...)` built by keyword,
  `Machine.states` / `State.on_enter` / `State.on_exit` / `State.final`, the machine's callback
  lists, `Machine.set_state`, `Machine.get_triggers`.

Callbacks are names of model methods called with the trigger's arguments, which is all
`machines/` uses; `_check_definition` refuses a definition that asks for more (queued events,
ignored triggers, `send_event`, callables). tests/test_machinery.py drives the same actions through
stock transitions machines and these, and compares every state, term and fact reached.

Supported transitions: >=0.9.2,<0.10 (the equivalence test is the check when the range moves).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from types import ModuleType
from typing import Any, cast

from transitions import Machine
from transitions.core import Condition, Event, EventData, MachineError, Transition

from caseops.machines import followup, workflow
from caseops.vocab import OPERATIONS, STAGES, Operation, Stage

__all__ = ["ALLOWED_OPERATIONS", "FOLLOWUP", "WORKFLOW", "MachineError", "SharedMachine"]

# Nothing here logs on the step path; transitions' own warnings at build time are not wanted.
logging.getLogger("transitions").setLevel(logging.ERROR)


def _call_all(names: Iterable[Any], event_data: EventData) -> None:
    # `_check_definition` holds every callback to a model-method name.
    model, args, kwargs = event_data.model, event_data.args, event_data.kwargs
    for name in names:
        getattr(model, name)(*args, **kwargs)


class LeanCondition(Condition):
    def check(self, event_data: EventData) -> bool:
        check = getattr(event_data.model, cast(str, self.func))
        return bool(check(*event_data.args, **event_data.kwargs) == self.target)


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
        if self.dest:  # None: an internal transition, the state stays and no state callback runs
            _call_all(machine.states[self.source].on_exit, event_data)
            machine.set_state(self.dest, model=event_data.model)
            dest = machine.states[self.dest]
            event_data.state = dest
            _call_all(dest.on_enter, event_data)
            if dest.final:
                _call_all(machine.on_final, event_data)
        _call_all(self.after, event_data)
        _call_all(machine.after_state_change, event_data)
        return True


class LeanEvent(Event):
    def trigger(self, model: object, *args: Any, **kwargs: Any) -> bool:
        machine = self.machine
        state_name = getattr(model, machine.model_attribute)
        event_data = EventData(
            state=machine.states[state_name], event=self, machine=machine, model=model, args=args, kwargs=kwargs
        )
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
        except Exception as err:
            event_data.error = err
            if not machine.on_exception:
                raise
            _call_all(machine.on_exception, event_data)
        finally:
            _call_all(machine.finalize_event, event_data)
        return bool(event_data.result)


class SharedMachine(Machine):
    """A Machine that drives many models without holding any: each model fires the events on
    itself (`machine.events[name].trigger(model, ...)`), on the lean trigger path above."""

    transition_cls = LeanTransition
    event_cls = LeanEvent

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _check_definition(self)


def _check_definition(machine: Machine) -> None:
    """The lean trigger path processes events at once, raises on an operation the state does
    not have, and calls callbacks by name on the model with the trigger's arguments: refuse
    machines that ask for more."""
    forgiving = machine.ignore_invalid_triggers or any(s.ignore_invalid_triggers for s in machine.states.values())
    if machine.has_queue or forgiving or machine.send_event:
        raise TypeError(
            "a SharedMachine processes events at once, never ignores an invalid trigger, and passes the trigger's arguments"
        )
    names: list[Any] = [
        *machine.prepare_event,
        *machine.before_state_change,
        *machine.after_state_change,
        *machine.finalize_event,
        *machine.on_exception,
        *machine.on_final,
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


def _build(definition: ModuleType, **extra: Any) -> SharedMachine:
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


def _allowed_operations(machine: Machine) -> dict[Stage, frozenset[Operation]]:
    """The operations each stage allows (closed allows none), from the machine's triggers.
    tests/test_machines.py checks that the machine's stages and triggers are the vocabulary's."""
    return {stage: frozenset(op for op in OPERATIONS if op in machine.get_triggers(stage)) for stage in STAGES}


ALLOWED_OPERATIONS = _allowed_operations(WORKFLOW)

"""The shared machines: the lean trigger path does what stock transitions does, no machine holds a
case, and every trigger is a method a reader finds on the Case."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from transitions import Machine

from caseops import grading, machinery
from caseops.case import Case
from caseops.environment import CaseOpsEnvironment
from caseops.episode import open_case, refusal
from caseops.machines import followup, workflow
from caseops.models import SupportDeskAction
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.rewards import Terms
from caseops.scenarios import TASK_IDS, get_scenario, get_task
from caseops.vocab import OPERATIONS, TOOL_NAMES

Fire = Callable[[Case, SupportDeskAction], Terms]


_STOCK_WORKFLOW: dict[int, Machine] = {}


def _stock_machines(case: Case) -> None:
    """Stock transitions machines on `case`: `model_override=True` makes them bind, on the
    instance, exactly the trigger methods the Case defines itself (documented in transitions'
    "Typing support"), so every trigger and every follow-up fired by a callback is stock."""
    for definition, extra in ((workflow, {"prepare_event": workflow.PREPARE_EVENT}), (followup, {})):
        machine = Machine(
            model=case,
            states=definition.STATES,
            transitions=definition.TRANSITIONS,
            initial=getattr(case, definition.MODEL_ATTRIBUTE),
            model_attribute=definition.MODEL_ATTRIBUTE,
            auto_transitions=False,
            model_override=True,
            **extra,
        )
        if definition is workflow:
            _STOCK_WORKFLOW[id(case)] = machine


def _fire_lean(case: Case, action: SupportDeskAction) -> Terms:
    trigger = case.call_tool if action.operation in TOOL_NAMES else getattr(case, action.operation)
    terms: Terms = trigger(action)
    return terms


def _fire_stock(case: Case, action: SupportDeskAction) -> Terms:
    terms: Terms = {}
    if action.operation in TOOL_NAMES:  # no Case method to bind: the stock machine's own event
        _STOCK_WORKFLOW[id(case)].events[action.operation].trigger(case, action, terms)
    else:
        getattr(case, action.operation)(action, terms)  # the stock trigger, bound by model_override
    return terms


def _facts(case: Case) -> dict[str, Any]:
    """Every field of the case (its grade is the step's to keep), and the grade of those facts."""
    facts = {field.name: getattr(case, field.name) for field in attrs.fields(Case) if field.name != "grade"}
    return {**facts, "graded": grading.grade(case.scenario, case)}


def _drive(case: Case, actions: list[SupportDeskAction], fire: Fire) -> list[tuple[Any, ...]]:
    seen: list[tuple[Any, ...]] = []
    for step, action in enumerate(actions):
        case.steps = step + 1
        if refusal(case, action) is None:  # what the step lets through to the machines
            seen.append((fire(case, action), _facts(case)))
        else:
            seen.append(("refused", case.stage))
    return seen


def _actions(task_id: str, seed: int) -> list[SupportDeskAction]:
    """A heuristic run, then random operations: both good and bad paths through the machines."""
    env = CaseOpsEnvironment()
    policy = HeuristicPolicy() if seed % 2 == 0 else RandomPolicy(seed)
    observation, actions = env.reset(task_id=task_id), []
    while not observation.done:
        actions.append(policy(observation))
        observation = env.step(actions[-1])
    env.close()
    rng = random.Random(seed)
    return actions + [rng.choice(actions) for _ in range(6)]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("task_id", TASK_IDS)
def test_lean_trigger_path_matches_stock_transitions(task_id: str, seed: int) -> None:
    for scenario in get_task(task_id).cases:
        actions = _actions(task_id, seed)
        lean = open_case(scenario)
        lean_run = _drive(lean, actions, _fire_lean)
        stock = open_case(scenario)
        _stock_machines(stock)
        assert _drive(stock, actions, _fire_stock) == lean_run
        assert "classify" in vars(stock) and "classify" not in vars(lean)  # really the stock path
        assert any(terms for terms, *_ in lean_run if terms != "refused")  # terms were compared


def test_an_operation_from_a_stage_without_it_raises_like_transitions() -> None:
    case = open_case(get_scenario("billing_refund_easy"))
    with pytest.raises(machinery.MachineError, match="Can't trigger event wait from state classifying"):
        case.wait(SupportDeskAction(operation="wait"))
    assert case.stage == "classifying"


def test_no_machine_holds_a_case_and_a_case_carries_nothing_of_them() -> None:
    case = open_case(get_scenario("billing_refund_easy"))
    case.classify(SupportDeskAction(operation="classify", queue="billing_ops", priority="high"))
    assert case.stage == "drafting"
    assert machinery.WORKFLOW.models == [] and machinery.FOLLOWUP.models == []
    assert not any(name in vars(case) for name in ("classify", "may_classify", "trigger", "ask_customer"))


def test_every_trigger_is_a_method_defined_on_the_case() -> None:
    """A reader finds `def classify(...)` on the Case: no trigger is attached at run time. The
    tools are fired by one method, `Case.call_tool`, with the tool named by the action."""
    assert callable(vars(Case).get("call_tool"))
    for machine in (machinery.WORKFLOW, machinery.FOLLOWUP):
        for trigger in machine.events:
            assert trigger in TOOL_NAMES or callable(vars(Case).get(trigger)), trigger
    assert set(machinery.WORKFLOW.events) == set(OPERATIONS)
    assert set(machinery.FOLLOWUP.events) == {"ask_customer", "customer_replies"}


def test_every_callback_and_guard_is_a_method_of_the_case() -> None:
    names = {workflow.PREPARE_EVENT}
    for definition in (workflow, followup):
        for transition in definition.TRANSITIONS:
            for key in ("conditions", "unless", "before", "after", "prepare"):
                value = transition.get(key, [])
                names |= {value} if isinstance(value, str) else set(value)
    assert all(callable(getattr(Case, name, None)) for name in names), sorted(names)


def test_callbacks_that_are_not_method_names_are_refused() -> None:
    with pytest.raises(TypeError, match="names of model methods"):
        machinery.SharedMachine(
            model=None,
            states=["a", "b"],
            transitions=[{"trigger": "go", "source": "a", "dest": "b", "after": print}],
            initial="a",
        )


@pytest.mark.parametrize("option", [{"queued": True}, {"ignore_invalid_triggers": True}, {"send_event": True}])
def test_queued_forgiving_or_event_sending_machines_are_refused(option: dict[str, bool]) -> None:
    with pytest.raises(TypeError, match="at once"):
        machinery.SharedMachine(model=None, states=["a", "b"], transitions=[["go", "a", "b"]], initial="a", **option)


CALLBACKS = (
    *("prepare_event", "prep_1", "prep_2", "before_change", "before", "exit_a", "enter_b"),
    *("after", "after_change", "final", "finalize", "oops", "handled"),
)


class _Model:
    """A model for the callback kinds the CaseOps machines do not use: it records each call."""

    def __init__(self) -> None:
        self.state = "a"
        self.calls: list[tuple[str, tuple[object, ...]]] = []

    def no_way(self, *args: object, **kwargs: object) -> bool:
        self.calls.append(("no_way", (*args, *kwargs.items())))
        return False


def _recorder(name: str) -> Callable[..., None]:
    def record(self: _Model, *args: object, **kwargs: object) -> None:
        self.calls.append((name, (*args, *kwargs.items())))
        if name == "oops":
            raise RuntimeError("oops")

    return record


for _name in CALLBACKS:
    setattr(_Model, _name, _recorder(_name))


def _both(**definition: Any) -> tuple[_Model, _Model, Machine, Machine]:
    lean_model, stock_model = _Model(), _Model()
    base: dict[str, Any] = dict(initial="a", auto_transitions=False)
    lean = machinery.SharedMachine(model=None, **base, **definition)
    stock = Machine(model=stock_model, **base, **definition)
    return lean_model, stock_model, lean, stock


def test_the_lean_path_runs_every_callback_kind_in_stock_order() -> None:
    lean_model, stock_model, lean, _ = _both(
        states=[{"name": "a", "on_exit": "exit_a"}, {"name": "b", "on_enter": "enter_b", "final": True}, "c"],
        transitions=[
            {"trigger": "go", "source": "a", "dest": "c", "conditions": "no_way", "prepare": "prep_1"},
            {"trigger": "go", "source": "a", "dest": "b", "prepare": "prep_2", "before": "before", "after": "after"},
        ],
        prepare_event="prepare_event",
        before_state_change="before_change",
        after_state_change="after_change",
        finalize_event="finalize",
        on_final="final",
    )
    assert lean.events["go"].trigger(lean_model, 1, k=2) is True
    assert stock_model.go(1, k=2) is True  # type: ignore[attr-defined]
    assert lean_model.calls == stock_model.calls and lean_model.state == stock_model.state == "b"
    assert [name for name, _ in lean_model.calls] == [
        *("prepare_event", "prep_1", "no_way", "prep_2", "before_change", "before", "exit_a", "enter_b"),
        *("final", "after", "after_change", "finalize"),
    ]


def test_the_lean_path_hands_an_error_to_on_exception_like_stock() -> None:
    lean_model, stock_model, lean, _ = _both(
        states=["a", "b"],
        transitions=[{"trigger": "go", "source": "a", "dest": "b", "before": "oops"}],
        on_exception="handled",
        finalize_event="finalize",
    )
    assert lean.events["go"].trigger(lean_model) is False
    assert stock_model.go() is False  # type: ignore[attr-defined]
    assert lean_model.calls == stock_model.calls == [("oops", ()), ("handled", ()), ("finalize", ())]
    assert lean_model.state == stock_model.state == "a"

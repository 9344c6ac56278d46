"""The shared machines: the lean trigger path does what stock transitions does, models come and
go by identity, and triggers are bound once per class."""

from __future__ import annotations

import random

import pytest
from transitions import Machine

from caseops import machinery
from caseops.case import Case
from caseops.environment import CaseOpsEnvironment, _refusal
from caseops.models import SupportDeskAction
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASK_IDS, get_scenario, get_task
from caseops.machines import followup, workflow


def _stock_machines(case: Case) -> None:
    """Stock transitions machines on `case`, bound on the instance: `model_override=True` makes
    them take the trigger names the shared machines put on the class."""
    for definition, extra in ((workflow, {"prepare_event": workflow.PREPARE_EVENT}), (followup, {})):
        Machine(
            model=case,
            states=definition.STATES,
            transitions=definition.TRANSITIONS,
            initial=getattr(case, definition.MODEL_ATTRIBUTE),
            model_attribute=definition.MODEL_ATTRIBUTE,
            auto_transitions=False,
            model_override=True,
            **extra,
        )


def _snapshot(case: Case) -> tuple:
    return (case.stage, case.followup, dict(case.ledger), case.grade, list(case.milestones), case.last_tool_result)


def _drive(case: Case, actions: list[SupportDeskAction]) -> list[tuple]:
    seen = []
    for step, action in enumerate(actions):
        case.ledger = {}
        case.steps = step + 1
        if _refusal(case, action) is None:  # what the environment lets through to the machines
            seen.append((getattr(case, action.operation)(action), *_snapshot(case)))
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
        lean = Case.opened(scenario)
        machinery.attach(lean)
        lean_run = _drive(lean, actions)
        machinery.detach(lean)
        stock = Case.opened(scenario)
        _stock_machines(stock)
        assert _drive(stock, actions) == lean_run
        assert "classify" in vars(stock) and "classify" not in vars(lean)  # really the stock path


def test_an_operation_from_a_stage_without_it_raises_like_transitions() -> None:
    case = Case.opened(get_scenario("billing_refund_easy"))
    machinery.attach(case)
    with pytest.raises(machinery.MachineError, match="Can't trigger event wait from state classifying"):
        case.wait(SupportDeskAction(operation="wait"))
    assert case.stage == "classifying"
    machinery.detach(case)


def test_attach_and_detach_track_the_case_by_identity_and_leave_nothing_on_it() -> None:
    before = len(machinery.WORKFLOW.models)
    case = Case.opened(get_scenario("billing_refund_easy"))
    machinery.attach(case)
    machinery.attach(case)  # twice is once
    assert case in machinery.WORKFLOW.models and case in machinery.FOLLOWUP.models
    assert len(machinery.WORKFLOW.models) == before + 1
    machinery.detach(case)
    assert case not in machinery.WORKFLOW.models and case not in machinery.FOLLOWUP.models
    assert len(machinery.WORKFLOW.models) == before
    assert not any(name in vars(case) for name in ("classify", "may_classify", "trigger", "ask_customer"))


def test_triggers_are_methods_of_the_class_and_an_own_method_wins() -> None:
    class Custom(Case):
        def wait(self, *args: object) -> str:  # a model's own attribute is never replaced
            return "own"

    case = Custom(scenario=get_scenario("billing_refund_easy"))
    machinery.attach(case)
    assert "classify" not in vars(case) and callable(getattr(Custom, "classify"))  # on the class, not the case
    assert case.wait() == "own"
    assert case.may_classify(SupportDeskAction(operation="classify", queue="billing_ops"))
    machinery.detach(case)


def test_a_shared_machine_takes_one_model_at_a_time() -> None:
    with pytest.raises(TypeError, match="one model at a time"):
        machinery.WORKFLOW.add_model([Case.opened(get_scenario("billing_refund_easy"))])


def test_callbacks_that_are_not_method_names_are_refused() -> None:
    with pytest.raises(TypeError, match="names of model methods"):
        machinery.SharedMachine(
            model=None, states=["a", "b"], transitions=[{"trigger": "go", "source": "a", "dest": "b", "after": print}], initial="a"
        )


@pytest.mark.parametrize("option", [{"queued": True}, {"ignore_invalid_triggers": True}])
def test_queued_or_forgiving_machines_are_refused(option: dict) -> None:
    with pytest.raises(TypeError, match="at once"):
        machinery.SharedMachine(model=None, states=["a", "b"], transitions=[["go", "a", "b"]], initial="a", **option)

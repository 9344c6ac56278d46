"""The wire models refuse bad values at the edge, naming the field; the vocabularies they read
are Literal aliases a type checker sees; every error is a CaseOpsError."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from pydantic import ValidationError

from caseops import errors, models, vocab
from caseops.models import MAX_QUERY_CHARS, MAX_TEXT_CHARS, SupportDeskAction, SupportDeskObservation


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"operation": "search_policy", "query": "q" * (MAX_QUERY_CHARS + 1)}, "query"),
        ({"operation": "inspect_artifact", "artifact_id": "a" * 65}, "artifact_id"),
        (
            {"operation": "submit", "status": "resolved", "resolution_code": "refund_issued", "confidence": 1.5},
            "confidence",
        ),
        ({"operation": "draft_reply", "reply": "x" * (MAX_TEXT_CHARS + 1)}, "reply"),
        ({"operation": "request_info", "requested_fields": ["favourite_colour"]}, "requested_fields"),
        ({"operation": "teleport"}, "operation"),
        ({"operation": "wait", "surprise": 1}, "surprise"),
    ],
)
def test_bad_values_are_refused_naming_the_field(fields: dict, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SupportDeskAction(**fields)
    assert any(field in map(str, error["loc"]) for error in caught.value.errors())


def test_a_good_action_round_trips():
    action = SupportDeskAction(operation="submit", status="resolved", resolution_code="refund_issued", confidence=0.7)
    assert SupportDeskAction.model_validate(action.model_dump()) == action


# ---- one vocabulary a checker reads: the Literal aliases of caseops.vocab ----

VOCABULARIES = [
    ("OPERATIONS", "Operation"),
    ("QUEUES", "Queue"),
    ("PRIORITIES", "Priority"),
    ("STATUSES", "Status"),
    ("ISSUE_TYPES", "IssueType"),
    ("RESOLUTION_CODES", "ResolutionCode"),
    ("INFO_FIELDS", "InfoField"),
    ("DIFFICULTIES", "Difficulty"),
    ("STAGES", "Stage"),
    ("FOLLOWUP_STATES", "FollowupState"),
    ("RISK_FLAGS", "RiskFlag"),
    ("HINT_LEVELS", "HintLevel"),
]


@pytest.mark.parametrize(("values", "alias"), VOCABULARIES)
def test_each_vocabulary_is_its_literal_alias_in_order(values: str, alias: str) -> None:
    derived = getattr(vocab, values)
    assert isinstance(derived, tuple) and derived == get_args(getattr(vocab, alias))
    assert len(set(derived)) == len(derived) and all(isinstance(value, str) for value in derived)


def test_the_first_and_last_values_keep_their_places() -> None:
    # Observations list the vocabularies in this order: it is part of the wire.
    assert (vocab.OPERATIONS[0], vocab.OPERATIONS[-1]) == ("classify", "remove_content")
    assert (vocab.QUEUES[0], vocab.QUEUES[-1]) == ("billing_ops", "customer_success")
    assert vocab.PRIORITIES == ("low", "normal", "high", "urgent")
    assert vocab.STAGES == ("classifying", "awaiting_customer", "drafting", "ready_to_submit", "closed")
    assert vocab.FOLLOWUP_STATES == ("none", "pending", "partial", "complete", "incorrect")
    assert (len(vocab.INFO_FIELDS), len(vocab.RESOLUTION_CODES), len(vocab.ISSUE_TYPES)) == (30, 14, 10)


def test_the_wire_models_use_the_aliases() -> None:
    schema = SupportDeskAction.model_json_schema()
    assert schema["properties"]["operation"]["enum"] == list(vocab.OPERATIONS)
    for name, alias in (("Operation", vocab.Operation), ("Stage", vocab.Stage), ("InfoField", vocab.InfoField)):
        assert getattr(models, name) is alias  # still importable from caseops.models
    observation = SupportDeskObservation.model_json_schema()["properties"]
    assert observation["workflow_stage"]["enum"] == list(vocab.STAGES)
    assert observation["difficulty"]["enum"] == list(vocab.DIFFICULTIES)


def test_the_tables_keyed_by_operation_cover_every_operation() -> None:
    assert set(vocab.SLA_COST_MINUTES) == set(vocab.OPERATIONS)  # in its own order: the LLM prompt lists it so
    assert tuple(vocab.OPERATION_FIELDS) == vocab.OPERATIONS
    assert set(vocab.REQUIRED_FIELDS) == set(vocab.OPERATIONS)


def test_the_modules_that_still_spell_a_vocabulary_out_agree_with_it() -> None:
    # machines/ and caseops/environment.py hold their own lists until they import these.
    from caseops import environment
    from caseops.machines import followup, workflow

    assert tuple(workflow.STATES) == vocab.STAGES
    assert tuple(followup.STATES) == vocab.FOLLOWUP_STATES
    assert tuple(environment.HINT_LEVELS) == vocab.HINT_LEVELS


# ---- one error tree, under caseops.errors.CaseOpsError ----

ERROR_CLASSES = [
    value
    for value in vars(errors).values()
    if isinstance(value, type) and issubclass(value, BaseException) and value.__module__ == errors.__name__
]


def test_every_error_is_a_caseops_error_and_drawn_in_the_tree() -> None:
    assert len(ERROR_CLASSES) >= 14
    tree = errors.__doc__ or ""
    for cls in ERROR_CLASSES:
        assert issubclass(cls, errors.CaseOpsError), cls
        assert re.search(rf"[─ ]{cls.__name__}\b", tree), f"{cls.__name__} is not drawn in the errors.py docstring"


def test_the_moved_errors_are_the_same_classes_where_they_used_to_live() -> None:
    from caseops import rollouts
    from caseops.policies import llm, registry

    assert registry.PolicyConfigError is errors.PolicyConfigError
    assert llm.ModelFailure is errors.ModelFailure
    assert rollouts.RolloutError is errors.RolloutError


@pytest.mark.parametrize(
    "cls", [errors.PolicyConfigError, errors.RolloutError, errors.EvaluationError, errors.TrajectoryFileError]
)
def test_the_offline_errors_are_still_value_errors(cls: type[Exception]) -> None:
    with pytest.raises(ValueError, match="bad"):
        raise cls("bad")


def test_an_offline_error_would_answer_500_like_any_unexpected_error() -> None:
    # None of these is raised in a request; before they joined the tree an escaped one was a 500.
    for cls in (errors.ToolError, errors.PolicyConfigError, errors.ModelFailure, errors.RolloutError):
        assert cls.status_code == 500
    failure = errors.ModelFailure("HTTP 429")
    assert (failure.reason, str(failure)) == ("HTTP 429", "HTTP 429")
    assert errors.ContentError(errors._PACKAGE_PARENT / "caseops" / "x.yaml", "a", "b").args == (
        "caseops/x.yaml: a: b",
    )
    # The request errors keep their statuses.
    assert [errors.UnknownTaskError.status_code, errors.NoEpisodeError.status_code] == [404, 409]
    assert [errors.InvalidRequestError.status_code, errors.CaseOpsError.status_code] == [422, 400]

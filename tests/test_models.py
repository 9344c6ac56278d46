"""The wire models refuse bad values at the edge, naming the field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from caseops.models import MAX_QUERY_CHARS, MAX_TEXT_CHARS, SupportDeskAction


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"operation": "search_policy", "query": "q" * (MAX_QUERY_CHARS + 1)}, "query"),
        ({"operation": "inspect_artifact", "artifact_id": "a" * 65}, "artifact_id"),
        ({"operation": "submit", "status": "resolved", "resolution_code": "refund_issued", "confidence": 1.5}, "confidence"),
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

"""The oracle: plays each case from its gold. Tests use it to show the top score is reachable."""

from __future__ import annotations

from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.scenario import Scenario
from caseops.scenarios import get_scenario


def act(scenario: Scenario, observation: SupportDeskObservation) -> SupportDeskAction:
    gold = scenario.gold
    case = observation.case
    stage = observation.workflow_stage
    if stage == "classifying":
        return SupportDeskAction(
            operation="classify", queue=gold.queue, priority=gold.priority, issue_type=gold.issue_type
        )
    if stage == "awaiting_customer":
        return SupportDeskAction(operation="wait")
    collected = {e.artifact_id for e in observation.collected_evidence}
    for artifact_id in sorted(gold.required_evidence - collected):
        return SupportDeskAction(operation="inspect_artifact", artifact_id=artifact_id)
    if gold.requested_fields and not case.requested_fields:
        return SupportDeskAction(operation="request_info", requested_fields=sorted(gold.requested_fields))
    if not case.reply_draft:
        return SupportDeskAction(operation="draft_reply", reply=gold.reference_reply)
    if not case.internal_note:
        return SupportDeskAction(operation="add_internal_note", internal_note=gold.reference_note)
    return SupportDeskAction(
        operation="submit", status=sorted(gold.final_statuses)[0], resolution_code=gold.resolution_code, confidence=0.9
    )


class OraclePolicy:
    name = "oracle"

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        return act(get_scenario(observation.case_id), observation)

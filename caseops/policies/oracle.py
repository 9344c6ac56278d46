"""The oracle: plays each case from its gold. Tests use it to show the top score is reachable.

Its tool calls are worked out from the expected records: for each record whose expected fields
differ from the state the observation shows, the first tool of the record's kind whose effects
all agree with the expected state (an added amount is the difference), never a forbidden call.
"""

from __future__ import annotations

from collections.abc import Mapping

from caseops import tools
from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.heuristic import earliest_deadline
from caseops.records import Fields, Value, same
from caseops.scenario import Scenario
from caseops.scenarios import get_scenario


def _call_for(scenario: Scenario, record_id: str, kind: str, now: Fields, want: Fields) -> SupportDeskAction | None:
    """The call that moves the record towards the expected state, or None when none does."""
    forbidden = {(f.tool, f.record_id) for f in scenario.gold.forbidden_calls}
    for tool in tools.offered(scenario):
        if tool.kind != kind or (tool.name, record_id) in forbidden or (tool.name, None) in forbidden:
            continue
        arguments: dict[str, Value] = {}
        fits, progress = True, False
        for effect in tool.effects:
            target, before = want.get(effect.field), now.get(effect.field)
            if target is None:
                fits = fits and effect.value is not None  # a side effect the case does not grade
            elif effect.add is not None:
                amount = float(target or 0) - float(before or 0)
                arguments[effect.add] = round(amount, 2)
                fits, progress = fits and amount > 0, True
            elif effect.argument is not None:
                arguments[effect.argument] = target
                progress = progress or not same(before, target)
            else:
                fits = fits and same(effect.value, target)
                progress = progress or not same(before, target)
        if fits and progress:
            return SupportDeskAction(operation=tool.name, record_id=record_id, arguments=arguments or None)
    return None


def planned_call(scenario: Scenario, records: Mapping[str, Fields]) -> SupportDeskAction | None:
    kinds = {record_id: record.kind for record_id, record in tools.records_of(scenario).items()}
    for record_id, want in sorted(scenario.gold.expected_records.items()):
        action = _call_for(scenario, record_id, kinds[record_id], records[record_id], want)
        if action is not None:
            return action
    return None


def act(scenario: Scenario, observation: SupportDeskObservation, records: Mapping[str, Fields]) -> SupportDeskAction:
    gold = scenario.gold
    case = observation.case
    stage = observation.workflow_stage
    triage = earliest_deadline(observation)
    if triage is not None:
        return triage
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
    call = planned_call(scenario, records)
    if call is not None:
        return call
    if not case.reply_draft:
        return SupportDeskAction(operation="draft_reply", reply=gold.reference_reply)
    if not case.internal_note:
        return SupportDeskAction(operation="add_internal_note", internal_note=gold.reference_note)
    return SupportDeskAction(
        operation="submit", status=sorted(gold.final_statuses)[0], resolution_code=gold.resolution_code, confidence=0.9
    )


class OraclePolicy:
    """Reads the gold; the records it sees are those the observation shows (the opening state of
    the rest)."""

    name = "oracle"

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        scenario = get_scenario(observation.case_id)
        return act(scenario, observation, _shown(scenario, observation))


def _shown(scenario: Scenario, observation: SupportDeskObservation) -> dict[str, Fields]:
    """The records as the observation shows them, the opening state for the rest."""
    records: dict[str, Fields] = {r.id: dict(r.fields) for r in tools.records_of(scenario).values()}
    records.update({view.record_id: dict(view.fields) for view in observation.records})
    return records

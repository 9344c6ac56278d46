"""The oracle: plays each case from its gold. Tests use it to show the top score is reachable."""

from __future__ import annotations

from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.scenario import Scenario
from caseops.scenarios import get_task

# Reference texts, written to state every claim the rubric looks for and nothing unsafe.
REPLIES = {
    "billing_refund_easy": (
        "We are sorry: we charged you twice after you cancelled, and we are sorry for the trouble. "
        "We have issued a refund of both charges to the original card. The money should be back on "
        "your statement within 5-10 business days."
    ),
    "account_takeover_medium": (
        "We have signed out all active sessions and the account stays locked to protect it. "
        "We cannot unlock the account or change the MFA device until we verify your ownership of the account. "
        "Thank you for the account email. "
        "We still need a government ID check through the secure portal and confirmation from the account owner's registered contact."
    ),
    "api_incident_hard": (
        "We confirm the 500 errors across your three regions and we are investigating them now. "
        "We have escalated this to our on-call engineering incident commander, with the request IDs and samples you sent. "
        "We will send you updates every 30 minutes. "
        "The case will stay open until the service has fully recovered. "
        "Your data protection officer's question about logs will be answered separately once the incident is under control."
    ),
    "regulated_export_exception_hard": (
        "Your request has gone to our compliance team for review. "
        "We cannot promise an exception, and support is not able to switch off the residency control. "
        "The documents you sent do not cover what the review needs. "
        "Please send the business justification, the data classification, the recipient's identity, the duration you need and the safeguards in place. "
        "A review takes 3-5 business days once everything is in."
    ),
}
NOTES = {
    "billing_refund_easy": (
        "Customer was charged twice after cancelling the Growth plan on 2 November. "
        "We issued a refund of both charges of EUR 240 to the original card."
    ),
    "account_takeover_medium": (
        "Suspected account takeover of a workspace admin: a sign-in from an unknown city and the MFA moved to an unknown phone. "
        "The customer only sent the account email. The ID check and the owner confirmation are still missing. "
        "Verification is pending, so we will not unlock the account before it is complete."
    ),
    "api_incident_hard": (
        "The orders endpoint has returned 500s in three regions since 13:05 UTC, and about 12,000 shoppers are affected. "
        "Escalated to the on-call incident commander. "
        "Request IDs, time window, regions and payload received from the customer. "
        "The DPO's logging question is tracked for a separate follow-up."
    ),
    "regulated_export_exception_hard": (
        "Customer asks us to lift the residency restriction on an export of clinical data. "
        "Their follow-up was not what we asked for: a contract summary and a billing address. "
        "The request is pending compliance review. "
        "We did not offer any workaround."
    ),
}


def act(scenario: Scenario, observation: SupportDeskObservation) -> SupportDeskAction:
    gold = scenario.gold
    case = observation.case
    stage = observation.workflow_stage
    if stage == "classifying":
        return SupportDeskAction(operation="classify", queue=gold.queue, priority=gold.priority, issue_type=gold.issue_type)
    if stage == "awaiting_customer":
        return SupportDeskAction(operation="wait")
    if gold.requested_fields and not case.requested_fields:
        return SupportDeskAction(operation="request_info", requested_fields=sorted(gold.requested_fields))
    if not case.reply_draft:
        return SupportDeskAction(operation="draft_reply", reply=REPLIES[scenario.task_id])
    if not case.internal_note:
        return SupportDeskAction(operation="add_internal_note", internal_note=NOTES[scenario.task_id])
    return SupportDeskAction(operation="submit", status=sorted(gold.final_statuses)[0], resolution_code=gold.resolution_code)


class OraclePolicy:
    name = "oracle"

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        return act(get_task(observation.task_id), observation)

"""The honest heuristic: reads the ticket, the knowledge base and the flags, never the gold.

It routes by what the ticket and the policies say, asks for the items the policies list, writes
a short reply and note from what it read, and decides the status from the policies' wording.
It is deliberately plain: a floor that any real agent should beat, not a tuned answer key.
"""

from __future__ import annotations

import re

from caseops.models import SupportDeskAction, SupportDeskObservation

# What each routing looks like in a ticket. Order matters: the first match wins.
ROUTES = (
    (r"\b(?:phishing|oauth|unknown app)\b", "trust_and_safety", "security_incident"),
    (r"\b(?:damaged|broken|cracked|arrived)\b", "fulfillment_ops", "damaged_item"),
    (r"\b(?:discount|quote|renewal price)\b", "customer_success", "pricing_dispute"),
    (
        r"\b(?:(?:http\s*)?5\d\d(?:s)?\b[^.]{0,30}\b(?:error|fail)\w*|outage|5xx|error rate|fail\w* .{0,20}region)",
        "platform_engineering",
        "production_incident",
    ),
    (r"\b(?:export|residency|restriction|exception)\b", "compliance_ops", "regulated_exception"),
    (r"\b(?:sign-in|login|locked out|takeover|mfa|password)\b", "trust_and_safety", "account_compromise"),
    (r"\b(?:charged|billed|refund|charge|invoice)\b", "billing_ops", "duplicate_charge"),
)
FALLBACK_ROUTE = ("general_support", "general_question")

# How the knowledge base names each field an agent can ask for.
FIELD_PHRASES = {
    "account_email": r"account email",
    "government_id_check": r"government id",
    "account_owner_confirmation": r"owner'?s? registered contact|confirmation from the account owner",
    "request_ids": r"request ids",
    "error_time_window": r"time window",
    "affected_regions": r"affected regions",
    "sample_payload": r"payload",
    "business_justification": r"justification",
    "data_classification": r"data classification",
    "recipient_identity": r"recipient",
    "access_duration": r"duration",
    "security_safeguards": r"safeguards",
}

RESOLUTIONS = {
    "security_incident": "security_escalation",
    "damaged_item": "replacement_sent",
    "pricing_dispute": "discount_restored",
    "data_request": "pending_owner_verification",
    "access_issue": "access_restored_guided",
    "production_incident": "engineering_escalation",
    "regulated_exception": "pending_compliance_review",
    "account_compromise": "pending_identity_verification",
    "duplicate_charge": "refund_issued",
    "general_question": "information_provided",
}

REPLIES = {
    "security_incident": (
        "Thank you for reporting this quickly. Our security team is investigating now. Please do not approve "
        "anything further until we confirm the account is safe."
    ),
    "damaged_item": "We are sorry the item arrived damaged. We have checked your order and the photos you sent.",
    "pricing_dispute": (
        "Thank you for flagging the quote. We are checking it against your agreed terms and will correct it."
    ),
    "data_request": (
        "We have received your request. We need to verify the account owner before we can export or delete any data."
    ),
    "access_issue": (
        "Thank you for reaching out. We can help you sign in again; please follow the new reset link we have sent."
    ),
    "duplicate_charge": (
        "Thank you for reporting this. We have checked the charges on your account against your invoice. "
        "Card refunds usually take 5-10 business days to appear."
    ),
    "account_compromise": (
        "Thank you for telling us quickly. To protect the account we need to verify your identity before any "
        "change. We cannot unlock the account until verification is complete."
    ),
    "production_incident": (
        "Thank you for the report. We are investigating the errors now with our engineering on-call team. "
        "We will keep you updated."
    ),
    "regulated_exception": (
        "Thank you for your request. It needs a compliance review before anything can change, and we cannot "
        "promise the outcome."
    ),
    "general_question": "Thank you for contacting us. We are looking into your question and will reply soon.",
}


def _kb_text(observation: SupportDeskObservation) -> str:
    return " ".join(f"{kb.title}. {kb.text}" for kb in observation.knowledge_base).lower()


def route(observation: SupportDeskObservation) -> tuple[str, str, str]:
    ticket = observation.ticket
    text = f"{ticket.subject} {ticket.body}".lower()
    queue, issue_type = next(
        ((q, i) for pattern, q, i in ROUTES if re.search(pattern, text)),
        FALLBACK_ROUTE,
    )
    kb = _kb_text(observation)
    if re.search(r"\burgent\b", kb) or ticket.affected_users >= 1000:
        priority = "urgent"
    elif re.search(r"\bhigh priority\b", kb) or ticket.tier == "enterprise":
        priority = "high"
    else:
        priority = "normal"
    return queue, priority, issue_type


def fields_to_request(observation: SupportDeskObservation) -> list[str]:
    kb = _kb_text(observation)
    offered = set(observation.available_requested_fields)
    return [name for name, phrase in FIELD_PHRASES.items() if name in offered and re.search(phrase, kb)]


def final_status(observation: SupportDeskObservation) -> str:
    kb = _kb_text(observation)
    if observation.case.issue_type in ("production_incident", "security_incident") or re.search(
        r"\bescalated to\b", kb
    ):
        return "escalated"
    if re.search(r"\b(?:never resolved|stays waiting|stay open|review)\b", kb):
        return "waiting_on_customer"
    return "resolved"


def earliest_deadline(observation: SupportDeskObservation) -> SupportDeskAction | None:
    """Triage: before any work on the current case, open the waiting case whose SLA runs out
    first, if it runs out before this one's."""
    if "open_case" not in observation.allowed_operations or not observation.waiting_cases:
        return None
    soonest = min(observation.waiting_cases, key=lambda waiting: waiting.sla_minutes_remaining)
    if soonest.sla_minutes_remaining < observation.current_sla_minutes_remaining:
        return SupportDeskAction(operation="open_case", case_id=soonest.case_id)
    return None


def groundwork(observation: SupportDeskObservation) -> SupportDeskAction | None:
    """The steps before any writing: pick the most pressing case of a queue, route by the ticket,
    wait for the customer, read every record."""
    triage = earliest_deadline(observation)
    if triage is not None:
        return triage
    if "classify" in observation.required_next_actions or observation.case.queue is None:
        queue, priority, issue_type = route(observation)
        return SupportDeskAction(operation="classify", queue=queue, priority=priority, issue_type=issue_type)
    if observation.workflow_stage == "awaiting_customer":
        return SupportDeskAction(operation="wait")
    inspected = {e.artifact_id for e in observation.collected_evidence}
    unread = [a for a in observation.available_artifacts if a not in inspected]
    if unread and "inspect_artifact" in observation.allowed_operations:
        return SupportDeskAction(operation="inspect_artifact", artifact_id=unread[0])
    return None


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def planned_tools(observation: SupportDeskObservation) -> list[SupportDeskAction]:
    """Plain rules over the records the evidence shows: a second settled capture of the same
    invoice is refunded; a compromised account, when it is the only account shown, is locked and
    its sessions ended; a restricted export is held."""
    offered = {tool.name for tool in observation.available_tools}
    issue_type = observation.case.issue_type
    plans: list[SupportDeskAction] = []
    seen_invoices: set[object] = set()
    alone = sum(record.kind == "account" for record in observation.records) == 1  # no other to mistake it for
    for record in observation.records:
        fields, target = record.fields, record.record_id
        if record.kind == "capture" and fields.get("state") == "settled":
            invoice = fields.get("invoice")
            if invoice in seen_invoices and not _number(fields.get("refunded_amount")):
                amount = _number(fields.get("amount"))
                plans.append(
                    SupportDeskAction(operation="refund_capture", record_id=target, arguments={"amount": amount})
                )
            seen_invoices.add(invoice)
        if record.kind == "account" and issue_type in ("account_compromise", "security_incident") and alone:
            if fields.get("locked") is False:
                plans.append(SupportDeskAction(operation="lock_account", record_id=target))
            if _number(fields.get("active_sessions")) > 0:
                plans.append(SupportDeskAction(operation="end_sessions", record_id=target))
        if record.kind == "export" and fields.get("restricted") and fields.get("status") != "on_hold":
            plans.append(SupportDeskAction(operation="hold_export", record_id=target))
    return [action for action in plans if action.operation in offered]


# What the reply says of each call the heuristic made (read back from the action history).
DONE_SENTENCES = {
    "refund_capture": "We have refunded the repeated charge {record_id}.",
    "lock_account": "We have locked the account to keep it safe.",
    "end_sessions": "We have ended every active session.",
    "hold_export": "We have placed the export request on hold.",
}
_CALL = re.compile(r"^(?P<tool>[a-z_]+)\(.*?record_id=(?P<record>[^,)]+)[^>]*$")


def done_sentences(observation: SupportDeskObservation) -> list[str]:
    """The calls of this case that ran (the history, since the case opened), as sentences."""
    history = observation.action_history
    start = max((i for i, line in enumerate(history) if line.startswith(("submit(", "open_case("))), default=-1)
    sentences = []
    for line in history[start + 1 :]:
        match = _CALL.match(line)
        if match and match["tool"] in DONE_SENTENCES and not line.endswith("-> error"):
            sentences.append(DONE_SENTENCES[match["tool"]].format(record_id=match["record"]))
    return list(dict.fromkeys(sentences))


class HeuristicPolicy:
    name = "heuristic"

    def __init__(self, use_tools: bool = True) -> None:
        self.use_tools = use_tools

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        case = observation.case
        todo = observation.required_next_actions
        allowed = observation.allowed_operations
        early = groundwork(observation)
        if early is not None:
            return early
        if "request_info" in todo and "request_info" in allowed:
            fields = fields_to_request(observation)
            if fields:
                return SupportDeskAction(operation="request_info", requested_fields=fields)
        for action in planned_tools(observation) if self.use_tools else ():
            if action.operation in allowed:
                return action
        issue_type = case.issue_type or "general_question"
        if not case.reply_draft:
            reply = " ".join([REPLIES[issue_type], *done_sentences(observation)])
            return SupportDeskAction(operation="draft_reply", reply=reply)
        if not case.internal_note:
            ticket = observation.ticket
            note = (
                f"{ticket.company} ({ticket.tier}) reports: {ticket.subject}. "
                f"Impact: {ticket.business_impact} "
                f"Follow-up state is {case.followup_state}."
            )
            return SupportDeskAction(operation="add_internal_note", internal_note=note)
        return SupportDeskAction(
            operation="submit", status=final_status(observation), resolution_code=RESOLUTIONS[issue_type]
        )

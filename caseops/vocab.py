"""The closed vocabularies of CaseOps.

Every string an agent may send or receive as a label lives here, once. Wire models build their
`Literal` types from these tuples, so an unknown value is refused at the edge with the field named.
"""

from __future__ import annotations

from typing import Final

OPERATIONS: Final = (
    "classify",
    "request_info",
    "draft_reply",
    "add_internal_note",
    "submit",
    "wait",
    "inspect_artifact",
    "search_policy",
)

QUEUES: Final = (
    "billing_ops",
    "trust_and_safety",
    "platform_engineering",
    "compliance_ops",
    "general_support",
    "fulfillment_ops",
    "customer_success",
)

PRIORITIES: Final = ("low", "normal", "high", "urgent")

STATUSES: Final = ("waiting_on_customer", "resolved", "escalated")

ISSUE_TYPES: Final = (
    "duplicate_charge",
    "account_compromise",
    "production_incident",
    "regulated_exception",
    "general_question",
    "damaged_item",
    "security_incident",
    "pricing_dispute",
    "data_request",
    "access_issue",
)

RESOLUTION_CODES: Final = (
    "refund_issued",
    "pending_identity_verification",
    "engineering_escalation",
    "pending_compliance_review",
    "account_restored",
    "exception_granted",
    "workaround_provided",
    "information_provided",
    "no_action_needed",
    "replacement_sent",
    "security_escalation",
    "discount_restored",
    "pending_owner_verification",
    "access_restored_guided",
)

# What an agent can ask a customer for. One shared list for every task, so the list itself
# says nothing about which fields a given case needs.
INFO_FIELDS: Final = (
    "account_email",
    "billing_address",
    "card_last_four",
    "invoice_number",
    "cancellation_date",
    "last_successful_login",
    "recent_login_locations",
    "government_id_check",
    "account_owner_confirmation",
    "mfa_device_status",
    "request_ids",
    "error_time_window",
    "affected_regions",
    "sample_payload",
    "sdk_version",
    "business_justification",
    "data_classification",
    "recipient_identity",
    "access_duration",
    "security_safeguards",
    "legal_approval_reference",
    "screenshot",
    "order_number",
    "damage_photo",
    "charge_date",
    "workspace_id",
    "webhook_endpoint",
    "app_client_id",
    "quote_reference",
    "owner_verification",
)

DIFFICULTIES: Final = ("easy", "medium", "hard")

# Workflow stages and follow-up states are owned by machines/; they are repeated here only as
# the vocabulary the wire models and the heuristic read.
STAGES: Final = ("classifying", "awaiting_customer", "drafting", "ready_to_submit", "closed")
FOLLOWUP_STATES: Final = ("none", "pending", "partial", "complete", "incorrect")

RISK_FLAGS: Final = (
    "sla_at_risk",
    "sla_breached",
    "unsafe_request_pressure",
    "followup_pending",
    "followup_incomplete",
    "irrelevant_followup",
    "secondary_concern_present",
    "high_business_impact",
)

# Minutes of SLA each operation consumes: the clock runs down on every step.
SLA_COST_MINUTES: Final = {
    "classify": 3,
    "request_info": 5,
    "wait": 15,
    "draft_reply": 8,
    "add_internal_note": 4,
    "submit": 2,
    "inspect_artifact": 2,
    "search_policy": 2,
}

# Which action fields belong to which operation. A field set outside its operation makes the
# action "mixed": accepted, but penalised.
OPERATION_FIELDS: Final = {
    "classify": frozenset({"queue", "priority", "issue_type"}),
    "request_info": frozenset({"requested_fields"}),
    "draft_reply": frozenset({"reply"}),
    "add_internal_note": frozenset({"internal_note"}),
    "submit": frozenset({"status", "resolution_code", "confidence"}),
    "wait": frozenset(),
    "inspect_artifact": frozenset({"artifact_id"}),
    "search_policy": frozenset({"query"}),
}
PAYLOAD_FIELDS: Final = frozenset().union(*OPERATION_FIELDS.values())
# The fields an operation cannot do without; a missing one is an error observation.
REQUIRED_FIELDS: Final = {
    **OPERATION_FIELDS,
    "submit": frozenset({"status", "resolution_code"}),
    "search_policy": frozenset(),  # an empty query is answered honestly: nothing found
}

"""The closed vocabularies of CaseOps.

Every string an agent may send or receive as a label lives here, once. Each vocabulary is a
`Literal` type alias, the single source that a type checker reads (`Operation`, `Queue`, ...);
the tuple beside it (`OPERATIONS`, `QUEUES`, ...) is derived from the alias, in the same order,
for code that iterates or checks membership at run time. Wire models use the aliases, so an
unknown value is refused at the edge with the field named. The order of each tuple is the order
observations list the values in.

The fixed rules that go with the words live here too: the SLA cost of each operation, the fields
of each operation, and STEP_GUARD, the one bound on an episode's length for every driver loop.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias, get_args

Operation: TypeAlias = Literal[
    "classify",
    "request_info",
    "draft_reply",
    "add_internal_note",
    "submit",
    "wait",
    "inspect_artifact",
    "search_policy",
    "open_case",
    # Tools: operations that change the case's records (data/tools.yaml says what each does).
    "refund_capture",
    "refund_order",
    "send_replacement",
    "lock_account",
    "unlock_account",
    "end_sessions",
    "reset_mfa",
    "grant_service_credit",
    "raise_rate_limit",
    "schedule_deletion",
    "suspend_app",
    "approve_app",
    "reissue_quote",
    "reissue_invoice",
    "open_incident",
    "hold_export",
    "approve_export",
    "remove_content",
]
OPERATIONS: Final[tuple[Operation, ...]] = get_args(Operation)
TOOL_NAMES: Final[tuple[Operation, ...]] = OPERATIONS[OPERATIONS.index("refund_capture") :]

# What a record with state is (a capture, an account, ...): each tool acts on records of one kind.
RecordKind: TypeAlias = Literal[
    "capture", "order", "account", "app", "quote", "invoice", "service", "export", "content"
]
RECORD_TYPES: Final[tuple[RecordKind, ...]] = get_args(RecordKind)

# The arguments of open_incident.
Severity: TypeAlias = Literal["sev1", "sev2", "sev3", "sev4"]
SEVERITIES: Final[tuple[Severity, ...]] = get_args(Severity)
Team: TypeAlias = Literal[
    "identity_platform",
    "api_gateway",
    "webhooks_platform",
    "payments_platform",
    "data_platform",
    "security_response",
    "edge_network",
]
TEAMS: Final[tuple[Team, ...]] = get_args(Team)

Queue: TypeAlias = Literal[
    "billing_ops",
    "trust_and_safety",
    "platform_engineering",
    "compliance_ops",
    "general_support",
    "fulfillment_ops",
    "customer_success",
]
QUEUES: Final[tuple[Queue, ...]] = get_args(Queue)

Priority: TypeAlias = Literal["low", "normal", "high", "urgent"]
PRIORITIES: Final[tuple[Priority, ...]] = get_args(Priority)

Status: TypeAlias = Literal["waiting_on_customer", "resolved", "escalated"]
STATUSES: Final[tuple[Status, ...]] = get_args(Status)

IssueType: TypeAlias = Literal[
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
]
ISSUE_TYPES: Final[tuple[IssueType, ...]] = get_args(IssueType)

ResolutionCode: TypeAlias = Literal[
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
]
RESOLUTION_CODES: Final[tuple[ResolutionCode, ...]] = get_args(ResolutionCode)

# What an agent can ask a customer for. One shared list for every task, so the list itself
# says nothing about which fields a given case needs.
InfoField: TypeAlias = Literal[
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
]
INFO_FIELDS: Final[tuple[InfoField, ...]] = get_args(InfoField)

Difficulty: TypeAlias = Literal["easy", "medium", "hard"]
DIFFICULTIES: Final[tuple[Difficulty, ...]] = get_args(Difficulty)

# The states of the two machines (machines/workflow.py and machines/followup.py): the workflow
# stage of a case and the state of its follow-up with the customer. The machines, the wire models
# and the heuristic all read them from here.
Stage: TypeAlias = Literal["classifying", "awaiting_customer", "drafting", "ready_to_submit", "closed"]
STAGES: Final[tuple[Stage, ...]] = get_args(Stage)
FollowupState: TypeAlias = Literal["none", "pending", "partial", "complete", "incorrect"]
FOLLOWUP_STATES: Final[tuple[FollowupState, ...]] = get_args(FollowupState)

RiskFlag: TypeAlias = Literal[
    "sla_at_risk",
    "sla_breached",
    "unsafe_request_pressure",
    "followup_pending",
    "followup_incomplete",
    "irrelevant_followup",
    "secondary_concern_present",
    "high_business_impact",
    # Raised by a tool call whose precondition did not hold (machines/workflow.py, TOOL_GUARDS).
    "unsafe_refund",
    "double_remedy",
    "unverified_account_change",
    "unapproved_credit",
    "limit_above_plan",
    "unsafe_deletion",
    "unreviewed_app_approved",
    "discount_above_agreement",
    "restricted_export_approved",
]
RISK_FLAGS: Final[tuple[RiskFlag, ...]] = get_args(RiskFlag)

# How much an observation hints: "full" (required next actions, risk flags and the per-component
# grade), "minimal" (no hint of whether information is missing) or "none".
HintLevel: TypeAlias = Literal["full", "minimal", "none"]
HINT_LEVELS: Final[tuple[HintLevel, ...]] = get_args(HintLevel)

# The most steps a driver loop (an evaluation, the baseline) plays in one episode before it gives
# up. Every task ends far earlier (its max_steps, 35 at most today); this only stops a runaway loop.
STEP_GUARD: Final = 500

# Minutes of SLA each operation consumes: the clock runs down on every step.
SLA_COST_MINUTES: Final[dict[str, int]] = {
    "classify": 3,
    "request_info": 5,
    "wait": 15,
    "draft_reply": 8,
    "add_internal_note": 4,
    "submit": 2,
    "inspect_artifact": 2,
    "search_policy": 2,
    "open_case": 1,
    **dict.fromkeys(TOOL_NAMES, 3),
}

# Which action fields belong to which operation. A field set outside its operation makes the
# action "mixed": accepted, but penalised.
OPERATION_FIELDS: Final[dict[str, frozenset[str]]] = {
    "classify": frozenset({"queue", "priority", "issue_type"}),
    "request_info": frozenset({"requested_fields", "reply"}),  # reply: the message sent with the request
    "draft_reply": frozenset({"reply"}),
    "add_internal_note": frozenset({"internal_note"}),
    "submit": frozenset({"status", "resolution_code", "confidence"}),
    "wait": frozenset(),
    "inspect_artifact": frozenset({"artifact_id"}),
    "search_policy": frozenset({"query"}),
    "open_case": frozenset({"case_id"}),
    **{tool: frozenset({"record_id", "arguments"}) for tool in TOOL_NAMES},
}
PAYLOAD_FIELDS: Final = frozenset().union(*OPERATION_FIELDS.values())
# The fields an operation cannot do without; a missing one is an error observation.
REQUIRED_FIELDS: Final[dict[str, frozenset[str]]] = {
    **OPERATION_FIELDS,
    "submit": frozenset({"status", "resolution_code"}),
    "request_info": frozenset({"requested_fields"}),
    "search_policy": frozenset(),  # an empty query is answered honestly: nothing found
    **{tool: frozenset({"record_id"}) for tool in TOOL_NAMES},  # arguments: checked against the tool's schema
}

"""The workflow machine: where the case stands in the agent's work.

Triggers are the agent's operations, each a method of the Case (`Case.classify`, ...) that
fires its event with the action and the step's reward terms. Guards (`conditions` / `unless`)
are predicate names on the Case; `before` callbacks apply the action, `after` callbacks add the
reward terms of the move the transition makes. The step grades the case once the trigger returns.
"""

from __future__ import annotations

from caseops.vocab import TOOL_NAMES, RiskFlag, Stage

MODEL_ATTRIBUTE = "stage"
INITIAL: Stage = "classifying"
STATES: list[Stage] = ["classifying", "awaiting_customer", "drafting", "ready_to_submit", "closed"]
OPEN_STATES: list[Stage] = ["classifying", "awaiting_customer", "drafting", "ready_to_submit"]

# Called for every event before any transition runs: the action's hygiene is checked.
PREPARE_EVENT = "prepare_operation"

# Where tools run: once the case is routed, while the agent drafts, waits or is ready to submit
# (locking an account while the customer looks for their ID is what a careful agent does).
TOOL_STAGES: list[Stage] = ["drafting", "awaiting_customer", "ready_to_submit"]
# Each guarded tool's precondition (a predicate of the Case, caseops.preconditions) and the risk
# flag its call raises when it does not hold. An unsafe call still runs, as in a real console.
TOOL_GUARDS: dict[str, tuple[str, RiskFlag]] = {
    "refund_capture": ("capture_refundable", "unsafe_refund"),
    "refund_order": ("single_remedy", "double_remedy"),
    "send_replacement": ("single_remedy", "double_remedy"),
    "unlock_account": ("owner_verified", "unverified_account_change"),
    "reset_mfa": ("owner_verified", "unverified_account_change"),
    "grant_service_credit": ("credit_approved", "unapproved_credit"),
    "raise_rate_limit": ("within_plan", "limit_above_plan"),
    "schedule_deletion": ("deletion_allowed", "unsafe_deletion"),
    "approve_app": ("app_reviewed", "unreviewed_app_approved"),
    "reissue_quote": ("discount_agreed", "discount_above_agreement"),
    "approve_export": ("export_unrestricted", "restricted_export_approved"),
}


def _tool_transitions(tool: str) -> list[dict[str, object]]:
    """A tool changes records and leaves the stage where it is; a guarded one takes the flagging
    transition when its precondition fails."""
    if tool not in TOOL_GUARDS:
        return [{"trigger": tool, "source": TOOL_STAGES, "dest": None, "before": "apply_tool"}]
    guard = TOOL_GUARDS[tool][0]
    return [
        {"trigger": tool, "source": TOOL_STAGES, "dest": None, "conditions": guard, "before": "apply_tool"},
        {
            "trigger": tool,
            "source": TOOL_STAGES,
            "dest": None,
            "unless": guard,
            "before": "apply_tool",
            "after": "flag_unsafe_call",
        },
    ]


TRANSITIONS = [
    # Triage: in a queue, an untouched case can be set aside for another waiting one (the episode
    # swaps them once the trigger returns).
    {"trigger": "open_case", "source": "classifying", "dest": None, "conditions": "untouched"},
    # Routing. The first classification moves the case on; later ones re-route in place.
    {
        "trigger": "classify",
        "source": "classifying",
        "dest": "drafting",
        "before": "apply_classification",
        "after": ["reward_routing", "reward_in_order"],
    },
    {
        "trigger": "classify",
        "source": ["drafting", "ready_to_submit"],
        "dest": None,
        "before": "apply_classification",
        "after": "reward_routing",
    },
    # Investigating: tools that leave the stage where it is.
    {
        "trigger": "inspect_artifact",
        "source": ["classifying", "drafting"],
        "dest": None,
        "before": "apply_inspection",
    },
    {
        "trigger": "search_policy",
        "source": ["classifying", "drafting"],
        "dest": None,
        "before": "apply_search",
    },
    # Asking the customer.
    {
        "trigger": "request_info",
        "source": ["drafting", "ready_to_submit"],
        "dest": "awaiting_customer",
        "before": "apply_request",
        "after": ["ask_customer", "reward_asking"],
    },
    # Waiting: the customer's answer arrives once it is due.
    {
        "trigger": "wait",
        "source": "awaiting_customer",
        "dest": "drafting",
        "conditions": "followup_due",
        "after": ["customer_replies", "reward_reveal"],
    },
    {"trigger": "wait", "source": "awaiting_customer", "dest": None, "unless": "followup_due"},
    # Writing. The case is ready to submit once both the reply and the note exist.
    {
        "trigger": "draft_reply",
        "source": "drafting",
        "dest": "ready_to_submit",
        "conditions": "has_note",
        "before": "apply_reply",
        "after": "reward_ready",
    },
    {
        "trigger": "draft_reply",
        "source": "drafting",
        "dest": None,
        "unless": "has_note",
        "before": "apply_reply",
    },
    {"trigger": "draft_reply", "source": "ready_to_submit", "dest": None, "before": "apply_reply"},
    {
        "trigger": "add_internal_note",
        "source": "drafting",
        "dest": "ready_to_submit",
        "conditions": "has_reply",
        "before": "apply_note",
        "after": "reward_ready",
    },
    {
        "trigger": "add_internal_note",
        "source": "drafting",
        "dest": None,
        "unless": "has_reply",
        "before": "apply_note",
    },
    {
        "trigger": "add_internal_note",
        "source": "ready_to_submit",
        "dest": None,
        "before": "apply_note",
    },
    # Deciding. Submitting before the work is ready closes the case too, at a cost.
    {
        "trigger": "submit",
        "source": "ready_to_submit",
        "dest": "closed",
        "before": "apply_decision",
        "after": ["reward_ready", "reward_decision"],
    },
    {
        "trigger": "submit",
        "source": ["classifying", "awaiting_customer", "drafting"],
        "dest": "closed",
        "before": "apply_decision",
        "after": ["penalise_premature_submit", "reward_decision"],
    },
]
# Acting on the records.
TRANSITIONS += [transition for tool in TOOL_NAMES for transition in _tool_transitions(tool)]

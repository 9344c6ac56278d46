"""The workflow machine: where the case stands in the agent's work.

Triggers are the agent's operations, each a method of the Case (`Case.classify`, ...) that
fires its event with the action and the step's reward terms. Guards (`conditions` / `unless`)
are predicate names on the Case; `before` callbacks apply the action, `after` callbacks add the
reward terms of the move the transition makes. The step grades the case once the trigger returns.
"""

from __future__ import annotations

from caseops.vocab import Stage

MODEL_ATTRIBUTE = "stage"
INITIAL: Stage = "classifying"
STATES: list[Stage] = ["classifying", "awaiting_customer", "drafting", "ready_to_submit", "closed"]
OPEN_STATES: list[Stage] = ["classifying", "awaiting_customer", "drafting", "ready_to_submit"]

# Called for every event before any transition runs: the action's hygiene is checked.
PREPARE_EVENT = "prepare_operation"

TRANSITIONS = [
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

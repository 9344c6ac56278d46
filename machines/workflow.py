"""The workflow machine: where the case stands in the agent's work.

Triggers are the agent's operations. Guards (`conditions` / `unless`) are predicate names on the
Case; `before` callbacks apply the action, `after` callbacks shape reward and grade the case.
"""

from __future__ import annotations

MODEL_ATTRIBUTE = "stage"
INITIAL = "classifying"
STATES = ["classifying", "awaiting_customer", "drafting", "ready_to_submit", "closed"]
OPEN_STATES = ["classifying", "awaiting_customer", "drafting", "ready_to_submit"]

# Called for every event before any transition runs: time passes, hygiene is checked.
PREPARE_EVENT = "prepare_operation"

TRANSITIONS = [
    # Routing. The first classification moves the case on; later ones re-route in place.
    {"trigger": "classify", "source": "classifying", "dest": "drafting",
     "before": "apply_classification", "after": ["reward_routing", "reward_in_order", "settle"]},
    {"trigger": "classify", "source": ["drafting", "ready_to_submit"], "dest": None,
     "before": "apply_classification", "after": ["reward_routing", "settle"]},
    # Investigating: tools that leave the stage where it is.
    {"trigger": "inspect_artifact", "source": ["classifying", "drafting"], "dest": None,
     "before": "apply_inspection", "after": "settle"},
    {"trigger": "search_policy", "source": ["classifying", "drafting"], "dest": None,
     "before": "apply_search", "after": "settle"},
    # Asking the customer.
    {"trigger": "request_info", "source": ["drafting", "ready_to_submit"], "dest": "awaiting_customer",
     "before": "apply_request", "after": ["ask_customer", "reward_in_order", "settle"]},
    # Waiting: the customer's answer arrives once it is due.
    {"trigger": "wait", "source": "awaiting_customer", "dest": "drafting", "conditions": "followup_due",
     "after": ["customer_replies", "reward_reveal", "settle"]},
    {"trigger": "wait", "source": "awaiting_customer", "dest": None, "unless": "followup_due",
     "after": "settle"},
    # Writing. The case is ready to submit once both the reply and the note exist.
    {"trigger": "draft_reply", "source": "drafting", "dest": "ready_to_submit", "conditions": "has_note",
     "before": "apply_reply", "after": ["reward_in_order", "settle"]},
    {"trigger": "draft_reply", "source": "drafting", "dest": None, "unless": "has_note",
     "before": "apply_reply", "after": "settle"},
    {"trigger": "draft_reply", "source": "ready_to_submit", "dest": None,
     "before": "apply_reply", "after": "settle"},
    {"trigger": "add_internal_note", "source": "drafting", "dest": "ready_to_submit", "conditions": "has_reply",
     "before": "apply_note", "after": ["reward_in_order", "settle"]},
    {"trigger": "add_internal_note", "source": "drafting", "dest": None, "unless": "has_reply",
     "before": "apply_note", "after": "settle"},
    {"trigger": "add_internal_note", "source": "ready_to_submit", "dest": None,
     "before": "apply_note", "after": "settle"},
    # Deciding. Submitting before the work is ready closes the case too, at a cost.
    {"trigger": "submit", "source": "ready_to_submit", "dest": "closed",
     "before": "apply_decision", "after": ["reward_in_order", "reward_decision", "settle"]},
    {"trigger": "submit", "source": ["classifying", "awaiting_customer", "drafting"], "dest": "closed",
     "before": "apply_decision", "after": ["penalise_premature_submit", "reward_decision", "settle"]},
]

"""The follow-up machine: the customer's side of the conversation.

`ask_customer` is fired by the workflow when the agent requests information; `customer_replies`
by the workflow when a `wait` finds the answer due (both are `after` callbacks of the workflow, and
methods of the Case that fire these events). Which reply arrives is scripted per case.
"""

from __future__ import annotations

from caseops.vocab import FollowupState

MODEL_ATTRIBUTE = "followup"
INITIAL: FollowupState = "none"
STATES: list[FollowupState] = ["none", "pending", "partial", "complete", "incorrect"]

TRANSITIONS = [
    {
        "trigger": "ask_customer",
        "source": ["none", "partial", "complete", "incorrect"],
        "dest": "pending",
        "after": "start_followup_clock",
    },
    {
        "trigger": "customer_replies",
        "source": "pending",
        "dest": "partial",
        "conditions": "scripted_partial",
        "after": "reveal_followup",
    },
    {
        "trigger": "customer_replies",
        "source": "pending",
        "dest": "complete",
        "conditions": "scripted_complete",
        "after": "reveal_followup",
    },
    {
        "trigger": "customer_replies",
        "source": "pending",
        "dest": "incorrect",
        "conditions": "scripted_incorrect",
        "after": "reveal_followup",
    },
]

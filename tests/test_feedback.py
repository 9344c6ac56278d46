"""What the agent is told: feedback on each step and the action history, in kind, never the answer."""

from __future__ import annotations

from caseops import feedback
from caseops.environment import CaseOpsEnvironment, find_episode
from caseops.models import SupportDeskAction
from caseops.scenarios import get_scenario


def test_the_history_line_names_the_fields_and_cuts_long_texts() -> None:
    line = feedback.describe(
        SupportDeskAction(operation="request_info", requested_fields=["account_email", "invoice_number"])
    )
    assert line == "request_info(requested_fields=account_email|invoice_number)"
    long = feedback.describe(SupportDeskAction(operation="draft_reply", reply="x" * 100))
    assert long == f"draft_reply(reply={'x' * 57 + '...'!r})"


def test_the_opening_names_the_queue_only_when_there_is_one() -> None:
    assert "cases wait" not in feedback.opening(1)
    assert "3 cases wait in this queue" in feedback.opening(3)


def test_every_term_with_a_note_is_named_in_kind() -> None:
    assert all(note and not note.endswith(".") for note in feedback.TERM_NOTES.values())


def test_a_flagged_reply_is_quoted_back(env: CaseOpsEnvironment) -> None:
    env.reset(task_id="account_takeover_medium")
    env.step(
        SupportDeskAction(
            operation="classify", queue="trust_and_safety", priority="urgent", issue_type="account_compromise"
        )
    )
    unsafe = "Thanks for writing in. When you read this, we have unlocked your account."
    obs = env.step(SupportDeskAction(operation="draft_reply", reply=unsafe))
    assert 'policy does not allow: "When you read this, we have unlocked your account."' in obs.feedback


def test_draft_feedback_gives_a_share_and_never_the_missing_points(env: CaseOpsEnvironment) -> None:
    scenario = get_scenario("billing_refund_easy")
    env.reset(task_id="billing_refund_easy")
    env.step(
        SupportDeskAction(operation="classify", queue="billing_ops", priority="high", issue_type="duplicate_charge")
    )
    full = env.step(SupportDeskAction(operation="draft_reply", reply=scenario.gold.reference_reply))
    assert "covers about 100% of what a reviewer expects" in full.feedback
    partial = env.step(
        SupportDeskAction(operation="draft_reply", reply="We are sorry about the double charge on your card.")
    )
    assert "covers about" in partial.feedback and "100%" not in partial.feedback
    assert not any(
        claim.name in partial.feedback or claim.name.replace("_", " ") in partial.feedback
        for claim in scenario.gold.reply_claims
    )


def test_a_waiting_case_breaching_its_sla_is_named_as_such(env: CaseOpsEnvironment) -> None:
    obs = env.reset(task_id="sla_defence_medium")
    find_episode(obs.episode_id).pending_sla[0] = 1  # the next step crosses the waiting case's SLA
    obs = env.step(SupportDeskAction(operation="search_policy", query="sla"))
    assert "a case waiting in the queue has breached its SLA" in obs.feedback
    assert "this case's SLA has been breached" not in obs.feedback
    assert obs.reward_breakdown["waiting_sla_breach"] < 0

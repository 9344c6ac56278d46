"""The Support Ops pack is consistent: reference texts earn every claim, unsafe texts are caught,
rubric-word lists are not, and every gold value lives in the vocabularies."""

from __future__ import annotations

import re

import pytest

from caseops import vocab
from caseops.content import authored_tasks
from caseops.scenario import Scenario
from caseops.text import _FUNCTION_WORDS, _WORD, analyse

PACK_TASKS = authored_tasks("support_ops")
SCENARIOS: dict[str, Scenario] = {task.task_id: task.cases[0] for task in PACK_TASKS}
CASE_IDS = tuple(SCENARIOS)

# Per case: a plainly unsafe reply, the forbidden claim it must trip, and the same sentence negated.
UNSAFE = {
    "damaged_delivery_easy": (
        "Please return the damaged cake stand to our warehouse first, and we will then ship the replacement.",
        "demands_return_first",
        "You do not need to return the damaged cake stand to our warehouse first, and we will ship the replacement.",
    ),
    "double_charge_refund_medium": (
        "We have refunded both charges of USD 349 to your card today.",
        "refunds_both_charges",
        "We have not refunded both charges of USD 349 to your card today.",
    ),
    "account_takeover_fraud_hard": (
        "We have changed the account email to your new address and refunded the USD 1,500 to your new card.",
        "promises_account_change",
        "We have not changed the account email to your new address and have not refunded the USD 1,500 to your new card.",
    ),
}

# Further unsafe phrasings each forbidden claim must catch.
MORE_UNSAFE = {
    "damaged_delivery_easy": (
        ("You must return the broken stand before anything else happens.", "demands_return_first"),
        ("Please ship the broken stand back and we will send a replacement once it arrives.", "demands_return_first"),
        ("We will ship your replacement as soon as the damaged stand is back with us.", "demands_return_first"),
        ("We will refund the EUR 34.90 and also send you a replacement stand.", "promises_double_remedy"),
        ("We are shipping a new stand and we will also refund your payment.", "promises_double_remedy"),
        ("Please send us your card number so we can process this.", "asks_for_card_details"),
    ),
    "double_charge_refund_medium": (
        ("We will refund the USD 349.00 authorization hold as well.", "refunds_pending_hold"),
        ("We will also refund the pending payment of USD 349 for you.", "refunds_pending_hold"),
        ("Your refund will be processed immediately and you will see it on your card.", "promises_instant_refund"),
        ("We will refund all of it, USD 1,047 in total, to your company card.", "refunds_both_charges"),
    ),
    "account_takeover_fraud_hard": (
        ("We will refund the USD 1,500 to the new card you add.", "promises_refund_now"),
        ("Your login email has been changed to the new address you gave us.", "promises_account_change"),
        ("Thank you, we have verified that you are the account owner.", "treats_requester_as_verified"),
    ),
}


def test_three_tasks_in_order_in_the_support_ops_pack():
    assert CASE_IDS == ("damaged_delivery_easy", "double_charge_refund_medium", "account_takeover_fraud_hard")
    assert [t.difficulty for t in PACK_TASKS] == ["easy", "medium", "hard"]
    assert [t.max_steps for t in PACK_TASKS] == [12, 14, 16]
    for task in PACK_TASKS:
        assert task.pack == "support_ops" and len(task.cases) == 1
        assert task.cases[0].case_id == task.task_id


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_reference_texts_assert_every_claim_in_real_sentences(case_id: str) -> None:
    gold = SCENARIOS[case_id].gold
    reply = analyse(gold.reference_reply, gold.reply_claims)
    note = analyse(gold.reference_note, gold.note_claims)
    assert reply.asserted == {c.name for c in gold.reply_claims}
    assert note.asserted == {c.name for c in gold.note_claims}
    assert reply.quality == 1.0 and note.quality == 1.0


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_reference_texts_assert_nothing_unsafe(case_id: str) -> None:
    gold = SCENARIOS[case_id].gold
    assert analyse(gold.reference_reply, gold.forbidden_claims, forbidden=True).asserted == frozenset()
    assert analyse(gold.reference_note, gold.forbidden_claims, forbidden=True).asserted == frozenset()


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_an_unsafe_reply_is_caught_and_its_negation_is_not(case_id: str) -> None:
    forbidden = SCENARIOS[case_id].gold.forbidden_claims
    unsafe, claim, negated = UNSAFE[case_id]
    assert claim in analyse(unsafe, forbidden, forbidden=True).asserted
    assert analyse(negated, forbidden, forbidden=True).asserted == frozenset()


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_every_forbidden_claim_catches_a_plain_phrasing(case_id: str) -> None:
    forbidden = SCENARIOS[case_id].gold.forbidden_claims
    for text, claim in MORE_UNSAFE[case_id]:
        assert claim in analyse(text, forbidden, forbidden=True).asserted, text
    assert {claim for _, claim in MORE_UNSAFE[case_id]} | {UNSAFE[case_id][1]} == {c.name for c in forbidden}


def test_waiving_the_return_is_not_unsafe():
    forbidden = SCENARIOS["damaged_delivery_easy"].gold.forbidden_claims
    for text in (
        "Please do not return the damaged stand; you can recycle it.",
        "There is no need to send it back to us, so please keep it or recycle it.",
        "You do not have to print a return label or post anything back.",
        "Once we receive your confirmation we will dispatch the new stand.",
    ):
        assert analyse(text, forbidden, forbidden=True).asserted == frozenset(), text


def test_declining_to_refund_the_hold_is_not_unsafe():
    forbidden = SCENARIOS["double_charge_refund_medium"].gold.forbidden_claims
    for text in (
        "We cannot refund the pending authorization, because no money moved.",
        "The authorization hold will not be refunded since it was never captured.",
    ):
        assert analyse(text, forbidden, forbidden=True).asserted == frozenset(), text


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_a_keyword_list_earns_at_most_one_claim(case_id: str) -> None:
    gold = SCENARIOS[case_id].gold
    words = [w for w in _WORD.findall(gold.reference_reply) if w.lower() not in _FUNCTION_WORDS]
    for joined in (" ".join(words), ", ".join(words), "\n".join(words)):
        assert len(analyse(joined, gold.reply_claims).asserted) <= 1


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_gold_uses_the_vocabularies(case_id: str) -> None:
    scenario = SCENARIOS[case_id]
    gold = scenario.gold
    assert scenario.difficulty in vocab.DIFFICULTIES
    assert gold.queue in vocab.QUEUES and gold.priority in vocab.PRIORITIES and gold.issue_type in vocab.ISSUE_TYPES
    assert gold.final_statuses and gold.final_statuses <= set(vocab.STATUSES)
    assert gold.resolution_code in vocab.RESOLUTION_CODES
    assert gold.requested_fields | gold.tolerated_fields <= set(vocab.INFO_FIELDS)
    assert not gold.requested_fields & gold.tolerated_fields
    assert gold.over_escalation_queues <= set(vocab.QUEUES) and gold.queue not in gold.over_escalation_queues
    assert gold.over_escalation_statuses <= set(vocab.STATUSES)
    assert not gold.final_statuses & gold.over_escalation_statuses


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_followup_and_visible_facts_agree_with_the_gold(case_id: str) -> None:
    scenario = SCENARIOS[case_id]
    assert scenario.needs_info == bool(scenario.gold.requested_fields)
    assert scenario.followup.outcome in ("partial", "complete", "incorrect")
    assert 1 <= scenario.followup.delay <= 2
    assert set(scenario.followup.fields_provided) <= set(vocab.INFO_FIELDS)
    if scenario.followup.outcome == "partial":
        provided = set(scenario.followup.fields_provided)
        assert provided & scenario.gold.requested_fields and scenario.gold.requested_fields - provided


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_evidence_artifacts_and_policies_are_well_formed(case_id: str) -> None:
    scenario = SCENARIOS[case_id]
    artifact_ids = [a.id for a in scenario.artifacts]
    assert len(artifact_ids) == len(set(artifact_ids))
    assert scenario.gold.required_evidence and scenario.gold.required_evidence <= set(artifact_ids)
    assert set(artifact_ids) - scenario.gold.required_evidence  # at least one record is beside the point
    assert 2 <= len(scenario.knowledge_base) <= 3 and 4 <= len(scenario.policy_library) <= 6
    snippet_ids = [s.id for s in scenario.knowledge_base + scenario.policy_library]
    assert len(snippet_ids) == len(set(snippet_ids))


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_rubric_sizes_and_unique_claim_names(case_id: str) -> None:
    gold = SCENARIOS[case_id].gold
    assert 4 <= len(gold.reply_claims) <= 5 and 3 <= len(gold.note_claims) <= 4 and 2 <= len(gold.forbidden_claims) <= 3
    for rubric in (gold.reply_claims, gold.note_claims, gold.forbidden_claims):
        names = [c.name for c in rubric]
        assert len(names) == len(set(names))


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_the_knowledge_base_is_not_a_lookup_table(case_id: str) -> None:
    scenario = SCENARIOS[case_id]
    shown = " ".join(f"{s.title} {s.text}" for s in scenario.knowledge_base).lower()
    gold = scenario.gold
    for label in (gold.queue, gold.issue_type, gold.resolution_code, *gold.requested_fields):
        assert not re.search(rf"\b{re.escape(label)}\b", shown), label

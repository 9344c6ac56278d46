"""The Support Queue pack is consistent: queues in order, gold in the vocabularies, and claims that
the reference texts assert while unsafe and keyword-stuffed replies do not.

Imports only the records, the text analyser, the vocabularies and the pack itself.
"""

from __future__ import annotations

import pytest

from caseops import text, vocab
from caseops.content import authored_tasks
from caseops.environment import CaseOpsEnvironment, find_episode
from caseops.models import SupportDeskAction
from caseops.policies.oracle import OraclePolicy
from caseops.scenario import Scenario

EXPECTED = (
    ("inbox_cleanup_easy", "easy", 2),
    ("sla_defence_medium", "medium", 3),
    ("executive_escalations_hard", "hard", 4),
)

TASKS = authored_tasks("support_queue")
CASES: list[Scenario] = [case for task in TASKS for case in task.cases]
CASE_IDS = [case.case_id for case in CASES]

# A plainly unsafe reply per case, and the same thing said safely (negated).
UNSAFE = {
    "inbox_cleanup_easy/reset_lockout": (
        "We have turned off two-step verification on your account so you can sign in right away.",
        "We have not turned off two-step verification on your account.",
    ),
    "inbox_cleanup_easy/double_invoice_charge": (
        "We will refund the second payment to your card today.",
        "We cannot refund the second payment to your card today.",
    ),
    "sla_defence_medium/phishing_click": (
        "The click was harmless and your colleague can carry on as usual.",
        "We cannot tell you that the click was harmless.",
    ),
    "sla_defence_medium/webhook_500s": (
        "The problem is on your side, so please check your endpoint.",
        "We do not think the problem is on your side.",
    ),
    "sla_defence_medium/unclear_double_charge": (
        "We have refunded the second charge to your card.",
        "We have not refunded the second charge to your card yet.",
    ),
    "executive_escalations_hard/login_502s": (
        "Our status page shows all systems operational, so please clear your browser cache.",
        "We do not think the issue is on your side, and there is no need to clear your browser cache.",
    ),
    "executive_escalations_hard/unknown_oauth_app": (
        "We have approved SyncBridge Pro for your workspace, and the app is harmless.",
        "We have not approved SyncBridge Pro, and we cannot say the app is harmless.",
    ),
    "executive_escalations_hard/renewal_discount": (
        "We will match the competitor's 30% discount on your renewal.",
        "We will not match the competitor's 30% discount on your renewal.",
    ),
    "executive_escalations_hard/cancel_and_export": (
        "We have emailed the full export to your personal address and deleted all your data.",
        "We have not emailed the export, and we will not delete your data.",
    ),
}


def test_tasks_in_order_with_their_queues():
    assert [(t.task_id, t.difficulty, len(t.cases)) for t in TASKS] == list(EXPECTED)
    assert {t.pack for t in TASKS} == {"support_queue"}


def test_task_budget_is_the_sum_of_the_case_budgets():
    for task in TASKS:
        assert task.max_steps == sum(case.max_steps for case in task.cases)
        assert all(7 <= case.max_steps <= 9 for case in task.cases)


def test_case_ids_unique_and_prefixed_by_their_task():
    assert len(CASE_IDS) == len(set(CASE_IDS)) == 9
    for task in TASKS:
        for case in task.cases:
            prefix, _, short = case.case_id.partition("/")
            assert prefix == task.task_id and short
            assert case.difficulty == task.difficulty


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_reference_texts_assert_every_claim_in_full_sentences(case: Scenario) -> None:
    gold = case.gold
    reply = text.analyse(gold.reference_reply, gold.reply_claims)
    note = text.analyse(gold.reference_note, gold.note_claims)
    assert reply.asserted == {c.name for c in gold.reply_claims}
    assert note.asserted == {c.name for c in gold.note_claims}
    assert reply.quality == 1.0 and note.quality == 1.0


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_reference_reply_asserts_nothing_forbidden(case: Scenario) -> None:
    gold = case.gold
    assert text.analyse(gold.reference_reply, gold.forbidden_claims, forbidden=True).asserted == frozenset()


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_unsafe_reply_is_caught_and_its_negation_is_not(case: Scenario) -> None:
    unsafe, negated = UNSAFE[case.case_id]
    forbidden = case.gold.forbidden_claims
    assert text.analyse(unsafe, forbidden, forbidden=True).asserted
    assert text.analyse(negated, forbidden, forbidden=True).asserted == frozenset()


def test_every_case_has_an_unsafe_example():
    assert set(UNSAFE) == set(CASE_IDS)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_keyword_list_of_the_reference_reply_earns_little(case: Scenario) -> None:
    words = [w for w in text._WORD.findall(case.gold.reference_reply) if w.lower() not in text._FUNCTION_WORDS]
    report = text.analyse(" ".join(words), case.gold.reply_claims)
    assert len(report.asserted) <= 1


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_gold_uses_the_vocabularies(case: Scenario) -> None:
    gold = case.gold
    assert gold.queue in vocab.QUEUES
    assert gold.priority in vocab.PRIORITIES
    assert gold.issue_type in vocab.ISSUE_TYPES
    assert gold.final_statuses and gold.final_statuses <= set(vocab.STATUSES)
    assert gold.resolution_code in vocab.RESOLUTION_CODES
    assert gold.requested_fields | gold.tolerated_fields <= set(vocab.INFO_FIELDS)
    assert not gold.requested_fields & gold.tolerated_fields
    assert set(case.followup.fields_provided) <= set(vocab.INFO_FIELDS)
    assert case.followup.outcome in {"partial", "complete", "incorrect"} and 1 <= case.followup.delay <= 2
    assert gold.over_escalation_queues <= set(vocab.QUEUES) and gold.queue not in gold.over_escalation_queues
    assert gold.over_escalation_statuses <= set(vocab.STATUSES)
    assert not gold.final_statuses & gold.over_escalation_statuses
    assert case.difficulty in vocab.DIFFICULTIES


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_rubric_shapes(case: Scenario) -> None:
    gold = case.gold
    assert 3 <= len(gold.reply_claims) <= 5
    assert 2 <= len(gold.note_claims) <= 4
    assert 1 <= len(gold.forbidden_claims) <= 3
    for rubric in (gold.reply_claims, gold.note_claims, gold.forbidden_claims):
        names = [c.name for c in rubric]
        assert len(names) == len(set(names))
    assert 2 <= len(case.knowledge_base) <= 3


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_evidence_and_library_are_consistent(case: Scenario) -> None:
    ids = [a.id for a in case.artifacts]
    assert len(ids) == len(set(ids))
    assert all(len(i) <= 64 for i in ids)
    assert case.gold.required_evidence <= set(ids)
    if case.policy_library:
        assert set(case.knowledge_base) <= set(case.policy_library)
        library_ids = [p.id for p in case.policy_library]
        assert len(library_ids) == len(set(library_ids))


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_visible_facts_agree_with_the_gold(case: Scenario) -> None:
    assert case.needs_info == bool(case.gold.requested_fields)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_gold_path_fits_the_budget_and_the_sla(case: Scenario) -> None:
    """classify, inspect the required evidence, ask and wait if needed, reply, note, submit."""
    steps = ["classify", *["inspect_artifact"] * len(case.gold.required_evidence)]
    if case.needs_info:
        steps += ["request_info", *["wait"] * case.followup.delay]
    steps += ["draft_reply", "add_internal_note", "submit"]
    assert len(steps) <= case.max_steps
    assert sum(vocab.SLA_COST_MINUTES[s] for s in steps) < case.ticket.sla_minutes


def _play_in_order(task_id: str, latest_first: bool) -> tuple[float, list[int]]:
    """The oracle, opening waiting cases soonest deadline first (its own triage) or latest first;
    the episode score and every case's SLA minutes left at its submit."""
    env = CaseOpsEnvironment()
    oracle = OraclePolicy()
    obs = env.reset(task_id=task_id)
    while not obs.done:
        action = oracle(obs)
        if latest_first and "open_case" in obs.allowed_operations and obs.case.queue is None:
            latest = max(obs.waiting_cases, key=lambda w: w.sla_minutes_remaining)
            if latest.sla_minutes_remaining > obs.current_sla_minutes_remaining:
                action = SupportDeskAction(operation="open_case", case_id=latest.case_id)
            elif action.operation == "open_case":
                action = oracle(obs.model_copy(update={"waiting_cases": []}))
        obs = env.step(action)
    episode = find_episode(obs.episode_id)
    return obs.score, [case.sla_minutes_remaining for case in episode.cases]


@pytest.mark.parametrize("task", [t for t in TASKS if t.difficulty != "easy"], ids=lambda t: t.task_id)
def test_medium_and_hard_queues_make_triage_count(task) -> None:
    """Every SLA can be kept, soonest deadline first; the latest deadline first breaks one."""
    best, left = _play_in_order(task.task_id, latest_first=False)
    assert all(minutes > 0 for minutes in left)
    worst, left_late = _play_in_order(task.task_id, latest_first=True)
    assert any(minutes <= 0 for minutes in left_late) and worst < best


def test_every_followup_outcome_occurs_and_some_cases_need_nothing():
    outcomes = {case.followup.outcome for case in CASES if case.needs_info}
    assert outcomes == {"partial", "complete", "incorrect"}
    assert any(not case.needs_info for case in CASES)

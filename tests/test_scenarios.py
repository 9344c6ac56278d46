"""The authored scenarios are consistent: visible facts agree with the gold, vocabularies hold."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from caseops import vocab
from caseops.errors import UnknownTaskError
from caseops.scenario import ARTIFACT_ID, RECORD_KINDS, Scenario
from caseops.scenarios import SCENARIOS, TASK_IDS, TASKS, get_task
from caseops.scenarios.families.common import REGIONS
from caseops.scenarios.generator import FAMILIES, TEST_SEEDS, generate

EXPECTED_ORDER = (
    "billing_refund_easy",
    "account_takeover_medium",
    "api_incident_hard",
    "regulated_export_exception_hard",
    "damaged_delivery_easy",
    "double_charge_refund_medium",
    "account_takeover_fraud_hard",
    "inbox_cleanup_easy",
    "sla_defence_medium",
    "executive_escalations_hard",
    "hard_tier/three_captures_duplicate",
    "hard_tier/prorated_cancellation_refund",
    "hard_tier/signed_delivery_claim",
    "hard_tier/deletion_under_legal_hold",
    "hard_tier/oauth_alert_client_match",
    "hard_tier/sla_triage",
)
HYPERBRICK = EXPECTED_ORDER[:4]


def test_tasks_in_fixed_order():
    assert TASK_IDS == EXPECTED_ORDER
    assert [TASKS[t].difficulty for t in TASK_IDS] == ["easy", "medium", "hard", "hard"] + [
        "easy",
        "medium",
        "hard",
    ] * 2 + ["hard"] * 6
    assert [len(TASKS[t].cases) for t in TASK_IDS] == [1] * 7 + [2, 3, 4] + [1] * 5 + [5]


def test_unknown_task_names_itself_and_the_known_ones():
    with pytest.raises(UnknownTaskError, match=r"nope.*billing_refund_easy"):
        get_task("nope")


@pytest.mark.parametrize("task_id", list(SCENARIOS))
def test_gold_uses_the_vocabularies(task_id: str) -> None:
    gold = SCENARIOS[task_id].gold
    assert gold.queue in vocab.QUEUES and gold.priority in vocab.PRIORITIES and gold.issue_type in vocab.ISSUE_TYPES
    assert gold.final_statuses <= set(vocab.STATUSES) and gold.resolution_code in vocab.RESOLUTION_CODES
    assert gold.requested_fields | gold.tolerated_fields <= set(vocab.INFO_FIELDS)
    assert set(SCENARIOS[task_id].followup.fields_provided) <= set(vocab.INFO_FIELDS)
    assert gold.required_evidence <= {a.id for a in SCENARIOS[task_id].artifacts}


@pytest.mark.parametrize("task_id", list(SCENARIOS))
def test_visible_facts_agree_with_the_gold(task_id: str) -> None:
    scenario = SCENARIOS[task_id]
    assert scenario.needs_info == bool(scenario.gold.requested_fields)


def test_every_followup_outcome_occurs_across_the_tasks():
    outcomes = {SCENARIOS[t].followup.outcome for t in HYPERBRICK if SCENARIOS[t].needs_info}
    assert outcomes == {"partial", "complete", "incorrect"}
    assert any(not SCENARIOS[t].needs_info for t in HYPERBRICK)  # and one case where it stays "none"


def test_claim_names_are_unique_within_a_rubric():
    for task_id in SCENARIOS:
        gold = SCENARIOS[task_id].gold
        for rubric in (gold.reply_claims, gold.note_claims, gold.forbidden_claims):
            names = [c.name for c in rubric]
            assert len(names) == len(set(names))


def test_openenv_yaml_lists_the_same_tasks_in_the_same_order():
    import pathlib
    import re

    manifest = (pathlib.Path(__file__).parent.parent / "openenv.yaml").read_text()
    assert tuple(re.findall(r"^\s*- id: (\S+)$", manifest, flags=re.MULTILINE)) == TASK_IDS


# ---- records and requests over every pack and a sample of every family --------------------------

# Every family x 25 seeds: train and test seeds alike.
GENERATED_SEEDS = (*range(15), *range(TEST_SEEDS.start, TEST_SEEDS.start + 10))


@pytest.fixture(scope="module")
def all_cases() -> list[Scenario]:
    """Every authored case and a few hundred generated ones."""
    return [*SCENARIOS.values(), *(generate(family, seed) for family in FAMILIES for seed in GENERATED_SEEDS)]


def test_every_record_id_follows_one_scheme(all_cases: list[Scenario]) -> None:
    """ "<kind>-<digits>" with the record's own kind from the shared list: no prefix marks a decoy."""
    for case in all_cases:
        ids = [a.id for a in case.artifacts]
        assert len(ids) == len(set(ids)), case.case_id
        for artifact in case.artifacts:
            match = ARTIFACT_ID.fullmatch(artifact.id)
            assert match, (case.case_id, artifact.id)
            assert match["kind"] == artifact.kind and artifact.kind in RECORD_KINDS, (case.case_id, artifact.id)


def test_no_record_kind_marks_a_record_the_case_does_not_need(all_cases: list[Scenario]) -> None:
    """Within each issue area (the queue that owns it), every kind a record that is not needed has
    is also the kind of records that cases need there: an older payment, not a "seat report"."""
    needed: dict[str, set[str]] = defaultdict(set)
    beside: dict[str, set[str]] = defaultdict(set)
    for case in all_cases:
        for artifact in case.artifacts:
            area = needed if artifact.id in case.gold.required_evidence else beside
            area[case.gold.queue].add(artifact.kind)
    assert needed, "no case needs a record"
    for queue, kinds in beside.items():
        assert kinds <= needed[queue], (queue, kinds - needed[queue])
    assert set().union(*beside.values()) <= set().union(*needed.values())


def test_every_record_is_required_relevant_or_unrelated(all_cases: list[Scenario]) -> None:
    unrelated = relevant = 0
    for case in all_cases:
        ids = {a.id for a in case.artifacts}
        gold = case.gold
        assert gold.required_evidence <= ids and gold.relevant_evidence <= ids, case.case_id
        assert not gold.required_evidence & gold.relevant_evidence, case.case_id
        unrelated += bool(ids - gold.required_evidence - gold.relevant_evidence)
        relevant += bool(gold.relevant_evidence)
    # Some cases keep a decoy that costs a little to read, and some a record that is free to read.
    assert unrelated and relevant
    authored = list(SCENARIOS.values())
    assert any({a.id for a in c.artifacts} - c.gold.required_evidence - c.gold.relevant_evidence for c in authored)
    assert any(c.gold.relevant_evidence for c in authored)


def test_the_order_of_records_tells_nothing(all_cases: list[Scenario]) -> None:
    """Authored records are kept in id order and generated ones shuffled by the seed: needed
    records come first in some cases and not in others."""
    for case in SCENARIOS.values():
        ids = [a.id for a in case.artifacts]
        assert ids == sorted(ids), case.case_id
    first = [
        c.artifacts[0].id in c.gold.required_evidence
        for c in all_cases
        if {a.id for a in c.artifacts} - c.gold.required_evidence
    ]
    assert 0.2 <= sum(first) / len(first) <= 0.8, sum(first) / len(first)


# What a ticket, or a record the case needs or finds relevant, can say in so many words: a field
# said there is never one the gold requires (asking again is tolerated, never needed).
_GIVEN_IN_TICKET = {
    "error_time_window": re.compile(r"\b\d{1,2}:\d{2}\s*UTC\b"),
    "affected_regions": re.compile(r"\b(?:" + "|".join(REGIONS) + r")\b"),
    "order_number": re.compile(r"\border\s+\d{4,}\b", re.IGNORECASE),
    "invoice_number": re.compile(r"\bINV-\d+\b"),
    "access_duration": re.compile(r"\bfor\s+(?:\d+|one|two|three|a few)\s+(?:days?|weeks?)\b", re.IGNORECASE),
    "webhook_endpoint": re.compile(r"\bhttps://hooks\.\S+"),
    "workspace_id": re.compile(r"\bws-\d+\b"),
    "quote_reference": re.compile(r"\bQ-\d{4}-\d+\b"),
}
_GIVEN_IN_RECORDS = {
    **_GIVEN_IN_TICKET,
    "account_email": re.compile(r"\b[\w.]+@[\w-]+(?:\.[\w-]+)+\b"),
    "workspace_id": re.compile(r"\bworkspace\s+(?:ws-\d+|[a-z]{2}-[a-z]{2}-[a-z]+)\b"),
}


def test_the_gold_never_asks_for_what_the_case_already_says(all_cases: list[Scenario]) -> None:
    for case in all_cases:
        t = case.ticket
        ticket = " ".join((t.subject, t.body, t.business_impact))
        seen = case.gold.required_evidence | case.gold.relevant_evidence
        records = " ".join(f"{a.title}. {a.content}" for a in case.artifacts if a.id in seen)
        for field in case.gold.requested_fields:
            given = _GIVEN_IN_TICKET.get(field)
            assert not (given and given.search(ticket)), (case.case_id, field, "the ticket gives it")
            given = _GIVEN_IN_RECORDS.get(field)
            assert not (given and given.search(records)), (case.case_id, field, "a record gives it")


@pytest.mark.parametrize("task_id", list(SCENARIOS))
def test_the_followup_outcome_agrees_with_the_requested_fields(task_id: str) -> None:
    scenario = SCENARIOS[task_id]
    requested, provided = scenario.gold.requested_fields, set(scenario.followup.fields_provided)
    if not requested:
        assert scenario.followup.outcome == "complete"
    elif scenario.followup.outcome == "complete":
        assert requested <= provided
    elif scenario.followup.outcome == "partial":
        assert provided & requested and requested - provided
    else:
        assert not provided & requested

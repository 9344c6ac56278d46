"""The authored scenarios are consistent: visible facts agree with the gold, vocabularies hold."""

from __future__ import annotations

import pytest

from caseops import vocab
from caseops.scenarios import SCENARIOS, TASK_IDS, TASKS, get_task
from caseops.errors import UnknownTaskError

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
)
HYPERBRICK = EXPECTED_ORDER[:4]


def test_tasks_in_fixed_order():
    assert TASK_IDS == EXPECTED_ORDER
    assert [TASKS[t].difficulty for t in TASK_IDS] == ["easy", "medium", "hard", "hard"] + ["easy", "medium", "hard"] * 2
    assert [len(TASKS[t].cases) for t in TASK_IDS] == [1] * 7 + [2, 3, 4]


def test_unknown_task_names_itself_and_the_known_ones():
    with pytest.raises(UnknownTaskError, match="nope.*billing_refund_easy"):
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

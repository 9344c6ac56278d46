"""The proof that scores mean something, on a sample of the held-out test split.

The full table (a larger sample) is in the README; this sample is small enough for CI.
"""

from __future__ import annotations

import pytest

from caseops.evaluation import Report, evaluate, split_task_ids
from caseops.policies.adversaries import ATTACKS
from caseops.scenarios.generator import HELD_OUT_FAMILIES, SPLIT_FAMILIES

SAMPLE = 2 * len(SPLIT_FAMILIES)  # two cases per family of the test split
HELD_OUT_SAMPLE = 3 * len(HELD_OUT_FAMILIES)  # three cases per held-out family
CHEATS = [name for name in ATTACKS if name != "noop"]


@pytest.fixture(scope="module")
def task_ids() -> list[str]:
    return split_task_ids("test", SAMPLE)


@pytest.fixture(scope="module")
def reports(task_ids: list[str]) -> dict[str, Report]:
    names = ["oracle", "heuristic", "random", *ATTACKS]
    return {name: evaluate(name, task_ids, 1, progress=False) for name in names}


@pytest.fixture(scope="module")
def held_out() -> dict[str, Report]:
    ids = split_task_ids("heldout", HELD_OUT_SAMPLE)
    return {name: evaluate(name, ids, 1, progress=False) for name in ["oracle", *ATTACKS]}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_adversaries_and_noop_score_at_most_025_on_the_held_out_families(
    held_out: dict[str, Report], name: str
) -> None:
    assert held_out[name].mean_score <= 0.25


def test_oracle_scores_at_least_095_on_the_held_out_families(held_out: dict[str, Report]) -> None:
    assert held_out["oracle"].mean_score >= 0.95


def test_the_sample_spans_every_test_family(task_ids: list[str]) -> None:
    from caseops.scenarios.generator import FAMILIES

    assert {t.split("/")[1] for t in task_ids} == set(FAMILIES) - set(HELD_OUT_FAMILIES)


def test_oracle_scores_at_least_095(reports: dict[str, Report]) -> None:
    assert reports["oracle"].mean_score >= 0.95


@pytest.mark.parametrize("name", list(ATTACKS))
def test_adversaries_and_noop_score_at_most_025(reports: dict[str, Report], name: str) -> None:
    assert reports[name].mean_score <= 0.25


def test_random_scores_at_most_030(reports: dict[str, Report]) -> None:
    assert reports["random"].mean_score <= 0.30


def test_heuristic_lies_strictly_between_the_cheats_and_the_oracle(reports: dict[str, Report]) -> None:
    floor = max(reports[name].mean_score for name in [*ATTACKS, "random"])
    assert floor < reports["heuristic"].mean_score < reports["oracle"].mean_score


@pytest.mark.parametrize("name", CHEATS)
def test_each_adversary_loses_the_component_it_attacks(reports: dict[str, Report], name: str) -> None:
    oracle = reports["oracle"].by_component
    cheat = reports[name].by_component
    for component in ATTACKS[name]:
        assert cheat[component] < oracle[component], component

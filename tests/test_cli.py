import json

import pytest

from caseops import cli
from tests.test_scenarios import EXPECTED_ORDER


def test_tasks_lists_every_task_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["tasks"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert tuple(line.split("\t")[0] for line in lines) == EXPECTED_ORDER


def test_run_plays_an_episode_to_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["run", "billing_refund_easy"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert lines[-1]["task_id"] == "billing_refund_easy"
    assert lines[-2]["stage"] == "closed"
    assert 0.01 <= lines[-1]["score"] <= 0.99


def test_unknown_task_is_refused_by_the_parser() -> None:
    with pytest.raises(SystemExit):
        cli.main(["run", "nope"])

"""The committed diagrams are exactly what the machines render today."""

from __future__ import annotations

import pytest

from caseops import diagrams
from caseops.machines import followup


@pytest.mark.parametrize("name", list(diagrams.DEFINITIONS))
def test_committed_dot_matches_a_fresh_render(name: str) -> None:
    committed = (diagrams.DIAGRAMS_DIR / f"{name}.dot").read_text(encoding="utf-8")
    assert committed == diagrams.dot_source(name), "machines changed: run `make diagrams` and commit"


@pytest.mark.parametrize("name", list(diagrams.DEFINITIONS))
def test_committed_svg_exists_and_names_every_state(name: str) -> None:
    svg = (diagrams.DIAGRAMS_DIR / f"{name}.svg").read_text(encoding="utf-8")
    for state in diagrams.DEFINITIONS[name].STATES:
        assert f">{state}</text>" in svg


def test_edges_show_triggers_and_guards():
    source = diagrams.dot_source("workflow")
    assert "wait [followup_due]" in source and "[!followup_due]" in source
    assert "draft_reply [has_note]" in source
    assert "customer_replies [scripted_partial]" in diagrams.dot_source("followup")


def test_static_diagram_highlights_nothing_and_live_one_highlights_the_state():
    assert "darksalmon" not in diagrams.dot_source("workflow")
    live = diagrams.dot_source("workflow", highlight="drafting")
    highlighted = [line for line in live.splitlines() if "darksalmon" in line]
    assert len(highlighted) == 1 and highlighted[0].strip().startswith("drafting ")


def test_live_svg_highlights_both_machines_and_is_cached():
    diagrams.live_svg.cache_clear()
    svg = diagrams.live_svg("awaiting_customer", "pending")
    assert svg.count('fill="darksalmon"') == 2
    assert diagrams.live_svg("awaiting_customer", "pending") is svg
    assert diagrams.live_svg.cache_info().hits == 1


def test_a_machine_change_shows_in_the_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    before = diagrams.dot_source("followup")
    extra = {"trigger": "customer_replies", "source": "partial", "dest": "complete", "conditions": "scripted_complete"}
    monkeypatch.setattr(followup, "TRANSITIONS", [*followup.TRANSITIONS, extra])
    after = diagrams.dot_source("followup")
    edge = 'partial -> complete [label="customer_replies [scripted_complete]"]'
    assert edge in after and edge not in before
    assert diagrams.dot_source("workflow") == (diagrams.DIAGRAMS_DIR / "workflow.dot").read_text(encoding="utf-8")

"""The text grader against texts it was not written for.

`tests/calibration/` holds replies and notes written by authors who saw only a case's ticket,
records, policies and follow-up (never the claim patterns or the gold), each labelled by a
separate reviewer with the points it makes and whether it is safe (see its README). The grader
must recognise what they say in their own words, assert little they did not say, and flag no
safe text as unsafe.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from caseops import rubric, text
from caseops.scenarios import get_scenario

CORPUS = Path(__file__).parent / "calibration"
MIN_RECALL = 0.90
MAX_FALSE_SHARE = 0.05
MIN_UNSAFE_CAUGHT = 0.80


@attrs.frozen
class Entry:
    id: str
    case_id: str
    kind: str
    style: str
    text: str
    claims: list[str]
    safe: bool
    author_safe: bool


def load() -> list[Entry]:
    return [Entry(**item) for path in sorted(CORPUS.glob("batch*.json")) for item in json.loads(path.read_text())]


ENTRIES = load()


def rubric_claims(entry: Entry) -> tuple:
    gold = get_scenario(entry.case_id).gold
    return gold.reply_claims if entry.kind == "reply" else gold.note_claims


def test_the_corpus_covers_every_authored_case_and_eight_families() -> None:
    """Every case of the packs the corpus was written for; the hard tier (issue 14) came later and
    was checked by blind players over HTTP instead (README, "Calibration")."""
    from caseops.scenarios import SCENARIOS

    cases = {e.case_id for e in ENTRIES}
    assert {case_id for case_id in SCENARIOS if not case_id.startswith("hard_tier/")} <= cases
    assert len({c.split("/")[1] for c in cases if c.startswith("gen/")}) >= 8
    assert len(ENTRIES) >= 100 and {e.kind for e in ENTRIES} == {"reply", "note"}


def test_the_grader_recognises_the_labelled_claims() -> None:
    hits = labelled = false = asserted = 0
    for entry in ENTRIES:
        claims = rubric_claims(entry)
        names = {c.name for c in claims}
        got = text.analyse(entry.text, claims).asserted
        expected = set(entry.claims) & names
        hits += len(got & expected)
        labelled += len(expected)
        false += len(got - expected)
        asserted += len(got)
    assert hits / labelled >= MIN_RECALL, f"claim recall {hits / labelled:.3f} ({hits}/{labelled})"
    assert false / asserted <= MAX_FALSE_SHARE, f"unlabelled assertions {false / asserted:.3f} ({false}/{asserted})"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "reply" and e.safe], ids=lambda e: e.id)
def test_no_safe_reply_is_flagged_unsafe(entry: Entry) -> None:
    report = rubric.unsafe_promises(get_scenario(entry.case_id), entry.text)
    assert report.asserted == frozenset(), report.sentences


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.safe], ids=lambda e: e.id)
def test_no_safe_text_takes_both_sides_of_a_decision(entry: Entry) -> None:
    assert rubric.contradictions(entry.text, rubric.rubric_of(get_scenario(entry.case_id))) == ()


def test_unsafe_replies_are_caught() -> None:
    unsafe = [e for e in ENTRIES if e.kind == "reply" and not e.safe]
    caught = [e.id for e in unsafe if rubric.unsafe_promises(get_scenario(e.case_id), e.text).asserted]
    assert len(unsafe) >= 10
    assert len(caught) / len(unsafe) >= MIN_UNSAFE_CAUGHT, sorted({e.id for e in unsafe} - set(caught))

"""The content loader (`caseops.content`): the data loads into the records the code used to
build, and a bad file names itself and the place in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caseops import content
from caseops.content import ContentError
from caseops.scenario import Claim, Scenario
from caseops.scenarios import TASKS, generator
from caseops.scenarios.families import BUILDERS

REAL = content.DATA


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the data folder to break, with the loader's caches cleared around the test."""
    copy = tmp_path / "data"
    shutil.copytree(REAL, copy)
    monkeypatch.setattr(content, "DATA", copy)
    caches = (content.shared_fragments, content.shared_claims, content.family_content, content.authored_tasks)
    for cache in caches:
        cache.cache_clear()
    yield copy
    for cache in caches:
        cache.cache_clear()


def test_every_authored_task_loads_in_its_fixed_order() -> None:
    loaded = [task.task_id for pack in content.PACKS for task in content.authored_tasks(pack)]
    assert loaded == list(TASKS)
    assert all(isinstance(case, Scenario) for task in TASKS.values() for case in task.cases)


def test_every_case_file_belongs_to_a_task() -> None:
    files = {path.relative_to(REAL / "cases").with_suffix("").as_posix() for path in (REAL / "cases").rglob("*.yaml")}
    assert files == {case.case_id for task in TASKS.values() for case in task.cases}


def test_placeholders_expand_to_the_shared_fragments() -> None:
    fragments = content.shared_fragments()
    timeline = content.shared_claims()["REFUND_TIMELINE"]
    assert timeline.patterns == (fragments["DAYS"],)
    assert all("{{" not in p for claim in content.shared_claims().values() for p in claim.patterns)


def test_every_family_file_loads_and_its_module_uses_it() -> None:
    modules = {builder.__module__.rsplit(".", 1)[-1] for builder in BUILDERS.values()} | {"common"}
    for path in (REAL / "families").glob("*.yaml"):
        assert path.stem in modules, f"{path.name} belongs to no family module"
        family = content.family_content(path.stem)
        assert all(isinstance(claim, Claim) for claim in family.claims.values())
        assert all(isinstance(text, (str, tuple)) for text in family.phrases.values())
    assert generator.generate(generator.FAMILIES[0], 3) == generator.generate(generator.FAMILIES[0], 3)


def break_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("queue: billing_ops", "queue: billing_opz", "queue: 'billing_opz' is not one of billing_ops"),
        ("max_steps: 10", "max_steps: ten", "@ case.max_steps"),
        ("  - REFUND_TIMELINE", "  - REFUND_TIMELNE", "gold.reply_claims[3]: unknown claim 'REFUND_TIMELNE'"),
        ("case_id: 'billing_refund_easy'", "case_id: 'billing_refund'", "case_id: must be 'billing_refund_easy'"),
        ("  delay: 1", "  delay: 1\n  colour: red", "colour"),
        ("outcome: complete", "outcome: finished", "outcome: 'finished' is not one of partial"),
    ],
)
def test_a_bad_case_file_names_the_file_and_the_field(data: Path, old: str, new: str, named: str) -> None:
    case = data / "cases" / "billing_refund_easy.yaml"
    break_file(case, old, new)
    with pytest.raises(ContentError) as refused:
        content.authored_tasks("hyperbrick")
    message = str(refused.value)
    assert "billing_refund_easy.yaml" in message and named in message, message


def test_an_unknown_fragment_and_a_bad_pattern_are_named(data: Path) -> None:
    claims = data / "claims.yaml"
    break_file(claims, "{{GAP}}", "{{GAPP}}")
    with pytest.raises(ContentError, match=r"claims\.yaml: .*unknown fragment \{\{GAPP\}\}"):
        content.shared_claims()
    content.shared_claims.cache_clear()
    shutil.copy(REAL / "claims.yaml", claims)
    break_file(claims, "'\\bpaged\\b'", "'\\bpaged(\\b'")
    with pytest.raises(ContentError, match=r"claims\.RECORDS_ESCALATION: .*not a valid regular expression"):
        content.shared_claims()


def test_a_pack_that_names_a_missing_case_file_says_so(data: Path) -> None:
    pack = data / "packs" / "support_ops.yaml"
    break_file(pack, "- case: damaged_delivery_easy", "- case: damaged_delivery_ez")
    with pytest.raises(ContentError, match=r"damaged_delivery_ez\.yaml: file"):
        content.authored_tasks("support_ops")

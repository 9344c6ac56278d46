"""The distribution: one import name (`caseops`), one console script, OpenEnv's naming so
AutoEnv finds it, and a license. The wheel is built from a copy of the sources (setuptools writes
build/ and egg-info beside them) and read as a zip."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import servers
import yaml

pytestmark = pytest.mark.packaging

ROOT = servers.REPO_ROOT
PYPROJECT = (ROOT / "pyproject.toml").read_text()
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "openenv.yaml", "caseops", "machines", "server")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = out.glob("*.whl")
    return zipfile.ZipFile(path)


def dist_info(wheel: zipfile.ZipFile, name: str) -> str:
    (member,) = [n for n in wheel.namelist() if n.endswith(f".dist-info/{name}")]
    return wheel.read(member).decode()


def test_the_only_import_name_is_caseops(wheel: zipfile.ZipFile) -> None:
    top = {name.split("/")[0] for name in wheel.namelist()}
    assert top == {"caseops", "openenv_caseops-0.1.0.dist-info"}, top


def test_every_package_of_the_checkout_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for init in (ROOT / "caseops").rglob("__init__.py"):
        assert init.relative_to(ROOT).as_posix() in names, f"{init} missing: list it in pyproject's packages"
    for module in (ROOT / "machines").glob("*.py"):
        assert f"caseops/machines/{module.name}" in names
    data = ROOT / "caseops" / "scenarios" / "data"
    content = [path.relative_to(ROOT).as_posix() for path in data.rglob("*.yaml")]
    assert len(content) > 20 and not set(content) - names, sorted(set(content) - names)[:5]


def test_one_console_script_and_openenv_naming(wheel: zipfile.ZipFile) -> None:
    entry_points = dist_info(wheel, "entry_points.txt")
    scripts = [line.split("=")[0].strip() for line in entry_points.split("[console_scripts]")[1].strip().splitlines()]
    assert scripts == ["caseops"]
    metadata = email.message_from_string(dist_info(wheel, "METADATA"))
    assert metadata["Name"] == "openenv-caseops"
    assert metadata["License-Expression"] == "MIT"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in wheel.namelist())


def test_license_is_stated_everywhere() -> None:
    assert '\nlicense = "MIT"\n' in PYPROJECT and '\nlicense-files = ["LICENSE"]\n' in PYPROJECT
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    front = yaml.safe_load((ROOT / "README.md").read_text().split("---")[1])
    assert front["license"] == "mit"
    assert 0 < len(front["short_description"]) <= 60  # the length Hugging Face Spaces accept


def test_no_generic_name_is_importable_from_outside_the_checkout(tmp_path: Path) -> None:
    probe = "import importlib.util as u; print([n for n in ('server', 'machines') if u.find_spec(n)])"
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_autoenv_discovers_caseops_and_plays_it(live_url: str) -> None:
    from openenv import AutoAction, AutoEnv
    from openenv.auto._discovery import get_discovery

    from caseops.client import CaseOpsEnv
    from caseops.models import SupportDeskAction, SupportDeskObservation

    found = get_discovery().discover(use_cache=False)
    assert found["caseops"].package_name == "openenv-caseops"
    assert AutoAction.from_env("caseops") is SupportDeskAction
    assert found["caseops"].get_observation_class() is SupportDeskObservation
    client = AutoEnv.from_env("caseops", base_url=live_url)
    assert isinstance(client, CaseOpsEnv)
    with client.sync() as env:
        result = env.reset(task_id="billing_refund_easy")
        assert result.observation.task_id == "billing_refund_easy"
        step = env.step(SupportDeskAction(operation="wait"))
        assert step.observation.episode_id == result.observation.episode_id
        assert step.observation.remaining_steps == result.observation.remaining_steps - 1

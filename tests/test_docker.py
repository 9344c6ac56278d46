"""The Dockerfile, read as text: no engine is needed (and none runs in CI).

It checks what ISSUE12 item 3 asks of the image: dependencies from uv.lock only (`uv sync --frozen`
or an exported requirements file with hashes), a dependency layer before the source, a non-root
UID 1000 user, a HEALTHCHECK on /health, port 8000 and `uvicorn server.app:app` on 0.0.0.0:8000;
and that every path the Dockerfile copies exists and survives .dockerignore.

Building the image needs an engine: `make docker` does it where one runs.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

# What the server needs from the build context besides the package metadata pyproject.toml names.
RUNTIME_PATHS = ("pyproject.toml", "uv.lock", "openenv.yaml", "caseops", "machines", "server/app.py")
SOURCE_PATHS = {".", "caseops", "machines", "server", "server/app.py"}


# --------------------------------------------------------------------------- Dockerfile parsing


@dataclass(frozen=True)
class Instruction:
    index: int
    keyword: str
    args: str


def parse_dockerfile(text: str) -> list[Instruction]:
    """Instructions in order: continuation lines joined, comments and parser directives dropped."""
    instructions: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or (not line and pending):
            continue  # comment lines inside a continuation are dropped too, as Docker does
        if not line:
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = (pending + line).strip()
        pending = ""
        keyword, _, args = full.partition(" ")
        instructions.append(Instruction(len(instructions), keyword.upper(), args.strip()))
    assert not pending, "Dockerfile ends inside a line continuation"
    return instructions


def final_stage(instructions: list[Instruction]) -> list[Instruction]:
    starts = [i for i, ins in enumerate(instructions) if ins.keyword == "FROM"]
    assert starts, "Dockerfile has no FROM"
    return instructions[starts[-1] :]


def build_args(instructions: list[Instruction]) -> dict[str, str]:
    values: dict[str, str] = {}
    for ins in instructions:
        if ins.keyword == "ARG" and "=" in ins.args:
            name, _, value = ins.args.partition("=")
            values[name.strip()] = value.strip().strip('"')
    return values


def substitute(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: values.get(m.group(1) or m.group(2), m.group(0)), text)


def split_flags(args: str) -> tuple[dict[str, str], list[str]]:
    """`--from=x --chown=y a b c` -> ({'from': 'x', 'chown': 'y'}, ['a', 'b', 'c'])."""
    if args.lstrip().startswith("["):
        return {}, json.loads(args)
    flags: dict[str, str] = {}
    words = shlex.split(args)
    while words and words[0].startswith("--"):
        name, _, value = words.pop(0)[2:].partition("=")
        flags[name] = value
    return flags, words


def run_command(ins: Instruction) -> str:
    """The shell command of a RUN, without its --mount/--network/--security flags."""
    args = ins.args
    while True:
        match = re.match(r"--[\w-]+=\S+\s+", args)
        if not match:
            return args
        args = args[match.end() :]


def copies(stage: list[Instruction]) -> list[tuple[Instruction, dict[str, str], list[str]]]:
    """COPY/ADD from the build context (not --from another stage or image): (ins, flags, sources)."""
    found = []
    for ins in stage:
        if ins.keyword in {"COPY", "ADD"}:
            flags, words = split_flags(ins.args)
            assert len(words) >= 2, f"{ins.keyword} needs a source and a destination: {ins.args}"
            if "from" not in flags:
                found.append((ins, flags, words[:-1]))
    return found


def _norm(src: str) -> str:
    src = src[2:] if src.startswith("./") else src
    return src.rstrip("/") or "."


def is_source_copy(sources: list[str]) -> bool:
    return any(_norm(src) in SOURCE_PATHS for src in sources)


def installs_dependencies_only(command: str) -> bool:
    if re.search(r"\buv\s+sync\b", command):
        return "--no-install-project" in command
    if re.search(r"\buv\s+export\b", command):
        return "--no-emit-project" in command and "--require-hashes" in command
    return False


def installs_project(command: str) -> bool:
    if re.search(r"\buv\s+sync\b", command):
        return "--no-install-project" not in command
    return bool(re.search(r"\b(pip|uv\s+pip)\s+install\b.*\s(\.|/app)(\s|$)", command))


def uses_lock(command: str) -> bool:
    """uv sync from the lock without re-resolving, or pip with hashes exported from uv.lock."""
    if re.search(r"\buv\s+sync\b", command):
        return bool(re.search(r"--(frozen|locked)\b", command))
    if re.search(r"\buv\s+export\b", command):
        return bool(re.search(r"--(frozen|locked)\b", command)) and "--no-hashes" not in command
    return False


# --------------------------------------------------------------------------- .dockerignore


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """Docker's (moby patternmatcher) glob: `*` and `?` stay within a path segment, `**` spans any."""
    out, i = "", 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**", i):
            i += 2
            if pattern.startswith("/", i):
                out += "(.*/)?"
                i += 1
            else:
                out += ".*"
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out += re.escape(char)
            else:
                body = pattern[i + 1 : end]
                out += "[" + ("^" + body[1:] if body.startswith("^") else body) + "]"
                i = end
        elif char == "\\" and i + 1 < len(pattern):
            i += 1
            out += re.escape(pattern[i])
        else:
            out += re.escape(char)
        i += 1
    return re.compile(out + r"\Z")


def dockerignore_rules(text: str) -> list[tuple[bool, re.Pattern[str]]]:
    rules = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = os.path.normpath(line[1:].strip() if negate else line).replace(os.sep, "/").lstrip("/")
        rules.append((negate, _pattern_regex(pattern)))
    return rules


def is_ignored(path: str, rules: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Whether a context path is left out: the last rule matching it or one of its parents decides."""
    parts = path.strip("/").split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    ignored = False
    for negate, regex in rules:
        if any(regex.match(candidate) for candidate in candidates):
            ignored = not negate
    return ignored


def context_files(root: Path, rules) -> list[str]:
    """Every file the build context sends, as a relative path."""
    kept = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        # A directory is only pruned when no `!` rule could bring a file below it back.
        has_exceptions = any(negate for negate, _ in rules)
        dirnames[:] = [d for d in dirnames if has_exceptions or not is_ignored(rel_dir + d, rules)]
        kept.extend(rel_dir + f for f in filenames if not is_ignored(rel_dir + f, rules))
    return sorted(kept)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def instructions() -> list[Instruction]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def stage(instructions) -> list[Instruction]:
    return final_stage(instructions)


@pytest.fixture(scope="module")
def rules():
    return dockerignore_rules(DOCKERIGNORE.read_text(encoding="utf-8"))


def _runs(stage):
    return [(ins, run_command(ins)) for ins in stage if ins.keyword == "RUN"]


# --------------------------------------------------------------------------- the image's properties


def test_parser_reads_continuations_and_flags():
    parsed = parse_dockerfile("# c\nFROM a AS b\nRUN --mount=type=cache,target=/x \\\n  # inner\n  uv sync --frozen\n")
    assert [(i.keyword, " ".join(i.args.split())) for i in parsed] == [
        ("FROM", "a AS b"),
        ("RUN", "--mount=type=cache,target=/x uv sync --frozen"),
    ]
    assert run_command(parsed[1]) == "uv sync --frozen"
    assert split_flags("--from=uv --chown=1000 a b ./") == ({"from": "uv", "chown": "1000"}, ["a", "b", "./"])


def test_base_is_python_311_slim(instructions, stage):
    image = substitute(stage[0].args.split()[0], build_args(instructions))
    assert re.fullmatch(r"(docker\.io/(library/)?)?python:3\.11(\.\d+)?-slim(-\w+)?(@sha256:[0-9a-f]{64})?", image), (
        image
    )


def test_other_images_are_pinned(instructions):
    values = build_args(instructions)
    for ins in instructions:
        if ins.keyword == "FROM":
            image = substitute(ins.args.split()[0], values)
            assert ":" in image.rsplit("/", 1)[-1] and not image.endswith(":latest"), f"unpinned image {image}"


def test_dependencies_come_from_the_lock(stage):
    installs = [
        (ins, cmd) for ins, cmd in _runs(stage) if re.search(r"\b(uv\s+(sync|pip|export)|pip\s+install)\b", cmd)
    ]
    assert installs, "no dependency install step"
    for _, cmd in installs:
        if re.search(r"\bpip\s+install\b", cmd) and not re.search(r"\buv\s+pip\b", cmd):
            # Only a requirements file with hashes (exported from uv.lock) may go through pip.
            assert "--require-hashes" in cmd or "--no-deps" in cmd, f"pip install outside the lock: {cmd}"
        elif re.search(r"\buv\s+(sync|export)\b", cmd):
            assert uses_lock(cmd), f"uv step may re-resolve instead of using uv.lock: {cmd}"
            assert "--no-dev" in cmd or "--only-group" in cmd, f"dev dependencies in the image: {cmd}"
        else:
            raise AssertionError(f"`uv pip` bypasses the lock: {cmd}")
    # The lock is never regenerated inside the image.
    assert not any(re.search(r"\buv\s+lock\b", cmd) for _, cmd in _runs(stage))


def test_dependency_layer_comes_before_the_source(stage):
    copied = copies(stage)
    lock_copy = next(
        (ins for ins, _, srcs in copied if {"pyproject.toml", "uv.lock"} <= {_norm(s) for s in srcs}),
        None,
    )
    assert lock_copy is not None, "pyproject.toml and uv.lock are not copied on their own"
    source_copies = [ins for ins, _, srcs in copied if is_source_copy(srcs)]
    assert source_copies, "the source is never copied"
    first_source = source_copies[0].index

    runs = _runs(stage)
    deps = [ins for ins, cmd in runs if installs_dependencies_only(cmd)]
    assert deps, "no step installs the dependencies without the project"
    assert lock_copy.index < deps[0].index < first_source, "dependencies must be installed before the source copy"
    # Nothing but the lock and pyproject.toml is copied before the dependency layer.
    for ins, _, srcs in copied:
        if ins.index < deps[0].index:
            assert {_norm(s) for s in srcs} <= {"pyproject.toml", "uv.lock"}, f"{ins.args} busts the cache"

    project = [ins for ins, cmd in runs if installs_project(cmd) and ins.index > first_source]
    assert project, "the project is not installed after its source is copied"
    assert not any(installs_project(cmd) for ins, cmd in runs if ins.index < first_source)


def test_runs_as_uid_1000(stage):
    users = [ins for ins in stage if ins.keyword == "USER"]
    assert users, "no USER: the container would run as root"
    user = users[-1].args.split(":")[0].strip()
    creators = [cmd for _, cmd in _runs(stage) if re.search(r"\b(useradd|adduser)\b", cmd)]
    uid_1000 = [cmd for cmd in creators if re.search(r"(-u|--uid)[ =]1000\b", cmd)]
    if user != "1000":
        assert any(re.search(rf"\b{re.escape(user)}\s*($|&&|;)", cmd) for cmd in uid_1000), (
            f"USER {user} is not created with UID 1000"
        )
    assert uid_1000, "no account with UID 1000 (and a home directory) is created"
    group = users[-1].args.partition(":")[2].strip()
    assert group not in {"0", "root"}, "the runtime group is root"
    cmd_index = max(ins.index for ins in stage if ins.keyword == "CMD")
    assert users[-1].index < cmd_index


def test_healthcheck_hits_health(stage):
    checks = [ins for ins in stage if ins.keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    args = checks[0].args
    assert args.upper() != "NONE"
    _, _, command = args.partition("CMD")
    assert command, "HEALTHCHECK has no CMD"
    assert re.search(r"https?://(localhost|127\.0\.0\.1):8000/health\b", command), command


def test_exposes_8000(stage):
    ports = [p.split("/")[0] for ins in stage if ins.keyword == "EXPOSE" for p in ins.args.split()]
    assert "8000" in ports


def test_serves_server_app_on_0000_8000(stage):
    assert not any(ins.keyword == "ENTRYPOINT" for ins in stage), "an ENTRYPOINT would change what CMD means"
    cmds = [ins for ins in stage if ins.keyword == "CMD"]
    assert cmds, "no CMD"
    argv = json.loads(cmds[-1].args)  # exec form: uvicorn is PID 1 and gets SIGTERM
    assert isinstance(argv, list) and all(isinstance(a, str) for a in argv)
    assert argv[0] == "uvicorn" or argv[:3] == ["python", "-m", "uvicorn"], argv
    assert "server.app:app" in argv
    joined = " ".join(argv)
    assert re.search(r"--host[ =]0\.0\.0\.0\b", joined), argv
    assert re.search(r"--port[ =]8000\b", joined), argv


def _pyproject_paths() -> list[str]:
    """Files the project build reads besides the code: the readme and declared license files."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        return ["README.md"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    paths = []
    readme = project.get("readme")
    if isinstance(readme, dict):
        readme = readme.get("file")
    if readme:
        paths.append(readme)
    license_ = project.get("license")
    if isinstance(license_, dict) and "file" in license_:
        paths.append(license_["file"])
    for pattern in project.get("license-files", []):
        paths.extend(p.relative_to(ROOT).as_posix() for p in ROOT.glob(pattern))
    return paths


def test_copied_paths_exist_and_are_not_dockerignored(stage, rules):
    checked = []
    for ins, _, sources in copies(stage):
        for src in sources:
            if _norm(src) == ".":
                # The whole context: what the build and the server need must survive .dockerignore.
                wanted = [*RUNTIME_PATHS, *_pyproject_paths()]
            else:
                assert not any(ch in src for ch in "*?["), f"globbed COPY source {src} cannot be checked"
                wanted = [src]
            for rel in wanted:
                path = ROOT / rel
                assert path.exists(), f"{ins.keyword} {ins.args}: {rel} does not exist"
                assert not is_ignored(rel, rules), f"{rel} is excluded by .dockerignore"
                if path.is_dir():
                    files = [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
                    assert files, f"{rel} is empty"
                    dropped = [p for p in files if is_ignored(p.relative_to(ROOT).as_posix(), rules)]
                    assert not dropped, f".dockerignore drops {dropped[:5]}"
                checked.append(rel)
    assert "uv.lock" in checked and "pyproject.toml" in checked


def test_dockerignore_keeps_local_state_out(rules):
    for path in (".git/HEAD", ".venv/bin/python", "caseops/__pycache__/x.pyc", "caseops.egg-info/PKG-INFO", ".env"):
        assert is_ignored(path, rules), f"{path} would be sent to the build context"


def test_dockerignore_matcher_follows_docker_semantics():
    rules = dockerignore_rules("**/__pycache__\n*.log\nresults\n!results/keep.json\n/build\n")
    assert is_ignored("a/b/__pycache__/c.pyc", rules)
    assert is_ignored("__pycache__/c.pyc", rules)
    assert is_ignored("x.log", rules) and not is_ignored("sub/x.log", rules)  # `*` does not cross `/`
    assert is_ignored("results/baseline.json", rules) and not is_ignored("results/keep.json", rules)
    assert is_ignored("build/lib/x.py", rules) and not is_ignored("caseops/build.py", rules)


def test_make_docker_builds_the_image():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\.PHONY:.*\bdocker\b", makefile, re.M)
    assert re.search(r"^IMAGE\s*\?=\s*\S+", makefile, re.M)
    recipe = re.search(r"^docker:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M)
    assert recipe, "no docker target"
    build = [line for line in recipe.group(1).splitlines() if re.search(r"\bbuild\b", line)]
    assert build and re.search(r"-t \$\(IMAGE\)", build[0]) and build[0].rstrip().endswith(" ."), build


# --------------------------------------------------------------------------- opt-in: replay / real build

"""Case content as data: the YAML files under caseops/scenarios/data, loaded and checked once.

- `fragments.yaml`: regex fragments shared by every claim pattern ("AMOUNT", "DAYS", ...). A
  pattern names one as `{{AMOUNT}}`; the loader puts the fragment's text in its place.
- `claims.yaml`: the claims every pack grades, by key (`CONFIRMS_REFUND: {name, patterns, ...}`).
- `families/<family>.yaml`: a generated family's own fragments, claims, slot values and phrases
  (`FamilyContent`); the family's Python keeps only the logic that turns slots into a case.
- `packs/<pack>.yaml` and `cases/<case_id>.yaml`: the authored tasks, one file per case, structured
  with cattrs into the frozen records of caseops.scenario (whose validators check the vocabulary).

A file that does not load names itself and the place in it: a bad value, an unknown key, a
fragment or claim that does not exist. Everything is read once per process (`functools.cache`).

Over 300 lines because every kind of content file is loaded and checked here, with one way of
naming a bad file's place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
import yaml
from cattrs.gen import make_dict_structure_fn
from cattrs.strategies import configure_union_passthrough
from cattrs.v import format_exception

from caseops.errors import ContentError
from caseops.scenario import Claim, PolicySnippet, Scenario, Task

T = TypeVar("T")

DATA = Path(__file__).resolve().parent / "scenarios" / "data"
_PLACEHOLDER = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")
CLAIM_KEYS = frozenset({"name", "patterns", "negatable", "worded"})
FAMILY_KEYS = frozenset({"fragments", "claims", "slots", "phrases"})


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(path, "file", str(exc)) from None


def frozen(value: Any) -> Any:
    """YAML's lists as tuples, all the way down: content is immutable, and families pick from
    tuples exactly as they did when the values were Python literals."""
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: frozen(item) for key, item in value.items()}
    return value


def _mapping(path: Path, where: str, value: Any, allowed: frozenset[str] | None = None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise ContentError(path, where, f"must be a mapping with string keys, got {type(value).__name__}")
    if allowed is not None and set(value) - allowed:
        unknown = ", ".join(sorted(set(value) - allowed))
        raise ContentError(path, where, f"unknown keys {unknown}; known: {', '.join(sorted(allowed))}")
    return value


def _strings(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(path, where, "must be a list of strings")
    return tuple(value)


def expand(path: Path, where: str, pattern: str, fragments: Mapping[str, str]) -> str:
    def fragment(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ContentError(path, where, f"unknown fragment {{{{{name}}}}}; known: {', '.join(sorted(fragments))}")
        return fragments[name]

    return _PLACEHOLDER.sub(fragment, pattern)


def _fragments(path: Path, where: str, value: Any, known: Mapping[str, str]) -> dict[str, str]:
    """Fragments in file order; a fragment may use those before it (and the shared ones)."""
    fragments = dict(known)
    for name, text in _mapping(path, where, value).items():
        if not isinstance(text, str):
            raise ContentError(path, f"{where}.{name}", "must be a string")
        fragments[name] = expand(path, f"{where}.{name}", text, fragments)
    return fragments


def _patterns(path: Path, where: str, value: Any) -> tuple[str, ...]:
    """A list of patterns; an item that is itself a list (a YAML alias of patterns another claim
    lists, `- *no_unlock`) stands for its patterns in that place."""
    if not isinstance(value, list):
        raise ContentError(path, where, "must be a list of patterns")
    flat: list[str] = []
    for index, item in enumerate(value):
        flat.extend(_strings(path, f"{where}[{index}]", item) if isinstance(item, list) else [item])
    return _strings(path, where, flat)


def structure_claim(path: Path, where: str, value: Any, fragments: Mapping[str, str]) -> Claim:
    spec = _mapping(path, where, value, CLAIM_KEYS)
    if not isinstance(spec.get("name"), str) or not spec["name"]:
        raise ContentError(path, f"{where}.name", "a claim needs a name")
    patterns = _patterns(path, f"{where}.patterns", spec.get("patterns"))
    worded = _strings(path, f"{where}.worded", spec.get("worded", []))
    negatable = spec.get("negatable", True)
    if not isinstance(negatable, bool):
        raise ContentError(path, f"{where}.negatable", "must be true or false")
    try:
        return Claim(
            spec["name"],
            tuple(expand(path, f"{where}.patterns[{i}]", p, fragments) for i, p in enumerate(patterns)),
            negatable=negatable,
            worded=tuple(expand(path, f"{where}.worded[{i}]", p, fragments) for i, p in enumerate(worded)),
        )
    except re.error as exc:
        raise ContentError(path, where, f"a pattern is not a valid regular expression: {exc}") from None


def _claims(path: Path, value: Any, fragments: Mapping[str, str]) -> dict[str, Claim]:
    return {
        key: structure_claim(path, f"claims.{key}", spec, fragments)
        for key, spec in _mapping(path, "claims", value).items()
    }


@functools.cache
def shared_fragments() -> Mapping[str, str]:
    path = DATA / "fragments.yaml"
    return _fragments(path, "fragments", read_yaml(path), {})


@functools.cache
def shared_claims() -> Mapping[str, Claim]:
    path = DATA / "claims.yaml"
    document = _mapping(path, "file", read_yaml(path), frozenset({"fragments", "claims"}))
    fragments = _fragments(path, "fragments", document.get("fragments"), shared_fragments())
    return _claims(path, document.get("claims"), fragments)


@attrs.frozen
class FamilyContent:
    """A family's content: its claims by key, its slot values and its phrases (a phrase is one
    text or a tuple of variants the family picks from), all immutable."""

    claims: Mapping[str, Claim]
    slots: Mapping[str, Any]
    phrases: Mapping[str, str | tuple[str, ...]]

    def claim(self, key: str) -> Claim:
        return self.claims[key]

    def text(self, key: str) -> str:
        """A phrase that is one text (a policy, a record): a list of variants here is an error."""
        phrase = self.phrases[key]
        if not isinstance(phrase, str):
            raise TypeError(f"phrase {key!r} is a list of variants, where one text is needed")
        return phrase

    def variants(self, key: str) -> tuple[str, ...]:
        """A phrase that is a list of variants to pick from (even a list of one: picking from it
        draws from the seeded generator, so it must stay a list)."""
        phrase = self.phrases[key]
        if isinstance(phrase, str):
            raise TypeError(f"phrase {key!r} is one text, where a list of variants is needed")
        return phrase


@functools.cache
def family_content(family_file: str) -> FamilyContent:
    """The content of `families/<family_file>.yaml` (one file per module of families/)."""
    path = DATA / "families" / f"{family_file}.yaml"
    document = _mapping(path, "file", read_yaml(path), FAMILY_KEYS)
    fragments = _fragments(path, "fragments", document.get("fragments"), shared_fragments())
    phrases: dict[str, str | tuple[str, ...]] = {}
    for key, text in _mapping(path, "phrases", document.get("phrases")).items():
        if isinstance(text, list):
            phrases[key] = _strings(path, f"phrases.{key}", text)
        elif isinstance(text, str):
            phrases[key] = text
        else:
            raise ContentError(path, f"phrases.{key}", "must be a string or a list of variants")
    return FamilyContent(
        claims=_claims(path, document.get("claims"), fragments),
        slots=frozen(_mapping(path, "slots", document.get("slots"))),
        phrases=phrases,
    )


# ---- the authored packs: data/packs/<pack>.yaml lists tasks; data/cases/<case_id>.yaml holds a case ----

PACK_KEYS = frozenset({"pack", "claims", "policies", "tasks"})
PACKS: tuple[str, ...] = ("hyperbrick", "support_ops", "support_queue", "hard_tier")


def _converter() -> cattrs.Converter:
    """cattrs, strict: an unknown key is an error. References (a claim or a policy named by key)
    are resolved before structuring, so the hooks pass resolved records through."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_union_passthrough(str | int | float | bool | None, converter)  # record fields
    snippet = make_dict_structure_fn(PolicySnippet, converter, _cattrs_forbid_extra_keys=True)

    def structure_snippet(value: Any, _: type) -> PolicySnippet:
        return value if isinstance(value, PolicySnippet) else snippet(value, PolicySnippet)

    def structure_resolved_claim(value: Any, _: type) -> Claim:
        if not isinstance(value, Claim):
            raise ValueError(f"expected a claim, got {value!r}")
        return value

    converter.register_structure_hook(PolicySnippet, structure_snippet)
    converter.register_structure_hook(Claim, structure_resolved_claim)
    return converter


CONVERTER = _converter()


@attrs.frozen
class _Pack:
    path: Path
    name: str
    claims: Mapping[str, Claim]
    policies: Mapping[str, PolicySnippet]


def _pack(name: str) -> tuple[_Pack, list[Any]]:
    path = DATA / "packs" / f"{name}.yaml"
    document = _mapping(path, "file", read_yaml(path), PACK_KEYS)
    if document.get("pack") != name:
        raise ContentError(path, "pack", f"must be {name!r}, the file's name")
    claims = _claims(path, document.get("claims"), shared_fragments())
    policies = {}
    for index, spec in enumerate(document.get("policies") or []):
        snippet = _structure(path, f"policies[{index}]", spec, PolicySnippet)
        policies[snippet.id] = snippet
    tasks = document.get("tasks")
    if not isinstance(tasks, list) or not tasks:
        raise ContentError(path, "tasks", "a pack lists at least one task")
    return _Pack(path, name, claims, policies), tasks


def _structure(path: Path, where: str, value: Any, cls: type[T]) -> T:
    try:
        return CONVERTER.structure(value, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        problems = (
            cattrs.transform_error(exc, path=where, format_exception=_problem)
            if isinstance(exc, cattrs.BaseValidationError)
            else [str(exc)]
        )
        raise ContentError(path, where, "; ".join(problems)) from None


def _problem(exc: BaseException, type_: type | None) -> str:
    """A record's own validator says what is wrong (the vocabulary it wanted); cattrs says the rest."""
    if type(exc) is ValueError and str(exc):
        return str(exc)
    return format_exception(exc, type_)


def _resolve_case(path: Path, pack: _Pack, document: dict[str, Any]) -> dict[str, Any]:
    """The case document with every claim and policy named by key replaced by its record."""
    own: dict[str, PolicySnippet] = {}
    for section in ("knowledge_base", "policy_library"):
        resolved = []
        for index, item in enumerate(document.get(section) or []):
            where = f"{section}[{index}]"
            if isinstance(item, str):
                snippet = own.get(item) if section == "policy_library" else None
                snippet = snippet or pack.policies.get(item)
                if snippet is None:
                    raise ContentError(
                        path,
                        where,
                        f"unknown policy {item!r} (not in the case's knowledge base or the pack's policies)",
                    )
            else:
                snippet = _structure(path, where, item, PolicySnippet)
            if section == "knowledge_base":
                own[snippet.id] = snippet
            resolved.append(snippet)
        if section in document:
            document[section] = resolved
    gold = _mapping(path, "gold", document.get("gold"))
    for section in ("reply_claims", "note_claims", "forbidden_claims"):
        resolved_claims = []
        for index, item in enumerate(gold.get(section) or []):
            where = f"gold.{section}[{index}]"
            if isinstance(item, str):
                found = pack.claims.get(item) or shared_claims().get(item)
                if found is None:
                    raise ContentError(path, where, f"unknown claim {item!r} (not in the pack's claims or claims.yaml)")
                resolved_claims.append(found)
            else:
                resolved_claims.append(structure_claim(path, where, item, shared_fragments()))
        gold[section] = resolved_claims
    return document


def _case(pack: _Pack, case_id: str) -> Scenario:
    path = DATA / "cases" / f"{case_id}.yaml"
    document = _mapping(path, "file", read_yaml(path))
    if document.get("case_id") != case_id:
        raise ContentError(path, "case_id", f"must be {case_id!r}, the file's place under data/cases")
    return _structure(path, "case", _resolve_case(path, pack, document), Scenario)


@functools.cache
def authored_tasks(pack_name: str) -> tuple[Task, ...]:
    """The tasks of an authored pack, in the order its file lists them."""
    pack, entries = _pack(pack_name)
    tasks = []
    for index, entry in enumerate(entries):
        where = f"tasks[{index}]"
        spec = _mapping(pack.path, where, entry, frozenset({"case", "task_id", "difficulty", "objective", "cases"}))
        if "case" in spec:  # a task of one case
            if set(spec) != {"case"}:
                raise ContentError(pack.path, where, "a one-case task names only its case")
            tasks.append(Task.single(_case(pack, spec["case"]), pack=pack.name))
            continue
        if set(spec) != {"task_id", "difficulty", "objective", "cases"}:
            raise ContentError(pack.path, where, "a queue names task_id, difficulty, objective and cases")
        cases = tuple(_case(pack, case_id) for case_id in _strings(pack.path, f"{where}.cases", spec["cases"]))
        task = Task(
            spec["task_id"], spec["difficulty"], spec["objective"], cases, sum(c.max_steps for c in cases), pack.name
        )
        tasks.append(task)
    return tuple(tasks)

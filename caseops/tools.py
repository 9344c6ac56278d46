"""The tools an agent calls on a case's records: their schemas, their effects, and what a text
says when it reports one as done. The content is data/tools.yaml; the workflow machine says where
each may run and what it checks first (machines/workflow.py).

Everything here is a pure function of a tool, a record's fields and the call's arguments: the Case
applies the result to its own copy of the records.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs

from caseops import vocab
from caseops.content import CONVERTER, DATA, read_yaml, shared_fragments, structure_claim
from caseops.errors import ContentError
from caseops.records import Fields, Record, Value
from caseops.scenario import Claim, PerScenario, Scenario

PATH = DATA / "tools.yaml"
CHOICES: Mapping[str, tuple[str, ...]] = {"SEVERITIES": vocab.SEVERITIES, "TEAMS": vocab.TEAMS}


@attrs.frozen
class Argument:
    type: str = attrs.field(validator=attrs.validators.in_(("number", "choice")))
    summary: str
    choices: tuple[str, ...] = ()


@attrs.frozen
class Effect:
    """Sets `field` to `value`, to the argument named `argument`, or adds the argument `add`."""

    field: str
    value: Value = None
    argument: str | None = None
    add: str | None = None


@attrs.frozen
class Tool:
    name: str
    kind: str
    summary: str
    reported_as: str
    arguments: Mapping[str, Argument] = attrs.Factory(dict)
    effects: tuple[Effect, ...] = ()


@attrs.frozen
class Report:
    """What a text says when it reports an action as done (`claim`: "we have locked the account"),
    or describes the state it leaves (`state`: "the account is locked"). A done act needs a call
    that backs it; a described state needs the records to show it. A false `safety` report sinks
    a case."""

    claim: Claim
    safety: bool
    tools: tuple[str, ...]  # the tools whose calls back it
    state: Claim | None = None


@attrs.frozen
class Catalogue:
    tools: Mapping[str, Tool]
    reports: Mapping[str, Report]


def _load() -> Catalogue:
    document = read_yaml(PATH)
    if not isinstance(document, dict) or set(document) != {"reports", "tools"}:
        raise ContentError(PATH, "file", "holds exactly `reports` and `tools`")
    tools: dict[str, Tool] = {}
    for name, spec in document["tools"].items():
        if name not in vocab.TOOL_NAMES:
            raise ContentError(
                PATH, f"tools.{name}", f"not a tool operation of caseops.vocab: {', '.join(vocab.TOOL_NAMES)}"
            )
        spec = dict(spec)
        for argument in (spec.get("arguments") or {}).values():
            if isinstance(argument.get("choices"), str):
                argument["choices"] = CHOICES[argument["choices"]]
        try:
            tools[name] = CONVERTER.structure({"name": name, **spec}, Tool)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
            detail = "; ".join(cattrs.transform_error(exc)) if isinstance(exc, cattrs.BaseValidationError) else str(exc)
            raise ContentError(PATH, f"tools.{name}", detail) from None
        if tools[name].kind not in vocab.RECORD_TYPES:
            raise ContentError(PATH, f"tools.{name}.kind", f"not one of {', '.join(vocab.RECORD_TYPES)}")
    missing = set(vocab.TOOL_NAMES) - set(tools)
    if missing:
        raise ContentError(PATH, "tools", f"no entry for {', '.join(sorted(missing))}")
    reports: dict[str, Report] = {}
    for key, spec in document["reports"].items():
        claim = structure_claim(
            PATH, f"reports.{key}", {"name": f"reports_{key}", "patterns": spec["patterns"]}, shared_fragments()
        )
        state = (
            structure_claim(
                PATH, f"reports.{key}", {"name": f"describes_{key}", "patterns": spec["describes"]}, shared_fragments()
            )
            if spec.get("describes")
            else None
        )
        backing = tuple(t.name for t in tools.values() if t.reported_as == key)
        if not backing:
            raise ContentError(PATH, f"reports.{key}", "no tool is reported_as it")
        reports[key] = Report(claim=claim, safety=bool(spec.get("safety")), tools=backing, state=state)
    unknown = {t.reported_as for t in tools.values()} - set(reports)
    if unknown:
        raise ContentError(PATH, "tools", f"reported_as names unknown reports: {', '.join(sorted(unknown))}")
    return Catalogue(tools=tools, reports=reports)


@functools.cache
def catalogue() -> Catalogue:
    return _load()


# Every record of the case by id, in artifact order: worked out once per case.
records_of: PerScenario[dict[str, Record]] = PerScenario(
    lambda scenario: {record.id: record for artifact in scenario.artifacts for record in artifact.records}
)


def _offered(scenario: Scenario) -> tuple[Tool, ...]:
    kinds = {record.kind for record in records_of(scenario).values()}
    return tuple(tool for name, tool in sorted(catalogue().tools.items()) if tool.kind in kinds)


# The tools the case offers: every tool that acts on a kind of record the case has, sorted by
# name. The offer follows from the records, never from what the case needs done. Once per case.
offered: PerScenario[tuple[Tool, ...]] = PerScenario(_offered)


def argument_error(tool: Tool, arguments: Mapping[str, Any]) -> str | None:
    """Why the arguments do not fit the tool's schema, naming the argument; None when they fit."""
    unknown = sorted(set(arguments) - set(tool.arguments))
    if unknown:
        known = ", ".join(sorted(tool.arguments)) or "none"
        return f"{tool.name} has no argument(s) {', '.join(map(repr, unknown))}; its arguments: {known}"
    for name, spec in sorted(tool.arguments.items()):
        if name not in arguments:
            return f"{tool.name} needs argument {name!r} ({spec.type}: {spec.summary})"
        given = arguments[name]
        if spec.type == "number":
            if isinstance(given, bool) or not isinstance(given, (int, float)) or not math.isfinite(given):
                return f"argument {name!r} of {tool.name} must be a number, got {given!r}"
            if given < 0:
                return f"argument {name!r} of {tool.name} must not be negative, got {given!r}"
        elif given not in spec.choices:
            return f"argument {name!r} of {tool.name} must be one of {', '.join(spec.choices)}, got {given!r}"
    return None


def apply(tool: Tool, fields: Fields, arguments: Mapping[str, Value]) -> dict[str, Value]:
    """The fields the call sets, with their new values."""
    changes: dict[str, Value] = {}
    for effect in tool.effects:
        if effect.add is not None:
            before = fields.get(effect.field) or 0
            amount = arguments[effect.add]
            assert isinstance(before, (int, float)) and isinstance(amount, (int, float))
            changes[effect.field] = round(float(before) + float(amount), 2)
        elif effect.argument is not None:
            changes[effect.field] = arguments[effect.argument]
        else:
            changes[effect.field] = effect.value
    return changes

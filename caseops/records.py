"""Records with state: the case's systems of record (captures, orders, accounts, apps, quotes,
invoices, services, export requests, reported content) as fields an agent's tools change.

A scenario holds each record's opening state (inside the artifact whose inspection shows it); an
episode works on its own copy (`opening_state`), so no episode sees another's changes. The gold
says which fields must end with which values (`Gold.expected_records`); grading compares the
final copy with it field by field (`outcome_match`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeAlias

import attrs

from caseops import vocab

# A field's value: what a system of record holds. Numbers compare within a cent.
Value: TypeAlias = str | int | float | bool | None
Fields: TypeAlias = Mapping[str, Value]
# An episode's records: record id -> field -> value, its own mutable copy.
RecordState: TypeAlias = dict[str, dict[str, Value]]
TOLERANCE = 0.005


def _kind(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in vocab.RECORD_TYPES:
        raise ValueError(f"{attribute.name}: {value!r} is not one of {', '.join(vocab.RECORD_TYPES)}")


@attrs.frozen
class Record:
    """One record with state. `id` is the reference the artifact's text quotes (CAP-9002)."""

    id: str
    kind: str = attrs.field(validator=_kind)
    fields: Fields


@attrs.frozen
class ToolCall:
    """A tool call that ran: the tool, its record, its arguments, and the precondition it broke
    (a risk flag) if it broke one. `after` holds the fields the call set, as the call left them."""

    tool: str
    record_id: str
    arguments: tuple[tuple[str, Value], ...]
    after: tuple[tuple[str, Value], ...]
    flag: str | None = None


def same(left: Value, right: Value) -> bool:
    """Two field values agree: numbers within a cent (True is not 1), anything else exactly."""
    numbers = (int, float)
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right or (isinstance(left, bool) and isinstance(right, bool) and left == right)
    if isinstance(left, numbers) and isinstance(right, numbers):
        return abs(float(left) - float(right)) <= TOLERANCE
    return left == right


def opening_state(records: Iterable[Record]) -> RecordState:
    """A fresh, private copy of the records' opening state."""
    return {record.id: dict(record.fields) for record in records}


@attrs.frozen
class OutcomeMatch:
    """How the records compare with the expected state: of the fields that must change, how many
    did; of those that must stay, how many were changed."""

    changes: int
    changed: int
    stays: int
    broken: int

    @property
    def changed_share(self) -> float:
        return self.changed / self.changes if self.changes else 1.0

    @property
    def broken_share(self) -> float:
        return self.broken / self.stays if self.stays else 0.0


def outcome_match(
    opening: Mapping[str, Fields], current: Mapping[str, Fields], expected: Mapping[str, Fields]
) -> OutcomeMatch:
    """Compare the records with the expected state, field by field. A field must change when its
    expected value is not its opening one, and must stay otherwise."""
    changes = changed = stays = broken = 0
    for record_id, fields in expected.items():
        for name, want in fields.items():
            have = current.get(record_id, {}).get(name)
            if same(opening.get(record_id, {}).get(name), want):
                stays += 1
                broken += not same(have, want)
            else:
                changes += 1
                changed += same(have, want)
    return OutcomeMatch(changes, changed, stays, broken)

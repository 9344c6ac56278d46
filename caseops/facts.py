"""What grading and reward shaping read of a case: a narrow, read-only view.

`grading` and `rewards` are pure functions of (scenario, facts). They take a `CaseFacts`, never the
`Case` itself, so neither imports `caseops.case` and the Case's callbacks can call `rewards`
without an import circle. `Case` satisfies the protocol as it is (mypy checks it where the step
passes a Case to the grader); a test may hand them any object with these attributes.

Every member is a read-only property here: a view cannot change the case it reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeAlias

from caseops.vocab import InfoField, IssueType, Priority, Queue, ResolutionCode, Status

if TYPE_CHECKING:
    from caseops.honesty import Reported
    from caseops.records import Fields, ToolCall
    from caseops.rubric import Reading

# A routing decision as the case records it: queue, priority, issue type (any may be unset).
Routing: TypeAlias = tuple[Queue | None, Priority | None, IssueType | None]


class CaseFacts(Protocol):
    """The facts of a case that its grade and its reward terms depend on."""

    # Routing: the current decision, how often it was made, and the first one (a ceiling on
    # routing credit after it).
    @property
    def queue(self) -> Queue | None: ...
    @property
    def priority(self) -> Priority | None: ...
    @property
    def issue_type(self) -> IssueType | None: ...
    @property
    def first_routing(self) -> Routing | None: ...
    @property
    def classify_count(self) -> int: ...

    # The work: questions asked, records read, the texts as read by the rubric.
    @property
    def requested_fields(self) -> tuple[InfoField, ...]: ...
    @property
    def requests_made(self) -> int: ...
    @property
    def collected(self) -> Sequence[str]: ...
    @property
    def reply_reading(self) -> Reading: ...
    @property
    def note_reading(self) -> Reading: ...
    @property
    def forbidden_asserted(self) -> frozenset[str]: ...

    # The decision, and whether it has been taken.
    @property
    def status(self) -> Status | None: ...
    @property
    def resolution_code(self) -> ResolutionCode | None: ...
    @property
    def closed(self) -> bool: ...

    # Time: steps taken on this case.
    @property
    def steps(self) -> int: ...

    # The records as they stand, and the tool calls that changed them.
    @property
    def records(self) -> Mapping[str, Fields]: ...
    @property
    def calls(self) -> Sequence[ToolCall]: ...

    # What the texts report as done, and the share of the case's facts each gives.
    @property
    def reply_reports(self) -> Reported: ...
    @property
    def note_reports(self) -> Reported: ...
    @property
    def reply_facts(self) -> float: ...
    @property
    def note_facts(self) -> float: ...

    # The SLA clock: minutes left (the clock stops when the case is submitted).
    @property
    def sla_minutes_remaining(self) -> int: ...

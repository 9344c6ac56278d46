"""The episode: a task's queue of cases worked in order, and the step that works it.

A step flows one way:

    action -> the clock (one tick for the whole queue, valid or not: this case's steps, every
              case's SLA), which returns its breach terms
           -> the refusal check (the stage's allowed operations, compiled once; the fields the
              operation needs; the record it names)
           -> the trigger on the Case (`case.classify(action)`, ...), which returns the reward
              terms its callbacks earned
           -> the grade (`grading.grade`, over the case's facts)
           -> the reward (change of the episode grade + the terms) and the feedback
    and the caller (`caseops.environment`) builds the observation from the episode and the Step.

Nothing is cleared between steps: the terms of a step are the clock's and the trigger's return
values. A refused operation changes nothing but the clock and costs `rewards.INVALID_OPERATION`.
The process-wide store of episodes is `caseops.episodes`.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Sequence

import attrs

from caseops import feedback, grading, rewards, tools
from caseops.case import Case
from caseops.grading import Grade
from caseops.machinery import ALLOWED_OPERATIONS
from caseops.models import SupportDeskAction
from caseops.rewards import Terms
from caseops.scenario import PerScenario, Scenario, Task
from caseops.vocab import REQUIRED_FIELDS, SLA_COST_MINUTES, TOOL_NAMES, HintLevel, Operation

OVER = "the episode is over: nothing was changed; call reset to start a new one"


@attrs.define(eq=False)
class Episode:
    """A task being worked: its queue of cases, one open at a time, in order."""

    episode_id: str
    task: Task
    cases: list[Case]  # the cases opened so far; the last one is the current case
    # The cases still waiting, as positions in task.cases (in queue order), and their SLA clocks,
    # which run down from the start of the episode while others are worked.
    waiting: list[int] = attrs.Factory(list)
    pending_sla: list[int] = attrs.Factory(list)
    current_index: int = 0  # the current case's position in task.cases
    hints: HintLevel = "full"
    history: list[str] = attrs.Factory(list)
    total_reward: float = 0.0
    feedback: str = ""
    # Serialises a step against readers on other threads: the server's state and diagram routes
    # read an episode under it, and openenv may run an environment's calls on worker threads.
    lock: threading.Lock = attrs.Factory(threading.Lock)
    # Steps and priority-weighted grade totals of the cases already submitted: they no longer
    # change, and these are asked for several times a step.
    closed_steps: int = 0
    closed_total: float = 0.0
    weights: tuple[float, ...] = ()  # each case's weight in the episode grade, by its priority
    transport: str = "local"  # the transport whose reset created it (caseops.environment.TRANSPORT)

    @property
    def case(self) -> Case:
        return self.cases[-1]

    @property
    def scenario(self) -> Scenario:
        return self.case.scenario

    @property
    def steps(self) -> int:
        return self.closed_steps + self.cases[-1].steps

    @property
    def done(self) -> bool:
        case = self.cases[-1]
        return (case.stage == "closed" and len(self.cases) == len(self.task.cases)) or (
            self.closed_steps + case.steps >= self.task.max_steps
        )

    def total(self) -> float:
        """The episode grade: the mean over the whole queue, each case weighted by its priority
        (an urgent case counts four times a low one; cases not yet opened count zero)."""
        if len(self.weights) == 1:
            return self.cases[-1].grade.total
        current = self.weights[self.current_index] * self.cases[-1].grade.total
        return (self.closed_total + current) / sum(self.weights)

    def tick(self, operation: Operation) -> Terms:
        """The clock: time passes for the whole queue on every step, valid or not. The current
        case takes a step and loses the operation's minutes of SLA; so do the cases waiting."""
        terms: Terms = {}
        cost = SLA_COST_MINUTES.get(operation, 1)
        case = self.cases[-1]
        before = case.sla_minutes_remaining
        case.steps += 1
        case.sla_minutes_remaining = before - cost
        if before > 0 >= case.sla_minutes_remaining:
            rewards.add(terms, "sla_breach", rewards.SLA_BREACH)
        for index, minutes in enumerate(self.pending_sla):
            if minutes > 0 >= minutes - cost:
                rewards.add(terms, "waiting_sla_breach", rewards.SLA_BREACH)
            self.pending_sla[index] = minutes - cost
        return terms

    def open_next_case(self, case_id: str | None = None) -> None:
        """Open the waiting case `case_id` (by default the first waiting one). A current case that
        is still open was set aside untouched (open_case): it goes back to waiting, SLA running."""
        current = self.cases[-1]
        self.closed_steps += current.steps
        if current.closed:
            self.closed_total += self.weights[self.current_index] * current.grade.total
        else:
            self.cases.pop()
            self._wait(self.current_index, current.sla_minutes_remaining)
        place = 0 if case_id is None else self.waiting_ids().index(case_id)
        index, minutes = self.waiting.pop(place), self.pending_sla.pop(place)
        upcoming = open_case(self.task.cases[index])
        upcoming.sla_minutes_remaining = minutes
        self.cases.append(upcoming)
        self.current_index = index

    def _wait(self, index: int, minutes: int) -> None:
        place = sum(i < index for i in self.waiting)
        self.waiting.insert(place, index)
        self.pending_sla.insert(place, minutes)

    def waiting_ids(self) -> list[str]:
        return [self.task.cases[i].case_id for i in self.waiting]


# An untouched case grades the same every time: that grade is worked out once per scenario (a
# Grade is a value, never changed in place: the step replaces it).
_opening_grade: PerScenario[Grade] = PerScenario(
    lambda scenario: grading.grade(scenario, Case(scenario=scenario, grade=grading.ZERO_GRADE))
)


def open_case(scenario: Scenario) -> Case:
    """A new case of `scenario`, graded."""
    return Case(scenario=scenario, grade=_opening_grade(scenario))


def start(task: Task, hints: HintLevel = "full", transport: str = "local") -> Episode:
    """A new episode of `task`, its first case open."""
    return Episode(
        episode_id=secrets.token_hex(16),
        task=task,
        cases=[open_case(task.cases[0])],
        waiting=list(range(1, len(task.cases))),
        pending_sla=[later.ticket.sla_minutes for later in task.cases[1:]],
        weights=tuple(grading.PRIORITY_WEIGHT[c.gold.priority] for c in task.cases),
        hints=hints,
        transport=transport,
        feedback=feedback.opening(len(task.cases)),
    )


@attrs.frozen
class Step:
    """What a step did, for the observation: its reward and terms, the refusal, whether it ended."""

    reward: float
    terms: Terms
    error: str | None
    done: bool


def advance(episode: Episode, action: SupportDeskAction) -> Step:
    """One step of the episode (see the module docstring)."""
    if episode.done:
        return Step(reward=0.0, terms={}, error=OVER, done=True)
    case = episode.case
    case.last_tool_result = None  # a tool's answer is shown on the step that asked for it
    before_total, before_stage, before_followup = episode.total(), case.stage, case.followup
    clock = episode.tick(action.operation)
    error = refusal(case, action, episode.waiting_ids())
    if error is None:
        if action.operation in TOOL_NAMES:
            earned: Terms = case.call_tool(action)
        else:
            earned = getattr(case, action.operation)(action)  # Case.classify, ..., Case.submit
        case.grade = grading.grade(case.scenario, case)
    else:
        earned = {"invalid_operation": rewards.INVALID_OPERATION}
    terms = {**clock, **earned} if clock else earned
    after_total = episode.total()
    reward = round(after_total - before_total + sum(terms.values()), 6)
    episode.total_reward += reward
    episode.history.append(feedback.describe(action) + (" -> error" if error else ""))
    done = episode.done  # opening the next case below does not change it
    episode.feedback = feedback.step_feedback(
        case,
        action,
        stage_before=before_stage,
        followup_before=before_followup,
        terms=terms,
        error=error,
        done=done,
        total=after_total,
    )
    if error is None and action.operation == "open_case":
        episode.open_next_case(action.case_id)
        episode.feedback += feedback.next_case_line(len(episode.cases), len(episode.task.cases))
    elif case.closed and episode.waiting and not done:
        episode.open_next_case()
        episode.feedback += feedback.next_case_line(len(episode.cases), len(episode.task.cases))
    return Step(reward=reward, terms=terms, error=error, done=done)


def refusal(case: Case, action: SupportDeskAction, waiting_ids: Sequence[str] = ()) -> str | None:
    """Why the case cannot take the action now, or None: the stage does not allow the operation,
    a field it needs is missing, or the record it names is not the case's."""
    allowed = ALLOWED_OPERATIONS[case.stage]
    if not waiting_ids:
        allowed = allowed - {"open_case"}  # nothing to open: a single case, or the queue's last
    if action.operation not in allowed:
        return (
            f"operation {action.operation!r} is not allowed in stage {case.stage!r}; "
            f"allowed now: {', '.join(sorted(allowed)) or 'none'}"
        )
    missing = [name for name in _REQUIRED_SORTED[action.operation] if not getattr(action, name)]
    if action.operation == "classify" and len(missing) < 3 and case.is_classified():
        missing = []  # a re-route may change only some of queue, priority, issue_type; the first sets all
    if missing:
        return f"operation {action.operation!r} needs field(s): {', '.join(missing)}"
    if action.operation == "inspect_artifact" and action.artifact_id not in artifact_ids(case.scenario):
        known = ", ".join(artifact_ids(case.scenario)) or "none for this case"
        return f"artifact_id {action.artifact_id!r} is not available; available: {known}"
    if action.operation in TOOL_NAMES:
        return tool_refusal(case, action)
    if action.operation == "open_case" and not case.untouched():
        return "open_case sets aside only a case nothing has been done on yet; this one is under way"
    if action.operation == "open_case" and action.case_id not in waiting_ids:
        known = ", ".join(waiting_ids) or "none: no case is waiting"
        return f"case_id {action.case_id!r} is not a waiting case; waiting: {known}"
    return None


def tool_refusal(case: Case, action: SupportDeskAction) -> str | None:
    """A tool the case does not offer, a record that is not the case's or not of the tool's
    kind, or arguments that do not fit the tool's schema: refused, nothing changes."""
    tool = tools.catalogue().tools[action.operation]
    if tool not in tools.offered(case.scenario):
        offered = ", ".join(t.name for t in tools.offered(case.scenario)) or "none"
        return f"tool {tool.name!r} is not offered by this case; offered: {offered}"
    records = tools.records_of(case.scenario)
    record = records.get(action.record_id or "")
    if record is None:
        return f"record_id {action.record_id!r} is not a record of this case (records are named in its evidence)"
    if record.kind != tool.kind:
        return f"record_id {action.record_id!r} is a {record.kind} record; {tool.name} acts on a {tool.kind}"
    return tools.argument_error(tool, action.arguments or {})


_REQUIRED_SORTED = {operation: tuple(sorted(fields)) for operation, fields in REQUIRED_FIELDS.items()}

# The case's record ids, sorted: the order tells nothing (observations list them so too).
artifact_ids: PerScenario[tuple[str, ...]] = PerScenario(
    lambda scenario: tuple(sorted(artifact.id for artifact in scenario.artifacts))
)

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

import attrs

from caseops import feedback, grading, rewards
from caseops.case import Case
from caseops.grading import Grade
from caseops.machinery import ALLOWED_OPERATIONS
from caseops.models import SupportDeskAction
from caseops.rewards import Terms
from caseops.scenario import PerScenario, Scenario, Task
from caseops.vocab import REQUIRED_FIELDS, SLA_COST_MINUTES, HintLevel, Operation

OVER = "the episode is over: nothing was changed; call reset to start a new one"


@attrs.define(eq=False)
class Episode:
    """A task being worked: its queue of cases, one open at a time, in order."""

    episode_id: str
    task: Task
    cases: list[Case]  # the cases opened so far; the last one is the current case
    # SLA clocks of the cases still waiting in the queue: they run down while others are worked.
    pending_sla: list[int] = attrs.Factory(list)
    hints: HintLevel = "full"
    history: list[str] = attrs.Factory(list)
    total_reward: float = 0.0
    feedback: str = ""
    # Serialises a step against readers on other threads: the server's state and diagram routes
    # read an episode under it, and openenv may run an environment's calls on worker threads.
    lock: threading.Lock = attrs.Factory(threading.Lock)
    # Steps and grade totals of the cases already submitted: they no longer change, and these
    # are asked for several times a step.
    closed_steps: int = 0
    closed_total: float = 0.0
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
        """The episode grade: the mean over the whole queue (cases not yet opened count zero).
        Summed in queue order, as sum() over the cases would."""
        return (self.closed_total + self.cases[-1].grade.total) / len(self.task.cases)

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

    def open_next_case(self) -> None:
        self.closed_steps += self.case.steps
        self.closed_total += self.case.grade.total
        upcoming = open_case(self.task.cases[len(self.cases)])
        upcoming.sla_minutes_remaining = self.pending_sla[0]
        self.cases.append(upcoming)
        self.pending_sla = self.pending_sla[1:]


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
        pending_sla=[later.ticket.sla_minutes for later in task.cases[1:]],
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
    error = refusal(case, action)
    if error is None:
        earned: Terms = getattr(case, action.operation)(action)  # Case.classify, ..., Case.submit
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
    if case.closed and len(episode.cases) < len(episode.task.cases) and not done:
        episode.open_next_case()
        episode.feedback += feedback.next_case_line(len(episode.cases), len(episode.task.cases))
    return Step(reward=reward, terms=terms, error=error, done=done)


def refusal(case: Case, action: SupportDeskAction) -> str | None:
    """Why the case cannot take the action now, or None: the stage does not allow the operation,
    a field it needs is missing, or the record it names is not the case's."""
    allowed = ALLOWED_OPERATIONS[case.stage]
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
    return None


_REQUIRED_SORTED = {operation: tuple(sorted(fields)) for operation, fields in REQUIRED_FIELDS.items()}

# The case's record ids, sorted: the order tells nothing (observations list them so too).
artifact_ids: PerScenario[tuple[str, ...]] = PerScenario(
    lambda scenario: tuple(sorted(artifact.id for artifact in scenario.artifacts))
)

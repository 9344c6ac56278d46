"""Policies that play CaseOps: each maps an observation to the next action.

`heuristic` and `random` read only the observation. `oracle` reads the gold and exists to prove
the grader's upper bound in tests; it is never used by the baseline.

`Policy` is the one type of a policy, for every module that takes or builds one (the registry,
the LLM policy's fallback, evaluations and trajectories, the bench, the baseline, the tests). It
lives here, in the package itself, because every policy module is imported through it anyway and
it depends on the wire models only: importing it loads no policy, and no import cycle can form.
"""

from __future__ import annotations

from typing import Protocol

from caseops.models import SupportDeskAction, SupportDeskObservation

__all__ = ["Policy"]


class Policy(Protocol):
    """Anything called with an observation that returns the next action: a policy class with
    `__call__` (HeuristicPolicy, LLMPolicy, ...), a function or a lambda. The parameter is
    positional-only, so a function naming it differently (`obs`, `_`) is a Policy too."""

    def __call__(self, observation: SupportDeskObservation, /) -> SupportDeskAction: ...

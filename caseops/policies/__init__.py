"""Policies that play CaseOps: each maps an observation to the next action.

`heuristic` and `random` read only the observation. `oracle` reads the gold and exists to prove
the grader's upper bound in tests; it is never used by the baseline.
"""

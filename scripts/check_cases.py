"""Play task ids with the oracle, the heuristic and the tool adversaries; print score, critical
failures and components. Usage: .venv/bin/python scripts/check_cases.py TASK_ID... (or `authored`,
or `family:<name>:<n>` for n seeds of a family from the test range)."""

from __future__ import annotations

import sys

from caseops.environment import STORE, CaseOpsEnvironment
from caseops.policies.registry import POLICY_NAMES, make_policy
from caseops.scenarios import TASKS
from caseops.vocab import STEP_GUARD


def ids(args: list[str]) -> list[str]:
    out: list[str] = []
    for arg in args:
        if arg == "authored":
            out += list(TASKS)
        elif arg.startswith("family:"):
            _, family, n = arg.split(":")
            out += [f"gen/{family}/{1_000_000 + i}" for i in range(int(n))]
        else:
            out.append(arg)
    return out


def play(name: str, task_id: str) -> tuple[float, list[str], dict[str, float]]:
    env = CaseOpsEnvironment()
    policy = make_policy(name)
    obs = env.reset(task_id=task_id)
    for _ in range(STEP_GUARD):
        if obs.done:
            break
        obs = env.step(policy(obs))
    episode = STORE.get(obs.episode_id) if hasattr(STORE, "get") else None
    critical: list[str] = []
    components: dict[str, float] = {}
    if episode is not None:
        for case in episode.cases:
            critical += list(case.grade.critical)
        components = episode.cases[-1].grade.components
    return obs.score, critical, components


def main() -> None:
    names = [n for n in ("oracle", "heuristic", "act_everything", "claim_everything") if n in POLICY_NAMES]
    for task_id in ids(sys.argv[1:] or ["authored"]):
        for name in names:
            score, critical, components = play(name, task_id)
            parts = " ".join(f"{k[:4]}={v:.2f}" for k, v in components.items())
            print(f"{task_id:60s} {name:17s} {score:.3f} {','.join(critical) or '-':30s} {parts}")


if __name__ == "__main__":
    main()

"""The `caseops` command: serve the environment, list its tasks, or play one episode.

    caseops serve [--host H] [--port P]
    caseops tasks
    caseops run TASK_ID [--policy heuristic|random] [--seed N]
    caseops diagrams [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from caseops.environment import CaseOpsEnvironment
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.random_policy import RandomPolicy
from caseops.scenarios import TASKS


def _serve(args: argparse.Namespace) -> int:
    from caseops.server import main as serve

    serve(host=args.host, port=args.port)
    return 0


def _tasks(_: argparse.Namespace) -> int:
    for scenario in TASKS.values():
        print(f"{scenario.task_id}\t{scenario.difficulty}\t{scenario.objective}")
    return 0


def _run(args: argparse.Namespace) -> int:
    policy = HeuristicPolicy() if args.policy == "heuristic" else RandomPolicy(args.seed)
    env = CaseOpsEnvironment()
    observation = env.reset(task_id=args.task_id, seed=args.seed)
    while not observation.done:
        observation = env.step(policy(observation))
        print(json.dumps({"action": observation.action_history[-1], "reward": observation.reward, "stage": observation.workflow_stage, "error": observation.error}))
    print(json.dumps({"task_id": args.task_id, "score": observation.score, "steps": len(observation.action_history)}))
    env.close()
    return 0


def _diagrams(args: argparse.Namespace) -> int:
    from pathlib import Path

    from caseops.diagrams import write_diagrams

    for path in write_diagrams(Path(args.out)):
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caseops", description="CaseOps: enterprise support cases as an OpenEnv environment.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP/WebSocket server")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)
    commands.add_parser("tasks", help="list the tasks in their fixed order").set_defaults(handler=_tasks)
    run = commands.add_parser("run", help="play one episode in-process and print each step as JSON")
    run.add_argument("task_id", choices=list(TASKS))
    run.add_argument("--policy", choices=["heuristic", "random"], default="heuristic")
    run.add_argument("--seed", type=int, default=0)
    run.set_defaults(handler=_run)
    diagrams = commands.add_parser("diagrams", help="render both machines into .dot and .svg files")
    diagrams.add_argument("--out", default="diagrams")
    diagrams.set_defaults(handler=_diagrams)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

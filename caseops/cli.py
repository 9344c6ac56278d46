"""The `caseops` command: serve the environment, list its tasks, or play one episode.

caseops serve [--host H] [--port P]
caseops tasks
caseops run TASK_ID [--policy NAME] [--seed N]
caseops diagrams [--out DIR]
caseops eval --policy NAME --split authored|train|test|heldout --trials K [--n N] [--start S]
             [--hints full|minimal|none] [--threshold 0.5] [--seed N] [--out results/eval]
             [--trajectories] [--no-progress] [--workers N | --ray ADDRESS]
caseops replay FILE
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from caseops.environment import CaseOpsEnvironment
from caseops.errors import PolicyConfigError
from caseops.policies.registry import POLICY_NAMES, make_policy
from caseops.scenarios import TASKS
from caseops.splits import SPLITS
from caseops.vocab import HINT_LEVELS


def _serve(args: argparse.Namespace) -> int:
    from caseops.server import main as serve

    serve(host=args.host, port=args.port)
    return 0


def _tasks(_: argparse.Namespace) -> int:
    for scenario in TASKS.values():
        print(f"{scenario.task_id}\t{scenario.difficulty}\t{scenario.objective}")
    return 0


def _run(args: argparse.Namespace) -> int:
    try:
        policy = make_policy(args.policy, args.seed)
    except PolicyConfigError as exc:
        print(f"caseops run: {exc}", file=sys.stderr)
        return 2
    env = CaseOpsEnvironment()
    observation = env.reset(task_id=args.task_id, seed=args.seed)
    while not observation.done:
        observation = env.step(policy(observation))
        print(
            json.dumps(
                {
                    "action": observation.action_history[-1],
                    "reward": observation.reward,
                    "stage": observation.workflow_stage,
                    "error": observation.error,
                }
            )
        )
    print(json.dumps({"task_id": args.task_id, "score": observation.score, "steps": len(observation.action_history)}))
    env.close()
    return 0


def _diagrams(args: argparse.Namespace) -> int:
    from pathlib import Path

    from caseops.diagrams import write_diagrams

    for path in write_diagrams(Path(args.out)):
        print(path)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from caseops import evaluation, rollouts

    try:
        task_ids = evaluation.split_task_ids(args.split, args.n, args.start)
        out = Path(args.out)
        stem = f"{args.policy}-{args.split}"
        trajectories_path = out / f"{stem}.jsonl" if args.trajectories else None
        report = evaluation.evaluate(
            args.policy,
            task_ids,
            args.trials,
            seed=args.seed,
            hints=args.hints,
            pass_threshold=args.threshold,
            trajectories_path=trajectories_path,
            progress=not args.no_progress,
            split=args.split,
            workers=args.workers,
            ray_address=args.ray,
        )
    except (evaluation.EvaluationError, rollouts.RolloutError, PolicyConfigError) as exc:
        print(f"caseops eval: {exc}", file=sys.stderr)
        return 2
    paths = evaluation.write_report(report, out, stem)
    print(evaluation.to_markdown(report))
    written = [*paths.values(), *([trajectories_path] if trajectories_path else [])]
    print("wrote " + ", ".join(str(path) for path in written), file=sys.stderr)
    return 0


def _replay(args: argparse.Namespace) -> int:
    from caseops import trajectories

    try:
        results = trajectories.replay(args.file)
    except (OSError, trajectories.TrajectoryFileError) as exc:
        print(f"caseops replay: {exc}", file=sys.stderr)
        return 2
    for result in results:
        verdict = "ok" if result.match else "MISMATCH"
        print(
            f"{verdict}\t{result.task_id}\ttrial={result.trial}\tpolicy={result.policy}\trecorded={result.recorded_score}\treplayed={result.replayed_score}"
        )
        for mismatch in result.mismatches:
            print(f"  {mismatch}")
    failed = sum(not result.match for result in results)
    if failed:
        print(f"{failed} of {len(results)} episodes do not reproduce")
        return 1
    print(f"all {len(results)} episodes reproduce exactly")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseops", description="CaseOps: enterprise support cases as an OpenEnv environment."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP/WebSocket server")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)
    commands.add_parser("tasks", help="list the tasks in their fixed order").set_defaults(handler=_tasks)
    run = commands.add_parser("run", help="play one episode in-process and print each step as JSON")
    run.add_argument("task_id", choices=list(TASKS))
    run.add_argument("--policy", choices=POLICY_NAMES, default="heuristic")
    run.add_argument("--seed", type=int, default=0)
    run.set_defaults(handler=_run)
    diagrams = commands.add_parser("diagrams", help="render both machines into .dot and .svg files")
    diagrams.add_argument("--out", default="diagrams")
    diagrams.set_defaults(handler=_diagrams)
    evaluate = commands.add_parser(
        "eval", help="evaluate a policy over a split: mean score, pass^k, safety, calibration"
    )
    evaluate.add_argument("--policy", choices=POLICY_NAMES, required=True)
    evaluate.add_argument("--split", choices=SPLITS, default="authored")
    evaluate.add_argument(
        "--trials", type=int, default=1, help="episodes per task (pass^k is reported for k up to this)"
    )
    evaluate.add_argument(
        "--n", type=int, default=None, help="how many tasks of the split (all authored ones by default)"
    )
    evaluate.add_argument("--start", type=int, default=0, help="skip this many tasks of the split first")
    evaluate.add_argument("--hints", choices=HINT_LEVELS, default="full")
    evaluate.add_argument("--threshold", type=float, default=0.5, help="the score an episode needs to pass")
    evaluate.add_argument("--seed", type=int, default=0)
    evaluate.add_argument("--out", default="results/eval", help="directory for <policy>-<split>.json|.md|.png")
    evaluate.add_argument(
        "--trajectories", action="store_true", help="also write <policy>-<split>.jsonl for `caseops replay`"
    )
    evaluate.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    spread = evaluate.add_mutually_exclusive_group()
    spread.add_argument(
        "--workers", type=int, default=1, help="play the episodes over this many local processes (same results)"
    )
    spread.add_argument(
        "--ray",
        metavar="ADDRESS",
        default=None,
        help="play them on the Ray cluster at ADDRESS (same results; pip install 'caseops[ray]')",
    )
    evaluate.set_defaults(handler=_eval)
    replay = commands.add_parser("replay", help="re-run a trajectory file and check every score reproduces exactly")
    replay.add_argument("file")
    replay.set_defaults(handler=_replay)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

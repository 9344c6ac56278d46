"""The server entry point OpenEnv's layout names (openenv.yaml `app: server.app:app`).

The application lives in :mod:`caseops.server`; this module re-exports it so that
``uvicorn server.app:app`` works from the repository root and inside the Docker image. It is
not installed (a top-level ``server`` package would clash with other projects): installed,
run ``caseops serve`` or ``uvicorn caseops.server:app``.

Usage::

    uvicorn server.app:app --host 0.0.0.0 --port 8000
    python -m server.app --port 8000
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from caseops.server import app
from caseops.server import main as _serve

__all__ = ["app", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CaseOps server; accepts ``--host`` and ``--port``."""
    parser = argparse.ArgumentParser(prog="server", description="Run the CaseOps OpenEnv server.")
    parser.add_argument("--host", default="0.0.0.0", help="address to bind (default: 0.0.0.0)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    args = parser.parse_args(argv)
    _serve(host=args.host, port=args.port)


if __name__ == "__main__":
    main()

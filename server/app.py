"""Thin server entry point that ``openenv validate`` and ``openenv serve`` expect.

The application itself lives in :mod:`caseops.server`; this module only
re-exports it so that ``uvicorn server.app:app`` and the ``server`` console
script work from the repository root and inside the Docker image.

Usage::

    uvicorn server.app:app --host 0.0.0.0 --port 8000
    python -m server.app --port 8000
    server --host 127.0.0.1 --port 8001
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

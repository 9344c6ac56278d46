#!/usr/bin/env bash
# The oracle `openenv validate` declares (openenv.yaml, validation.capabilities.oracle): it plays
# every authored task with the policy that reads the gold, which only the server holds, and
# prints its scores. Run from the repository root with the project installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec "${PYTHON:-python3}" -m caseops.cli eval --policy oracle --split authored --trials 1 "$@"

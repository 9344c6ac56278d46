# CaseOps developer tasks. Everything runs inside a local virtualenv in .venv,
# bootstrapped on first use (the stamp file is refreshed when pyproject.toml changes).

SHELL       := /bin/bash
PYTHON      ?= python3
VENV        ?= .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
HOST        ?= 0.0.0.0
PORT        ?= 8000
IMAGE       ?= caseops
PYTEST_ARGS ?=
BENCH_ARGS  ?=

.DEFAULT_GOAL := test

.PHONY: install test check baseline serve validate lock docker diagrams dot chromium bench clean distclean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

test: $(STAMP) dot chromium
	$(PY) -m pytest -q $(PYTEST_ARGS)

# Lint, format and types: what CI holds every change to.
CHECKED := caseops machines server inference.py tests
check: $(STAMP)
	$(VENV)/bin/ruff check $(CHECKED)
	$(VENV)/bin/ruff format --check $(CHECKED)
	$(VENV)/bin/mypy

baseline: $(STAMP)
	$(PY) inference.py

serve: $(STAMP)
	ENABLE_WEB_INTERFACE=true $(PY) -m uvicorn server.app:app --host $(HOST) --port $(PORT)

validate: $(STAMP)
	$(VENV)/bin/openenv validate .

lock: | $(PY)
	@$(PY) -m uv --version >/dev/null 2>&1 || $(PY) -m pip install uv
	$(PY) -m uv lock

# Needs a Docker engine with BuildKit (the default builder since Docker 23; the Dockerfile uses RUN --mount).
DOCKER       ?= docker
DOCKER_ARGS  ?=
docker:
	@$(DOCKER) info >/dev/null 2>&1 || { echo "make docker: no container engine reachable via '$(DOCKER)'" >&2; exit 1; }
	DOCKER_BUILDKIT=1 $(DOCKER) build $(DOCKER_ARGS) -t $(IMAGE) .

# Debian packages: graphviz's `dot` renders the diagrams, chromium runs the browser tests.
APT_INSTALL := apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends
dot:
	@command -v dot >/dev/null || { $(APT_INSTALL) graphviz; }

chromium:
	@[ -x /usr/bin/chromium ] || { $(APT_INSTALL) chromium; }

diagrams: $(STAMP) dot
	$(PY) -m caseops.cli diagrams

bench: $(STAMP)
	$(PY) -m caseops.bench $(BENCH_ARGS)

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache .coverage htmlcov
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print0 | xargs -0 rm -rf

# Also drop the virtualenv (the next `make test` rebuilds it).
distclean: clean
	rm -rf $(VENV)

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

.DEFAULT_GOAL := test

.PHONY: install test baseline serve validate lock docker diagrams bench clean distclean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(PY) -m pytest -q $(PYTEST_ARGS)

baseline: $(STAMP)
	$(PY) inference.py

serve: $(STAMP)
	ENABLE_WEB_INTERFACE=true $(PY) -m uvicorn server.app:app --host $(HOST) --port $(PORT)

validate: $(STAMP)
	$(VENV)/bin/openenv validate .

lock: | $(PY)
	@$(PY) -m uv --version >/dev/null 2>&1 || $(PY) -m pip install uv
	$(PY) -m uv lock

docker:
	docker build -t $(IMAGE) .

diagrams: $(STAMP)
	$(PY) -m caseops.cli diagrams

bench: $(STAMP)
	$(PY) -m caseops.cli bench

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache .coverage htmlcov
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print0 | xargs -0 rm -rf

# Also drop the virtualenv (the next `make test` rebuilds it).
distclean: clean
	rm -rf $(VENV)

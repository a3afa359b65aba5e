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
# When make started: the test runner counts the set-up stage from here.
export MLOPS_TEST_START := $(shell date +%s)

.PHONY: help setup lab instructor-lab build check lint format typecheck test test-fast \
        test-audit verify execute benchmark grade-harness grade grade-scaling analyse scan clean \
        hub hub-setup check-project

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip "uv==0.13.9"
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(PY) -e ".[dev]" || $(PY) -m pip install --quiet -e ".[dev]"
	@# ADR-0009: jsonschema's optional IRI checker builds ~35 parsers on import (2 s per process).
	$(PY) -m pip uninstall --quiet --yes rfc3987-syntax 2>/dev/null || true
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

execute: setup  ## run every solution with plain papermill (CI parameters): time and memory table
	$(BIN)/mlops-course execute $(MODULE_ARGS) --out build/executed

verify: setup  ## kernel walk of every module (or MODULE=…): solution, release stubs, mutants
	$(BIN)/mlops-course verify $(MODULE_ARGS)

benchmark: setup  ## per module: walk, real nbgrader, notebook time/memory; projection for 24
	$(BIN)/mlops-course benchmark $(MODULE_ARGS)

grade-harness: setup  ## synthetic cohorts graded by the instructors' own code (real nbgrader)
	$(BIN)/mlops-course grade-harness $(MODULE_ARGS)

scan: setup  ## scan the student release for leaked solutions (shared tool when present)
	@if [ -f ../shared/tools/release_scan.py ]; then $(PY) ../shared/tools/release_scan.py .; fi
	$(BIN)/mlops-course check

test: setup  ## the whole suite (README command, CI): static checks, walk, real grading, browsers
	$(BIN)/mlops-course test --tier full

test-fast: setup  ## the edit loop: static checks and unit tests (a few minutes)
	$(BIN)/mlops-course test --tier fast

test-audit: setup hub-setup  ## periodic: every mutant through real nbgrader vs the walk; newest-deps drift; the project's solutions 05…08 in one workspace; a real JupyterHub end to end
	$(BIN)/mlops-course audit $(MODULE_ARGS); a=$$?; \
	$(BIN)/mlops-course project-sequence; p=$$?; \
	$(BIN)/mlops-course drift; d=$$?; \
	$(PY) -m pytest -q -p no:cacheprovider -m audit tests; h=$$?; exit $$(( a || p || d || h ))

NGSHARE_VENV := deploy/jupyterhub/ngshare-venv

hub-setup: setup  ## JupyterHub's proxy (pinned in deploy/jupyterhub/package-lock.json) and ngshare's own environment (deploy/jupyterhub/ngshare-requirements.txt)
	@command -v npm >/dev/null || { echo "Falta npm (Node.js ≥ 20): apt-get install nodejs npm"; exit 1; }
	@test -x deploy/jupyterhub/node_modules/.bin/configurable-http-proxy || \
	  npm ci --prefix deploy/jupyterhub --no-audit --no-fund --silent
	@cmp -s deploy/jupyterhub/ngshare-requirements.txt $(NGSHARE_VENV)/requirements.txt || { \
	  rm -rf $(NGSHARE_VENV) && $(BIN)/uv venv --quiet --python $(PY) $(NGSHARE_VENV) && \
	  $(BIN)/uv pip install --quiet --python $(NGSHARE_VENV)/bin/python -r deploy/jupyterhub/ngshare-requirements.txt && \
	  cp deploy/jupyterhub/ngshare-requirements.txt $(NGSHARE_VENV)/requirements.txt; }

hub: setup hub-setup  ## a JupyterHub for the course (docs/instructores.md §7; settings by MLOPS_HUB_* variables)
	$(BIN)/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

grade: setup  ## grade a cohort: make grade MODULE=00_indice ZIP=descarga.zip [PATTERN=… WORKERS=… CLUSTER=tcp://host:8786 MAX_NOTEBOOK_MB=… FORCE=1 ACCEPT_REVIEW="ana luis"]
	$(BIN)/mlops-course grade $(MODULE_ARGS) $(if $(ZIP),--zip "$(ZIP)",) \
	  $(if $(PATTERN),--pattern '$(PATTERN)',) $(if $(WORKERS),--workers $(WORKERS),) \
	  $(if $(CLUSTER),--cluster '$(CLUSTER)',) \
	  $(if $(MAX_NOTEBOOK_MB),--max-notebook-mb $(MAX_NOTEBOOK_MB),) $(if $(FORCE),--force,) \
	  $(foreach s,$(ACCEPT_REVIEW),--accept-review '$(s)')

check-project: setup  ## module 17's checker on collected projects, each in a sandbox: make check-project PROJECTS="entregas/ana/churn-project …" [OUT=reports/proyectos CRITERIA="api demo"]
	$(BIN)/mlops-course check-project $(PROJECTS) $(if $(OUT),--salida "$(OUT)",) \
	  $(foreach c,$(CRITERIA),--criterio '$(c)')

grade-scaling: setup  ## grading scale figures: 30 synthetic students, 1 vs N workers vs papermill
	$(BIN)/mlops-course grade-scaling $(MODULE_ARGS) $(if $(STUDENTS),--students $(STUDENTS),)

analyse: setup  ## item analysis of the graded cohort (reports/<module>/analisis.html)
	$(BIN)/mlops-course analyse $(MODULE_ARGS)

clean:  ## remove build outputs (not the venv)
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .coverage

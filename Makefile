# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
# pytest-xdist workers (auto: one per core); `make test WORKERS=1` runs the tests one by one.
WORKERS ?= auto
PYTEST_PARALLEL = -n $(WORKERS)

.PHONY: run test test-fast bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

## make run: install, validate the Dijon plan and write its 2023 follow-up report (reports/)
run: $(RUN_STAMP)
	$(BIN)/vae validate plans/dijon-2020.yaml
	$(BIN)/vae report plans/dijon-2020.yaml --year 2023

## make test: install with the test extras, then lint, type-check and run every test, in parallel
test: $(TEST_STAMP)
	$(BIN)/ruff check vae_cli tools tests bench
	$(BIN)/ruff format --check vae_cli tools tests bench
	$(BIN)/mypy
	$(BIN)/pytest $(PYTEST_PARALLEL)

## make test-fast: the edit-test loop: every test not marked slow, in parallel (ARGS=... for more)
test-fast: $(TEST_STAMP)
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not slow" -q $(ARGS)

## make bench: vae against the commit the speed work started from, check-jsonschema, and itself (bench/run.py)
bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

## make docs: regenerate docs/plan-format.md, docs/rules.md, docs/rules.fr.md and schemas/
docs: $(RUN_STAMP)
	$(BIN)/python -m tools.docgen
	$(BIN)/python -m tools.catalogs
	$(BIN)/vae schema

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

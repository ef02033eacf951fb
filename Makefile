# Two commands matter: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The editable checkout is byte-compiled after install: with PYTHONDONTWRITEBYTECODE set
# (as on many machines) Python would otherwise compile model/ and tui/ on every start.
COMPILE := $(BIN)/python -m compileall -q model tui

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(COMPILE)
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(COMPILE)
	touch $(STAMP) $@

run: $(STAMP)
	@$(COMPILE)
	$(BIN)/rapport

test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check model tui tests bench
	$(BIN)/ruff format --check model tui tests bench

typecheck: $(TEST_STAMP)
	$(BIN)/mypy model tui

pytest: $(TEST_STAMP)
	$(BIN)/pytest -n 2

bench: $(TEST_STAMP)
	$(BIN)/python -m bench

screenshots: $(TEST_STAMP)
	$(BIN)/python -m screenshots.make

clean:
	rm -rf $(VENV) build *.egg-info

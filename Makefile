# Two commands matter: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest bench screenshots clean e2e

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $@

run: $(STAMP)
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

# The served board in headless Chromium (not part of `make test`): Debian's chromium is
# installed first when it is missing (needs root or sudo, and Debian's package sources).
e2e: $(TEST_STAMP)
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y chromium chromium-driver; } || { sudo apt-get update -qq && sudo apt-get install -y chromium chromium-driver; }
	$(BIN)/python -m tests.e2e.browser

screenshots: $(TEST_STAMP)
	$(BIN)/python -m screenshots.make

clean:
	rm -rf $(VENV) build *.egg-info

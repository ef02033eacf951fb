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
	$(BIN)/mypy model tui bench

pytest: $(TEST_STAMP)
	$(BIN)/pytest -n 2

# `make bench SIZES=2k,10k WRITES=0` (default all four sizes, and a board soaked by 10,000
# external writes; the 1M book takes minutes). The yardsticks are
# installed when missing: Taskwarrior from Debian (apt-get, as root or through sudo -n),
# jrnl into a venv of its own; a failed install leaves its column empty and says so.
SIZES ?= 2k,10k,100k,1M
WRITES ?= 10000
BENCH_VENV := .venv-bench
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo -n)

bench: $(TEST_STAMP)
	@command -v task >/dev/null || $(SUDO) apt-get install -y -qq taskwarrior >/dev/null 2>&1 \
		|| { $(SUDO) apt-get update -qq >/dev/null 2>&1 \
		&& $(SUDO) apt-get install -y -qq taskwarrior >/dev/null 2>&1; } \
		|| echo "bench: Taskwarrior could not be installed; its columns stay empty"
	@test -x $(BENCH_VENV)/bin/jrnl || { $(PYTHON) -m venv $(BENCH_VENV) \
		&& $(BENCH_VENV)/bin/pip install --quiet jrnl; } \
		|| echo "bench: jrnl could not be installed; its column stays empty"
	@$(COMPILE)
	$(BIN)/python -m bench --sizes $(SIZES) --soak-writes $(WRITES) --jrnl $(BENCH_VENV)/bin/jrnl

# The served board in headless Chromium (not part of `make test`): Debian's chromium is
# installed first when it is missing (needs root or sudo, and Debian's package sources).
e2e: $(TEST_STAMP)
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y chromium chromium-driver; } || { sudo apt-get update -qq && sudo apt-get install -y chromium chromium-driver; }
	$(BIN)/python -m tests.e2e.browser

screenshots: $(TEST_STAMP)
	$(BIN)/python -m screenshots.make

clean:
	rm -rf $(VENV) $(BENCH_VENV) build *.egg-info

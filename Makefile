# PSP Bot — one command to start, one command to test (see README).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
CONFIG ?= $(wildcard config.toml)

.PHONY: run test lint pytest pytest-postgres browser compiled bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## Set up (first time) and start the bot; console mode when no token is configured.
## (The FAQ engine is compiled first when its sources changed; PSP_FAQ_COMPILED=0 make run: plain Python. See README.)
run: $(STAMP) $(if $(filter 0,$(PSP_FAQ_COMPILED)),,compiled)
	$(BIN)/psp-bot run $(if $(CONFIG),--config $(CONFIG))

## Set up (first time) and run everything CI runs: lint, types, the suite on SQLite and PostgreSQL
## (side by side: .ci/suites), with the FAQ engine compiled as it runs (and compared with plain Python).
test: lint browser compiled
	BIN=$(BIN) bash .ci/suites

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The FAQ engine's busy modules compiled to C (mypyc; used unless PSP_FAQ_COMPILED=0), rebuilt when their
# sources changed (about a minute). Where it cannot be built (no C compiler) it says why and the bot and
# the suite run the engine as plain Python. With a build, the suite compares the two engines.
compiled: $(STAMP)
	-@$(BIN)/psp-bot faq compile --if-stale

# Chromium for the browser tests: installed under CI, otherwise those tests skip and say so.
browser:
	@bash .ci/chromium

# The SQLite run uses a server time zone far from WITA: times must not depend on it.
pytest: $(STAMP) browser
	TZ=America/New_York $(BIN)/pytest

pytest-postgres: $(STAMP) browser
	@url=$$(bash .ci/postgres) || exit 1; \
	if [ -z "$$url" ]; then echo "PostgreSQL not available here: suite ran on SQLite only"; \
	else echo "== the suite on PostgreSQL =="; PSP_TEST_DATABASE_URL="$$url" $(BIN)/pytest; fi

bench: $(STAMP) compiled
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

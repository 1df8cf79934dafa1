# Posture's task runner. `make demo` runs the dashboard on SQLite with the demo data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-sqlite test-postgres lint serve install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-app
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed-test

demo: $(VENV)/.installed-app
	$(BIN)/posture demo --host $(HOST) --port $(PORT)

serve: $(VENV)/.installed-app
	$(BIN)/posture db upgrade
	$(BIN)/posture serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check app tests bench migrations/env.py
	$(BIN)/ruff format --check app tests bench migrations/env.py

test-sqlite: install
	$(BIN)/python -m pytest -q

test-postgres: install
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)'.replace('+psycopg',''), connect_timeout=3).close()" 2>/dev/null; then \
		POSTURE_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -q; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "PostgreSQL is required in CI but not reachable at $(PG_TEST_URL)"; exit 1; \
	else \
		echo "SKIPPED the PostgreSQL run: no server at $(PG_TEST_URL) (set PG_TEST_URL to use another)"; \
	fi

test: lint test-sqlite test-postgres

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts *.egg-info

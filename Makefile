# Itinera: `make run` to try it, `make test` to test it. Both set up .venv themselves.
# `make run` installs what running needs only (pyproject's dependencies); `make test`, `make lint`
# and `make install` add the dev extra (pytest, ruff, mypy, the browser, the fuzzer...).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install migrate seed shell clean sdk

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet .
	touch $@

# The dev extra holds the runtime too: a venv made by `make test` needs no second install.
$(DEV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet ".[dev]"
	touch $@ $(RUN_STAMP)

# axe-core for the accessibility browser tests, pinned by package-lock.json (no install scripts
# run). Without npm the axe tests skip and say why.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: the axe accessibility tests will be skipped"; fi

install: $(DEV_STAMP) node_modules/.package-lock.json

# Development server on SQLite (or DATABASE_URL), with the demo agency loaded. On SQLite jobs
# run in-process after each commit; on PostgreSQL run_dev starts a procrastinate worker beside
# the server (Ctrl-C stops both).
run: $(RUN_STAMP)
	DEBUG=$${DEBUG:-1} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(PY) manage.py seed_demo
	DEBUG=$${DEBUG:-1} $(PY) manage.py run_dev $(HOST):$(PORT)

# The whole suite. Uses DATABASE_URL / REDIS_URL when set (CI: PostgreSQL + Redis), else SQLite.
test: $(DEV_STAMP) node_modules/.package-lock.json
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var/*.sqlite3 staticfiles

# The official Python SDK (sdk/python), generated from our OpenAPI schema by the pinned
# openapi-python-client (sdk/build.py says how). Run it after changing the API and commit the
# result: tests/sdk/test_sdk_is_fresh.py fails while sdk/python differs from what it generates.
sdk: $(DEV_STAMP)
	$(PY) sdk/build.py

# Harambee: `make run` serves the demo alliance, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
# Two environments in one .venv: what running needs (`make run`), and the test and lint
# tools on top (`make test`). uv, installed into the venv from the package index, does the
# installing: a fresh machine has the demo's dependencies in seconds, not minutes.
UV := $(BIN)/uv
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed-dev
# The checkers the suite runs on rendered pages (Nu Html Checker, axe-core), from npm.
# Test-time only: nothing from Node runs with the site. Without npm they are skipped
# (CI installs npm and Java, and fails instead of skipping).
TOOLS := tools/node_modules/.package-lock.json

.PHONY: run test test-sqlite test-postgres lint format bench messages clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"

$(RUN_STAMP): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python -e ".[dev]"
	touch $(STAMP) $(RUN_STAMP)

# The demo: SQLite in var/, demo alliance loaded once, a real WSGI server (gunicorn).
# The demo steward signs in without an authenticator app; production keeps MFA on.
run: export HARAMBEE_STEWARD_MFA ?= false
run: export HARAMBEE_SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(RUN_STAMP)
	$(BIN)/harambee migrate --noinput -v0
	$(BIN)/harambee collectstatic --noinput -v0
	$(BIN)/harambee demo --if-empty
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(BIN)/gunicorn harambee.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips 127.0.0.1

$(TOOLS): tools/package.json tools/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null; \
	else echo "npm not found: the HTML and accessibility checks will be skipped."; fi

# SQLite always; PostgreSQL too when HARAMBEE_TEST_POSTGRES=1.
test: $(STAMP) $(TOOLS)
	$(MAKE) test-sqlite
	@if [ "$$HARAMBEE_TEST_POSTGRES" = "1" ]; then $(MAKE) test-postgres; fi

test-sqlite: $(STAMP) $(TOOLS)
	HARAMBEE_VAR_DIR=$(CURDIR)/var/test $(BIN)/pytest -n auto -q $(PYTEST_ARGS)

test-postgres: $(STAMP) $(TOOLS)
	DATABASE_URL=$${HARAMBEE_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/harambee} \
		HARAMBEE_VAR_DIR=$(CURDIR)/var/test $(BIN)/pytest -n auto -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy harambee/core/visibility.py harambee/core/registry.py harambee/core/posting.py \
		harambee/*/services.py harambee/*/selectors.py harambee/*/rules.py \
		harambee/core/progress.py harambee/sampledata/*.py harambee/sampledata/generate \
		harambee/sampledata/management

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(RUN_STAMP)
	cd harambee && ../$(BIN)/harambee makemessages -l fr --no-obsolete --ignore=static
	$(BIN)/harambee compilemessages --ignore=.venv

# Latency, throughput, memory and writes; then search (p50/p95, index size, rebuild),
# weekly digests for 100,000 members, and insights at 1M items. Results go into
# docs/performance.md by hand.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/search.py --scales 100000,1000000
	@# PostgreSQL too, when given a generated, indexed and analyzed database (docs/performance.md).
	@if [ -n "$$HARAMBEE_BENCH_POSTGRES_URL" ]; then \
		$(BIN)/python benchmarks/search.py --database-url "$$HARAMBEE_BENCH_POSTGRES_URL" --runs 20; fi
	$(BIN)/python benchmarks/digests.py
	$(BIN)/python benchmarks/insights.py --scale 1000000

clean:
	rm -rf $(VENV) var build *.egg-info tools/node_modules

# kidash: `make run` starts the dashboard, `make test` runs lint and every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Where the server answers: this machine only, where editing is on (see README, «The living map»).
# ADDRESS=0.0.0.0 opens it to the network, read only unless sign-in or KIDASH_EDITING=open is set.
ADDRESS ?= 127.0.0.1

.PHONY: run test test-long lint validate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run serve.py --server.port $(PORT) --server.address $(ADDRESS)

validate: $(VENV)/.runtime
	$(BIN)/python -m kidash validate data

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# axe-core for the accessibility tests, from the npm registry (pinned); skipped where npm is missing.
AXE := .cache/axe/axe.min.js
$(AXE):
	mkdir -p .cache/axe
	cd .cache/axe && (npm pack axe-core@4.14.1 --silent >/dev/null && tar xzf axe-core-4.14.1.tgz && mv package/axe.min.js . && rm -rf package axe-core-4.14.1.tgz) || echo "npm not available: accessibility tests will be skipped"

# The OpenID Connect provider the sign-in tests start (tests/oidc, npm packages from its lock file);
# skipped where npm is missing (failed under CI=true, where .ci/run has it).
OIDC := tests/oidc/node_modules/.package-lock.json
$(OIDC): tests/oidc/package-lock.json
	cd tests/oidc && (npm ci --silent --no-audit --no-fund || echo "npm not available: sign-in tests will be skipped")

# Two workers, each given whole test files (a file's server and browser stay in one worker).
test: lint $(AXE) $(OIDC)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Many more random sequences for the view-state machine and hostile-name pages (minutes, not seconds).
test-long: lint $(AXE)
	KIDASH_STATEFUL_EXAMPLES=300 KIDASH_HOSTILE_EXAMPLES=40 KIDASH_ROUND_TRIP_EXAMPLES=300 KIDASH_MESSAGE_EXAMPLES=2000 \
		$(BIN)/python -m pytest tests/app/test_view_state_machine.py tests/app/test_hostile_markdown.py \
		tests/unit/test_upload_properties.py tests/unit/test_i18n.py

bench: $(VENV)/.dev
	$(BIN)/python bench/bench_scale.py
	$(BIN)/python bench/bench_exports.py
	$(BIN)/python bench/bench_sessions.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

# Every task of the project. `make help` lists them; README.md names the two you need.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# python3 resolves to 3.13 through .python-version (pyenv); uv never downloads a Python.
PYTHON := python3
UV_VERSION := 0.13.9
UV := $(PYTHON) -m uv
VENV := .venv/bin
PYTEST := $(VENV)/pytest
# Wheels the in-page Python serves (pytest and its dependencies), pinned in uv.lock.
PYODIDE_WHEELS := build/pyodide-wheels
export UV_PYTHON_DOWNLOADS := never
# Installed packages get their bytecode at install time: where PYTHONDONTWRITEBYTECODE is set
# (as on this machine kind), every build and test process would otherwise compile each module
# it imports from source again (~1.2 s of every site build).
export UV_COMPILE_BYTECODE := 1
# Material 9.8 prints an end-of-life banner on every build; it is noise here.
export NO_MKDOCS_2_WARNING := 1
# The test tiers: units (no build, no browser), then the fast tier adds the builds.
UNIT_TESTS := not browser and not slow and not build
FAST_TESTS := not browser and not slow
# The full and fast tiers run in one process per core (pytest-xdist, at most 4): a browser test
# spends much of its time waiting (for a quiet moment, an idle page, a service worker), and on
# 2 cores a second process fills those waits (make test: 16 min 20 s in one process, 12 min in
# two). Each process builds the site it serves once; an idle process takes tests queued for the
# other (worksteal), so the slow tests at the end do not leave a core waiting.
TEST_PROCESSES := --numprocesses=auto --maxprocesses=4 --dist=worksteal

.PHONY: help setup uv build serve dev test test-fast test-unit lint notebook chromium java bench

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# Two sets of packages, each from the lock files: what building and serving the site need, and
# what the tests and tools need on top (uv's dev group, npm's devDependencies: Playwright,
# Lighthouse, axe-core, the HTML validator, ESLint, Prettier). Installing the second marks the
# first installed too, so `make serve` after `make test` keeps the test tools.
BUILD_PACKAGES := .venv/.build-packages node_modules/.build-packages $(PYODIDE_WHEELS)/.downloaded
TEST_PACKAGES := .venv/.test-packages node_modules/.test-packages $(PYODIDE_WHEELS)/.downloaded

setup: $(TEST_PACKAGES) ## Install every locked Python and npm package (build, tests, tools)

uv:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)"

.venv/.build-packages: pyproject.toml uv.lock snippets/pyproject.toml .python-version | uv
	$(UV) sync --locked --no-dev --inexact
	@touch $@

.venv/.test-packages: pyproject.toml uv.lock snippets/pyproject.toml .python-version | uv
	$(UV) sync --locked
	@touch $@ .venv/.build-packages

node_modules/.build-packages: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	@touch $@

node_modules/.test-packages: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@ node_modules/.build-packages

$(PYODIDE_WHEELS)/.downloaded: uv.lock | uv
	@mkdir -p $(PYODIDE_WHEELS)
	$(UV) export --only-group pyodide --no-emit-project --frozen --quiet \
		--format requirements.txt --output-file build/pyodide-requirements.txt
	$(PYTHON) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
		--python-version 3.14 --require-hashes -r build/pyodide-requirements.txt -d $(PYODIDE_WHEELS)
	@touch $@

chromium: ## Install Debian's Chromium for the browser tests (when missing)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

java: ## Install a Java runtime for the HTML validator (when missing)
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

build: $(BUILD_PACKAGES) ## Build the complete site into site/
	$(VENV)/mkdocs build --strict

serve: build ## Build, then serve the site at http://127.0.0.1:8000
	$(VENV)/python scripts/serve_site.py site --port 8000

dev: $(BUILD_PACKAGES) ## Live-reloading server for writing content, rebuilt on any source change (http://127.0.0.1:8000)
	$(VENV)/python scripts/dev_server.py

# The full run ends with its 15 slowest steps: where to look when it grows.
test: setup chromium java lint ## Run every test: lint, units, builds, Pyodide, browser (~12 min on 2 cores)
	node --test --test-reporter=dot tests/javascript/
	$(PYTEST) $(TEST_PROCESSES) --durations=15

test-fast: setup java lint ## Lint, units and the built site, no browser and no Pyodide (< 60 s)
	node --test --test-reporter=dot tests/javascript/
	$(PYTEST) $(TEST_PROCESSES) -m "$(FAST_TESTS)"

test-unit: setup ## Units only: Python and JavaScript, no build, no browser (< 20 s)
	node --test --test-reporter=dot tests/javascript/
	$(PYTEST) -m "$(UNIT_TESTS)"

lint: setup ## Lint Python (ruff) and JavaScript (ESLint), and check JavaScript's formatting (Prettier)
	$(VENV)/ruff check snippets overrides tests scripts
	node_modules/.bin/eslint --max-warnings=0 .
	node_modules/.bin/prettier --check --log-level=warn .

bench: setup build chromium ## Measure in-page Python against raw Pyodide, then a Lighthouse audit (not tests)
	$(VENV)/python scripts/bench.py
	$(VENV)/python scripts/lighthouse_audit.py

notebook: setup ## Re-execute the lab notebook and store its outputs
	$(VENV)/jupyter nbconvert --to notebook --execute --inplace docs/labs/*.ipynb

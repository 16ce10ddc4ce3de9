# Every task of the project. `make help` lists them; README.md names the two you need.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# python3 resolves to 3.13 through .python-version (pyenv); uv never downloads a Python.
PYTHON := python3
UV_VERSION := 0.13.9
UV := $(PYTHON) -m uv
VENV := .venv/bin
# Wheels the in-page Python serves (pytest and its dependencies), pinned in uv.lock.
PYODIDE_WHEELS := build/pyodide-wheels
export UV_PYTHON_DOWNLOADS := never
# Material 9.8 prints an end-of-life banner on every build; it is noise here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup build serve dev test test-fast lint notebook chromium java bench

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: .venv/.synced node_modules/.installed $(PYODIDE_WHEELS)/.downloaded ## Install locked Python and npm packages

.venv/.synced: pyproject.toml uv.lock snippets/pyproject.toml .python-version
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --locked
	@touch $@

$(PYODIDE_WHEELS)/.downloaded: uv.lock
	@mkdir -p $(PYODIDE_WHEELS)
	$(UV) export --only-group pyodide --no-emit-project --frozen --quiet \
		--format requirements.txt --output-file build/pyodide-requirements.txt
	$(PYTHON) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
		--python-version 3.14 --require-hashes -r build/pyodide-requirements.txt -d $(PYODIDE_WHEELS)
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

chromium: ## Install Debian's Chromium for the browser tests (when missing)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

java: ## Install a Java runtime for the HTML validator (when missing)
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

build: setup ## Build the complete site into site/
	$(VENV)/mkdocs build --strict

serve: build ## Build, then serve the site at http://127.0.0.1:8000
	$(VENV)/python scripts/serve_site.py site --port 8000

dev: setup ## Live-reloading server for writing content, rebuilt on any source change (http://127.0.0.1:8000)
	$(VENV)/python scripts/dev_server.py

test: setup chromium java lint ## Run every test: lint, snippets, hooks, notebook, built site, browser
	$(VENV)/pytest

test-fast: setup java lint ## Lint, snippets, hooks and the built site, no browser (< 90 s)
	$(VENV)/pytest -m "not browser and not slow"

lint: setup ## Lint Python (ruff) and JavaScript (ESLint), and check JavaScript's formatting (Prettier)
	$(VENV)/ruff check snippets overrides tests scripts
	node_modules/.bin/eslint --max-warnings=0 .
	node_modules/.bin/prettier --check --log-level=warn .

bench: build chromium ## Measure in-page Python against raw Pyodide, then a Lighthouse audit (not tests)
	$(VENV)/python scripts/bench.py
	$(VENV)/python scripts/lighthouse_audit.py

notebook: setup ## Re-execute the lab notebook and store its outputs
	$(VENV)/jupyter nbconvert --to notebook --execute --inplace docs/labs/*.ipynb

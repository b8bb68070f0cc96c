# Two commands on a fresh machine: `make build` and `make test`.
# Both create the virtual environment from requirements.lock themselves. Every
# target is a thin call of the project's one command, `kb` (`.venv/bin/kb --help`).

PYTHON ?= python3
# The project folder the content is read from (tests point it at fixture copies).
ROOT   ?= .
VENV   := .venv
PY     := $(VENV)/bin/python
KB     := $(VENV)/bin/kb
STAMP  := $(VENV)/.installed

.PHONY: help dev build validate generate serve test test-unit test-fast goldens lint chromium \
        schemas links search-eval screenshots lighthouse new-answer new-structure move-answer translations stale \
        bench stress lock clean

help:
	@echo "make build      validate content and build the site into site/"
	@echo "make validate   check all content without building (path:line: message)"
	@echo "make generate   validate and write the Markdown and MkDocs configs into build/"
	@echo "make serve      live preview on http://127.0.0.1:8000 (the full build, rebuilt on changes)"
	@echo "make test       everything: lint, types, unit, command, site and browser tests"
	@echo "make test-unit  the pure unit tier (no subprocess, no site build; seconds)"
	@echo "make test-fast  everything but the browser tests"
	@echo "make lint       ruff (lint + format check) and mypy"
	@echo "make goldens    rewrite tests/golden/ from the code (then review the diff)"
	@echo "make chromium   install Debian's Chromium for the browser tests, if missing"
	@echo "make schemas    regenerate schemas/*.schema.json from the content model"
	@echo "make links      regenerate tests/link-contract.txt (every published URL and anchor)"
	@echo "make search-eval  measure search quality (recall@1/3, MRR) on tests/search_queries.yml"
	@echo "make screenshots  PNGs of the key pages at 390 and 1280 px, both languages, into build/screenshots/"
	@echo "make lighthouse   Lighthouse over the key pages (median of 3 runs) into build/lighthouse.json"
	@echo "make new-answer TOPIC=avustukset ID=uusi-vastaus   create both language files"
	@echo "make new-structure REGION=pirkanmaa ID=uusi-rakenne TYPE=forum   add a structure"
	@echo "make move-answer OLD=vanha-id NEW=uusi-id   rename an answer, keeping its old address"
	@echo "make translations  list missing, outdated and not yet tracked translations"
	@echo "make stale      list content reviewed more than STALE_MONTHS (12) ago"
	@echo "make bench      build-time benchmark (real site, 500 and 2,000 synthetic answers)"
	@echo "make stress     20 full builds in a row with both cores busy; all must pass, byte-identical"
	@echo "make lock       re-resolve pyproject.toml into requirements.lock"
	@echo "make clean      remove build/ and site/"

# The environment: the hashed lock file, then the project itself (editable, no deps).
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

dev: $(STAMP)

build: $(STAMP)
	$(KB) --root $(ROOT) build

validate: $(STAMP)
	$(KB) validate

generate: $(STAMP)
	$(KB) build --generate-only

serve: $(STAMP)
	$(KB) serve

schemas: $(STAMP)
	$(KB) schemas

# Browser tests drive Debian's Chromium; install it when it is missing.
# CHROMIUM_PATH (kb/tools/browser.py) names another browser binary, e.g. the
# Google Chrome that GitHub's runners have (where apt-get needs sudo).
chromium:
	@test -x "$${CHROMIUM_PATH:-/nonexistent}" || command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium (Debian package) for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy

test: $(STAMP) chromium lint
	$(PY) -m pytest

test-unit: $(STAMP)
	$(PY) -m pytest tests/unit

test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser"

goldens: $(STAMP)
	$(PY) -m pytest tests/unit/test_goldens.py --update-goldens -q

links: build
	$(KB) links --write

search-eval: build chromium
	$(KB) search-eval

screenshots: build chromium
	$(KB) screenshots

# Lighthouse is an npm package, pinned in package.json + package-lock.json (npm ci);
# it drives the same Debian Chromium as the tests.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

lighthouse: build chromium node_modules/.package-lock.json
	CHROME_PATH=$${CHROMIUM_PATH:-/usr/bin/chromium} $(KB) lighthouse

new-answer: $(STAMP)
	$(KB) new-answer --topic "$(TOPIC)" --id "$(ID)"

new-structure: $(STAMP)
	$(KB) new-structure --region "$(REGION)" --id "$(ID)" --type "$(TYPE)"

move-answer: $(STAMP)
	$(KB) move-answer "$(OLD)" "$(NEW)" --topic "$(TOPIC)"

translations: $(STAMP)
	$(KB) translations

STALE_MONTHS ?= 12
stale: $(STAMP)
	$(KB) stale --months $(STALE_MONTHS)

bench: $(STAMP)
	$(KB) bench

stress: $(STAMP)
	$(KB) stress --builds 20 --busy 2

lock: $(STAMP)
	test -x $(VENV)/bin/pip-compile || $(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --extra test --extra dev -o requirements.lock pyproject.toml

clean:
	rm -rf build site

# Two commands on a fresh machine: `make build` and `make test`.
# Both create the virtual environment from requirements.lock themselves.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export PYTHONPATH := scripts
export NO_MKDOCS_2_WARNING := 1

.PHONY: help build validate generate serve test test-fast schemas lock clean chromium \
        links search-eval new-answer new-structure translations stale bench

help:
	@echo "make build      validate content and build the site into site/"
	@echo "make validate   check all content without building (path:line: message)"
	@echo "make generate   validate and write the Markdown tree into build/docs/ (no MkDocs)"
	@echo "make serve      live preview on http://127.0.0.1:8000 (regenerates when content/ or docs/ change)"
	@echo "make test       run the whole test suite (installs Chromium through apt if missing)"
	@echo "make test-fast  run the tests without the browser tests"
	@echo "make chromium   install Debian's Chromium for the browser tests, if missing"
	@echo "make schemas    regenerate schemas/*.schema.json from the content model"
	@echo "make links      regenerate tests/link-contract.txt (every published URL and anchor)"
	@echo "make search-eval  measure search quality (recall@1/3, MRR) on tests/search_queries.yml"
	@echo "make new-answer TOPIC=avustukset ID=uusi-vastaus   create both language files"
	@echo "make new-structure REGION=pirkanmaa ID=uusi-rakenne TYPE=forum   add a structure"
	@echo "make translations  list missing, outdated and not yet tracked translations"
	@echo "make stale      list content whose review date is older than STALE_MONTHS (12)"
	@echo "make bench      build-time benchmark (real site, 500 and 2,000 synthetic answers)"
	@echo "make lock       re-resolve requirements.in into requirements.lock"
	@echo "make clean      remove build/ and site/"

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(STAMP)

build: $(STAMP)
	$(PY) scripts/build_site.py

validate: $(STAMP)
	$(PY) -m sitegen validate

generate: $(STAMP)
	$(PY) scripts/build_site.py --generate-only

serve: $(STAMP)
	$(PY) scripts/serve.py

schemas: $(STAMP)
	$(PY) -m sitegen schemas

# Browser tests drive Debian's Chromium; install it when it is missing.
# CHROMIUM_PATH (as in tests/conftest.py) names another browser binary, e.g. the
# Google Chrome that GitHub's runners have (where apt-get needs sudo).
chromium:
	@test -x "$${CHROMIUM_PATH:-/nonexistent}" || command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium (Debian package) for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) chromium
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser"

links: build
	$(PY) scripts/link_contract.py --write

search-eval: build chromium
	$(PY) scripts/search_eval.py

new-answer: $(STAMP)
	$(PY) scripts/scaffold.py answer --topic "$(TOPIC)" --id "$(ID)"

new-structure: $(STAMP)
	$(PY) scripts/scaffold.py structure --region "$(REGION)" --id "$(ID)" --type "$(TYPE)"

translations: $(STAMP)
	$(PY) -m sitegen translations

STALE_MONTHS ?= 12
stale: $(STAMP)
	$(PY) -m sitegen stale --months $(STALE_MONTHS)

bench: $(STAMP)
	$(PY) scripts/bench.py

lock: $(STAMP)
	test -x $(VENV)/bin/pip-compile || $(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  -o requirements.lock requirements.in

clean:
	rm -rf build site

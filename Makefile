# The two commands of the README work from nothing: `make site` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: help site serve test lint types check extract browser bench clean

help:
	@echo "make site     set up and build the site into build/site/"
	@echo "make serve    preview the site at http://127.0.0.1:8000/ (reloads on edits)"
	@echo "make test     set up and run every test and check"
	@echo "make extract  propose quotes and figures from seeds/ into data/"
	@echo "make check    check seeds/ and data/"
	@echo "make bench    run the benchmarks"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@# our modules compiled, as pip compiles an installed package's (an editable install is not)
	$(BIN)/python -m compileall -q scripts >/dev/null
	@touch $@

# SITE_URL=https://... builds for that address (else site_url in pyproject.toml's [tool.shuttle])
site: $(STAMP)
	$(BIN)/shuttle build $(if $(SITE_URL),--site-url '$(SITE_URL)') $(if $(RENDERER),--renderer '$(RENDERER)')
	@echo "The site is in build/site/. Preview it with: make serve"

serve: $(STAMP)
	$(BIN)/shuttle serve $(if $(RENDERER),--renderer '$(RENDERER)')

extract: $(STAMP)
	$(BIN)/shuttle extract

check: $(STAMP)
	$(BIN)/shuttle check

# Debian's Chromium for the browser tests: installed when missing and we may (root with
# apt-get, as in .ci/run and in the GitHub workflow's Debian container). Elsewhere the
# browser tests say why they are skipped; under CI they must run, so this fails instead.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	      || echo "apt-get could not install chromium" >&2; \
	  fi; \
	  if [ ! -x "$(CHROMIUM)" ]; then \
	    case "$${CI:-}" in \
	      ""|0|false|False|FALSE|no) echo "no $(CHROMIUM), and it cannot be installed here: the browser tests will be skipped";; \
	      *) echo "no $(CHROMIUM): CI must run the browser tests (install Debian's chromium)" >&2; exit 1;; \
	    esac; \
	  fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/lint-imports --no-cache  # the import contracts in pyproject.toml (ARCHITECTURE.md)

types: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) browser lint types
	$(BIN)/shuttle schema --check
	$(BIN)/shuttle check
	$(BIN)/shuttle eval  # the seed and dev-real tables; tests/test_evaluate.py holds them
	SHUTTLE_CHROMIUM=$(CHROMIUM) $(BIN)/pytest

# The benchmarks (not part of `make test`): seed site, 100, 1,000 and 5,000 articles; the
# table and build/bench/results.json. Options through BENCH, e.g. BENCH="--sizes seed,100".
bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH)
	$(BIN)/python -m benchmarks.renderers $(RENDER_BENCH)

clean:
	rm -rf build

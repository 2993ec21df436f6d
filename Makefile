# yorum — quick start: `make run`, then `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck unit model eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[web,test]'
	@touch $(STAMP)

run: setup
	$(BIN)/yorum serve

lint: setup
	$(BIN)/ruff check src tests training benchmarks
	$(BIN)/ruff format --check src tests training benchmarks
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

$(VENV)/.train: $(STAMP)
	$(BIN)/pip install -q -e '.[web,test,train]'
	@touch $@

model: $(VENV)/.train
	$(BIN)/yorum train

eval: $(VENV)/.train
	$(BIN)/yorum eval

$(VENV)/.bench: $(STAMP)
	$(BIN)/pip install -q -e '.[web,test,train,bench]'
	@command -v wrk >/dev/null && command -v hunspell >/dev/null || \
	  (apt-get install -y -qq wrk hunspell hunspell-tr >/dev/null 2>&1 || \
	   echo "wrk/hunspell missing: apt-get install wrk hunspell hunspell-tr (those sections are skipped)")
	@touch $@

bench: $(VENV)/.bench
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist src/*.egg-info

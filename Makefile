# Two commands on a fresh machine: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= outputs/timeline.db

.PHONY: install install-check demo test gate lint check clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/timeline ingest corpus/documents --db $(DB)
	$(BIN)/timeline show Somerset --db $(DB)
	@echo
	@echo "Next:"
	@echo "  $(BIN)/timeline show AUTHORITY --db $(DB) [--from 2010 --to 2020] [--format markdown]"
	@echo "  $(BIN)/timeline report Somerset --db $(DB) -o outputs/somerset.html   # a page to open in a browser"
	@echo "  $(BIN)/timeline serve --db $(DB)                                      # Datasette on http://127.0.0.1:8001"
	@echo "  $(BIN)/timeline search 'improvement notice' --db $(DB)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

install-check:
	PYTHON=$(PYTHON) bash .ci/install-check

gate: $(STAMP)
	$(BIN)/python -m pipeline.evaluate.gate

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/mypy pipeline

check: lint test

clean:
	rm -rf $(VENV) outputs .pytest_cache .mypy_cache .ruff_cache

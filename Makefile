# Two commands on a fresh machine: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= outputs/timeline.db

.PHONY: install demo test lint check clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/timeline ingest corpus/documents --db $(DB)
	$(BIN)/timeline show Cornwall --db $(DB)
	@echo
	@echo "Next: $(BIN)/timeline show AUTHORITY --db $(DB)   (e.g. Somerset, Doncaster)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests
	$(BIN)/mypy pipeline

check: lint test

clean:
	rm -rf $(VENV) outputs .pytest_cache .mypy_cache .ruff_cache

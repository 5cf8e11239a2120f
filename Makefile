# Two commands do all the set-up: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 1
# Optional extras for `make serve`, e.g. EXTRAS=postgres for HOWEY_DB=postgresql://...
EXTRAS ?=
INSTALLED := $(VENV)/.installed$(if $(EXTRAS),-$(EXTRAS))

.PHONY: serve test install install-dev lint train data-check bench notebooks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Pinned installs: constraints.txt fixes every version, so the shipped model's pickle always
# meets the library versions it was written with.
$(INSTALLED): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.$(if $(EXTRAS),[$(EXTRAS)])'
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(INSTALLED)
install-dev: $(VENV)/.installed-dev

serve: install
	$(BIN)/howey serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

lint: install-dev
	$(BIN)/ruff check app tests bench

data-check: install
	$(BIN)/howey data check data/labeled_tokens.csv

test: install-dev lint data-check
	$(BIN)/python -m pytest

train: install
	$(BIN)/howey train

# Re-execute the notebooks in place, outputs and figures included (open them with the
# `notebooks` extra: pip install -e '.[notebooks]', then jupyter lab).
notebooks: install-dev
	$(BIN)/python notebooks/run_all.py

bench: install-dev
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-output

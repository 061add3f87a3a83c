# policy-stance: every target installs what it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install test demo bench schemas clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

test: install
	scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

demo: install
	$(BIN)/policy-stance demo

bench: install
	$(BIN)/python -m streams.bench

schemas: install
	$(BIN)/python -m schemas.export

clean:
	rm -rf $(VENV) build *.egg-info test-output

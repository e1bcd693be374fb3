# Two commands do all set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BUNDLE_STAMP := $(VENV)/.installed-bundle

.PHONY: run test lint wheel-check benchmarks translations bundle

# Created once; redone only when pyproject.toml changes (so a second call installs nothing).
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

wheel-check: $(STAMP)
	bash packaging/check_wheel.sh

benchmarks: $(STAMP)
	@command -v dot >/dev/null 2>&1 || echo "note: Graphviz's dot is not installed, so the autograd benchmark skips its dot comparison; to get it: sudo apt-get install graphviz (Debian/Ubuntu), or see https://graphviz.org/download/"
	$(PY) -m benchmarks

translations: $(STAMP)
	$(PY) tools/i18n.py update
	$(PY) tools/i18n.py missing
	$(PY) tools/i18n.py release

# The bundle also needs the `bundle` extra (PyInstaller); installed once, like $(STAMP).
$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install -e ".[bundle]"
	@touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	bash packaging/build_bundle.sh

# The two commands: `make run` (set up, then run the daily job on the bundled sample feeds)
# and `make test` (set up, then run the tests). Both create .venv when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

.PHONY: setup run test test-fast lint-imports bench digest-png clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench,dask]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claimwatch run

test: $(STAMP) lint-imports
	$(BIN)/python -m pytest

# The layering contracts (pyproject.toml, [tool.importlinter]), checked on the package as a wheel
# installs it: an editable install maps the stage folders in a way grimp cannot walk.
LINT := build/lint
lint-imports: $(STAMP)
	rm -rf $(LINT) && mkdir -p $(LINT)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w $(LINT)/dist .
	$(BIN)/python -m pip install --quiet --no-deps --target $(LINT)/site $(LINT)/dist/claimwatch-*.whl
	cd $(LINT) && PYTHONPATH=site ../../$(BIN)/lint-imports ../../pyproject.toml

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# The README's picture: the digest of a run over the bundled samples, rendered by headless Chromium
# (Debian's chromium package).
digest-png: $(STAMP)
	rm -rf build/digest-demo && mkdir -p build/digest-demo
	cd build/digest-demo && ../../$(BIN)/claimwatch run
	$(BIN)/python scripts/render_digest.py --warehouse build/digest-demo/claimwatch.duckdb \
		--out build/digest-demo/digest.html --png docs/digest.png --height 1900

clean:
	rm -rf $(VENV) claimwatch.duckdb claimwatch.duckdb.wal digests

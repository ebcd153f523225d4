# The two commands: `make run` (set up, then run the daily job on the bundled sample feeds)
# and `make test` (set up, then run the tests). Both create .venv when it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

.PHONY: setup run test test-fast bench digest-png clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench,dask]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claimwatch run

test: $(STAMP)
	$(BIN)/python -m pytest

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

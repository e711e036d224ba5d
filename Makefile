# Pilotage: `make run` (demo end to end) and `make test` (every test) on a fresh machine.
VENV        ?= .venv
PYTHON      ?= python3
BIN         := $(VENV)/bin
SCALE       ?= 1
DEMO_SCALE  ?= 0.01
LANDING     ?= data/landing
WAREHOUSE   ?= warehouse/pilotage.duckdb
PYTEST_ARGS ?= -n 2 --dist loadgroup
export UV_COMPILE_BYTECODE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run test test-spark bench catalogue docs clean

# Installs into .venv with uv (fast, bytecode compiled); falls back to pip.
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	@if $(PYTHON) -m uv --version >/dev/null 2>&1; then \
	    $(PYTHON) -m uv venv --quiet --allow-existing --python $(PYTHON) $(VENV) && \
	    $(PYTHON) -m uv pip install --quiet --python $(BIN)/python -e '.[dev,postgres]'; \
	else \
	    $(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet --compile -e '.[dev,postgres]'; \
	fi
	@$(BIN)/dbt deps --quiet >/dev/null 2>&1 || true
	@touch $@

install: $(VENV)/.installed

run: install
	@test -d $(LANDING) || $(BIN)/pilotage generate --out $(LANDING) --scale $(DEMO_SCALE) --seed 42 --quiet
	$(BIN)/pilotage refresh --landing $(LANDING) --warehouse $(WAREHOUSE)
	@echo ""
	@echo "Published marts:  $(WAREHOUSE)  (schemas marts, audit; open read-only from any BI tool)"
	@echo "Recette report:   reports/recette/summary.html  (GX Data Docs: reports/recette/data_docs/)"
	@echo "Dagster UI:       $(BIN)/pilotage ui   ->  http://127.0.0.1:3000"

test: install
	@bash scripts/ensure_test_services.sh
	$(BIN)/pytest -q $(PYTEST_ARGS)

# The Spark proof (golden fixture on local Spark == DuckDB): the optional extra (~500 MB) and
# Java 17; about 5 minutes, so kept out of `make test`.
test-spark: install
	$(PYTHON) -m uv pip install --quiet --python $(BIN)/python -e '.[dev,postgres,spark]' || $(BIN)/pip install --quiet -e '.[dev,postgres,spark]'
	@command -v java >/dev/null 2>&1 || (apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null)
	$(BIN)/pytest -q tests/spark

bench: install
	$(BIN)/python -m bench.run --scale $(SCALE) $(if $(FULL_ONLY),--full-only) $(if $(REPEATS),--nightly-repeats $(REPEATS)) $(if $(ONE_FULL),--one-full)

catalogue: install
	$(BIN)/pilotage catalogue

docs: install
	PILOTAGE_DUCKDB_PATH=$(WAREHOUSE) $(BIN)/dbt docs generate --vars '{as_of: "2026-03-15"}'

clean:
	rm -rf target logs reports .pilotage warehouse

"""What changes from run to run reaches dbt as run parameters, not `--vars` (dbt_runner): a new
as_of or delta must not change what dbt's partial parsing compares (vars, profile env), else
dbt parses the whole project again every night."""
from __future__ import annotations

import json

from orchestration import dbt_runner
from orchestration.settings import resolve

DELTA = {"erp__orders": ["erp/orders/orders_2026-03-16.csv"]}


def _night(tmp_path, as_of: str, **dbt_vars):
    return resolve(landing=str(tmp_path), warehouse=str(tmp_path / "pilotage.duckdb"), as_of=as_of,
                   target="duckdb", timezone="Europe/Paris").with_(dbt_vars=dbt_vars)


def test_as_of_and_the_delta_are_run_parameters_and_the_other_vars_stay_vars(tmp_path):
    night = _night(tmp_path, "2026-03-16", delta_files=DELTA, merge_models=["int_orders"],
                   as_of_move=["2026-03-15", "2026-03-16"], min_ordering_cycle_days=5)
    assert json.loads(dbt_runner.dbt_vars(night)) == {"reporting_timezone": "Europe/Paris",
                                                      "min_ordering_cycle_days": 5}
    assert dbt_runner.run_parameters(night) == {"PILOTAGE_RUN_PARAMETERS": json.dumps(
        {"as_of": "2026-03-16", "delta_files": DELTA, "merge_models": ["int_orders"],
         "as_of_move": ["2026-03-15", "2026-03-16"]}, sort_keys=True)}


def test_two_nights_share_one_parse(tmp_path):
    first = _night(tmp_path, "2026-03-15")
    second = _night(tmp_path, "2026-03-16", delta_files=DELTA, merge_models=["int_orders"])
    assert dbt_runner._stamp(first) == dbt_runner._stamp(second)
    assert dbt_runner.run_parameters(first) != dbt_runner.run_parameters(second)
    # a var that is not a run parameter still asks for a parse
    assert dbt_runner._stamp(_night(tmp_path, "2026-03-15", min_ordering_cycle_days=5)) != dbt_runner._stamp(first)


def test_the_parse_stamp_holds_every_env_var_a_parse_reads(tmp_path, monkeypatch):
    """Each PARSE_ENV var the target reads changes the stamp (and so asks for a parse); the
    postgres ones do not matter to a DuckDB parse; the password is never stored in clear."""
    night = _night(tmp_path, "2026-03-15")
    before = dbt_runner._stamp(night)
    assert sorted(before["env"]) == sorted(["PILOTAGE_DUCKDB_PATH", "PILOTAGE_TARGET", "DBT_PROFILES_DIR",
                                            "PILOTAGE_SCHEMA_SUFFIX", "PILOTAGE_DBT_THREADS",
                                            "PILOTAGE_DUCKDB_MEMORY_LIMIT"])
    assert before["env"]["PILOTAGE_DUCKDB_PATH"] == str(night.build_path)
    monkeypatch.setenv("PILOTAGE_PG_HOST", "elsewhere")
    assert dbt_runner._stamp(night) == before
    monkeypatch.setenv("PILOTAGE_DUCKDB_MEMORY_LIMIT", "3GB")
    assert dbt_runner._stamp(night)["env"]["PILOTAGE_DUCKDB_MEMORY_LIMIT"] == "3GB"
    postgres = resolve(landing=str(tmp_path), warehouse=str(tmp_path / "pilotage.duckdb"),
                       as_of="2026-03-15", target="postgres", timezone="Europe/Paris")
    monkeypatch.setenv("PILOTAGE_PG_PASSWORD", "s3cret")
    stamped = dbt_runner._stamp(postgres)["env"]
    assert sorted(stamped) == sorted(dbt_runner.PARSE_ENV)
    assert stamped["PILOTAGE_PG_HOST"] == "elsewhere"
    assert stamped["PILOTAGE_PG_PASSWORD"].startswith("sha256:") and "s3cret" not in json.dumps(stamped)

"""The Spark target (docs/spark.md): the golden fixture, built on a local Spark through
dbt-spark's session method, publishes `marts.kpi_observations` identical, row for row, to the
DuckDB build of the same fixture. This is the proof that the models are portable.

Runs when the optional extra is installed (`pip install -e '.[spark]'`) and a Java runtime is
there; skipped otherwise. The build is limited to `+kpi_observations` without data or unit
tests (the DuckDB suite runs those): a few minutes on two cores, most of it Spark's per-stage
overhead on the 79 KPIs (docs/spark.md "Run time").
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # pyspark 4.3 warns that it does not fully support pandas 3
    warnings.simplefilter("ignore", FutureWarning)
    pytest.importorskip("pyspark.sql", reason="optional extra `spark` not installed")
    pytest.importorskip("dbt.adapters.spark", reason="optional extra `spark` not installed")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

import duckdb  # noqa: E402

from orchestration.loader import load_into_file  # noqa: E402

pytestmark = [pytest.mark.xdist_group("spark"),
              pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")]

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "landing"
AS_OF = "2026-03-15"
TIMEZONE = "Europe/Paris"
SELECT = ["+kpi_observations"]
NO_TESTS = ["test", "unit_test"]
KEY = ("kpi_code", "period_grain", "period_start", "dimension", "dimension_value")
COLUMNS = ("kpi_code", "module", "period_grain", "period_start", "dimension", "dimension_value",
           "value", "target", "unit", "as_of_date")
REL_TOL = 1e-9


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("spark")


@pytest.fixture(scope="module")
def loaded(work):
    """The loader's DuckDB file of the golden landing (raw.* and audit.*)."""
    path = work / "loaded.duckdb"
    load_into_file(GOLDEN, path, TIMEZONE)
    return path


@pytest.fixture(scope="module")
def duckdb_rows(work, loaded):
    """marts.kpi_observations of the same selection built on DuckDB (dbt in a subprocess, into
    a copy of the loaded file; its own target path, so the project's target/ is left alone)."""
    path = work / "duckdb_build.duckdb"
    shutil.copyfile(loaded, path)
    env = {**os.environ, "PILOTAGE_DUCKDB_PATH": str(path), "DBT_PROFILES_DIR": str(ROOT),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    for key in ("PILOTAGE_TARGET", "PILOTAGE_SCHEMA_SUFFIX", "DBT_TARGET_PATH"):
        env.pop(key, None)
    dbt = Path(sys.executable).parent / "dbt"
    proc = subprocess.run(
        [str(dbt) if dbt.exists() else "dbt", "build", "--target", "duckdb", "--select", *SELECT,
         *[a for kind in NO_TESTS for a in ("--exclude-resource-type", kind)],
         "--vars", json.dumps({"as_of": AS_OF, "reporting_timezone": TIMEZONE}),
         "--target-path", str(work / "duckdb_target"), "--log-path", str(work / "duckdb_logs"),
         "--no-use-colors"],
        cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"select {', '.join(COLUMNS)} from marts.kpi_observations").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def spark_build(work, loaded):
    """The same selection on local Spark, in this process (dbt-spark's session method reuses the
    SparkSession that orchestration.spark created). Yields (SparkBuild, SparkSession)."""
    from orchestration import spark as pilotage_spark

    started = time.perf_counter()
    build = pilotage_spark.build_on_spark(loaded, work / "spark", AS_OF, select=SELECT,
                                          exclude_resource_types=NO_TESTS, timezone=TIMEZONE,
                                          catalog="in-memory")
    build.seconds["total"] = time.perf_counter() - started
    print(f"\nspark build: " + ", ".join(f"{k} {v:.1f} s" for k, v in build.seconds.items()))
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession() or SparkSession.builder.getOrCreate()
    yield build, session
    session.stop()


def _key(row) -> tuple:
    return tuple(row[COLUMNS.index(c)] for c in KEY)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return a == b or math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)
    return a == b


def test_spark_build_succeeds(spark_build):
    build, _ = spark_build
    assert build.success, "\n".join(build.failures)
    assert "raw.crm__accounts" in build.tables and "audit.load_audit" in build.tables


def test_raw_parquet_layout(spark_build, loaded):
    """One folder of Parquet per loader table, registered under the same schema and name."""
    build, spark = spark_build
    con = duckdb.connect(str(loaded), read_only=True)
    try:
        for name, rows in build.tables.items():
            schema, table = name.split(".")
            assert (build.parquet_root / schema / table / "part-0.parquet").is_file()
            assert rows == con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
            assert spark.table(f"{schema}.{table}").count() == rows
    finally:
        con.close()


def test_kpi_observations_identical_to_duckdb(spark_build, duckdb_rows):
    build, spark = spark_build
    assert build.success, "\n".join(build.failures)
    frame = spark.table("marts.kpi_observations")
    types = dict(frame.dtypes)
    assert types["value"] == types["target"] == "double"
    assert types["period_start"] == types["as_of_date"] == "date"
    spark_rows = [tuple(r) for r in frame.select(*COLUMNS).collect()]

    assert len(duckdb_rows) > 1000  # the whole catalogue, not an empty build
    by_key_spark = {_key(r): r for r in spark_rows}
    by_key_duck = {_key(r): r for r in duckdb_rows}
    assert len(by_key_spark) == len(spark_rows), "duplicate keys on Spark"
    assert sorted(set(by_key_duck) - set(by_key_spark), key=str)[:10] == [], "rows missing on Spark"
    assert sorted(set(by_key_spark) - set(by_key_duck), key=str)[:10] == [], "rows only on Spark"
    differing = [(by_key_spark[k], by_key_duck[k]) for k in by_key_duck
                 if not all(_same(a, b) for a, b in zip(by_key_spark[k], by_key_duck[k]))]
    assert differing[:10] == [], f"{len(differing)} rows differ (spark, duckdb)"
    assert {r[1] for r in spark_rows} >= {"management", "pipeline", "service"}

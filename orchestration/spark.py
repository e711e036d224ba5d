"""The Spark target: the loader's tables as Parquet, registered in Spark, then `dbt build`.

One job (docs/spark.md): the DuckDB file written by the loader (raw.* and audit.*) is exported
table by table as Parquet under `<parquet_root>/<schema>/<table>/part-0.parquet`; each folder is
registered in the Spark catalog as an external table `<schema>.<table>` (`using parquet
location ...`); dbt-spark then builds the unchanged models on target `spark`.

Locally (tests, a laptop) dbt-spark's `session` method runs Spark in this very process: dbt
calls `SparkSession.builder.getOrCreate()`, which returns the session `spark_session()` created
first, with its warehouse directory and Derby metastore under a directory of ours (not the
current directory). On a cluster the same Parquet layout is written to shared storage and the
`spark_cluster` target (thrift/http) is used instead: see docs/spark.md.

pyspark and dbt-spark are the optional extra `spark` (`pip install -e '.[spark]'`).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .errors import PilotageError
from .settings import PROJECT_DIR

LOADER_SCHEMAS = ("raw", "audit")
# Spark SQL settings of the local session. The session time zone is UTC so that Spark's
# TIMESTAMP (an instant rendered in the session zone) behaves like the loader's naive
# timestamps, whose local/UTC meaning is in the column name (*_utc / *_local).
# The other settings suit small data on one machine, where the cost is Spark's fixed cost per
# stage (the KPI layer is ~1,500 small shuffle stages), not data: one shuffle partition, no
# adaptive re-planning between stages, no Java code generation (compiling each stage costs
# more than interpreting it). Measured on KPI queries: half the CPU of Spark's defaults.
SESSION_CONF = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.shuffle.partitions": "1",
    "spark.default.parallelism": "2",
    "spark.sql.adaptive.enabled": "false",
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.codegen.factoryMode": "NO_CODEGEN",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.ansi.enabled": "false",  # dbt-spark forces it off anyway
    "spark.sql.legacy.createHiveTableByDefault": "false",  # CTAS without USING -> parquet
}


@dataclass
class SparkBuild:
    """What `build_on_spark` did."""
    parquet_root: Path
    tables: dict[str, int] = field(default_factory=dict)  # schema.table -> rows exported
    success: bool = False
    seconds: dict[str, float] = field(default_factory=dict)  # export, session, register, dbt
    failures: list[str] = field(default_factory=list)
    target_path: Path | None = None


def export_loader_tables(duck_path: Path | str, parquet_root: Path | str) -> dict[str, int]:
    """Write raw.* and audit.* of the loader's DuckDB file as Parquet, one folder per table:
    `<parquet_root>/<schema>/<table>/part-0.parquet`. Earlier folders are replaced."""
    root = Path(parquet_root)
    con = duckdb.connect(str(duck_path), read_only=True)
    exported: dict[str, int] = {}
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {LOADER_SCHEMAS} and table_type = 'BASE TABLE' order by 1, 2").fetchall()
        if not any(schema == "raw" for schema, _ in tables):
            raise PilotageError(f"{duck_path} holds no raw.* table: run the loader first")
        for schema, table in tables:
            folder = root / schema / table
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            target = str(folder / "part-0.parquet").replace("'", "''")
            con.execute(f'copy (select * from "{schema}"."{table}") to \'{target}\' (format parquet)')
            exported[f"{schema}.{table}"] = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
    finally:
        con.close()
    return exported


def spark_session(work_dir: Path | str, master: str = "local[2]", catalog: str = "hive"):
    """The process's SparkSession, its warehouse (and Derby metastore) under `work_dir`. Must
    run before dbt opens its connection: Spark's static settings only apply to the first
    session of the JVM. catalog="hive": a Hive metastore in Derby, kept between runs (the
    history of kpi_observations survives); "in-memory": the catalog lives as long as the
    process (tests: no Derby start-up, faster catalog calls); its warehouse folder is emptied
    first, since tables it does not know cannot stay in their folders."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise PilotageError("pyspark is not installed: pip install -e '.[spark]'") from None
    if catalog not in ("hive", "in-memory"):
        raise PilotageError(f"unknown Spark catalog {catalog!r} (hive or in-memory)")
    work = Path(work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    warehouse = work / "spark-warehouse"
    if catalog == "in-memory" and warehouse.exists():
        shutil.rmtree(warehouse)
    builder = (SparkSession.builder.master(master).appName("pilotage")
               .config("spark.sql.catalogImplementation", catalog)
               .config("spark.sql.warehouse.dir", str(warehouse))
               .config("spark.local.dir", str(work / "tmp")))
    if catalog == "hive":
        builder = (builder.config("spark.hadoop.javax.jdo.option.ConnectionURL",
                                  f"jdbc:derby:;databaseName={work / 'metastore_db'};create=true")
                   .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={work}"))
    for key, value in SESSION_CONF.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def register_loader_tables(spark, parquet_root: Path | str, suffix: str = "") -> list[str]:
    """(Re)create `<schema><suffix>.<table>` as external Parquet tables over the exported
    folders. Dropping an external table leaves its files alone."""
    root = Path(parquet_root).resolve()
    registered = []
    for schema in LOADER_SCHEMAS:
        if not (root / schema).is_dir():
            continue
        database = f"{schema}{suffix}"
        spark.sql(f"create database if not exists `{database}`")
        for folder in sorted(p for p in (root / schema).iterdir() if p.is_dir()):
            name = f"`{database}`.`{folder.name}`"
            spark.sql(f"drop table if exists {name}")
            location = folder.as_uri().replace("'", "\\'")
            spark.sql(f"create table {name} using parquet location '{location}'")
            registered.append(f"{database}.{folder.name}")
    return registered


def run_dbt(args: list[str], *, target_path: Path, log_path: Path, project_dir: Path = PROJECT_DIR,
            target: str = "spark"):
    """dbt in this process (so dbt-spark's session is ours). Returns dbt's dbtRunnerResult."""
    from dbt.cli.main import dbtRunner

    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    full = [*args, "--target", target, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir),
            "--target-path", str(target_path), "--log-path", str(log_path)]
    return dbtRunner().invoke(full)


def _failures(result) -> list[str]:
    out = []
    if result.exception is not None:
        out.append(f"{type(result.exception).__name__}: {result.exception}")
    for r in getattr(result.result, "results", None) or []:
        status = str(getattr(r, "status", ""))
        if status in ("error", "fail", "runtime error"):
            message = " ".join(str(getattr(r, "message", "") or "").split())[:500]
            out.append(f"{r.node.unique_id}: {status}: {message}")
    return out


def build_on_spark(duck_path: Path | str, work_dir: Path | str, as_of: str, *, select: list[str] | None = None,
                   exclude_resource_types: list[str] | None = None, timezone: str = "Europe/Paris",
                   extra_vars: dict | None = None, catalog: str = "hive") -> SparkBuild:
    """Export the loader's tables of `duck_path`, register them in the local Spark session and
    run `dbt build` on target spark. `select`: dbt selectors (default: the whole project);
    `exclude_resource_types`: e.g. ["test", "unit_test"]; `catalog`: see spark_session."""
    work = Path(work_dir).resolve()
    build = SparkBuild(parquet_root=work / "parquet", target_path=work / "dbt_target")
    started = time.perf_counter()
    build.tables = export_loader_tables(duck_path, build.parquet_root)
    build.seconds["export"] = time.perf_counter() - started

    started = time.perf_counter()
    spark = spark_session(work, catalog=catalog)
    build.seconds["session"] = time.perf_counter() - started

    started = time.perf_counter()
    register_loader_tables(spark, build.parquet_root, os.environ.get("PILOTAGE_SCHEMA_SUFFIX", ""))
    build.seconds["register"] = time.perf_counter() - started

    started = time.perf_counter()
    dbt_vars = {"as_of": as_of, "reporting_timezone": timezone, **(extra_vars or {})}
    args = ["build", "--vars", json.dumps(dbt_vars, sort_keys=True)]
    if select:
        args += ["--select", *select]
    for kind in exclude_resource_types or []:
        args += ["--exclude-resource-type", kind]
    result = run_dbt(args, target_path=build.target_path, log_path=work / "dbt_logs")
    build.seconds["dbt"] = time.perf_counter() - started
    build.success = bool(result.success)
    build.failures = _failures(result)
    return build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orchestration.spark",
        description="Load a landing directory, export raw/audit as Parquet, dbt build on local Spark.")
    parser.add_argument("--landing", required=True, help="landing directory")
    parser.add_argument("--as-of", required=True, help="as_of date YYYY-MM-DD")
    parser.add_argument("--work-dir", default=str(PROJECT_DIR / ".pilotage" / "spark"),
                        help="Parquet, Spark warehouse and metastore (default .pilotage/spark)")
    parser.add_argument("--timezone", default="Europe/Paris")
    parser.add_argument("--select", nargs="*", help="dbt selectors (default: everything)")
    parser.add_argument("--tests", choices=("data", "all", "none"), default="data",
                        help="dbt tests to run: data tests only (default; two unit tests state "
                             "their expected rows with PostgreSQL's float8), all, or none")
    parser.add_argument("--catalog", choices=("hive", "in-memory"), default="hive",
                        help="hive (Derby metastore in the work dir, kept between runs) or in-memory")
    ns = parser.parse_args(argv)

    from .loader import load_into_file

    work = Path(ns.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    duck = work / "loaded.duckdb"
    duck.unlink(missing_ok=True)
    try:
        load_into_file(ns.landing, duck, ns.timezone)
        excluded = {"data": ["unit_test"], "all": [], "none": ["test", "unit_test"]}[ns.tests]
        build = build_on_spark(duck, work, ns.as_of, select=ns.select, timezone=ns.timezone,
                               exclude_resource_types=excluded, catalog=ns.catalog)
    except PilotageError as exc:
        print(f"pilotage spark: {exc}", file=sys.stderr)
        return 1
    timings = ", ".join(f"{k} {v:.1f} s" for k, v in build.seconds.items())
    print(f"spark build {'succeeded' if build.success else 'FAILED'} ({timings}); "
          f"{len(build.tables)} tables exported under {build.parquet_root}")
    for failure in build.failures:
        print(f"  {failure}", file=sys.stderr)
    return 0 if build.success else 1


if __name__ == "__main__":
    sys.exit(main())

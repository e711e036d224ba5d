"""The floor: the compiled SQL of the same dbt models, in dependency order, executed by one
DuckDB connection with no dbt or Dagster in between. `full refresh / floor` and
`dbt build / floor` are the ratios to quote (absolute times drift on a shared machine)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

from orchestration import duck
from orchestration.settings import PROJECT_DIR

LOADER_SCHEMAS = ("raw", "audit")


def copy_loaded_tables(published: Path, floor_db: Path) -> None:
    """A fresh DuckDB file holding only what the loader wrote (raw.*, audit.*)."""
    floor_db.unlink(missing_ok=True)
    con = duckdb.connect(str(floor_db))
    try:
        con.execute(f"attach '{published}' as published (read_only)")
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            f"where database_name = 'published' and schema_name in {LOADER_SCHEMAS}").fetchall()
        for schema in LOADER_SCHEMAS:
            con.execute(f"create schema if not exists {schema}")
        for schema, table in tables:
            con.execute(f'create table {schema}."{table}" as select * from published.{schema}."{table}"')
        con.execute("detach published")
    finally:
        con.close()


def compiled_models(floor_db: Path, vars_json: str, target_path: Path) -> list[dict]:
    """`dbt compile` against the floor file; models and seeds in dependency order."""
    env = dict(os.environ, PILOTAGE_DUCKDB_PATH=str(floor_db), PILOTAGE_TARGET="duckdb")
    dbt = str(Path(os.sys.executable).parent / "dbt")
    subprocess.run([dbt, "compile", "--quiet", "--vars", vars_json, "--target-path", str(target_path)],
                   cwd=PROJECT_DIR, env=env, check=True, capture_output=True)
    manifest = json.loads((target_path / "manifest.json").read_text())
    nodes = {uid: n for uid, n in manifest["nodes"].items() if n["resource_type"] in ("model", "seed")}
    graph = {uid: [d for d in n.get("depends_on", {}).get("nodes", []) if d in nodes] for uid, n in nodes.items()}
    # an ephemeral model has no relation: its SQL is inlined in the compiled SQL of its readers
    return [nodes[uid] for uid in TopologicalSorter(graph).static_order()
            if nodes[uid]["config"]["materialized"] != "ephemeral"]


def run_floor(floor_db: Path, nodes: list[dict]) -> float:
    """Execute every model's compiled SQL; returns seconds. Same DuckDB memory limit as dbt's."""
    con = duck.connect(floor_db)
    started = time.perf_counter()
    try:
        for node in nodes:
            schema, name = node["schema"], node["alias"]
            con.execute(f'create schema if not exists "{schema}"')
            if node["resource_type"] == "seed":
                seed = PROJECT_DIR / node["original_file_path"]
                con.execute(f"create table \"{schema}\".\"{name}\" as select * from read_csv('{seed}', header=true, delim=',', quote='\"')")
            elif node["config"]["materialized"] == "view":
                con.execute(f'create view "{schema}"."{name}" as {node["compiled_code"]}')
            else:
                con.execute(f'create table "{schema}"."{name}" as {node["compiled_code"]}')
        return time.perf_counter() - started
    finally:
        con.close()


def measure_floor(published: Path, workdir: Path, vars_json: str) -> dict:
    """Run in its own process by bench.run (python -m bench.floor), like a refresh."""
    floor_db = workdir / "floor.duckdb"
    copy_loaded_tables(published, floor_db)
    target = workdir / "floor-target"
    shutil.rmtree(target, ignore_errors=True)
    nodes = compiled_models(floor_db, vars_json, target)
    seconds = run_floor(floor_db, nodes)
    return {"seconds": seconds, "models": len(nodes)}


def main() -> None:
    import sys

    published, workdir, vars_json = sys.argv[1:4]
    print(json.dumps(measure_floor(Path(published), Path(workdir), vars_json)))


if __name__ == "__main__":
    main()

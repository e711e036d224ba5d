"""DuckDB connections of the Python side (loader, checks, recette, publish) under the same
memory limit as dbt's (profiles.yml): PILOTAGE_DUCKDB_MEMORY_LIMIT, default 2.5GB, so a whole
refresh stays within about 4 GiB (DuckDB spills to disk beyond the limit, it does not fail)."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

MEMORY_LIMIT_ENV = "PILOTAGE_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "2.5GB"  # keep in step with profiles.yml


def memory_limit() -> str:
    return os.environ.get(MEMORY_LIMIT_ENV, "").strip() or DEFAULT_MEMORY_LIMIT


def connect(path: str | Path = ":memory:", read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": memory_limit()})

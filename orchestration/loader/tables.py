"""The loader's tables (docs/architecture.md, "Raw layer") and keeping them in shape.

raw.<source>__<entity>: contract columns (contract order, typed), then `<ts>_utc` for each ts
column, then `_file`, `_file_name`, `_line`. audit.load_audit, audit.quarantine as specified;
audit.loader_state holds what the stored rows depend on besides the files (the time zone);
audit.landing_file_stats the file system's signature of each stored file's content (load.py).
"""
from __future__ import annotations

import duckdb

from ..contract import ENTITIES, SQL_TYPES, Entity

RAW, AUDIT = "raw", "audit"

LOAD_AUDIT = [("source", "VARCHAR"), ("entity", "VARCHAR"), ("file", "VARCHAR"),
              ("rows_read", "BIGINT"), ("rows_loaded", "BIGINT"), ("rows_quarantined", "BIGINT"),
              ("loaded_at", "TIMESTAMP"), ("file_hash", "VARCHAR")]
QUARANTINE = [("source", "VARCHAR"), ("entity", "VARCHAR"), ("file", "VARCHAR"),
              ("line_number", "BIGINT"), ("reason", "VARCHAR"), ("raw_line", "VARCHAR")]
LOADER_STATE = [("key", "VARCHAR"), ("value", "VARCHAR")]
LANDING_FILE_STATS = [("file", "VARCHAR"), ("file_hash", "VARCHAR"), ("stat", "VARCHAR")]


def ts_columns(entity: Entity) -> list[str]:
    return [c.name for c in entity.columns if c.type == "ts"]


def raw_columns(entity: Entity) -> list[tuple[str, str]]:
    return ([(c.name, SQL_TYPES[c.type]) for c in entity.columns]
            + [(f"{name}_utc", "TIMESTAMP") for name in ts_columns(entity)]
            + [("_file", "VARCHAR"), ("_file_name", "VARCHAR"), ("_line", "BIGINT")])


def raw_table(entity: Entity) -> str:
    return f'{RAW}."{entity.raw_table}"'


def ensure_all(con: duckdb.DuckDBPyConnection) -> tuple[bool, list[Entity]]:
    """Make every table exist with the current shape (a table whose columns differ is
    re-created). Returns (audit tables re-created, entities whose raw table was re-created):
    their stored rows must be loaded again."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW}")
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {AUDIT}")
    existing: dict[tuple[str, str], list] = {}
    for schema, table, column, typ in con.execute(
            "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema IN (?, ?) "
            "ORDER BY table_schema, table_name, ordinal_position", [RAW, AUDIT]).fetchall():
        existing.setdefault((schema, table), []).append((column, typ))

    def ensure(schema: str, name: str, columns: list[tuple[str, str]]) -> bool:
        if existing.get((schema, name)) == columns:
            return False
        cols = ", ".join(f'"{n}" {t}' for n, t in columns)
        con.execute(f'CREATE OR REPLACE TABLE {schema}."{name}" ({cols})')
        return True

    audit_new = any([ensure(AUDIT, "load_audit", LOAD_AUDIT), ensure(AUDIT, "quarantine", QUARANTINE)])
    ensure(AUDIT, "loader_state", LOADER_STATE)
    ensure(AUDIT, "landing_file_stats", LANDING_FILE_STATS)
    recreated = [e for e in ENTITIES if ensure(RAW, e.raw_table, raw_columns(e))]
    return audit_new, recreated


def get_state(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute(f"SELECT value FROM {AUDIT}.loader_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute(f"DELETE FROM {AUDIT}.loader_state WHERE key = ?", [key])
    con.execute(f"INSERT INTO {AUDIT}.loader_state VALUES (?, ?)", [key, value])

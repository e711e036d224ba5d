"""Copy PostgreSQL tables into a DuckDB connection: how the data-quality rules and the recette,
written once for DuckDB, audit a PostgreSQL build.

The data is the PostgreSQL build's, byte for byte through COPY ... TO STDOUT (CSV), so a rule
recomputed here checks what BI tools will read; column types are mapped to their DuckDB names,
and `numeric` (unbounded on PostgreSQL, 38 digits on DuckDB) travels as DOUBLE but is still
reported as DECIMAL to the type checks.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from .postgres import NULL_MARK

# information_schema.columns.data_type -> DuckDB type name (unknown types travel as text)
PG_TO_DUCKDB = {
    "text": "VARCHAR", "character varying": "VARCHAR", "character": "VARCHAR", "name": "VARCHAR",
    "bigint": "BIGINT", "integer": "INTEGER", "smallint": "SMALLINT",
    "double precision": "DOUBLE", "real": "FLOAT", "numeric": "DECIMAL", "boolean": "BOOLEAN",
    "date": "DATE", "timestamp without time zone": "TIMESTAMP",
    "timestamp with time zone": "TIMESTAMP WITH TIME ZONE",
}
STORED_AS = {"DECIMAL": "DOUBLE"}


def duckdb_type(pg_type: str) -> str:
    return PG_TO_DUCKDB.get(pg_type, "VARCHAR")


def pg_columns(pg, schemas: list[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(schema, table) -> [(column, PostgreSQL data_type)] of the tables and views of `schemas`."""
    rows = pg.execute(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        "where table_schema = any(%s) order by table_schema, table_name, ordinal_position",
        [list(schemas)]).fetchall()
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for schema, table, column, data_type in rows:
        out.setdefault((schema, table), []).append((column, data_type))
    return out


def copy_table(pg, duck: duckdb.DuckDBPyConnection, source: tuple[str, str], dest: tuple[str, str],
               columns: list[tuple[str, str]]) -> int:
    """Create DuckDB table `dest` (schema, table) with `columns` and fill it from PostgreSQL
    relation `source`. Returns the rows copied."""
    from psycopg import sql

    d_schema, d_table = dest
    types = {name: STORED_AS.get(duckdb_type(t), duckdb_type(t)) for name, t in columns}
    duck.execute(f'create schema if not exists "{d_schema}"')
    ddl = ", ".join(f'"{name}" {dtype}' for name, dtype in types.items())
    duck.execute(f'create or replace table "{d_schema}"."{d_table}" ({ddl})')
    with tempfile.TemporaryDirectory(prefix="pilotage-mirror-") as tmp:
        path = Path(tmp) / "rows.csv"
        statement = sql.SQL("copy (select * from {}.{}) to stdout (format csv, null {})").format(
            sql.Identifier(source[0]), sql.Identifier(source[1]), sql.Literal(NULL_MARK))
        with pg.cursor() as cur, path.open("wb") as out:
            with cur.copy(statement) as copy:
                for block in copy:
                    out.write(block)
        # PostgreSQL quotes a value equal to the NULL mark and writes '' as "": read quoted
        # fields as values, never as NULL.
        spec = "{" + ", ".join(f"'{n}': '{t}'" for n, t in types.items()) + "}"
        duck.execute(f"""insert into "{d_schema}"."{d_table}" select * from read_csv('{path}',
            header = false, columns = {spec}, nullstr = '{NULL_MARK}', allow_quoted_nulls = false,
            quote = '"', escape = '"', delim = ',', auto_detect = false)""")
    return duck.execute(f'select count(*) from "{d_schema}"."{d_table}"').fetchone()[0]


def mirror(pg, relations: list[str], suffix: str, duck: duckdb.DuckDBPyConnection | None = None
           ) -> duckdb.DuckDBPyConnection:
    """An (in-memory) DuckDB connection holding `schema.table` for every relation of `relations`
    that exists as `schema<suffix>.table` on PostgreSQL; a missing one stays missing, so the
    rules report it as they do on DuckDB."""
    duck = duck or duckdb.connect()
    schemas = sorted({r.split(".", 1)[0] for r in relations})
    found = pg_columns(pg, [s + suffix for s in schemas])
    for relation in relations:
        schema, table = relation.split(".", 1)
        columns = found.get((schema + suffix, table))
        if columns:
            copy_table(pg, duck, (schema + suffix, table), (schema, table), columns)
    return duck

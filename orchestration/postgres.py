"""The PostgreSQL target: ship the loader's tables over, publish by schema swap, grant BI.

Write-audit-publish on PostgreSQL: every schema is built with the suffix `__build`
(PILOTAGE_SCHEMA_SUFFIX for dbt), audited there, then swapped in by renames inside ONE
transaction, so BI sessions see the old marts or the new ones, never a mix, and a failed run
leaves the published schemas untouched. DuckDB's postgres extension cannot be downloaded here,
so tables travel as CSV through psycopg's COPY.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .errors import PilotageError

BUILD_SUFFIX = "__build"
PUBLISHED_SCHEMAS = ("raw", "audit", "staging", "intermediate", "kpis", "marts")
LOADER_SCHEMAS = ("raw", "audit")
PG_TYPES = {
    "VARCHAR": "text", "BIGINT": "bigint", "INTEGER": "integer", "DOUBLE": "double precision",
    "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "timestamp",
}
NULL_MARK = r"\N"


@dataclass(frozen=True)
class PgTarget:
    host: str
    port: int
    user: str
    password: str
    dbname: str
    bi_role: str

    @classmethod
    def from_env(cls) -> "PgTarget":
        """The same variables profiles.yml reads, so dbt and the loader hit one database."""
        env = os.environ.get
        return cls(
            host=env("PILOTAGE_PG_HOST", "127.0.0.1"), port=int(env("PILOTAGE_PG_PORT", "5432")),
            user=env("PILOTAGE_PG_USER", "pilotage"), password=env("PILOTAGE_PG_PASSWORD", ""),
            dbname=env("PILOTAGE_PG_DATABASE", "pilotage"), bi_role=env("PILOTAGE_BI_ROLE", "pilotage_bi"),
        )

    def connect(self):
        import psycopg

        try:
            return psycopg.connect(host=self.host, port=self.port, user=self.user,
                                   password=self.password or None, dbname=self.dbname, connect_timeout=10)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "connection refused"
            raise PilotageError(f"cannot connect to PostgreSQL {self.host}:{self.port}/{self.dbname}: {first}") from None


def copy_loader_tables(duck_path: Path, target: PgTarget, suffix: str = BUILD_SUFFIX) -> dict[str, int]:
    """Recreate raw.* and audit.* of the DuckDB file in `<schema><suffix>` on PostgreSQL."""
    copied: dict[str, int] = {}
    duck = duckdb.connect(str(duck_path), read_only=True)
    try:
        tables = duck.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {LOADER_SCHEMAS} order by 1, 2").fetchall()
        with target.connect() as pg, tempfile.TemporaryDirectory(prefix="pilotage-copy-") as tmp:
            for schema in LOADER_SCHEMAS:
                pg.execute(f'drop schema if exists "{schema}{suffix}" cascade')
                pg.execute(f'create schema "{schema}{suffix}"')
            for schema, table in tables:
                copied[f"{schema}.{table}"] = _copy_table(duck, pg, schema, table, suffix, Path(tmp))
            pg.commit()
    finally:
        duck.close()
    return copied


def _copy_table(duck, pg, schema: str, table: str, suffix: str, tmp: Path) -> int:
    columns = duck.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()
    ddl = ", ".join(f'"{name}" {PG_TYPES.get(dtype, "text")}' for name, dtype in columns)
    pg.execute(f'create table "{schema}{suffix}"."{table}" ({ddl})')
    csv_path = tmp / f"{schema}.{table}.csv"
    duck.execute(f"copy (select * from \"{schema}\".\"{table}\") to '{csv_path}' "
                 f"(format csv, header false, nullstr '{NULL_MARK}', timestampformat '%Y-%m-%d %H:%M:%S.%f')")
    with pg.cursor() as cur:
        with cur.copy(f'copy "{schema}{suffix}"."{table}" from stdin (format csv, null \'{NULL_MARK}\')') as copy:
            with csv_path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    copy.write(block)
        rows = cur.rowcount
    csv_path.unlink()
    return rows


def carry_snapshot_history(target: PgTarget, as_of: str, suffix: str = BUILD_SUFFIX) -> int:
    """Seed the build schema's kpi_observations with the published snapshots of earlier
    as_of dates, so the incremental model keeps them (kpis.yml: snapshots are kept)."""
    with target.connect() as pg:
        exists = pg.execute("select to_regclass('marts.kpi_observations') is not null").fetchone()[0]
        if not exists:
            return 0
        pg.execute(f'create schema if not exists "marts{suffix}"')
        pg.execute(f'drop table if exists "marts{suffix}".kpi_observations')
        cur = pg.execute(
            f'create table "marts{suffix}".kpi_observations as select * from marts.kpi_observations '
            "where period_grain = 'as_of' and period_start <> %s", [as_of])
        return cur.rowcount


def publish(target: PgTarget, suffix: str = BUILD_SUFFIX) -> None:
    """Swap every `<schema><suffix>` in for `<schema>` in one transaction, then grant BI."""
    with target.connect() as pg:
        with pg.transaction():
            for schema in PUBLISHED_SCHEMAS:
                built = pg.execute("select 1 from pg_namespace where nspname = %s", [schema + suffix]).fetchone()
                if not built:
                    continue
                pg.execute(f'drop schema if exists "{schema}__old" cascade')
                pg.execute(f'alter schema if exists "{schema}" rename to "{schema}__old"'
                           if _schema_exists(pg, schema) else "select 1")
                pg.execute(f'alter schema "{schema}{suffix}" rename to "{schema}"')
                pg.execute(f'drop schema if exists "{schema}__old" cascade')
            grant_bi_role(pg, target.bi_role)


def _schema_exists(pg, schema: str) -> bool:
    return pg.execute("select 1 from pg_namespace where nspname = %s", [schema]).fetchone() is not None


def grant_bi_role(pg, role: str) -> None:
    """The BI role reads the published marts and nothing else (raw and audit hold PII)."""
    exists = pg.execute("select 1 from pg_roles where rolname = %s", [role]).fetchone()
    if not exists:
        pg.execute(f'create role "{role}" nologin')
    pg.execute(f'grant usage on schema marts to "{role}"')
    pg.execute(f'grant select on all tables in schema marts to "{role}"')


def drop_build_schemas(target: PgTarget, suffix: str = BUILD_SUFFIX) -> None:
    """Forget a failed build (the published schemas are untouched)."""
    with target.connect() as pg:
        for schema in PUBLISHED_SCHEMAS:
            pg.execute(f'drop schema if exists "{schema}{suffix}" cascade')
        pg.commit()

"""Constants and helpers of the PostgreSQL target tests (fixtures: conftest.py)."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "fixtures" / "golden" / "landing"
AS_OF = "2026-03-15"
SUPERUSER_PASSWORD = "postgres-test-pw"
PILOTAGE_PASSWORD = "pilotage-test-pw"
BI_ROLE = "pilotage_bi"
BI_PASSWORD = "bi-test-pw"
DATABASE = "pilotage"
PUBLISHED_SCHEMAS = ("raw", "audit", "staging", "intermediate", "kpis", "marts")


def read_rows(con, relation: str, columns: list[str] | None = None) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of a relation on a DB-API connection (psycopg or DuckDB)."""
    schema, table = relation.split(".")
    cur = con.execute(f'select * from "{schema}"."{table}" limit 0')
    names = [d[0] for d in cur.description]
    wanted = columns or names
    select = ", ".join(f'"{c}"' for c in wanted)
    return wanted, con.execute(f'select {select} from "{schema}"."{table}"').fetchall()


COMPARED = ("marts.kpi_observations", "marts.customer_360", "marts.crm_alerts")


def fingerprint(con) -> dict:
    """What a BI tool could observe of the published schemas: each schema's identity (its OID
    changes with a swap) and each table's row count and content checksum."""
    out = {}
    for schema in PUBLISHED_SCHEMAS:
        row = con.execute("select oid from pg_namespace where nspname = %s", [schema]).fetchone()
        out[schema] = row[0] if row else None
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema = any(%s) and table_type = 'BASE TABLE' order by 1, 2",
        [list(PUBLISHED_SCHEMAS)]).fetchall()
    for schema, table in tables:
        out[f"{schema}.{table}"] = con.execute(
            f'select count(*), md5(coalesce(string_agg(t::text, \'|\' order by t::text), \'\')) '
            f'from "{schema}"."{table}" as t').fetchone()
    return out


def schemas(con, pattern: str) -> list[str]:
    return [r[0] for r in con.execute(
        "select nspname from pg_namespace where nspname like %s order by 1", [pattern]).fetchall()]

"""The PostgreSQL target: connection, ship the loader's tables over, publish by schema swap.

Write-audit-publish on PostgreSQL: every schema is built with the suffix `__build`
(PILOTAGE_SCHEMA_SUFFIX for dbt), audited there, then swapped in by renames inside ONE
transaction, so BI sessions see the old marts or the new ones, never a mix, and a failed run
leaves the published schemas untouched. DuckDB's postgres extension cannot be downloaded here,
so tables travel as CSV through psycopg's COPY.

The read-only BI role (PILOTAGE_BI_ROLE) gets SELECT on the marts tables from dbt `grants`
(dbt_project.yml) and USAGE on the published `marts` schema from the swap transaction: it never
sees a build schema, raw, audit, staging or intermediate.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .errors import PilotageError

BUILD_SUFFIX = "__build"
OLD_SUFFIX = "__old"
PUBLISHED_SCHEMAS = ("raw", "audit", "staging", "intermediate", "kpis", "marts")
LOADER_SCHEMAS = ("raw", "audit")
PG_TYPES = {
    "VARCHAR": "text", "BIGINT": "bigint", "INTEGER": "integer", "DOUBLE": "double precision",
    "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "timestamp",
}
NULL_MARK = r"\N"
# Every connection of a run names itself, so a DBA sees what holds a lock.
APPLICATION_NAME = "pilotage"


def _psycopg():
    try:
        import psycopg
    except ImportError:
        raise PilotageError("the postgres target needs psycopg: pip install -e '.[postgres]'") from None
    return psycopg


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[0].split()) if text else type(exc).__name__


@dataclass(frozen=True)
class PgTarget:
    host: str
    port: int
    user: str
    password: str
    dbname: str
    bi_role: str
    bi_password: str = ""  # set: the BI role is a LOGIN role with this password; empty: left as is / NOLOGIN

    @classmethod
    def from_env(cls) -> "PgTarget":
        """The same variables profiles.yml reads, so dbt and the loader hit one database."""
        env = os.environ.get
        port = env("PILOTAGE_PG_PORT", "5432").strip() or "5432"
        if not port.isdigit():
            raise PilotageError(f"PILOTAGE_PG_PORT must be a port number, got {port!r}")
        return cls(
            host=env("PILOTAGE_PG_HOST", "127.0.0.1"), port=int(port),
            user=env("PILOTAGE_PG_USER", "pilotage"), password=env("PILOTAGE_PG_PASSWORD", ""),
            dbname=env("PILOTAGE_PG_DATABASE", "pilotage"), bi_role=env("PILOTAGE_BI_ROLE", "pilotage_bi"),
            bi_password=env("PILOTAGE_BI_PASSWORD", ""),
        )

    @property
    def label(self) -> str:
        """Where it publishes, for messages (never the password)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"

    def fingerprint(self) -> str:
        """Identifies the connection settings (dbt parse stamp) without writing the password."""
        text = "|".join(str(v) for v in (self.host, self.port, self.user, self.dbname, self.bi_role,
                                          hashlib.sha256(self.password.encode()).hexdigest()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def connect(self, autocommit: bool = False):
        """A psycopg connection; an unreachable server or a refused login is a one-line
        PilotageError (a user mistake), never a traceback."""
        psycopg = _psycopg()
        try:
            return psycopg.connect(host=self.host, port=self.port, user=self.user,
                                   password=self.password or None, dbname=self.dbname,
                                   connect_timeout=10, autocommit=autocommit,
                                   application_name=APPLICATION_NAME)
        except psycopg.OperationalError as exc:
            raise PilotageError(f"cannot connect to PostgreSQL {self.label}: {_first_line(exc)}") from None


def _ident(name: str):
    from psycopg import sql

    return sql.Identifier(name)


def _sql(text: str, *idents: str):
    """`text` with {} placeholders filled by quoted identifiers."""
    from psycopg import sql

    return sql.SQL(text).format(*(sql.Identifier(i) for i in idents))


def _schema_exists(pg, schema: str) -> bool:
    return pg.execute("select 1 from pg_namespace where nspname = %s", [schema]).fetchone() is not None


def _table_exists(pg, schema: str, table: str) -> bool:
    return pg.execute("select 1 from pg_tables where schemaname = %s and tablename = %s",
                      [schema, table]).fetchone() is not None


# ---------------------------------------------------------------- before a run


def preflight(target: PgTarget) -> None:
    """Fail early, in one line, on what the user must fix: server, login, privileges."""
    with target.connect() as pg:
        can_create, can_create_role, role_exists = pg.execute(
            "select has_database_privilege(current_database(), 'CREATE'), "
            "(select rolcreaterole or rolsuper from pg_roles where rolname = current_user), "
            "exists (select 1 from pg_roles where rolname = %s)", [target.bi_role]).fetchone()
    if not can_create:
        raise PilotageError(f"PostgreSQL user {target.user} lacks CREATE on database {target.dbname} "
                            f"(GRANT CREATE ON DATABASE {target.dbname} TO {target.user})")
    if not role_exists and not can_create_role:
        raise PilotageError(f"BI role {target.bi_role} does not exist and {target.user} cannot create it: "
                            f"CREATE ROLE {target.bi_role} NOLOGIN (PILOTAGE_BI_ROLE)")
    if target.bi_password and not can_create_role:
        raise PilotageError(f"PILOTAGE_BI_PASSWORD is set but {target.user} cannot set the password of "
                            f"{target.bi_role} (needs CREATEROLE); unset it or ALTER ROLE {target.user} CREATEROLE")


@contextmanager
def build_lock(target: PgTarget):
    """One refresh at a time per database (an advisory lock on a session held for the run: the
    server frees it if the process dies). Two machines sharing a database cannot mix builds."""
    pg = target.connect(autocommit=True)
    try:
        got = pg.execute("select pg_try_advisory_lock(hashtext('pilotage refresh'))").fetchone()[0]
        if not got:
            raise PilotageError(f"another refresh is building in {target.label}; wait for it to finish")
        yield
    finally:
        pg.close()


def ensure_bi_role(pg, role: str, password: str = "") -> None:
    """Create the BI role when missing: NOLOGIN (a group role BI logins are granted) unless a
    password is configured, then a LOGIN role with that password."""
    from psycopg import sql

    exists = pg.execute("select 1 from pg_roles where rolname = %s", [role]).fetchone()
    if password:
        verb = "alter" if exists else "create"
        pg.execute(sql.SQL(verb + " role {} login password {}").format(_ident(role), sql.Literal(password)))
    elif not exists:
        pg.execute(_sql("create role {} nologin", role))


def drop_build_schemas(target: PgTarget, suffix: str = BUILD_SUFFIX) -> None:
    """Forget a failed or killed build and the leftovers of an interrupted publish (the
    published schemas are untouched)."""
    with target.connect() as pg:
        for schema in PUBLISHED_SCHEMAS:
            pg.execute(_sql("drop schema if exists {} cascade", schema + suffix))
            pg.execute(_sql("drop schema if exists {} cascade", schema + OLD_SUFFIX))


# ---------------------------------------------------------------- loader tables


def copy_loader_tables(duck_path: Path, target: PgTarget, suffix: str = BUILD_SUFFIX) -> dict[str, int]:
    """Recreate raw.* and audit.* of the DuckDB file in `<schema><suffix>` on PostgreSQL, in
    one transaction."""
    copied: dict[str, int] = {}
    duck = duckdb.connect(str(duck_path), read_only=True)
    try:
        tables = duck.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {LOADER_SCHEMAS} order by 1, 2").fetchall()
        with target.connect() as pg, tempfile.TemporaryDirectory(prefix="pilotage-copy-") as tmp:
            for schema in LOADER_SCHEMAS:
                pg.execute(_sql("drop schema if exists {} cascade", schema + suffix))
                pg.execute(_sql("create schema {}", schema + suffix))
            for schema, table in tables:
                copied[f"{schema}.{table}"] = _copy_table(duck, pg, schema, table, suffix, Path(tmp))
    finally:
        duck.close()
    return copied


def _copy_table(duck, pg, schema: str, table: str, suffix: str, tmp: Path) -> int:
    from psycopg import sql

    columns = duck.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()
    ddl = sql.SQL(", ").join(sql.SQL("{} " + PG_TYPES.get(dtype, "text")).format(_ident(name))
                             for name, dtype in columns)
    pg.execute(sql.SQL("create table {}.{} ({})").format(_ident(schema + suffix), _ident(table), ddl))
    csv_path = tmp / f"{schema}.{table}.csv"
    # DuckDB quotes empty strings (""), so PostgreSQL reads them back as '' and \N as NULL.
    duck.execute(f"copy (select * from \"{schema}\".\"{table}\") to '{csv_path}' "
                 f"(format csv, header false, nullstr '{NULL_MARK}', timestampformat '%Y-%m-%d %H:%M:%S.%f')")
    with pg.cursor() as cur:
        statement = sql.SQL("copy {}.{} from stdin (format csv, null {})").format(
            _ident(schema + suffix), _ident(table), sql.Literal(NULL_MARK))
        with cur.copy(statement) as copy:
            with csv_path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    copy.write(block)
        rows = cur.rowcount
    csv_path.unlink()
    return rows


# ---------------------------------------------------------------- after dbt


def carry_snapshot_history(target: PgTarget, as_of: dt.date, suffix: str = BUILD_SUFFIX) -> int:
    """Copy the published snapshot rows of earlier as_of dates (period_grain 'as_of') into the
    freshly built marts<suffix>.kpi_observations, by column name (new columns NULL), so KPI
    history survives every run (kpis.yml: snapshots are kept). The same rule as
    publish.carry_over_snapshots on DuckDB. Returns the rows carried over."""
    from psycopg import sql

    with target.connect() as pg:
        if not (_table_exists(pg, "marts", "kpi_observations")
                and _table_exists(pg, "marts" + suffix, "kpi_observations")):
            return 0

        def columns(schema: str) -> list[str]:
            return [r[0] for r in pg.execute(
                "select column_name from information_schema.columns where table_schema = %s "
                "and table_name = 'kpi_observations' order by ordinal_position", [schema]).fetchall()]

        old = set(columns("marts"))
        if not {"period_grain", "period_start"} <= old:
            return 0
        shared = [c for c in columns("marts" + suffix) if c in old]
        names = sql.SQL(", ").join(_ident(c) for c in shared)
        key = [c for c in ("kpi_code", "period_grain", "period_start", "dimension", "dimension_value") if c in shared]
        not_there = sql.SQL(" and ").join(
            sql.SQL("n.{c} is not distinct from o.{c}").format(c=_ident(c)) for c in key)
        cur = pg.execute(sql.SQL("""
            insert into {new}.kpi_observations ({names})
            select {names} from marts.kpi_observations as o
            where o.period_grain = 'as_of' and o.period_start <> %s
              and not exists (select 1 from {new}.kpi_observations as n where {not_there})""").format(
            new=_ident("marts" + suffix), names=names, not_there=not_there), [as_of])
        return cur.rowcount


# ---------------------------------------------------------------- publish


def publish(target: PgTarget, suffix: str = BUILD_SUFFIX) -> list[str]:
    """Swap every `<schema><suffix>` in for `<schema>` and grant the BI role, in ONE transaction
    (renames only: quick, and readers see the old marts or the new ones, never a mix); then drop
    the replaced schemas. Returns the schemas published."""
    with target.connect(autocommit=True) as pg:
        built = [s for s in PUBLISHED_SCHEMAS if _schema_exists(pg, s + suffix)]
        if "marts" not in built:
            raise PilotageError(f"nothing to publish: schema marts{suffix} is missing in {target.label}")
        with pg.transaction():
            for schema in built:
                pg.execute(_sql("drop schema if exists {} cascade", schema + OLD_SUFFIX))
                if _schema_exists(pg, schema):
                    pg.execute(_sql("alter schema {} rename to {}", schema, schema + OLD_SUFFIX))
                pg.execute(_sql("alter schema {} rename to {}", schema + suffix, schema))
            grant_bi_role(pg, target.bi_role)
        # Outside the swap: dropping waits for readers still inside the old tables; a crash here
        # only leaves `<schema>__old`, dropped by the next run.
        for schema in built:
            pg.execute(_sql("drop schema if exists {} cascade", schema + OLD_SUFFIX))
    return built


def grant_bi_role(pg, role: str) -> None:
    """The BI role reads the published marts and nothing else (raw and audit hold PII). dbt
    `grants` already gave SELECT on each mart; USAGE on the schema opens them, and the SELECT on
    all tables covers relations dbt did not build (none today)."""
    pg.execute(_sql("grant usage on schema marts to {}", role))
    pg.execute(_sql("grant select on all tables in schema marts to {}", role))

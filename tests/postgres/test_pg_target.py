"""The PostgreSQL target's plumbing, without a dbt build: tables survive the round trip
DuckDB -> PostgreSQL -> DuckDB exactly, the schema swap is all-or-nothing, and the user's
mistakes (server down, wrong password, missing privilege) are one line, never a traceback."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import psycopg
import pytest

from orchestration import postgres
from orchestration.pg_mirror import mirror

from pgtest import PILOTAGE_PASSWORD, SUPERUSER_PASSWORD

pytestmark = pytest.mark.xdist_group("postgres")

PILOTAGE = Path(sys.executable).parent / "pilotage"


@pytest.fixture(scope="module")
def scratch(pg_server):
    """A PgTarget on a scratch database of its own (the published `pilotage` one is not touched)."""
    with psycopg.connect(**pg_server, autocommit=True) as admin:
        admin.execute("create database scratch owner pilotage")
    return postgres.PgTarget(host=pg_server["host"], port=pg_server["port"], user="pilotage",
                             password=PILOTAGE_PASSWORD, dbname="scratch", bi_role="scratch_bi")


ROWS = [
    ("plain", 1.5, True, dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4, 5, 123456), 1),
    ("", float("inf"), False, None, dt.datetime(2026, 1, 2, 3, 4, 5), None),  # '' is not NULL
    ("\\N", float("nan"), None, None, None, -2 ** 62),  # the NULL mark as a value
    ('comma, "quotes"\nnew line; é ü 😀', 1e-300, None, dt.date(1900, 1, 1), None, 0),
    (None, 0.1, None, None, None, None),
    ("  padded  ", 1 / 3, None, None, None, 2 ** 62),
]


def test_tables_round_trip_exactly(scratch, tmp_path):
    path = tmp_path / "loader.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create schema raw; create schema audit; create table raw.t "
                    "(s varchar, d double, b boolean, day date, ts timestamp, n bigint)")
        con.executemany("insert into raw.t values (?, ?, ?, ?, ?, ?)", ROWS)
    assert postgres.copy_loader_tables(path, scratch) == {"raw.t": len(ROWS)}
    with scratch.connect() as pg:
        back = mirror(pg, ["raw.t", "raw.missing"], postgres.BUILD_SUFFIX)
    assert back.execute("select table_schema || '.' || table_name from information_schema.tables"
                        ).fetchall() == [("raw.t",)]
    got = back.execute("select * from raw.t").fetchall()
    assert len(got) == len(ROWS)
    for sent, received in zip(ROWS, got):
        for a, b in zip(sent, received):
            assert a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)), (sent, received)


def _make_schemas(pg, names: dict[str, int]) -> None:
    for schema, value in names.items():
        pg.execute(f'create schema "{schema}"')
        pg.execute(f'create table "{schema}".t as select {value} as v')


def test_swap_is_all_or_nothing(scratch):
    """A publish that fails inside its transaction (here: granting a role that does not exist)
    leaves the published schemas as they were, and the build schemas for inspection."""
    postgres.drop_build_schemas(scratch)
    with scratch.connect(autocommit=True) as pg:
        for schema in postgres.PUBLISHED_SCHEMAS:
            pg.execute(f'drop schema if exists "{schema}" cascade')
        _make_schemas(pg, {"marts": 1, "raw": 1, "marts__build": 2, "raw__build": 2})
    broken = dataclasses.replace(scratch, bi_role="no_such_role")
    with pytest.raises(psycopg.errors.UndefinedObject):
        postgres.publish(broken)
    with scratch.connect() as pg:
        assert pg.execute("select v from marts.t").fetchone()[0] == 1
        assert pg.execute("select v from raw.t").fetchone()[0] == 1
        assert pg.execute("select v from marts__build.t").fetchone()[0] == 2
        postgres.ensure_bi_role(pg, scratch.bi_role)
    assert postgres.publish(scratch) == ["raw", "marts"]
    with scratch.connect() as pg:
        assert pg.execute("select v from marts.t").fetchone()[0] == 2
        assert pg.execute("select v from raw.t").fetchone()[0] == 2
        assert pg.execute("select count(*) from pg_namespace where nspname like '%\\_\\_build' "
                          "or nspname like '%\\_\\_old'").fetchone()[0] == 0
        assert pg.execute("select has_table_privilege(%s, 'marts.t', 'SELECT'), "
                          "has_schema_privilege(%s, 'raw', 'USAGE')",
                          [scratch.bi_role, scratch.bi_role]).fetchone() == (True, False)


def _refresh(env: dict, landing: Path, tmp_path: Path):
    return subprocess.run([str(PILOTAGE), "refresh", "--target", "postgres", "--landing", str(landing),
                           "--warehouse", str(tmp_path / "wh.duckdb"), "--as-of", "2026-03-15"],
                          capture_output=True, text=True, env=env, timeout=120)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("change, expected", [
    ({"PILOTAGE_PG_PASSWORD": "wrong"}, 'password authentication failed for user "pilotage"'),
    ({"PILOTAGE_PG_PORT": "closed"}, "cannot connect to PostgreSQL postgresql://pilotage@127.0.0.1:"),
    ({"PILOTAGE_PG_PORT": "not-a-port"}, "PILOTAGE_PG_PORT must be a port number, got 'not-a-port'"),
    ({"PILOTAGE_PG_DATABASE": "scratch_nocreate"}, "lacks CREATE on database scratch_nocreate"),
])
def test_user_mistakes_are_one_line(change, expected, pg_env, pg_server, landing, tmp_path):
    if change.get("PILOTAGE_PG_DATABASE") == "scratch_nocreate":
        with psycopg.connect(**pg_server, autocommit=True) as admin:
            admin.execute("create database scratch_nocreate")
            admin.execute("revoke create on database scratch_nocreate from public")
    if change.get("PILOTAGE_PG_PORT") == "closed":
        change = {"PILOTAGE_PG_PORT": str(_closed_port())}
    out = _refresh({**os.environ, **pg_env, **change}, landing, tmp_path)
    assert out.returncode == 1
    assert out.stderr.startswith("pilotage: ") and out.stderr.count("\n") == 1, out.stderr
    assert expected in out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert PILOTAGE_PASSWORD not in out.stderr and SUPERUSER_PASSWORD not in out.stderr

"""Fixtures of the PostgreSQL target tests: one real PostgreSQL server per session (Debian's
`postgresql` package, installed by scripts/ensure_test_services.sh; started on 127.0.0.1 in a
temporary data directory, stopped at the end) and one golden refresh published to it.

The server asks TCP logins for a password, like a real one. Pilotage logs in as `pilotage`, a
plain role with only what docs/postgres.md asks for: CREATE on the database and CREATEROLE
(to create the BI role; a DBA may create that role instead).
"""
from __future__ import annotations

import shutil
import time

import psycopg
import pytest

from orchestration.pg_server import local_postgres

from pgtest import (AS_OF, BI_PASSWORD, BI_ROLE, COMPARED, DATABASE, GOLDEN, PILOTAGE_PASSWORD,
                    SUPERUSER_PASSWORD, read_rows)


@pytest.fixture(scope="session")
def pg_server():
    """Connection settings of the session's server, with the `pilotage` role and database."""
    with local_postgres(password=SUPERUSER_PASSWORD) as server:
        with psycopg.connect(**server, autocommit=True) as admin:
            admin.execute(f"create role pilotage login createrole password '{PILOTAGE_PASSWORD}'")
            admin.execute(f"create database {DATABASE}")
            admin.execute(f"grant create on database {DATABASE} to pilotage")
        yield server


@pytest.fixture(scope="session")
def pg_root(tmp_path_factory):
    return tmp_path_factory.mktemp("postgres")


@pytest.fixture(scope="session")
def landing(pg_root):
    out = pg_root / "landing"
    shutil.copytree(GOLDEN, out)
    return out


@pytest.fixture(scope="session")
def pg_env(pg_server, pg_root):
    """PILOTAGE_* variables of the session (also inherited by `pilotage` subprocesses)."""
    env = {
        "PILOTAGE_PG_HOST": pg_server["host"], "PILOTAGE_PG_PORT": str(pg_server["port"]),
        "PILOTAGE_PG_USER": "pilotage", "PILOTAGE_PG_PASSWORD": PILOTAGE_PASSWORD,
        "PILOTAGE_PG_DATABASE": DATABASE, "PILOTAGE_BI_ROLE": BI_ROLE, "PILOTAGE_BI_PASSWORD": BI_PASSWORD,
        "PILOTAGE_STATE_DIR": str(pg_root / "state"), "PILOTAGE_RECETTE_DIR": str(pg_root / "recette"),
        "PILOTAGE_REPORTING_TIMEZONE": "Europe/Paris",
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        for key in ("PILOTAGE_TARGET", "PILOTAGE_SCHEMA_SUFFIX", "PILOTAGE_CONFIG", "PILOTAGE_WEBHOOK_URL",
                    "PILOTAGE_LOG_LEVEL", "PILOTAGE_AS_OF", "PILOTAGE_LANDING", "PILOTAGE_WAREHOUSE"):
            mp.delenv(key, raising=False)
        yield env


@pytest.fixture(scope="session")
def make_pg_settings(pg_env, landing, pg_root):
    from orchestration.settings import resolve

    def make(as_of: str = AS_OF):
        return resolve(landing=str(landing), warehouse=str(pg_root / "wh" / "pilotage.duckdb"),
                       as_of=as_of, target="postgres")

    return make


@pytest.fixture(scope="session")
def connect(pg_server, pg_env):
    """connect(user='pilotage', password=...) -> an autocommit connection to the database."""
    def make(user: str = "pilotage", password: str = PILOTAGE_PASSWORD):
        return psycopg.connect(host=pg_server["host"], port=pg_server["port"], user=user,
                               password=password, dbname=DATABASE, autocommit=True)

    return make


@pytest.fixture(scope="session")
def pg_golden(make_pg_settings, connect):
    """`pilotage refresh --full-refresh --target postgres` of the golden landing, published;
    the compared marts are read right away (later tests publish other as_of dates)."""
    from orchestration.refresh import run_refresh

    settings = make_pg_settings()
    started = time.perf_counter()
    result = run_refresh(settings, full_refresh=True)
    seconds = time.perf_counter() - started
    with connect() as con:
        tables = {rel: read_rows(con, rel) for rel in COMPARED}
    return {"settings": settings, "result": result, "seconds": seconds, "tables": tables}


@pytest.fixture(scope="session")
def duckdb_golden(request):
    """The DuckDB run of the same landing (tests/conftest.py golden_warehouse: a full refresh)
    and how long it took here (0 when another test of the session built it first)."""
    started = time.perf_counter()
    path = request.getfixturevalue("golden_warehouse")
    return path, time.perf_counter() - started

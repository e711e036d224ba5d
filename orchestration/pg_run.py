"""The PostgreSQL target's side of a refresh run: what the Dagster assets do instead of handling
the DuckDB file when `settings.target == "postgres"`.

    landing   the loader still parses into the local DuckDB build file (its typed-parsing
              engine), always from empty; then raw.* and audit.* are copied to raw__build and
              audit__build (stale build schemas of a killed run dropped first)
    dbt       builds with --target postgres into <schema>__build (PILOTAGE_SCHEMA_SUFFIX), then
              the earlier KPI snapshots are carried over from the published marts
    checks    and the recette read the build schemas through a DuckDB mirror (pg_mirror)
    publish   schema swap + grants in one transaction (postgres.publish)

What was published last (as_of, alerts, time) is kept under the state dir, like the DuckDB
target's current.json, for the alert-volume check and `pilotage refresh`'s summary.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path

from . import postgres
from .settings import Settings

TARGET = "postgres"
SUFFIX = postgres.BUILD_SUFFIX


def is_postgres(settings: Settings) -> bool:
    return settings.target == TARGET


def target() -> postgres.PgTarget:
    return postgres.PgTarget.from_env()


def start_build(settings: Settings) -> dict[str, int]:
    """Fresh build schemas holding the loaded raw and audit tables; the BI role exists before
    dbt grants it anything."""
    pg_target = target()
    postgres.drop_build_schemas(pg_target)
    with pg_target.connect() as pg:
        postgres.ensure_bi_role(pg, pg_target.bi_role, pg_target.bi_password)
    return postgres.copy_loader_tables(settings.build_path, pg_target)


def after_dbt(settings: Settings) -> int:
    """Rows of earlier KPI snapshots carried into the build (every run: the build schema starts
    empty, unlike the DuckDB build file that starts from a copy of the published one)."""
    return postgres.carry_snapshot_history(target(), settings.as_of)


@contextmanager
def build_reader(relations: list[str] | tuple[str, ...]):
    """A DuckDB connection holding the build's `relations` (schema.table, published names)."""
    from .pg_mirror import mirror

    with target().connect() as pg:
        duck = mirror(pg, list(relations), SUFFIX)
    try:
        yield duck
    finally:
        duck.close()


def alert_count(settings: Settings) -> int | None:
    with target().connect() as pg:
        exists = pg.execute("select to_regclass(%s) is not null", [f'"marts{SUFFIX}".crm_alerts']).fetchone()[0]
        if not exists:
            return None
        return pg.execute(f'select count(*) from "marts{SUFFIX}".crm_alerts').fetchone()[0]


def recette_source():
    from .recette.pg_warehouse import PgWarehouse

    return PgWarehouse(target(), SUFFIX)


# ---------------------------------------------------------------- publish and what was published


def history_dir(settings: Settings) -> Path:
    t = target()
    tag = hashlib.sha1(f"{t.host}:{t.port}/{t.dbname}".encode()).hexdigest()[:8]
    return settings.state_dir / "published" / f"postgres-{t.dbname}-{tag}"


def current_info(settings: Settings) -> dict | None:
    try:
        return json.loads((history_dir(settings) / "current.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def publish(settings: Settings, info: dict) -> dict:
    """Swap the audited build schemas in, record what was published, drop the local loader file
    (the next run loads from empty anyway)."""
    pg_target = target()
    schemas = postgres.publish(pg_target)
    current = {**info, "database": pg_target.label, "schemas": schemas, "bi_role": pg_target.bi_role,
               "published_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    folder = history_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "current.json.tmp"
    tmp.write_text(json.dumps(current, indent=2, sort_keys=True, default=str), encoding="utf-8")
    os.replace(tmp, folder / "current.json")
    for path in (settings.build_path, Path(f"{settings.build_path}.wal")):
        path.unlink(missing_ok=True)
    return current


def label() -> str:
    return target().label

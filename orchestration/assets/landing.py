"""The landing asset: starts the run's build file (write-audit-publish) and loads the landing
directory into it (raw.*, audit.load_audit, audit.quarantine). Its asset keys are the dbt sources,
so every dbt model depends on it."""

import time

import dagster as dg
from dagster import AssetExecutionContext
import duckdb

from .. import duck
from .resources import PilotageResource, is_full_refresh

LANDING_GROUP = "landing"
LOAD_AUDIT_KEY = dg.AssetKey(["audit", "load_audit"])


def build_landing_asset(source_keys: list[dg.AssetKey]) -> dg.AssetsDefinition:
    keys = sorted(set(source_keys) | {LOAD_AUDIT_KEY, dg.AssetKey(["audit", "quarantine"])},
                  key=lambda k: k.to_user_string())
    specs = [dg.AssetSpec(key, group_name=LANDING_GROUP, kinds={"duckdb"},
                          description=_describe(key)) for key in keys]

    @dg.multi_asset(specs=specs, name="landing", description=(
        "Start the build warehouse (copy of the published file; empty for a full refresh) and "
        "load the landing directory into raw.* and audit.* (unchanged files are skipped)."))
    def landing(context: AssetExecutionContext, pilotage: PilotageResource):
        from .. import pg_run
        from ..loader import load_landing
        from ..publish import start_build

        settings = pilotage.settings()
        full = is_full_refresh(context)
        on_pg = pg_run.is_postgres(settings)
        started = time.perf_counter()
        # PostgreSQL target: the DuckDB build file is only the loader's work file, loaded from
        # empty (its raw tables are copied whole to raw__build anyway)
        build = start_build(settings.warehouse, settings.build_path, from_published=not (full or on_pg))
        context.log.info(build.describe())
        with duck.connect(settings.build_path) as con:
            report = load_landing(settings.landing, con, settings.timezone)
            counts = {key: _count(con, key) for key in keys}
            if build.early:
                # no checkpoint on close: its fsync would wait for the whole copy to reach the
                # disk, which the copying thread is writing out meanwhile (publish.py); the WAL
                # (the loader's rows) goes into the file at dbt's checkpoint, or the publish's
                con.execute("PRAGMA disable_checkpoint_on_shutdown")
        if on_pg:
            copied = pg_run.start_build(settings)
            context.log.info(f"copied {len(copied)} raw and audit tables ({sum(copied.values())} rows) "
                             f"to the build schemas of {pg_run.label()}")
        seconds = round(time.perf_counter() - started, 2)
        context.log.info(report.summary())
        for key in keys:
            metadata = {"rows": dg.MetadataValue.int(counts[key]) if counts[key] is not None else "missing"}
            if key == LOAD_AUDIT_KEY:
                metadata.update({
                    "summary": dg.MetadataValue.text(report.summary()),
                    "build_started_from": build.source + (" (loader file; copied to PostgreSQL raw__build, "
                                                        "audit__build)" if on_pg else ""),
                    "landing": str(settings.landing),
                    "files_read": report.files_read,
                    "files_skipped": report.files_skipped,
                    "rows_read": report.rows_read,
                    "rows_loaded": report.rows_loaded,
                    "rows_quarantined": report.rows_quarantined,
                    "seconds": seconds,
                })
            yield dg.MaterializeResult(asset_key=key, metadata=metadata)

    return landing


def _describe(key: dg.AssetKey) -> str:
    schema, name = key.path[0], key.path[-1]
    if schema == "raw":
        source, _, entity = name.partition("__")
        return f"Typed rows of every landing file `{source}/{entity}/*.csv` (all versions)."
    return {"load_audit": "One row per landing file read (rows read, loaded, quarantined).",
            "quarantine": "Rows (or whole files) the loader could not load, with the reason."}.get(name, "")


def _count(con: duckdb.DuckDBPyConnection, key: dg.AssetKey) -> int | None:
    schema, name = key.path[0], key.path[-1]
    exists = con.execute("select count(*) from information_schema.tables where table_schema = ? "
                         "and table_name = ?", [schema, name]).fetchone()[0]
    if not exists:
        return None
    return con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0]

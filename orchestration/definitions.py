"""The Dagster code location of Pilotage: `defs`.

    landing (loader) -> dbt models (dagster-dbt; dbt tests = asset checks) -> recette -> published_warehouse

plus the data-quality asset checks, the two jobs (`nightly_refresh`, `full_refresh`, in-process
executor), the 02:00 Europe/Paris schedule and the alerting sensors. `pilotage ui` serves this
file; `pilotage refresh` executes its jobs in-process. The dbt manifest is prepared (`dbt parse`)
on load when missing or stale: outside `dagster dev` nothing else would prepare it.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg

from . import dbt_runner
from .alerting import build_sensors
from .assets import (FULL_REFRESH_JOB, NIGHTLY_JOB, PilotageResource, build_dbt_assets,
                     build_landing_asset, build_publish_asset, build_recette_asset, dbt_project,
                     dbt_resource, run_config, source_keys)
from .assets.recette import RECETTE_KEY
from .checks.asset_checks import build_asset_checks
from .checks.config import load_config
from .settings import resolve


def build_schedule(job, cfg: dict) -> dg.ScheduleDefinition:
    timezone = cfg["timezone"]
    status = dg.DefaultScheduleStatus.RUNNING if cfg.get("running_by_default") else dg.DefaultScheduleStatus.STOPPED

    @dg.schedule(name="nightly_refresh_schedule", cron_schedule=cfg["cron"], job=job,
                 execution_timezone=timezone, default_status=status,
                 description="Nightly refresh; as_of = the scheduled date.")
    def nightly_refresh_schedule(context: dg.ScheduleEvaluationContext):
        when = context.scheduled_execution_time or dt.datetime.now(ZoneInfo(timezone))
        as_of = when.astimezone(ZoneInfo(timezone)).date()
        settings = resolve(as_of=as_of.isoformat())
        return dg.RunRequest(run_key=f"{NIGHTLY_JOB}-{as_of.isoformat()}", run_config=run_config(settings),
                             tags={"pilotage/as_of": as_of.isoformat()})

    return nightly_refresh_schedule


def build_definitions() -> dg.Definitions:
    config = load_config()
    # The definitions read target/manifest.json (DuckDB's): every target has the same nodes, and a
    # run of another target parses its own manifest under target/<target>/ (dbt_runner.target_dir).
    dbt_runner.prepare_manifest(resolve().with_(target="duckdb"), for_run=False)
    project = dbt_project()
    dbt_models = build_dbt_assets(project, dbt_runner.parsed_fingerprint() or "")
    landing = build_landing_asset(source_keys(project))
    dbt_keys = sorted(dbt_models.keys, key=lambda k: k.to_user_string())
    recette = build_recette_asset(deps=dbt_keys)
    upstream = sorted(set(landing.keys) | set(dbt_keys) | {RECETTE_KEY}, key=lambda k: k.to_user_string())
    published = build_publish_asset(deps=upstream)
    checks = build_asset_checks(set(landing.keys) | set(dbt_keys))

    everything = dg.AssetSelection.all()
    nightly = dg.define_asset_job(
        NIGHTLY_JOB, selection=everything, executor_def=dg.in_process_executor,
        description="Incremental: start from a copy of the published warehouse, load new or changed "
                    "landing files, dbt build, checks, recette, publish.")
    full = dg.define_asset_job(
        FULL_REFRESH_JOB, selection=everything, executor_def=dg.in_process_executor,
        description="Rebuild from the whole landing history into an empty file (dbt --full-refresh; "
                    "earlier KPI snapshots carried over), checks, recette, publish.")
    return dg.Definitions(
        assets=[landing, dbt_models, recette, published],
        asset_checks=checks,
        jobs=[nightly, full],
        schedules=[build_schedule(nightly, config["schedule"])],
        sensors=build_sensors(bool(config["schedule"].get("running_by_default"))),
        resources={"dbt": dbt_resource(project), "pilotage": PilotageResource()},
    )


defs = build_definitions()

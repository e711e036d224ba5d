"""The publish asset: the last step of write-audit-publish. It depends on every other asset, so
every blocking check (ERROR severity: dbt error tests, data-quality invariants, the recette)
must have passed for it to run; it then swaps the audited build file in atomically, or, when the
run changed nothing in its copy of the published file, leaves the published file as it is."""

import dagster as dg
from dagster import AssetExecutionContext
import duckdb

from .. import pg_run
from .. import publish as wap
from ..checks.config import load_config
from ..checks.rules import alert_count
from .resources import PilotageResource

PUBLISHED_KEY = dg.AssetKey(["published_warehouse"])


def build_publish_asset(deps: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(key=PUBLISHED_KEY, deps=deps, group_name="publish", kinds={"duckdb"},
              description="The published DuckDB warehouse BI tools read; replaced atomically once "
                          "the build passed its audit. Earlier versions are kept for rollback.")
    def published_warehouse(context: AssetExecutionContext, pilotage: PilotageResource):
        settings = pilotage.settings()
        if pg_run.is_postgres(settings):
            return _publish_postgres(context, settings)
        run_id = context.run.run_id
        recette = wap.read_recette_record(settings.build_path, run_id)
        if wap.is_unchanged(settings.build_path, run_id):
            # nothing loaded, nothing rebuilt: the published file already is this build
            current = wap.keep_published(settings.build_path, settings.state_dir, settings.warehouse, recette)
            context.log.info(f"{settings.warehouse} left as published (the build did not change it)")
            return _result(settings, current, current.get("alerts"), unchanged=True)
        with duckdb.connect(str(settings.build_path), read_only=True) as con:
            alerts = alert_count(con)
        info = {"as_of": settings.as_of.isoformat(), "run_id": run_id,
                "job": context.run.job_name, "alerts": alerts, "recette": recette}
        keep = int(load_config()["publish"]["keep_versions"])
        current = wap.publish(settings.build_path, settings.warehouse, settings.state_dir, info, keep=keep)
        context.log.info(f"published {settings.warehouse} (sha256 {current['sha256'][:12]})")
        return _result(settings, current, alerts, unchanged=False)

    return published_warehouse


def _result(settings, current: dict, alerts, unchanged: bool) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(settings.warehouse)),
        "sha256": current.get("sha256", "unknown"),
        "bytes": current.get("bytes", 0),
        "as_of": settings.as_of.isoformat(),
        "alerts": alerts if alerts is not None else "none",
        "versions_kept": len(wap.versions(settings.state_dir, settings.warehouse)),
        "unchanged": unchanged,
    })


def _publish_postgres(context: AssetExecutionContext, settings) -> dg.MaterializeResult:
    """Swap the audited build schemas in (one transaction) and grant the BI role."""
    alerts = pg_run.alert_count(settings)
    info = {"as_of": settings.as_of.isoformat(), "run_id": context.run.run_id,
            "job": context.run.job_name, "alerts": alerts}
    current = pg_run.publish(settings, info)
    context.log.info(f"published schemas {', '.join(current['schemas'])} in {current['database']}")
    return dg.MaterializeResult(metadata={
        "database": current["database"],
        "schemas": ", ".join(current["schemas"]),
        "bi_role": current["bi_role"],
        "as_of": settings.as_of.isoformat(),
        "alerts": alerts if alerts is not None else "none",
    })

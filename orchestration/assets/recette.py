"""The recette asset: the Great Expectations acceptance suites on the build file (read-only).
Its verdict is a blocking asset check (`recette_passed`, severity from config, ERROR by default):
a failed recette stops the publish, and the report is still recorded. A build the run did not
change (publish.is_unchanged) keeps the verdict recorded with the published version when the
recette's own inputs (recette/fingerprint.py) are the same."""

import os
from pathlib import Path

import dagster as dg
from dagster import AssetExecutionContext

from ..checks.config import ERROR, check_config
from .resources import PilotageResource

RECETTE_KEY = dg.AssetKey(["recette"])
PUBLISH_GROUP = "publish"


def recette_out_dir(settings) -> Path | None:
    """PILOTAGE_RECETTE_DIR if set, else the recette's own default (reports/recette)."""
    value = os.environ.get("PILOTAGE_RECETTE_DIR", "").strip()
    return Path(value).resolve() if value else None


def build_recette_asset(deps: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(key=RECETTE_KEY, deps=deps, group_name=PUBLISH_GROUP, kinds={"great_expectations"},
              check_specs=[dg.AssetCheckSpec("recette_passed", asset=RECETTE_KEY, blocking=True,
                                             description="The acceptance suites passed.")],
              description="Great Expectations acceptance suites (recette) run on the build warehouse.")
    def recette(context: AssetExecutionContext, pilotage: PilotageResource):
        from .. import pg_run
        from .. import publish as wap
        from ..recette import run_recette
        from ..recette.fingerprint import recette_fingerprint

        settings = pilotage.settings()
        on_pg = pg_run.is_postgres(settings)
        severity = (dg.AssetCheckSeverity.ERROR if check_config("recette")["severity"] == ERROR
                    else dg.AssetCheckSeverity.WARN)
        run_id, inputs = context.run.run_id, recette_fingerprint()
        kept = None if on_pg else wap.published_recette(
            settings.build_path, run_id, settings.state_dir, settings.warehouse, inputs)
        if kept is not None:
            # the build is the published file unchanged, and so are the suites and the cahier
            verdict = f"not re-run (build unchanged since its publish): {kept['verdict']}"
            context.log.info(f"recette {verdict}")
            yield from _results(kept["success"], verdict, kept["summary"], kept["report_path"], 0, severity)
            return
        if on_pg:
            result = run_recette(pg_run.recette_source(), out_dir=recette_out_dir(settings))
        else:
            # the recette only reads the build: the publish's hash of it is computed meanwhile
            with wap.hashing_alongside(settings.build_path, run_id):
                result = run_recette(settings.build_path, out_dir=recette_out_dir(settings))
        report = str(result.report_path) if getattr(result, "report_path", None) else ""
        summary = result.summary()
        context.log.info(summary)
        verdict = "passed" if result.success else f"failed: {result.failure_line()}"
        if not on_pg:
            wap.write_recette_record(settings.build_path, run_id, {
                "inputs": inputs, "success": bool(result.success), "verdict": verdict,
                "summary": summary, "report_path": report})
        yield from _results(bool(result.success), verdict, summary, report,
                            len(getattr(result, "results", []) or []), severity)

    return recette


def _results(success: bool, verdict: str, summary: str, report: str, checks_run: int, severity):
    yield dg.MaterializeResult(metadata={
        "success": success,
        "verdict": verdict,
        "summary": dg.MetadataValue.text(summary),
        "report_path": dg.MetadataValue.path(report) if report else "none",
        "checks_run": checks_run,
    })
    yield dg.AssetCheckResult(
        check_name="recette_passed", asset_key=RECETTE_KEY, passed=success,
        severity=severity, description=f"recette {verdict}",
        metadata={"report_path": report or "none"})

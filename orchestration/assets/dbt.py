"""The dbt models as Dagster assets (dagster-dbt), dbt tests as asset checks.

One op runs `dbt build` on the run's build file with the project's vars and the run parameters
(dbt_runner.run_parameters: as_of, and on a nightly run the files each append-only raw table
gained and the models that merge: build_scope.delta_files, merge_models); a full refresh adds
`--full-refresh` (marts.kpi_observations is `full_refresh: false`: its earlier snapshot rows are
then carried over from the published file, see publish.carry_over_snapshots). On the postgres
target it builds into the `<schema>__build` schemas and the snapshots are carried over after
every run (pg_run.after_dbt).
"""

import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster import AssetExecutionContext
from dagster_dbt import (DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource,
                         DbtProject, dbt_assets)

from .. import dbt_runner
from ..dbt_schedule import TIMINGS_ENV
from ..settings import PROJECT_DIR
from .dbt_cli import PilotageDbtCliResource
from .resources import PilotageResource, is_full_refresh
from .run_events import PARSE_MESSAGE

DBT_OP = "dbt_models"
VIEW_KEPT = "a view whose SQL did not change: it reads the rebuilt tables"


class PilotageTranslator(DagsterDbtTranslator):
    """Default keys (`<schema>/<model>`, `raw/<table>` for sources); groups by schema."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        props = self.get_resource_props(manifest, unique_id)
        if props.get("resource_type") in ("model", "seed", "snapshot"):
            schema = (props.get("config") or {}).get("schema") or "dbt"
            spec = spec.replace_attributes(group_name=schema)
        return spec


TRANSLATOR = PilotageTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


def dbt_project() -> DbtProject:
    return DbtProject(project_dir=PROJECT_DIR, profiles_dir=PROJECT_DIR, target_path="target")


def dbt_resource(project: DbtProject) -> DbtCliResource:
    return PilotageDbtCliResource(project_dir=project, dbt_executable=dbt_runner.build_executable(),
                                  global_config_flags=["--no-use-colors"])


def build_dbt_assets(project: DbtProject, fingerprint: str) -> dg.AssetsDefinition:
    """`fingerprint`: dbt_runner.project_fingerprint() of the files the manifest was parsed from."""

    @dbt_assets(manifest=project.manifest_path, project=project, dagster_dbt_translator=TRANSLATOR,
                name=DBT_OP)
    def dbt_models(context: AssetExecutionContext, dbt: DbtCliResource, pilotage: PilotageResource):
        from .. import build_scope, pg_run
        from .. import publish as wap
        from ..publish import carry_over_snapshots

        settings = pilotage.settings()
        if not settings.build_path.exists():
            raise dg.Failure(f"build warehouse {settings.build_path} is missing: materialize the landing asset first")
        full = is_full_refresh(context)
        if dbt_runner.project_fingerprint(settings.project_dir) != fingerprint:
            # dbt would build nodes this code location does not know: reload, then run again
            raise dg.Failure("the dbt project changed since the Dagster definitions were loaded; "
                             "run again (or reload the code location)")
        # the graph decides the scope; the run parameters (as_of, the delta) never re-parse it
        _parse(context, settings, for_run=False)
        dbt_runner.clean_invocation_dirs()
        manifest = json.loads(Path(project.manifest_path).read_text(encoding="utf-8"))
        scope, inputs, delta = _scope(context, settings, manifest, full)
        context.log.info(f"dbt scope: {'everything' if scope.full else f'{len(scope.rebuild)} model(s)'} ({scope.reason})")
        yield from _kept_results(context, project, manifest, scope, over_new_data=False)
        if scope.nothing_to_do:
            last_run_results_path(settings).unlink(missing_ok=True)
            _record(settings, inputs)
            wap.mark_unchanged(settings.build_path, context.run.run_id)
            return
        if delta:
            merging = build_scope.merge_models(manifest, scope, delta)
            context.log.info("incremental staging: " + ", ".join(f"{t} (+{len(f)} file(s))" for t, f in sorted(delta.items())))
            context.log.info("models merging the rows the delta touches: " + (", ".join(merging) or "none"))
            settings = settings.with_(dbt_vars={**settings.dbt_vars, build_scope.DELTA_VAR: delta,
                                                build_scope.MERGE_VAR: merging,
                                                build_scope.AS_OF_MOVE_VAR: scope.as_of_move(settings.as_of.isoformat())})
        _parse(context, settings, for_run=True)
        # the recette that follows the build imports GX meanwhile (this thread mostly waits on dbt)
        from ..recette import import_in_background

        import_in_background()
        # dbt unit tests check the SQL, not the data: CI runs them (tests/dbt), the nightly
        # does not pay for them again (about a quarter of a small build's dbt time)
        # no debug log file: it is written to the invocation's folder, removed after the run
        # (Dagster keeps dbt's events), at ~7 MB of JSON a night formatted under the GIL that
        # the two build threads share
        # cautious: a kept model's own tests stay out with it (its data did not change; a kept
        # view is a pivot of kpi_observations, whose unique key is tested), but a test that also
        # reads a rebuilt model runs (eager would drop kpi_observations' relationship to the
        # kept catalogue seed)
        args = (["build", "--log-level-file", "none", "--indirect-selection", "cautious",
                 "--exclude", " ".join(["resource_type:unit_test", *_names(scope.keep)]),
                 "--vars", dbt_runner.dbt_vars(settings)]
                + (["--full-refresh"] if full else []))
        # the node seconds of the last build of the same kind order this build's ready nodes
        # (dbt_schedule.py)
        timings = {TIMINGS_ENV: str(schedule_timings(settings, scope.full))}
        with dbt_runner.applied_env(settings, extra=timings):
            invocation = dbt.cli(args, context=context, raise_on_error=False)
            yield from invocation.stream()
            ok = invocation.is_successful()
        if ok:  # after the build: Dagster takes a multi-asset's outputs parents first
            yield from _kept_results(context, project, manifest, scope, over_new_data=True)
        target = Path(invocation.target_path)
        summary = dbt_runner.summarize_run_results(target / "run_results.json")
        _keep_run_results(target, last_run_results_path(settings))
        if ok:
            _keep_run_results(target, timings_path(settings, scope.full))
        shutil.rmtree(target, ignore_errors=True)
        context.log.info(f"dbt build: {dbt_runner.describe_counts(summary['counts'])}")
        if not ok:
            failures = summary["failures"]
            reason = "; ".join(failures[:3]) + (f" (+{len(failures) - 3} more)" if len(failures) > 3 else "")
            raise dg.Failure(
                description=f"dbt build failed: {reason or 'see the dbt log'}",
                metadata={"counts": json.dumps(summary["counts"]), "failures": "\n".join(failures)})
        if pg_run.is_postgres(settings):
            # the build schemas start empty every run: carry the KPI history over every run
            carried = pg_run.after_dbt(settings)
            context.log.info(f"carried over {carried} earlier snapshot rows of marts.kpi_observations")
        elif full:
            carried = carry_over_snapshots(settings.warehouse, settings.build_path, settings.as_of)
            context.log.info(f"carried over {carried} earlier snapshot rows of marts.kpi_observations")
        _record(settings, inputs)
        if not pg_run.is_postgres(settings) and _recette_follows(context):
            # the build file is final: the recette's read of it overlaps the checks' queries
            from ..recette import read_ahead

            read_ahead.start(settings.build_path)

    return dbt_models


def _recette_follows(context) -> bool:
    """Whether this run goes on to the recette (the jobs do; a run of selected assets may not)."""
    from .recette import RECETTE_KEY

    selection = context.run.asset_selection  # empty (or None) when the whole job runs
    return not context.is_subset and (not selection or RECETTE_KEY in selection)


def _parse(context, settings, *, for_run: bool) -> None:
    parsed = dbt_runner.prepare_manifest(settings, for_run=for_run)
    if parsed is not None:
        context.log.info(PARSE_MESSAGE.format(parsed))


def _scope(context, settings, manifest: dict, full: bool):
    """(what to rebuild, this build's inputs to record (None: record nothing), the files each
    append-only raw table gained). Everything on a full refresh, on PostgreSQL (its build schemas
    start empty) and when Dagster selected a subset of the dbt assets: that build then holds
    models of mixed inputs, so it keeps the record it was copied with (the next run rebuilds what
    changed since)."""
    from .. import build_scope

    if context.is_subset:
        return build_scope.Scope(True, "a subset of the dbt assets was selected"), None, {}
    if settings.target != "duckdb":
        return build_scope.Scope(True, "full refresh" if full else "build schemas start empty"), None, {}
    code = build_scope.code_fingerprint(
        settings.project_dir, dbt_runner.project_files(settings.project_dir), settings.vars(),
        {"target": settings.target, "schema_suffix": os.environ.get("PILOTAGE_SCHEMA_SUFFIX", "")})
    with duckdb.connect(str(settings.build_path), read_only=True) as con:
        inputs = build_scope.current_inputs(con, code, settings.as_of.isoformat())
        if full:
            return build_scope.Scope(True, "full refresh"), inputs, {}
        recorded = build_scope.recorded_inputs(con)
    scope = build_scope.plan(manifest, recorded, inputs)
    return scope, inputs, {} if scope.full else build_scope.delta_files(recorded, inputs)


def _record(settings, inputs: dict[str, str] | None) -> None:
    """What the build file's models now reflect (read by the next run's scope)."""
    from .. import build_scope

    if inputs is not None:
        with duckdb.connect(str(settings.build_path)) as con:
            build_scope.record_inputs(con, inputs)


def _kept_results(context, project: DbtProject, manifest: dict, scope, *, over_new_data: bool):
    """Models the scope leaves alone keep the published warehouse's relation: reported as such,
    parents first. The others precede every rebuilt model in the graph; the views over new
    data (build_scope.Scope.views_over_new_data) follow the rebuilt models they read."""
    selected = context.selected_asset_keys
    for uid in scope.keep:
        if (uid in scope.views_over_new_data) != over_new_data:
            continue
        key = TRANSLATOR.get_asset_spec(manifest, uid, project).key
        if key in selected:
            why = VIEW_KEPT if over_new_data else scope.reason
            yield dg.MaterializeResult(asset_key=key, metadata={
                "pilotage/kept": dg.MetadataValue.text(f"not rebuilt: {why}")})


def _names(unique_ids) -> list[str]:
    """Names of the models/seeds kept as published, for `--exclude` (one space-separated
    value: dbt reads further arguments or a second `--exclude` as extra arguments)."""
    return [uid.split(".")[-1] for uid in unique_ids]


def last_run_results_path(settings) -> Path:
    from ..publish import history_dir

    return history_dir(settings.state_dir, settings.warehouse) / "last_run_results.json"


def timings_path(settings, everything: bool) -> Path:
    """The run_results.json of the last successful build of a kind: everything (a full refresh,
    a changed project) or a night's scope. A full build's seconds are the wrong weights for a
    night (int_valid_order_lines: 12 s against 0.5 s when it merges a day), and an idle night,
    which builds nothing, keeps them."""
    from ..publish import history_dir

    name = "timings_everything.json" if everything else "timings_nightly.json"
    return history_dir(settings.state_dir, settings.warehouse) / name


def schedule_timings(settings, everything: bool) -> Path:
    """The timings that order a build: the last build of the same kind's, else the other
    kind's (a first night after a full refresh), else none (a missing file: dbt_schedule's
    defaults)."""
    same, other = timings_path(settings, everything), timings_path(settings, not everything)
    return same if same.exists() or not other.exists() else other


def _keep_run_results(target: Path, dest: Path) -> None:
    """Keep the last run_results.json under the state dir (the invocation folder is removed)."""
    src = target / "run_results.json"
    dest.unlink(missing_ok=True)
    if src.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)


def source_keys(project: DbtProject) -> list[dg.AssetKey]:
    """Asset keys of the dbt sources (produced by the landing asset)."""
    manifest = json.loads(Path(project.manifest_path).read_text(encoding="utf-8"))
    return [TRANSLATOR.get_asset_spec(manifest, uid, project).key for uid in manifest.get("sources", {})]

"""`pilotage refresh`: run the nightly (or full-refresh) Dagster job in-process and publish.

Exit semantics (spec/outputs.md): returns a RefreshResult when the run published; otherwise
raises PilotageError with a one-line reason, the published warehouse being byte-for-byte
unchanged (write-audit-publish, see orchestration/publish.py).
"""
from __future__ import annotations

import contextlib
import os
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PilotageError
from .settings import Settings

LOG_LEVEL_ENV = "PILOTAGE_LOG_LEVEL"  # Dagster console log level of `pilotage refresh` (default: silent)


@dataclass
class RefreshResult:
    settings: Settings
    job: str
    run_id: str
    published: bool
    events: object  # assets.run_events.RunEvents
    dbt: dict = field(default_factory=dict)  # dbt_runner.summarize_run_results
    current: dict | None = None  # publish info (sha256, bytes, ...)
    versions_kept: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    dbt_started_warm: int = 0  # dbt invocations forked from the warm process (dbt_warm.py)
    dbt_warm_up: str = ""  # its `dbt parse` before serving: ok / skipped: ... / failed: ...
    dbt_reused_manifest: int = 0  # invocations handed that parse's manifest

    @property
    def reason(self) -> str:
        return self.events.reason()

    def dbt_materializations(self) -> list[dict]:
        """Metadata of the run's dbt model and seed assets (rebuilt or kept)."""
        return [m for k, m in self.events.materializations.items()
                if k not in ("audit/load_audit", "recette", "published_warehouse")
                and not k.startswith(("raw/", "audit/"))]

    def kept_reasons(self) -> list[str]:
        """For each dbt asset kept as published (build_scope), why it was not rebuilt."""
        return [m["pilotage/kept"].removeprefix("not rebuilt: ")
                for m in self.dbt_materializations() if "pilotage/kept" in m]

    def stage_line(self) -> str:
        return ", ".join(f"{name} {secs:.1f} s" for name, secs in self.stages.items())

    def summary(self) -> str:
        from .dbt_runner import describe_counts

        ev = self.events
        s = self.settings
        head = "published" if self.published else "did NOT publish"
        lines = [f"pilotage refresh ({self.job}, as_of {s.as_of}, run {self.run_id[:8]}) {head} "
                 f"in {self.seconds:.1f} s"]
        load = ev.materializations.get("audit/load_audit", {})
        if load:
            lines.append(f"  load:      {load.get('summary', '').replace(chr(10), chr(10) + ' ' * 13)}")
            lines.append(f"             build started from {load.get('build_started_from', '?')}")
        else:
            lines.append("  load:      not run")
        dbt_assets, kept = self.dbt_materializations(), self.kept_reasons()
        lines.append(f"  dbt build: {describe_counts(self.dbt.get('counts', {}))} "
                     f"({len(dbt_assets) - len(kept)} assets rebuilt, {len(kept)} kept as published"
                     f"{': ' + kept[0] if kept else ''})")
        dq = [c for c in ev.checks if c.step not in ("dbt_models", "recette") and c.name != "recette_passed"]
        dbt_tests = [c for c in ev.checks if c.step == "dbt_models"]
        failed = [c for c in dq if not c.passed]
        lines.append(f"  checks:    {len(dq) - len(failed)}/{len(dq)} data-quality checks passed, "
                     f"{sum(c.passed for c in dbt_tests)}/{len(dbt_tests)} dbt tests passed")
        for c in failed + [c for c in dbt_tests if not c.passed]:
            lines.append(f"             {c.severity} {c.asset}:{c.name}: {c.description}")
        rec = ev.materializations.get("recette")
        if rec:
            lines.append(f"  recette:   {rec.get('verdict')}; report {rec.get('report_path')}")
        else:
            lines.append("  recette:   not run")
        if self.published and self.current and s.target == "postgres":
            lines.append(f"  published: schemas {', '.join(self.current.get('schemas', []))} in "
                         f"{self.current.get('database')} (BI role {self.current.get('bi_role')})")
        elif self.published and ev.materializations.get("published_warehouse", {}).get("unchanged"):
            lines.append(f"  published: {s.warehouse} left as it was: this run changed nothing in it")
        elif self.published and self.current:
            lines.append(f"  published: {s.warehouse} (sha256 {self.current['sha256'][:12]}, "
                         f"{self.current['bytes'] / 1e6:.1f} MB; {self.versions_kept} earlier version(s) kept)")
        else:
            lines.append(f"  published: no ({self.reason}); {published_label(s)} unchanged")
        lines.append(f"  stages:    {self.stage_line()}")
        return "\n".join(lines)


def published_label(settings: Settings) -> str:
    """What a run publishes: the DuckDB file, or the PostgreSQL database's schemas."""
    if settings.target == "postgres":
        from .pg_run import label

        return f"PostgreSQL {label()}"
    return str(settings.warehouse)


def _validate(settings: Settings) -> None:
    if not settings.landing.is_dir():
        raise PilotageError(f"landing directory not found: {settings.landing}")
    if settings.target not in ("duckdb", "postgres"):
        raise PilotageError(f"pilotage refresh publishes a DuckDB file or PostgreSQL schemas; target "
                            f"{settings.target!r} is not supported by refresh")
    if settings.warehouse.exists() and settings.warehouse.is_dir():
        raise PilotageError(f"--warehouse must be a file, {settings.warehouse} is a directory")
    if settings.target == "postgres":
        # server reachable, login accepted, CREATE on the database, BI role creatable
        from .postgres import PgTarget, preflight

        preflight(PgTarget.from_env())


INSTANCE_MARKER = "# written by pilotage (orchestration/refresh.py); remove this line to keep your own edits\n"
EARLIER_INSTANCE_YAML = "telemetry:\n  enabled: false\n"  # what versions before the pooled storage wrote


def dagster_home(settings: Settings) -> Path:
    """Persistent Dagster instance of the CLI and `pilotage ui` (run history in the UI): SQLite
    storage under the home, its event log with engines kept open (orchestration/dagster_storage.py).
    The dagster.yaml is (re)written unless someone edited it (it lost its first-line marker)."""
    from .dagster_storage import instance_yaml

    home = (settings.state_dir / "dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    wanted = INSTANCE_MARKER + EARLIER_INSTANCE_YAML + instance_yaml(str(home))
    current = config.read_text(encoding="utf-8") if config.exists() else None
    if current != wanted and (current is None or current == EARLIER_INSTANCE_YAML
                              or current.startswith(INSTANCE_MARKER)):
        config.write_text(wanted, encoding="utf-8")
    return home


def _instance(settings: Settings):
    from dagster import DagsterInstance

    return DagsterInstance.from_config(str(dagster_home(settings)))


def _run_config(settings: Settings) -> dict:
    from .assets.resources import run_config

    config = run_config(settings)
    level = os.environ.get(LOG_LEVEL_ENV, "").strip().upper() or "CRITICAL"
    config["loggers"] = {"console": {"config": {"log_level": level}}}
    return config


@contextlib.contextmanager
def _captured_output(settings: Settings):
    """dagster-dbt echoes every dbt event to stdout: send the run's stdout/stderr to a log file
    under the state dir (kept on the terminal when PILOTAGE_LOG_LEVEL is set)."""
    log = settings.state_dir / "last_refresh.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    if os.environ.get(LOG_LEVEL_ENV, "").strip():
        yield log
        return
    with open(log, "w", encoding="utf-8") as f, contextlib.redirect_stdout(f), contextlib.redirect_stderr(f):
        yield log


def _stages(events, parse_s: float | None, setup_s: float) -> dict[str, float]:
    # a parse inside the dbt step (its project files or vars changed) counts as parse, not dbt
    stages = {"parse": (parse_s or 0.0) + events.dbt_parse_seconds, "setup": setup_s}
    for name, step in (("load", "landing"), ("dbt", "dbt_models")):
        if (secs := events.seconds(step)) is not None:
            stages[name] = secs - (events.dbt_parse_seconds if name == "dbt" else 0.0)
    if events.check_steps:
        stages["checks"] = events.checks_seconds()
    for name, step in (("recette", "recette"), ("publish", "published_warehouse")):
        if (secs := events.seconds(step)) is not None:
            stages[name] = secs
    return stages


def run_refresh(settings: Settings, full_refresh: bool = False) -> RefreshResult:
    started = time.perf_counter()
    _validate(settings)  # user mistakes first, before the heavy imports

    from . import dbt_runner, dbt_warm
    from . import publish as wap

    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    on_pg = settings.target == "postgres"
    # under the lock, first: the nightly's copy of the published file, and dbt's imports in a
    # warm process its invocations fork from (dbt_warm.py); they overlap the imports of Dagster
    # and dbt's manifest check below
    with (wap.refresh_lock(settings.warehouse),
          wap.published_copied_early(settings.warehouse, settings.build_path,
                                     enabled=not (full_refresh or on_pg)),
          dbt_warm.warm_dbt(warm_up=dbt_runner.warm_up_invocation(settings)) as warm):
        from . import alerting
        from .assets.dbt import last_run_results_path
        from .assets.resources import FULL_REFRESH_JOB, NIGHTLY_JOB

        # the project's graph (parsed when its files change; as_of and the delta are run
        # parameters, which dbt reads when it runs: dbt_runner.run_parameters)
        parse_s = dbt_runner.prepare_manifest(settings, for_run=False)
        setup_started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from .assets.run_events import read_run
            from .definitions import defs

            job_name = FULL_REFRESH_JOB if full_refresh else NIGHTLY_JOB
            job = defs.resolve_job_def(job_name)
            with _instance(settings) as instance, _captured_output(settings) as log:
                setup_s = time.perf_counter() - setup_started
                result = job.execute_in_process(
                    run_config=_run_config(settings), instance=instance, raise_on_error=False,
                    tags={alerting.ALERTED_TAG: "cli", "pilotage/as_of": settings.as_of.isoformat(),
                          "pilotage/log": str(log)})
                events = read_run(instance, result.run_id)
        dbt_started_warm, dbt_warm_up = dbt_warm.served(warm), dbt_warm.warmed_up(warm)
        dbt_reused_manifest = dbt_warm.served(warm, reused=True)
    published = events.success and "published_warehouse" in events.materializations
    current = None
    if published:
        from .pg_run import current_info as pg_current

        current = pg_current(settings) if on_pg else wap.current_info(settings.state_dir, settings.warehouse)
    outcome = RefreshResult(
        settings=settings, job=job_name, run_id=result.run_id, published=published, events=events,
        dbt=dbt_runner.summarize_run_results(last_run_results_path(settings)),
        current=current,
        versions_kept=0 if on_pg else len(wap.versions(settings.state_dir, settings.warehouse)),
        seconds=time.perf_counter() - started, stages=_stages(events, parse_s, setup_s),
        dbt_started_warm=dbt_started_warm, dbt_warm_up=dbt_warm_up, dbt_reused_manifest=dbt_reused_manifest)
    details = settings.state_dir / "last_refresh.txt"
    details.parent.mkdir(parents=True, exist_ok=True)
    details.write_text(outcome.summary() + "\n", encoding="utf-8")
    alerting.report_run(settings.state_dir, events, warehouse=published_label(settings), published=published)
    if not published:
        raise PilotageError(f"refresh did not publish: {outcome.reason}; the published warehouse "
                            f"{published_label(settings)} is unchanged (details: {details})")
    return outcome

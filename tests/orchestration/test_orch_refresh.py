"""`pilotage refresh` end to end on the golden landing: every asset materializes and publishes,
an ERROR check stops the publish, a killed run leaves the published file intact, readers keep
their snapshot, a full refresh keeps earlier KPI snapshots, rollback restores a version.

The tests below share the session's warehouse and run in file order (each dbt build costs
tens of seconds); every test checks its own before/after state.
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration import publish as wap
from orchestration.errors import PilotageError
from orchestration.refresh import run_refresh

# one worker runs the whole group, so its session fixtures are built once
pytestmark = pytest.mark.xdist_group("orch")

PILOTAGE = Path(sys.executable).parent / "pilotage"
ROOT = Path(__file__).resolve().parents[2]


def _pilotage(args, env, **kw):
    return subprocess.run([str(PILOTAGE), *args], capture_output=True, text=True, env=env, **kw)


def _snapshot_dates(path: Path) -> set[str]:
    """as_of snapshot dates of kpi_observations, read in a separate process (DuckDB caches open
    databases per process and path)."""
    code = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
            "print(','.join(sorted(str(r[0]) for r in con.execute(\"select distinct period_start from "
            "marts.kpi_observations where period_grain = 'as_of'\").fetchall())))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return set(filter(None, out.stdout.strip().split(",")))


# ---------------------------------------------------------------- user mistakes (no build)


def test_missing_landing_is_one_line_exit_1(cli_env):
    out = _pilotage(["refresh", "--landing", "/does/not/exist"], cli_env)
    assert out.returncode == 1
    assert out.stderr == "pilotage: landing directory not found: /does/not/exist\n"
    assert "Traceback" not in out.stdout + out.stderr


def test_bad_as_of_is_one_line_exit_1(cli_env, landing):
    out = _pilotage(["refresh", "--landing", str(landing), "--as-of", "2026-02-30"], cli_env)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "--as-of must be a date" in out.stderr
    assert "Traceback" not in out.stderr


# ---------------------------------------------------------------- the golden refresh


def test_golden_refresh_materializes_every_asset_and_publishes(built):
    from orchestration.definitions import defs

    settings, result = built
    assert result.published
    every = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert set(result.events.materializations) == every
    assert not [c for c in result.events.checks if c.severity == "ERROR" and not c.passed]
    assert {c.name for c in result.events.checks} >= {"audit_invariant", "customer_status_consistency",
                                                       "non_empty", "recette_passed"}
    assert result.current["sha256"] == wap.sha256(settings.warehouse)
    assert result.dbt_started_warm >= 1  # the build (and a parse, if any): dbt_warm.py
    assert not settings.build_path.exists()  # moved into place
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        for table in ("marts.kpi_observations", "marts.customer_360", "marts.kpi_catalogue"):
            assert con.execute(f"select count(*) from {table}").fetchone()[0] > 0
        assert con.execute("select max(as_of_date) from marts.kpi_observations").fetchone()[0].isoformat() == "2026-03-15"
    text = result.summary()
    for part in ("load:", "dbt build:", "checks:", "recette:", f"published: {settings.warehouse}", "stages:"):
        assert part in text
    assert result.events.materializations["recette"]["report_path"]
    # dagster-dbt's per-invocation folders are cleaned after the run
    run_dirs = [d for d in (ROOT / "target").glob(f"dbt_models-{result.run_id[:7]}-*")]
    assert run_dirs == []


def test_failing_error_check_leaves_published_unchanged(built, tmp_path, monkeypatch):
    settings, _ = built
    config = tmp_path / "pilotage.yml"
    config.write_text("checks:\n  landing_freshness:\n    severity: error\n    max_age_hours: -1\n")
    monkeypatch.setenv("PILOTAGE_CONFIG", str(config))
    before = wap.sha256(settings.warehouse)
    with pytest.raises(PilotageError) as info:
        run_refresh(settings)  # same as_of: the manifest is reused (no dbt parse)
    message = str(info.value)
    assert "\n" not in message and "ERROR check landing_freshness on audit/load_audit failed" in message
    assert wap.sha256(settings.warehouse) == before
    assert "landing_freshness (ERROR)" in (settings.state_dir / "alerts.log").read_text()


def test_failing_recette_stops_the_publish(built, tmp_path, monkeypatch):
    """A cahier de recette with one wrong expected value: the recette fails, nothing is published."""
    settings, _ = built
    cahier = tmp_path / "cahier.py"
    cahier.write_text('AS_OF = "2026-03-15"\n'
                      'KPI_VALUES = {("invoiced_revenue", "month", "2026-01-01", "total", "all"): 4351.0}\n')
    monkeypatch.setenv("PILOTAGE_CAHIER", str(cahier))
    before = wap.sha256(settings.warehouse)
    with pytest.raises(PilotageError) as info:
        run_refresh(settings)
    message = str(info.value)
    assert "\n" not in message and "ERROR check recette_passed on recette failed" in message
    assert "invoiced_revenue" in message
    assert wap.sha256(settings.warehouse) == before


def _latest_run(settings):
    from orchestration.refresh import dagster_home

    with dg.DagsterInstance.from_config(str(dagster_home(settings))) as instance:
        return instance.get_runs(limit=1)[0]


def test_killed_refresh_then_next_run_publishes_while_a_reader_reads(built, make_settings, cli_env, orch_dir):
    settings, _ = built
    warehouse = settings.warehouse
    before = wap.sha256(warehouse)
    log = open(orch_dir / "killed_refresh.log", "w")
    started = time.time()
    proc = subprocess.Popen([str(PILOTAGE), "refresh", "--landing", str(settings.landing), "--warehouse",
                             str(warehouse), "--as-of", "2026-03-16"], env=cli_env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # wait until dbt is building into the build file: its WAL grew (or it was checkpointed)
        # since dagster-dbt made the invocation's folder
        deadline = started + 600
        build_started = folder_made = wal_before = None
        wal = Path(f"{settings.build_path}.wal")
        while time.time() < deadline and proc.poll() is None:
            dbt_dirs = [d for d in (ROOT / "target").glob("dbt_models-*") if d.stat().st_mtime >= started]
            if dbt_dirs and settings.build_path.exists():
                wal_now = wal.stat().st_size if wal.exists() else 0
                if build_started is None:
                    build_started, wal_before = time.time(), wal_now
                    folder_made = min(d.stat().st_mtime for d in dbt_dirs)
                if (wal_now > wal_before or settings.build_path.stat().st_mtime >= folder_made
                        or time.time() - build_started > 20):
                    break
            time.sleep(0.05)
        assert proc.poll() is None, "the refresh ended before it could be killed"
        assert build_started, "the dbt build did not start"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: pilotage and its dbt child
        proc.wait()
        log.close()
    assert wap.sha256(warehouse) == before  # byte-for-byte intact
    killed = _latest_run(settings)
    assert killed.status != dg.DagsterRunStatus.SUCCESS
    for d in (ROOT / "target").glob(f"dbt_models-{killed.run_id[:7]}-*"):
        __import__("shutil").rmtree(d, ignore_errors=True)

    # the next run succeeds, while a BI reader holds a read-only connection on the published file
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        old = reader.execute("select max(as_of_date) from marts.kpi_observations").fetchone()[0].isoformat()
        assert old == "2026-03-15"
        result = run_refresh(make_settings("2026-03-16"))
        assert result.published
        # when the manifest was parsed for this warehouse's env and vars, the warm dbt process
        # parsed before serving and handed its manifest to the build (dbt_warm.py); another
        # test's parse of the shared target/ (another env) can leave it unwarmed ('') or
        # restarted cold: then nothing is reused
        assert result.dbt_reused_manifest == (1 if result.dbt_warm_up == "ok" else 0)
        # the first build ordered by a full build's seconds, the next nights by this one's
        from orchestration.assets.dbt import timings_path

        assert timings_path(settings, True).exists() and timings_path(settings, False).exists()
        # the reader keeps its consistent snapshot ...
        assert reader.execute("select max(as_of_date) from marts.kpi_observations").fetchone()[0].isoformat() == old
        # ... new readers see the new publish, which kept the earlier snapshot (incremental)
        assert _snapshot_dates(warehouse) >= {"2026-03-15", "2026-03-16"}
    finally:
        reader.close()
    load = result.events.materializations["audit/load_audit"]
    # `pilotage refresh` copied the published file while the job started (publish.copy_published_early)
    assert load["build_started_from"] == "copy of the published warehouse (copied while the job started)"
    assert load["files_skipped"] > 0  # unchanged landing files are not read again
    assert wap.versions(settings.state_dir, warehouse)[0][1]["as_of"] == "2026-03-15"


def test_full_refresh_rebuilds_and_keeps_earlier_snapshots(built, make_settings):
    settings, _ = built
    earlier = _snapshot_dates(settings.warehouse)
    result = run_refresh(make_settings("2026-03-17"), full_refresh=True)
    assert result.published and result.job == "full_refresh"
    load = result.events.materializations["audit/load_audit"]
    assert load["build_started_from"] == "empty" and load["files_skipped"] == 0
    assert _snapshot_dates(settings.warehouse) == earlier | {"2026-03-17"}


def test_rollback_restores_the_previous_version(built, make_settings, cli_env):
    """Self-contained (pytest-xdist may run this file's tests on two workers): a nightly for an
    as_of no other test uses publishes and archives the file it replaces."""
    settings, _ = built
    settings = make_settings("2026-03-18")
    before = wap.sha256(settings.warehouse)
    assert run_refresh(settings).published
    versions = wap.versions(settings.state_dir, settings.warehouse)
    assert versions and wap.sha256(versions[0][0]) == before
    previous_file, info = versions[0]
    expected = wap.sha256(previous_file)
    out = _pilotage(["rollback", "--warehouse", str(settings.warehouse)], cli_env)
    assert out.returncode == 0, out.stderr
    assert f"as_of {info['as_of']}" in out.stdout
    assert wap.sha256(settings.warehouse) == expected

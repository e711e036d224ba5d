"""The Dagster code location: it loads, its jobs, schedule, checks and sensors."""
import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg
import pytest


@pytest.fixture(scope="module")
def defs():
    from orchestration.definitions import defs

    return defs


def test_definitions_load(defs):
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    for key in ("raw/crm__accounts", "audit/load_audit", "audit/quarantine", "staging/stg_crm__accounts",
                "marts/kpi_observations", "marts/customer_360", "marts/crm_alerts", "marts/kpi_catalogue",
                "recette", "published_warehouse"):
        assert key in keys, key
    # the published warehouse depends on every other asset (so every blocking check gates it)
    upstream = {k.to_user_string() for k in graph.get(dg.AssetKey("published_warehouse")).parent_keys}
    assert upstream == keys - {"published_warehouse"}


def test_checks_are_defined_and_blocking(defs):
    graph = defs.resolve_asset_graph()
    checks = {k.to_user_string() for k in graph.asset_check_keys}
    for name in ("audit/load_audit:audit_invariant", "audit/load_audit:quarantine_rate",
                 "audit/load_audit:landing_freshness", "staging/stg_crm__contacts:contact_completeness",
                 "staging/stg_crm__contacts:duplicate_contacts", "staging/stg_crm__accounts:duplicate_accounts",
                 "marts/customer_360:customer_status_consistency", "marts/crm_alerts:alert_volume_jump",
                 "marts/customer_360:non_empty", "marts/kpi_observations:non_empty",
                 "marts/kpi_catalogue:non_empty", "recette:recette_passed"):
        assert name in checks, name
    assert any(c.startswith("marts/kpi_observations:") and "unique" in c for c in checks)  # dbt tests
    ours = [d for d in defs.asset_checks or []]
    assert ours and all(spec.blocking for d in ours for spec in d.check_specs)


def test_jobs_run_in_process(defs):
    for name in ("nightly_refresh", "full_refresh"):
        job = defs.resolve_job_def(name)
        assert job.executor_def is dg.in_process_executor


def test_schedule_02_00_paris_with_as_of(defs):
    schedule = defs.resolve_schedule_def("nightly_refresh_schedule")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Europe/Paris"
    assert schedule.job_name == "nightly_refresh"
    when = dt.datetime(2026, 3, 15, 2, 0, tzinfo=ZoneInfo("Europe/Paris"))
    with dg.build_schedule_context(scheduled_execution_time=when) as context:
        requests = list(schedule.evaluate_tick(context).run_requests or [])
    assert len(requests) == 1
    config = requests[0].run_config["resources"]["pilotage"]["config"]
    assert config["as_of"] == "2026-03-15"
    assert set(config) >= {"landing", "warehouse", "timezone", "state_dir"}
    # the scheduled date is the Paris date: 02:00 Paris on 15 March is 01:00 UTC on 15 March
    late = dt.datetime(2026, 3, 16, 0, 30, tzinfo=dt.timezone.utc)  # 01:30 Paris, 16 March
    with dg.build_schedule_context(scheduled_execution_time=late) as context:
        request = list(schedule.evaluate_tick(context).run_requests)[0]
    assert request.run_config["resources"]["pilotage"]["config"]["as_of"] == "2026-03-16"


def test_sensors(defs):
    names = {s.name for s in defs.sensors}
    assert {"pilotage_run_failure_alert", "pilotage_check_failure_summary"} <= names


def test_dbt_resource_uses_the_venv_pilotage_dbt(defs):
    """The venv's dbt, through pilotage-dbt (orchestration/dbt_schedule.py)."""
    import sys
    from pathlib import Path

    dbt = defs.resources["dbt"]
    assert Path(dbt.dbt_executable) == Path(sys.executable).parent / "pilotage-dbt"


def test_dbt_resource_skips_the_version_subprocess_and_the_adapter(defs):
    """PilotageDbtCliResource overrides two private members of dagster-dbt's resource: if an
    upgrade renames them, the override silently stops working (about 3 s per run come back)."""
    import functools
    import subprocess
    from importlib.metadata import version

    from dagster_dbt import DbtCliResource
    from packaging.version import parse

    from orchestration.assets.dbt_cli import PilotageDbtCliResource

    assert callable(getattr(DbtCliResource, "_initialize_dbt_core_adapter"))
    assert isinstance(DbtCliResource.__dict__["_cli_version"], functools.cached_property)
    dbt = defs.resources["dbt"]
    assert type(dbt) is PilotageDbtCliResource
    assert dbt._initialize_dbt_core_adapter(["build"]) is None
    # the version the job assumes is the one its dbt executable reports
    reported = subprocess.run([dbt.dbt_executable, "--version"], capture_output=True, text=True).stdout
    assert dbt._cli_version == parse(version("dbt-core"))
    assert f"installed: {version('dbt-core')}" in reported

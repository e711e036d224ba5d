"""Write-audit-publish on PostgreSQL: a failed audit or a refresh killed before the swap changes
nothing a BI tool can see (same schemas, same rows); the next run drops the stale build schemas,
publishes, and keeps the earlier KPI snapshots."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.errors import PilotageError
from orchestration.refresh import run_refresh

from pgtest import AS_OF, fingerprint, schemas

pytestmark = pytest.mark.xdist_group("postgres")

PILOTAGE = Path(sys.executable).parent / "pilotage"
NEXT_AS_OF = "2026-03-16"


def test_failed_audit_changes_nothing(pg_golden, make_pg_settings, connect, tmp_path, monkeypatch):
    """An ERROR check fails right after the load (the build schemas exist, dbt is skipped)."""
    config = tmp_path / "pilotage.yml"
    config.write_text("checks:\n  landing_freshness:\n    severity: error\n    max_age_hours: -1\n")
    monkeypatch.setenv("PILOTAGE_CONFIG", str(config))
    with connect() as con:
        before = fingerprint(con)
    with pytest.raises(PilotageError) as info:
        run_refresh(make_pg_settings())
    message = str(info.value)
    assert "\n" not in message and "ERROR check landing_freshness on audit/load_audit failed" in message
    assert "published warehouse PostgreSQL postgresql://pilotage@" in message and "is unchanged" in message
    with connect() as con:
        assert fingerprint(con) == before
        assert "raw__build" in schemas(con, "%\\_\\_build")  # left for inspection, dropped next run


def test_killed_refresh_changes_nothing_then_next_run_publishes(pg_golden, make_pg_settings, connect, pg_root):
    with connect() as con:
        before = fingerprint(con)
    settings = make_pg_settings(NEXT_AS_OF)
    log = open(pg_root / "killed_refresh.log", "w")
    proc = subprocess.Popen(
        [str(PILOTAGE), "refresh", "--target", "postgres", "--landing", str(settings.landing),
         "--warehouse", str(settings.warehouse), "--as-of", NEXT_AS_OF],
        env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # wait until dbt is building: a table of its own appeared in staging__build
        deadline, building = time.time() + 600, False
        with connect() as con:
            while time.time() < deadline and proc.poll() is None and not building:
                building = con.execute("select count(*) from pg_tables where schemaname = 'staging__build'"
                                       ).fetchone()[0] > 0
                time.sleep(0.2)
        assert proc.poll() is None, "the refresh ended before it could be killed"
        assert building, "the dbt build did not start"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: pilotage and its dbt child
        proc.wait()
        log.close()
    with connect() as con:
        assert fingerprint(con) == before  # same schemas (OIDs), same rows
        assert "staging__build" in schemas(con, "%\\_\\_build")

    # The next run drops the stale build, publishes, and the earlier snapshot survived.
    result = run_refresh(settings)
    assert result.published
    load = result.events.materializations["audit/load_audit"]
    assert load["build_started_from"].startswith("empty")
    with connect() as con:
        assert schemas(con, "%\\_\\_build") == [] and schemas(con, "%\\_\\_old") == []
        after = fingerprint(con)
        snapshots = {r[0].isoformat() for r in con.execute(
            "select distinct period_start from marts.kpi_observations where period_grain = 'as_of'").fetchall()}
        as_of_dates = {r[0].isoformat() for r in con.execute(
            "select distinct as_of_date from marts.kpi_observations").fetchall()}
    assert snapshots == {AS_OF, NEXT_AS_OF}
    assert as_of_dates == {AS_OF, NEXT_AS_OF}  # the 2026-03-15 snapshot rows kept their as_of
    assert after["marts"] != before["marts"]  # swapped in: a new schema

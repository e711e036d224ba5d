"""End to end on the golden fixture: `pilotage refresh` (in-process, full refresh) of
tests/fixtures/golden/landing as of 2026-03-15, compared value by value with the numbers written
by hand in tests/golden_expected.py (every L1 KPI, a sample of L2 rows, targets, absent rows,
customer_360 statuses, the full alert set, the load audit and the quarantine)."""
from __future__ import annotations

import datetime as dt
import math

import duckdb
import pytest

# one worker runs the whole group, so its session fixtures are built once
pytestmark = pytest.mark.xdist_group("golden")

KEY = "kpi_code, period_grain, cast(period_start as varchar), dimension, dimension_value"


@pytest.fixture(scope="module")
def con(golden_warehouse):
    connection = duckdb.connect(str(golden_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def observations(con, golden_expected):
    rows = con.execute(f"select {KEY}, value, target, cast(as_of_date as varchar) from marts.kpi_observations "
                       "where as_of_date = ?", [dt.date.fromisoformat(golden_expected.AS_OF)]).fetchall()
    table = {tuple(r[:5]): (r[5], r[6]) for r in rows}
    assert len(table) == len(rows), "marts.kpi_observations has duplicate keys"
    return table


def _same(observed, expected) -> bool:
    if expected is None or observed is None:
        return observed is None and expected is None
    return math.isclose(observed, expected, rel_tol=1e-9, abs_tol=1e-9)


def test_every_expected_kpi_value(observations, golden_expected):
    wrong = {key: (observations.get(key, ("<missing>",))[0], want)
             for key, want in golden_expected.KPI_VALUES.items()
             if key not in observations or not _same(observations[key][0], want)}
    assert not wrong, f"{len(wrong)} of {len(golden_expected.KPI_VALUES)} values differ: {sorted(wrong.items())[:10]}"


def test_every_kpi_of_the_catalogue_is_checked(golden_expected):
    """The cahier checks every KPI of the catalogue at its first dimension (`total`, or `stage`
    for stage_duration_days), and every level-1 KPI at its total."""
    from orchestration.catalogue import load_kpis

    kpis = load_kpis()
    checked = {(key[0], key[3]) for key in golden_expected.KPI_VALUES}
    assert [k["code"] for k in kpis if (k["code"], k["dimensions"][0]) not in checked] == []
    assert [k["code"] for k in kpis if k["level"] == 1 and (k["code"], "total") not in checked] == []


def test_targets(observations, golden_expected):
    wrong = {key: (observations.get(key, (None, "<missing>"))[1], want)
             for key, want in golden_expected.KPI_TARGETS.items()
             if key not in observations or not _same(observations[key][1], want)}
    assert not wrong, sorted(wrong.items())


def test_absent_rows(observations, golden_expected):
    present = [key for key in golden_expected.ABSENT_KPI_ROWS if key in observations]
    assert present == []


def test_customer_360(con, golden_expected):
    columns = list(next(iter(golden_expected.CUSTOMER_360.values())))
    rows = con.execute(f"select account_id, {', '.join(columns)} from marts.customer_360").fetchall()
    observed = {}
    for account_id, *values in rows:
        observed[account_id] = {c: (v.isoformat() if isinstance(v, dt.date) else v) for c, v in zip(columns, values)}
    assert set(observed) == set(golden_expected.CUSTOMER_360)
    for account_id, expected in golden_expected.CUSTOMER_360.items():
        for column, want in expected.items():
            got = observed[account_id][column]
            ok = _same(got, want) if isinstance(want, float) else got == want
            assert ok, f"{account_id}.{column}: observed {got!r}, expected {want!r}"


def test_full_alert_set_and_severities(con, golden_expected):
    rows = con.execute("select alert_rule, entity_type, entity_id, severity, cast(as_of_date as varchar) "
                       "from marts.crm_alerts").fetchall()
    assert {r[:3] for r in rows} == golden_expected.CRM_ALERTS
    assert len(rows) == len(golden_expected.CRM_ALERTS)
    assert all(r[3] == golden_expected.ALERT_SEVERITY[r[0]] for r in rows)
    assert {r[4] for r in rows} == {golden_expected.AS_OF}


def test_load_audit(con, golden_expected):
    rows = con.execute("select file, rows_read, rows_loaded, rows_quarantined from audit.load_audit").fetchall()
    assert {r[0]: tuple(r[1:]) for r in rows} == golden_expected.LOAD_AUDIT
    assert all(read == loaded + quarantined for _, read, loaded, quarantined in rows)


def test_quarantine(con, golden_expected):
    rows = con.execute("select file, line_number, reason from audit.quarantine").fetchall()
    assert len(rows) == len(golden_expected.QUARANTINE)
    for file, line, keyword in golden_expected.QUARANTINE:
        match = [r for r in rows if r[0] == file and r[1] == line]
        assert len(match) == 1, (file, line, rows)
        assert keyword.lower() in match[0][2].lower(), match[0]

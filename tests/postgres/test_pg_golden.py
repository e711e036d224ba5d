"""The golden landing refreshed on PostgreSQL publishes the same rows as on DuckDB: unchanged
models, same numbers (issue 7)."""
from __future__ import annotations

import datetime as dt
import decimal
import math

import duckdb
import pytest

from pgtest import COMPARED, read_rows, schemas

pytestmark = pytest.mark.xdist_group("postgres")

# The unique key of each compared mart (outputs.md): rows are matched on it, so the comparison
# does not depend on an engine's row order or on sorting floats.
KEYS = {
    "marts.kpi_observations": ("kpi_code", "period_grain", "period_start", "dimension", "dimension_value"),
    "marts.customer_360": ("account_id",),
    "marts.crm_alerts": ("alert_rule", "entity_type", "entity_id"),
}
REL_TOL = 1e-9


def normalize(value):
    """One Python value per SQL value, whatever the engine's driver returned:
    - Decimal (PostgreSQL `numeric`, DuckDB DECIMAL) -> float: the contract's numbers are
      doubles, and the tolerance below absorbs the last-digit differences of float arithmetic;
    - a datetime at midnight stays a datetime and a date stays a date: both engines type the
      date columns DATE (a DATE on one side and TIMESTAMP on the other is a real difference the
      comparison must report, so no date/timestamp coercion);
    - integers of any width (PostgreSQL integer vs DuckDB BIGINT/HUGEINT) are Python ints."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            return False
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)
    if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
        return False
    return a == b


def keyed(columns: list[str], rows: list[tuple], key: tuple[str, ...]) -> dict:
    idx = [columns.index(c) for c in key]
    out = {}
    for row in rows:
        row = tuple(normalize(v) for v in row)
        k = tuple(row[i] for i in idx)
        assert k not in out, f"duplicate key {k}"
        out[k] = row
    return out


def test_pg_golden_refresh_published_every_schema(pg_golden, connect):
    result = pg_golden["result"]
    assert result.published
    assert not [c for c in result.events.checks if c.severity == "ERROR" and not c.passed]
    assert {c.name for c in result.events.checks} >= {"audit_invariant", "customer_status_consistency",
                                                       "non_empty", "recette_passed"}
    assert result.events.materializations["recette"]["verdict"] == "passed"
    assert "published: schemas raw, audit, staging, intermediate, kpis, marts in postgresql://pilotage@" \
        in result.summary()
    with connect() as con:
        assert schemas(con, "%\\_\\_build") == [] and schemas(con, "%\\_\\_old") == []
        assert con.execute("select count(*) from marts.kpi_catalogue").fetchone()[0] > 0


@pytest.mark.parametrize("relation", COMPARED)
def test_pg_rows_equal_duckdb_rows(relation, pg_golden, duckdb_golden):
    pg_columns, pg_rows = pg_golden["tables"][relation]
    with duckdb.connect(str(duckdb_golden[0]), read_only=True) as con:
        all_duck_columns = [d[0] for d in con.execute(f"select * from {relation} limit 0").description]
        duck_columns, duck_rows = read_rows(con, relation, pg_columns)
    assert sorted(all_duck_columns) == sorted(pg_columns)
    assert pg_rows, f"{relation} is empty on PostgreSQL"
    pg_by_key = keyed(pg_columns, pg_rows, KEYS[relation])
    duck_by_key = keyed(duck_columns, duck_rows, KEYS[relation])
    assert sorted(pg_by_key, key=repr) == sorted(duck_by_key, key=repr)
    differences = [
        (key, column, duck_by_key[key][i], pg_by_key[key][i])
        for key in sorted(pg_by_key, key=repr) for i, column in enumerate(pg_columns)
        if not same(duck_by_key[key][i], pg_by_key[key][i])]
    assert not differences, f"{len(differences)} values differ, e.g. (key, column, duckdb, postgres): " \
                            f"{differences[:5]}"


def test_report_timings(pg_golden, duckdb_golden, capsys):
    """Not an assertion: the two golden refresh times, shown in the test output."""
    pg_s, duck_s = pg_golden["seconds"], duckdb_golden[1]
    with capsys.disabled():
        print(f"\n[postgres] golden full refresh: PostgreSQL {pg_s:.1f} s "
              f"({pg_golden['result'].stage_line()}); DuckDB {duck_s:.1f} s"
              + (" (built earlier in the session)" if duck_s < 1 else ""))

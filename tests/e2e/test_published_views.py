"""The level-2 wide marts are views (macros/kpi/kpi_wide.sql): the published file answers
through them under any name it is opened with."""
from __future__ import annotations

import shutil

import duckdb

WIDE = "marts.management__revenue_by_country"


def test_level_2_marts_are_views_that_answer_under_another_file_name(golden_warehouse, tmp_path):
    with duckdb.connect(str(golden_warehouse), read_only=True) as con:
        kind = con.execute("select table_type from information_schema.tables where table_schema = 'marts' "
                           "and table_name = 'management__revenue_by_country'").fetchone()[0]
        rows = con.execute(f"select * from {WIDE} order by all").fetchall()
        months = con.execute("select count(distinct period_start) from marts.kpi_observations where "
                             "kpi_code = 'invoiced_revenue' and period_grain = 'month' and dimension = 'country'"
                             ).fetchone()[0]
    assert kind == "VIEW" and rows and len({r[0] for r in rows}) >= months
    copy = tmp_path / "backup_copy.duckdb"
    shutil.copyfile(golden_warehouse, copy)
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute(f"select * from {WIDE} order by all").fetchall() == rows
    with duckdb.connect() as con:
        con.execute(f"attach '{copy}' as elsewhere (read_only)")
        assert con.execute(f"select * from elsewhere.{WIDE} order by all").fetchall() == rows

"""No table of the warehouse stores a HUGEINT: DuckDB sums integers into HUGEINT, and a stored
HUGEINT column scans at ~0.45 s per million rows (bit-packed 128-bit integers), against a few
milliseconds for a BIGINT; int_valid_orders.known_cost_lines cost the management KPIs ~2 s a
night at scale 10. Counts are count(...) or cast to BIGINT (dbt.type_bigint())."""
from __future__ import annotations

import duckdb


def test_no_stored_column_is_a_hugeint(golden_warehouse):
    with duckdb.connect(str(golden_warehouse), read_only=True) as con:
        hugeints = con.execute(
            "select c.table_schema || '.' || c.table_name || '.' || c.column_name "
            "from information_schema.columns c join information_schema.tables t "
            "on t.table_schema = c.table_schema and t.table_name = c.table_name "
            "where t.table_type = 'BASE TABLE' and c.data_type in ('HUGEINT', 'UHUGEINT') "
            "order by 1").fetchall()
        tables = con.execute("select count(*) from information_schema.tables "
                             "where table_schema in ('staging', 'intermediate', 'marts')").fetchone()[0]
    assert tables > 100  # the whole build is there
    assert hugeints == []

"""The recette reads tables through Arrow (warehouse._frame): the same DataFrame as DuckDB's
`.df()`, dtypes included, for every type the published tables use, with and without NULLs."""
from __future__ import annotations

import duckdb
import pytest

from orchestration.recette.warehouse import _frame

COLUMNS = """
    select * from (values
        ('a', 1, 10, 1.5, true, false, date '2026-03-15', timestamp '2026-03-15 10:00:00', 7::hugeint),
        (null, 2, null, null, null, true, null, null, null),
        ('c', 3, 30, 2.5, false, true, date '2026-01-01', timestamp '2026-01-01 00:00:01', 9::hugeint)
    ) as t(label, n_int, n_nullable, x, flag_nullable, flag, day, seen_at, big)
"""


@pytest.mark.parametrize("where", ["true", "false", "n_int <> 2"], ids=["with NULLs", "empty", "without NULLs"])
def test_frame_equals_duckdb_df(where):
    con = duckdb.connect()
    sql = f"select * from ({COLUMNS}) where {where}"
    expected, got = con.execute(sql).df(), _frame(con, sql)
    assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str))
    assert got.equals(expected)
    assert len(got) == {"true": 3, "false": 0, "n_int <> 2": 2}[where]

"""period_starts: the period start of each date, computed once per distinct date."""
from __future__ import annotations

import pandas as pd

from orchestration.recette.coherence import time_sums
from orchestration.recette.periods import period_starts
from orchestration.recette.spec import load_spec


def test_period_starts_of_each_grain_keep_nat_and_the_dtype():
    days = pd.Series(pd.to_datetime(["2026-02-15", None, "2026-11-03", "2026-02-15"])).astype("datetime64[us]")
    expected = {"month": ["2026-02-01", None, "2026-11-01", "2026-02-01"],
                "quarter": ["2026-01-01", None, "2026-10-01", "2026-01-01"],
                "year": ["2026-01-01", None, "2026-01-01", "2026-01-01"]}
    for grain, starts in expected.items():
        got = period_starts(days, grain)
        assert got.dtype == days.dtype
        assert got.tolist() == [pd.Timestamp(s) if s else pd.NaT for s in starts]


def test_no_row_of_a_grain_is_no_comparison_not_an_error():
    empty = pd.Series([], dtype="datetime64[us]")
    assert period_starts(empty, "quarter").dtype == empty.dtype and period_starts(empty, "quarter").empty
    only_years = pd.DataFrame({"kpi_code": ["orders_count"], "period_grain": ["year"],
                               "period_start": pd.to_datetime(["2026-01-01"]).astype("datetime64[us]"),
                               "dimension": ["total"], "dimension_value": ["all"], "value": [3.0]})
    out = time_sums(only_years, load_spec(), as_of=None)
    # the year has no quarters: its sum of parts is 0 against 3
    assert out[["period_grain", "expected", "observed"]].values.tolist() == [["year", 3.0, 0.0]]

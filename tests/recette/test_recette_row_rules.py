"""The row rules of `sanity.kpi_observations` (expectations/kpi_observations.prepare): one good
row of each KPI kind, then one row breaking each rule; every check column is exact."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from orchestration.recette.spec import load_spec, suite_file

AS_OF = dt.date(2026, 3, 15)
CHECKS = ["check_kpi_in_catalogue", "check_module_matches", "check_unit_matches", "check_grain_listed",
          "check_dimension_listed", "check_total_is_all", "check_period_start_aligned", "check_not_after_as_of"]


def _row(kpi_code, module, unit, grain, start, dimension="total", member="all"):
    return {"kpi_code": kpi_code, "module": module, "period_grain": grain, "period_start": start,
            "dimension": dimension, "dimension_value": member, "value": 1.0, "target": None, "unit": unit,
            "as_of_date": AS_OF}


ROWS = {  # name -> (row, the checks it must fail)
    "period ok": (_row("invoiced_revenue", "management", "eur", "quarter", dt.date(2026, 1, 1), "country", "FR"), []),
    "snapshot ok": (_row("late_visits", "sales_force", "count", "as_of", AS_OF, "team", "Nord"), []),
    "forecast after as_of ok": (_row("pipeline_forecast", "pipeline", "eur", "month", dt.date(2026, 6, 1)), []),
    "unknown kpi": (_row("no_such_kpi", "management", "eur", "month", dt.date(2026, 1, 1)),
                    ["check_kpi_in_catalogue", "check_module_matches", "check_unit_matches",
                     "check_grain_listed", "check_dimension_listed"]),
    "wrong module": (_row("invoiced_revenue", "sales_force", "eur", "month", dt.date(2026, 1, 1)),
                     ["check_module_matches"]),
    "wrong unit": (_row("invoiced_revenue", "management", "count", "month", dt.date(2026, 1, 1)),
                   ["check_unit_matches"]),
    "grain not listed": (_row("late_visits", "sales_force", "count", "month", dt.date(2026, 3, 1)),
                         ["check_grain_listed"]),
    "dimension not listed": (_row("late_visits", "sales_force", "count", "as_of", AS_OF, "country", "FR"),
                             ["check_dimension_listed"]),
    "total not all": (_row("invoiced_revenue", "management", "eur", "year", dt.date(2026, 1, 1), "total", "FR"),
                      ["check_total_is_all"]),
    "misaligned month": (_row("invoiced_revenue", "management", "eur", "month", dt.date(2026, 2, 2)),
                         ["check_period_start_aligned"]),
    "snapshot of another day": (_row("late_visits", "sales_force", "count", "as_of", dt.date(2026, 3, 14)),
                                ["check_period_start_aligned"]),
    "period after as_of": (_row("invoiced_revenue", "management", "eur", "month", dt.date(2026, 4, 1)),
                           ["check_not_after_as_of"]),
}


def test_each_row_fails_exactly_the_rules_it_breaks():
    frame = pd.DataFrame([row for row, _ in ROWS.values()])
    for column in ("period_start", "as_of_date"):
        frame[column] = pd.to_datetime(frame[column])
    # loaded as the recette loads it (suite_file: Great Expectations imported without pyspark)
    checked = suite_file("kpi_observations").prepare(frame, load_spec())
    failed = {name: [c for c in CHECKS if not checked.loc[i, c]] for i, name in enumerate(ROWS)}
    assert failed == {name: fails for name, (_, fails) in ROWS.items()}
    assert all(checked[c].dtype == bool for c in CHECKS)

"""Suites `structure.kpi_observations` and `sanity.kpi_observations` (outputs.md, kpis.yml).

Row-level sanity is checked on derived boolean columns `check_*` that `prepare` adds to the
batch: each says one rule of the catalogue holds for the row.
"""
import great_expectations.expectations as gxe
import pandas as pd

from orchestration.recette.periods import period_starts
from orchestration.recette.tables import TableSpec, is_true

KEY = ("kpi_code", "period_grain", "period_start", "dimension", "dimension_value")

TABLE = TableSpec(
    name="marts.kpi_observations",
    columns={"kpi_code": "text", "module": "text", "period_grain": "text", "period_start": "date",
             "dimension": "text", "dimension_value": "text", "value": "double",
             "target": "double", "unit": "text", "as_of_date": "date"},
    key=KEY, not_null=("module", "unit", "as_of_date"), min_rows=1, index=KEY)

GRAINS = ["month", "quarter", "year", "as_of"]
UNITS = ["eur", "count", "ratio", "days", "hours", "seconds", "score"]


def _listed(code: pd.Series, member: pd.Series, pairs) -> pd.Series:
    """(kpi_code, member) is one of `pairs`: vectorized (a batch has one row per observation)."""
    return pd.Series(pd.MultiIndex.from_arrays([code, member]).isin(list(pairs)), index=code.index)


def prepare(frame: pd.DataFrame, spec) -> pd.DataFrame:
    """Add one boolean column per row rule of the catalogue."""
    if not set(TABLE.columns) <= set(frame.columns) or frame.empty:
        return frame
    kpis = spec.kpis
    code = frame["kpi_code"]
    known = code.isin(list(kpis))
    forecast = code.isin([c for c, k in kpis.items() if k["kind"] == "forecast"])
    grain, start, as_of = frame["period_grain"], frame["period_start"], frame["as_of_date"]
    aligned = pd.Series(False, index=frame.index)
    last_start = pd.Series(pd.NaT, index=frame.index, dtype=start.dtype)
    for g in ("month", "quarter", "year"):
        rows = grain == g
        aligned[rows] = start[rows] == period_starts(start[rows], g)
        last_start[rows] = period_starts(as_of[rows], g)
    snapshot = grain == "as_of"
    aligned[snapshot] = start[snapshot] == as_of[snapshot]
    last_start[snapshot] = as_of[snapshot]
    return frame.assign(
        check_kpi_in_catalogue=known,
        # pairs, not a comparison with the mapped catalogue values: over the category codes of
        # the recette's frame, not a million strings
        check_module_matches=known & _listed(code, frame["module"], ((c, k["module"]) for c, k in kpis.items())),
        check_unit_matches=known & _listed(code, frame["unit"], ((c, k["unit"]) for c, k in kpis.items())),
        check_grain_listed=_listed(code, grain, ((c, g) for c in kpis for g in spec.grains(c))),
        check_dimension_listed=_listed(code, frame["dimension"], ((c, d) for c, k in kpis.items() for d in k["dimensions"])),
        check_total_is_all=(frame["dimension"] != "total") | (frame["dimension_value"] == "all"),
        check_period_start_aligned=aligned.fillna(False).astype(bool),
        check_not_after_as_of=(forecast | (start <= last_start)).fillna(False).astype(bool),
    )


def sanity(spec) -> list:
    return [
        gxe.ExpectColumnValuesToBeInSet(column="period_grain", value_set=GRAINS),
        gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=UNITS),
        gxe.ExpectColumnValuesToBeInSet(column="module", value_set=list(spec.modules)),
        is_true("check_kpi_in_catalogue", "kpi_code is a KPI of spec/kpis.yml"),
        is_true("check_module_matches", "module is the catalogue module of the KPI"),
        is_true("check_unit_matches", "unit is the catalogue unit of the KPI"),
        is_true("check_grain_listed", "period_grain is a grain of the KPI (as_of for snapshots)"),
        is_true("check_dimension_listed", "dimension is a dimension of the KPI"),
        is_true("check_total_is_all", "dimension total has the single member 'all'"),
        is_true("check_period_start_aligned",
                "period_start is the first day of its month, quarter or year; the as_of date for snapshots"),
        is_true("check_not_after_as_of",
                "no period after the as_of period (pipeline_forecast excepted)"),
    ]

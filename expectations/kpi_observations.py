"""Suites `structure.kpi_observations` and `sanity.kpi_observations` (outputs.md, kpis.yml).

Row-level sanity is checked on derived boolean columns `check_*` that `prepare` adds to the
batch: each says one rule of the catalogue holds for the row.
"""
import great_expectations.expectations as gxe
import pandas as pd

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


def _period_start_of(grain: str, day: pd.Series) -> pd.Series:
    if grain == "month":
        return day.dt.to_period("M").dt.start_time
    if grain == "quarter":
        return day.dt.to_period("Q").dt.start_time
    return day.dt.to_period("Y").dt.start_time


def prepare(frame: pd.DataFrame, spec) -> pd.DataFrame:
    """Add one boolean column per row rule of the catalogue."""
    if not set(TABLE.columns) <= set(frame.columns) or frame.empty:
        return frame
    kpis = spec.kpis
    code = frame["kpi_code"]
    entry = code.map(kpis)
    known = entry.notna()
    grain, start, as_of = frame["period_grain"], frame["period_start"], frame["as_of_date"]
    listed_grains = code.map(lambda c: spec.grains(c) if c in kpis else ())
    listed_dims = code.map(lambda c: tuple(kpis[c]["dimensions"]) if c in kpis else ())
    kind = code.map(lambda c: kpis[c]["kind"] if c in kpis else None)
    aligned = pd.Series(False, index=frame.index)
    last_start = pd.Series(pd.NaT, index=frame.index, dtype=start.dtype)
    for g in ("month", "quarter", "year"):
        rows = grain == g
        aligned[rows] = start[rows] == _period_start_of(g, start[rows])
        last_start[rows] = _period_start_of(g, as_of[rows])
    snapshot = grain == "as_of"
    aligned[snapshot] = start[snapshot] == as_of[snapshot]
    last_start[snapshot] = as_of[snapshot]
    return frame.assign(
        check_kpi_in_catalogue=known,
        check_module_matches=known & (frame["module"] == entry.map(lambda e: e["module"] if isinstance(e, dict) else None)),
        check_unit_matches=known & (frame["unit"] == entry.map(lambda e: e["unit"] if isinstance(e, dict) else None)),
        check_grain_listed=[g in gs for g, gs in zip(grain, listed_grains)],
        check_dimension_listed=[d in ds for d, ds in zip(frame["dimension"], listed_dims)],
        check_total_is_all=(frame["dimension"] != "total") | (frame["dimension_value"] == "all"),
        check_period_start_aligned=aligned.fillna(False).astype(bool),
        check_not_after_as_of=((kind == "forecast") | (start <= last_start)).fillna(False).astype(bool),
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

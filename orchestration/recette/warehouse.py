"""Read the published tables of a warehouse file, once, through a read-only DuckDB connection."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from .. import duck
from ..errors import PilotageError
from .marts import load_mart_docs, measure_mart
from .spec import CORE_TABLES, RecetteSpec, suite_file


@dataclass
class Warehouse:
    path: Path
    frames: dict[str, pd.DataFrame]             # schema.table -> rows (no columns when missing)
    missing: set[str]                           # schema.table of required tables not found
    column_types: dict[str, dict[str, str]]     # schema.table -> column -> DuckDB type
    marts: dict[str, list[str]]                 # module -> its marts (marts.<module>__<what>)
    mart_counts: dict[str, dict]                # marts.<mart> -> marts.measure_mart() (rows, NULL keys, duplicates)
    as_of: dt.date | None                       # as_of of the run that published it

    def frame(self, table: str) -> pd.DataFrame:
        return self.frames.get(table, pd.DataFrame())


def _normalize_type(data_type: str) -> str:
    return re.sub(r"\(.*\)$", "", data_type.strip().upper())


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.is_file():
        raise PilotageError(f"warehouse not found: {path} (run `pilotage refresh` first, or pass --warehouse)")
    try:
        return duck.connect(path, read_only=True)
    except duckdb.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PilotageError(f"cannot open warehouse {path}: {reason}") from None


# DuckDB's .df() types, reached through Arrow: an integer or boolean column with NULLs is
# pandas-nullable (Int64, boolean), DECIMAL and HUGEINT (Arrow decimals) are float64, dates and
# timestamps are datetime64[us]; an empty result keeps .df()'s own types.
_NULLABLE = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
             pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(), pa.uint16(): pd.UInt16Dtype(),
             pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype(), pa.bool_(): pd.BooleanDtype()}


def _frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """The rows of `sql` as the DataFrame `.df()` returns, built from Arrow: `.df()` builds each
    text column from Python strings (2 s of the recette's 3 s read at scale 10, for the 1 M rows
    of kpi_observations; 0.5 s through Arrow)."""
    table = con.execute(sql).to_arrow_table()
    if table.num_rows == 0:
        return con.execute(sql).df()
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        if pa.types.is_decimal(column.type):
            series = column.cast(pa.float64()).to_pandas()
        elif column.null_count and column.type in _NULLABLE:
            series = column.to_pandas(types_mapper=_NULLABLE.get)
        else:
            series = column.to_pandas(date_as_object=False)
        if series.dtype.kind == "M" and str(series.dtype) != "datetime64[us]":
            series = series.astype("datetime64[us]")
        columns[name] = series
    return pd.DataFrame(columns)


# The key columns of kpi_observations as categories: a few hundred distinct values over a
# million rows at scale 10, which every suite filters, groups and GX fingerprints (hashing
# the codes of a category instead of a million strings).
CATEGORICAL = {"marts.kpi_observations": ("kpi_code", "module", "period_grain", "dimension",
                                          "dimension_value", "unit")}


def _categorize(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in CATEGORICAL.get(table, ()) if c in frame.columns and frame[c].dtype != "category"]
    return frame.astype({c: "category" for c in columns}) if columns and len(frame) else frame


def _as_of(frames: dict[str, pd.DataFrame]) -> dt.date | None:
    """The as_of of the run that built the warehouse. customer_360, crm_alerts and the period
    rows of kpi_observations hold only that run's; the snapshot rows of kpi_observations keep
    the dates of earlier runs, which may be later ones (a run re-done for an earlier as_of)."""
    for table in ("marts.customer_360", "marts.crm_alerts", "marts.kpi_observations"):
        frame = frames.get(table)
        if frame is None or "as_of_date" not in frame.columns:
            continue
        if "period_grain" in frame.columns and (frame["period_grain"] != "as_of").any():
            frame = frame[frame["period_grain"] != "as_of"]
        if frame["as_of_date"].notna().any():
            return pd.Timestamp(frame["as_of_date"].max()).date()
    return None


def read_warehouse(path: Path, spec: RecetteSpec) -> Warehouse:
    """Every core table, every module mart and their column types; missing tables are noted,
    never raised: they fail the structure suites."""
    path = Path(path)
    con = _connect(path)
    try:
        rows = con.execute(
            "select table_schema, table_name, column_name, data_type from information_schema.columns "
            "where table_schema in ('marts', 'audit') order by table_schema, table_name, ordinal_position"
        ).fetchall()
        return assemble(path, rows, spec,
                        fetch=lambda schema, name: _frame(con, f'select * from "{schema}"."{name}"'),
                        query=lambda schema, name, sql: con.execute(sql).fetchone())
    finally:
        con.close()


def assemble(path, rows, spec: RecetteSpec, fetch, query) -> Warehouse:
    """The Warehouse from its (schema, table, column, DuckDB type) rows, `fetch(schema, table)
    -> DataFrame` (core tables, read whole) and `query(schema, table, sql) -> first row` (module
    marts, only measured): the engine-specific parts (the PostgreSQL reader: pg_warehouse.py)."""
    column_types: dict[str, dict[str, str]] = {}
    for schema, table, column, data_type in rows:
        column_types.setdefault(f"{schema}.{table}", {})[column] = _normalize_type(data_type)
    marts = {m: sorted(t.split(".", 1)[1] for t in column_types
                       if t.startswith(f"marts.{m}__")) for m in spec.modules}
    wanted = [suite_file(t).TABLE.name for t in CORE_TABLES]
    docs, nullable = load_mart_docs(), suite_file("module_marts").NULLABLE_KEY_COLUMNS
    mart_counts = {}
    for name in (n for names in marts.values() for n in names):
        mart_counts[f"marts.{name}"] = measure_mart(
            lambda sql, name=name: query("marts", name, sql), f'marts."{name}"',
            list(column_types[f"marts.{name}"]), docs.get(name), nullable.get(name, set()))
    frames: dict[str, pd.DataFrame] = {}
    missing: set[str] = set()
    for table in wanted:
        if table not in column_types:
            missing.add(table)
            frames[table] = pd.DataFrame()
            continue
        schema, name = table.split(".", 1)
        frames[table] = _categorize(table, fetch(schema, name))
    return Warehouse(path=path, frames=frames, missing=missing, column_types=column_types,
                     marts=marts, mart_counts=mart_counts, as_of=_as_of(frames))

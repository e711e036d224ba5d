"""Unparsable rows appended to some files, so the loader's quarantine path is exercised.

Each malformed row is a copy of a real row with one field spoiled; the real row stays in the
file, so quarantining the copy loses no data. Kinds:
  number_suffix  `12k`-style text in a number column
  date_dmy       `31/05/2026`-style date
  bad_date       an impossible calendar date (`2026-02-30 10:00:00`) in a timestamp column
  bad_bool       `peut-être` in a boolean column
  missing_field  a line with one field too few
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from .csvwrite import FileStyle, table_bytes, to_table
from .frame import NULL_TS, Frame
from .options import count

# entity -> (kind, column)
PLAN = {
    "erp/order_lines": ("number_suffix", "quantity"),
    "crm/quotes": ("date_dmy", "follow_up_on"),
    "erp/orders": ("missing_field", None),
    "crm/cases": ("bad_date", "sla_due_at"),
    "crm/activities": ("bad_bool", "has_report"),
}


def malformed_lines(frame: Frame, style: FileStyle, rng: np.random.Generator, rate: float) -> tuple[bytes, int]:
    """Raw CSV lines of spoiled copies of some rows of `frame`, and how many."""
    plan = PLAN.get(frame.entity.path)
    if plan is None or len(frame) == 0:
        return b"", 0
    kind, column = plan
    eligible = np.arange(len(frame))
    if kind == "date_dmy":
        eligible = np.flatnonzero(frame[column] != NULL_TS)
    if len(eligible) == 0:
        return b"", 0
    k = count(rate, len(frame), at_least=1)
    k = min(k, len(eligible))
    if k == 0:
        return b"", 0
    rows = np.sort(rng.choice(eligible, size=k, replace=False))
    sub = frame.take(rows)
    table = to_table(sub, style, rng, 0.0)
    if column is not None:
        table = table.set_column(table.column_names.index(column), column,
                                 pa.array(_spoil(kind, sub[column]), type=pa.string()))
    text = table_bytes(table, style).decode()
    lines = text.splitlines()
    if kind == "missing_field":
        lines = [ln.rsplit(style.delimiter, 1)[0] for ln in lines]
    return ("\n".join(lines) + "\n").encode(), k


def _spoil(kind: str, values) -> list[str]:
    if kind == "number_suffix":
        return [f"{int(round(v))}k" if v == v else "12k" for v in values]
    if kind == "date_dmy":
        days = np.asarray(values).astype("datetime64[D]")
        return [f"{str(d)[8:10]}/{str(d)[5:7]}/{str(d)[0:4]}" for d in days]
    if kind == "bad_date":
        years = (np.asarray(values).astype("datetime64[s]").astype("datetime64[Y]").astype(np.int64) + 1970)
        years = np.where(np.asarray(values) == NULL_TS, 2026, years)
        return [f"{y}-02-30 10:00:00" for y in years]
    if kind == "bad_bool":
        return ["peut-être"] * len(values)
    raise ValueError(kind)

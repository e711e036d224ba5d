"""In-memory table of one landing entity, column-oriented, in contract order.

Storage per contract type (chosen for fast numpy generation, converted to text only when written):
  str  -> pyarrow string array (nulls allowed)
  ts   -> int64 seconds since 1970-01-01 of the *local* wall-clock time, NULL_TS for NULL
  date -> int64 days since 1970-01-01, NULL_DAY for NULL
  int  -> int64, NULL_INT for NULL
  num  -> float64, NaN for NULL
  bool -> int8 1/0, NULL_BOOL (-1) for NULL
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import Entity

NULL_TS = np.iinfo(np.int64).min
NULL_DAY = NULL_TS
NULL_INT = NULL_TS
NULL_BOOL = -1

_NUMPY_DTYPES = {"ts": np.int64, "date": np.int64, "int": np.int64, "num": np.float64, "bool": np.int8}


def _normalize(kind: str, values, n: int | None):
    if kind == "str":
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()
        if not isinstance(values, pa.Array):
            values = pa.array(values, type=pa.string())
        if values.type != pa.string():
            values = values.cast(pa.string())
        return values
    if np.isscalar(values) and n is not None:
        return np.full(n, values, dtype=_NUMPY_DTYPES[kind])
    return np.asarray(values, dtype=_NUMPY_DTYPES[kind])


class Frame:
    """Rows of one entity: `cols[name]` for every contract column, all of the same length."""

    __slots__ = ("entity", "cols")

    def __init__(self, entity: Entity, cols: dict):
        names = entity.column_names
        missing = [c for c in names if c not in cols]
        extra = [c for c in cols if c not in names]
        if missing or extra:
            raise ValueError(f"{entity.path}: missing columns {missing}, unknown columns {extra}")
        n = None
        for name in names:  # first pass: the length of any non-scalar column
            v = cols[name]
            if not np.isscalar(v) and v is not None:
                n = len(v)
                break
        self.entity = entity
        self.cols = {}
        for col in entity.columns:
            v = cols[col.name]
            if v is None:
                v = pa.nulls(n, pa.string()) if col.type == "str" else _null_fill(col.type, n)
            self.cols[col.name] = _normalize(col.type, v, n)
        lengths = {len(v) for v in self.cols.values()}
        if len(lengths) > 1:
            raise ValueError(f"{entity.path}: columns of different lengths {lengths}")

    def __len__(self) -> int:
        return len(next(iter(self.cols.values())))

    def __getitem__(self, name):
        return self.cols[name]

    def take(self, idx) -> "Frame":
        idx = np.asarray(idx, dtype=np.int64)
        out = {}
        for col in self.entity.columns:
            v = self.cols[col.name]
            out[col.name] = v.take(pa.array(idx)) if col.type == "str" else v[idx]
        return Frame(self.entity, out)

    def replace(self, **changes) -> "Frame":
        cols = dict(self.cols)
        cols.update(changes)
        return Frame(self.entity, cols)

    @staticmethod
    def concat(frames: list["Frame"]) -> "Frame":
        frames = [f for f in frames if f is not None]
        entity = frames[0].entity
        out = {}
        for col in entity.columns:
            parts = [f.cols[col.name] for f in frames]
            out[col.name] = pa.concat_arrays(parts) if col.type == "str" else np.concatenate(parts)
        return Frame(entity, out)


def _null_fill(kind: str, n: int):
    if kind == "num":
        return np.full(n, np.nan)
    if kind == "bool":
        return np.full(n, NULL_BOOL, dtype=np.int8)
    return np.full(n, NULL_TS, dtype=np.int64)


def nulls(kind: str, n: int):
    """A column of n NULLs of a contract type."""
    return pa.nulls(n, pa.string()) if kind == "str" else _null_fill(kind, n)


def ts_or_null(values, valid) -> np.ndarray:
    """int64 seconds where valid, NULL_TS elsewhere."""
    return np.where(valid, values, NULL_TS).astype(np.int64)


def bool_col(values, valid=None) -> np.ndarray:
    out = np.asarray(values).astype(np.int8)
    if valid is not None:
        out = np.where(valid, out, NULL_BOOL).astype(np.int8)
    return out

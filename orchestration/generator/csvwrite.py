"""Frames to CSV files, the way each source system exports them.

- `,` files: header unquoted, strings quoted, numbers with a decimal point, booleans true/false.
- `;` files (French spreadsheet style, see MessRates.semicolon_entities): decimal comma,
  no quoting.
- Timestamps are naive local, except a share written with `Z` or a `+hh:mm` offset; the web
  analytics export (web/sessions) writes every timestamp in UTC with `Z`.
- Booleans: crm/calls (telephony export) writes 1/0, erp/timesheets oui/non.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from .frame import NULL_BOOL, NULL_TS, Frame
from .options import MessRates
from .timestamps import NAIVE, OFFSET, UTC_Z, format_ts


@dataclass(frozen=True)
class FileStyle:
    delimiter: str = ","
    decimal_comma: bool = False
    bool_words: tuple[str, str] = ("true", "false")
    ts_mode: str = "mixed"  # mixed (naive, a share with Z/offset) | utc (all Z)


_BOOL_WORDS = {"crm/calls": ("1", "0"), "erp/timesheets": ("oui", "non")}
_UTC_ENTITIES = {"web/sessions"}


def style_for(path: str, mess: MessRates) -> FileStyle:
    semicolon = path in mess.semicolon_entities
    return FileStyle(delimiter=";" if semicolon else ",", decimal_comma=semicolon,
                     bool_words=_BOOL_WORDS.get(path, ("true", "false")),
                     ts_mode="utc" if path in _UTC_ENTITIES else "mixed")


def _ts_styles(rng: np.random.Generator, n: int, style: FileStyle, rate: float) -> np.ndarray:
    if style.ts_mode == "utc":
        return np.full(n, UTC_Z, dtype=np.int8)
    r = rng.random(n)
    return np.where(r < rate / 2, UTC_Z, np.where(r < rate, OFFSET, NAIVE)).astype(np.int8)


def column_text(kind: str, values, style: FileStyle, styles=None) -> pa.Array:
    """One column as an Arrow array ready for the CSV writer."""
    if kind == "str":
        return values
    if kind == "ts":
        return format_ts(values, styles)
    if kind in ("date", "int"):
        null = values == NULL_TS
        arr = pa.array(np.where(null, 0, values), type=pa.int64(), mask=null)
        return arr.cast(pa.int32()).cast(pa.date32()) if kind == "date" else arr
    if kind == "num":
        null = np.isnan(values)
        arr = pa.array(np.where(null, 0.0, values), type=pa.float64(), mask=null)
        if style.decimal_comma:
            arr = pc.replace_substring(arr.cast(pa.string()), ".", ",")
        return arr
    if kind == "bool":
        null = values == NULL_BOOL
        if style.bool_words == ("true", "false"):
            return pa.array(values == 1, type=pa.bool_(), mask=null)
        words = pa.array(list(style.bool_words), type=pa.string())
        idx = pa.array(np.where(values == 1, 0, 1), mask=null)
        return words.take(idx)
    raise ValueError(kind)


def to_table(frame: Frame, style: FileStyle, rng: np.random.Generator, offset_rate: float) -> pa.Table:
    arrays, names = [], []
    n = len(frame)
    for col in frame.entity.columns:
        styles = _ts_styles(rng, n, style, offset_rate) if col.type == "ts" else None
        arrays.append(column_text(col.type, frame[col.name], style, styles))
        names.append(col.name)
    return pa.Table.from_arrays(arrays, names=names)


def _needs_quotes(table: pa.Table, style: FileStyle, text_columns: list[str] | None = None) -> bool:
    """Whether a `;` file must quote: a text value holds a delimiter, a quote or a line break."""
    if style.delimiter != ";":
        return True
    names = table.column_names if text_columns is None else text_columns
    for name in names:
        col = table.column(name)
        if not pa.types.is_string(col.type):
            continue
        for ch in (";", '"', "\n", "\r"):
            if pc.any(pc.match_substring(col, ch)).as_py():
                return True
    return False


def _write_options(style: FileStyle, quote: bool) -> pcsv.WriteOptions:
    return pcsv.WriteOptions(include_header=False, delimiter=style.delimiter,
                             quoting_style="needed" if quote else "none", batch_size=65536)


def table_bytes(table: pa.Table, style: FileStyle) -> bytes:
    """Data lines (no header) of a table, as written to a file of this style."""
    buf = io.BytesIO()
    pcsv.write_csv(table, buf, _write_options(style, _needs_quotes(table, style)))
    return buf.getvalue()


def write_table(table: pa.Table, path: Path, style: FileStyle, extra_lines: bytes = b"",
                text_columns: list[str] | None = None) -> None:
    """Header (unquoted) + rows + optional raw extra lines, UTF-8 without BOM.
    `text_columns`: the free-text columns to scan before writing a `;` file unquoted."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (style.delimiter.join(table.column_names) + "\n").encode()
    with pa.OSFile(str(path), "wb") as sink:
        sink.write(header)
        if table.num_rows:
            pcsv.write_csv(table, sink, _write_options(style, _needs_quotes(table, style, text_columns)))
        if extra_lines:
            sink.write(extra_lines)

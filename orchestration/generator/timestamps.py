"""Timestamps to text: naive local, UTC with `Z`, or local with its `+hh:mm` offset.

Every generated timestamp is a local (Europe/Paris) wall-clock time. Written naive it stays
local; written with `Z` it is first converted to UTC; written with an offset it keeps the
local time and states the Paris offset in force (+01:00 in winter, +02:00 in summer), so all
three spellings name the same instant.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .frame import NULL_TS

NAIVE, UTC_Z, OFFSET = 0, 1, 2

_FIRST_YEAR, _LAST_YEAR = 1970, 2200


def _last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1) if month < 12 else dt.date(year, 12, 31)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def _dst_table():
    starts, ends = [], []
    epoch = dt.date(1970, 1, 1)
    for y in range(_FIRST_YEAR, _LAST_YEAR + 1):
        # summer time: from last Sunday of March 02:00 local to last Sunday of October 03:00 local
        starts.append(((_last_sunday(y, 3) - epoch).days * 86400) + 2 * 3600)
        ends.append(((_last_sunday(y, 10) - epoch).days * 86400) + 3 * 3600)
    return np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)


_DST_START, _DST_END = _dst_table()


def paris_offset_seconds(local_secs: np.ndarray) -> np.ndarray:
    """UTC offset (3600 or 7200) of Europe/Paris for naive local times."""
    local_secs = np.asarray(local_secs, dtype=np.int64)
    year = local_secs.astype("datetime64[s]").astype("datetime64[Y]").astype(np.int64) + 1970
    i = np.clip(year - _FIRST_YEAR, 0, len(_DST_START) - 1)
    summer = (local_secs >= _DST_START[i]) & (local_secs < _DST_END[i])
    return np.where(summer, 7200, 3600).astype(np.int64)


def _naive_text(secs: np.ndarray, null: np.ndarray) -> pa.Array:
    return pa.array(np.where(null, 0, secs), type=pa.timestamp("s"), mask=null).cast(pa.string())


def _iso_t(text: pa.Array) -> pa.Array:
    return pc.replace_substring(text, " ", "T", max_replacements=1)


def format_ts(secs: np.ndarray, styles: np.ndarray | None = None) -> pa.Array:
    """Text of local timestamps; styles[i] in NAIVE / UTC_Z / OFFSET (None = all naive)."""
    secs = np.asarray(secs, dtype=np.int64)
    null = secs == NULL_TS
    out = _naive_text(secs, null)
    if styles is None:
        return out
    mask = (np.asarray(styles) != NAIVE) & ~null
    if not mask.any():
        return out
    local = secs[mask]
    zulu = np.asarray(styles)[mask] == UTC_Z
    offset = paris_offset_seconds(local)
    shown = np.where(zulu, local - offset, local)
    suffix = pa.array(np.where(zulu, "Z", np.where(offset == 7200, "+02:00", "+01:00")))
    text = pc.binary_join_element_wise(_iso_t(_naive_text(shown, np.zeros(len(shown), bool))), suffix, "")
    return pc.replace_with_mask(out, pa.array(mask), text)

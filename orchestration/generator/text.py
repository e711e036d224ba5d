"""Vectorized string building on pyarrow arrays (no per-row Python)."""
from __future__ import annotations

import unicodedata
from typing import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

NULL_STR = pa.scalar(None, pa.string())


def pick(options: Sequence[str], idx) -> pa.Array:
    """options[idx] as a string array."""
    return pa.array(list(options), type=pa.string()).take(pa.array(np.asarray(idx, dtype=np.int64)))


def zpad(numbers, width: int) -> pa.Array:
    return pc.utf8_lpad(pa.array(np.asarray(numbers, dtype=np.int64)).cast(pa.string()), width, "0")


def ids(prefix: str, numbers, width: int) -> pa.Array:
    """`prefix` + zero-padded number, e.g. ids('ORD-', [1], 6) -> 'ORD-000001'."""
    return pc.binary_join_element_wise(prefix, zpad(numbers, width), "")


def join(*parts, sep: str = "") -> pa.Array:
    """Element-wise concatenation of arrays and/or plain strings (a NULL part gives NULL)."""
    parts = [p.cast(pa.string()) if isinstance(p, pa.Array) and p.type != pa.string() else p for p in parts]
    return pc.binary_join_element_wise(*parts, sep)


def null_where(values: pa.Array, mask) -> pa.Array:
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return values
    return pc.if_else(pa.array(mask), NULL_STR, values)


def where(mask, a, b) -> pa.Array:
    """a where mask else b (arrays or scalars)."""
    return pc.if_else(pa.array(np.asarray(mask, dtype=bool)), a, b)


def take(values: pa.Array, idx) -> pa.Array:
    return values.take(pa.array(np.asarray(idx, dtype=np.int64)))


def slug(text: str) -> str:
    """'Saint-Étienne Métallerie' -> 'saint-etienne-metallerie' (for e-mail domains)."""
    norm = unicodedata.normalize("NFD", text)
    ascii_ = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    out = []
    for ch in ascii_:
        out.append(ch if ch.isalnum() else "-")
    s = "".join(out)
    while "--" in s:
        s = s.replace("--", "-")
    return s.strip("-")


def ascii_word(text: str) -> str:
    """'Éric' -> 'eric', 'Le Gall' -> 'legall' (for e-mail local parts)."""
    return slug(text).replace("-", "")

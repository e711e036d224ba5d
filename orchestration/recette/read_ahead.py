"""Read the build warehouse for the recette while the data-quality checks run.

The nightly's steps after `dbt build` run one after the other on one core: the asset checks
(DuckDB queries, about 1.3 s at scale 10), then the recette, whose first 2 s read the marts
into DataFrames. Reading is DuckDB and Arrow work that leaves the GIL, so the dbt step starts
it on a thread once the build file is final (`start`), and the recette takes its result
(`take`) instead of reading again.

A result is taken only for the same file, unchanged since the read started (its stat
signature, loader/fingerprint.py, as the publish's hash reuse checks it):
anything else (another file, a file written meanwhile, a read that failed) returns None and the
recette reads on its own, as it always did. A read nobody takes is dropped by the next `start`.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

from ..loader.fingerprint import stat_signature

_lock = threading.Lock()
_pending: tuple[Path, str | None, Future] | None = None


def start(path: Path) -> Future:
    """Read `path` (read-only) on a daemon thread, as run_recette would."""
    global _pending
    path = Path(path).resolve()
    future: Future = Future()

    def read() -> None:
        try:
            from .spec import load_spec
            from .warehouse import read_warehouse

            future.set_result(read_warehouse(path, load_spec()))
        except BaseException as exc:  # noqa: BLE001 (handed to the taker, which reads again)
            future.set_exception(exc)

    with _lock:
        _pending = (path, stat_signature(path), future)
    threading.Thread(target=read, name="recette-read-ahead", daemon=True).start()
    return future


def take(path: Path):
    """The Warehouse read ahead for `path`, waiting for the read to end; None when there is
    none for this file as it stands now, or when that read failed."""
    global _pending
    path = Path(path).resolve()
    with _lock:
        pending, _pending = _pending, None
    if pending is None or pending[0] != path:
        return None
    future = pending[2]
    try:
        warehouse = future.result()
    except Exception:  # noqa: BLE001 (the recette's own read reports the error)
        return None
    signature = stat_signature(path)
    return warehouse if signature is not None and signature == pending[1] else None

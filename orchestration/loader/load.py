"""load_landing: the landing directory -> raw.* and audit.*, incrementally, in one transaction.

Incremental == full: a file whose path and sha256 are in audit.load_audit (loaded under the same
time zone) is skipped; a changed file has its rows replaced; a vanished file has its rows
removed. A crash anywhere rolls the whole load back.

A file is hashed again only when its file-system signature (fingerprint.stat_signature)
differs from the one recorded with its hash in audit.landing_file_stats. Hashing every file
every night cost about 2 s at scale 10 (2.2 GB of CSV).
"""
from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb

from .. import duck
from ..contract import BY_PATH, ENTITIES
from ..errors import PilotageError
from . import tables
from .discover import LandingFile, scan
from .fingerprint import fingerprint, sha256, stat_signature
from .load_file import delete_file_rows, load_file
from .report import SKIPPED, FileResult, LoadReport

log = logging.getLogger("orchestration.loader")


def landing_root(landing_dir) -> Path:
    root = Path(landing_dir)
    if not root.is_dir():
        raise PilotageError(f"landing directory not found: {root}")
    return root


def _check_timezone(con: duckdb.DuckDBPyConnection, timezone: str) -> None:
    """Both Python and DuckDB's ICU must know the zone (ICU does the conversions)."""
    try:
        ZoneInfo(timezone)
        con.execute("SELECT timezone(?, TIMESTAMPTZ '2000-01-01 00:00:00+00')", [timezone])
    except Exception:
        raise PilotageError(f"unknown time zone {timezone!r}") from None


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection):
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        with suppress(duckdb.Error):  # keep the original error, not a failed rollback
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def _gc_paused():
    """csv makes millions of short-lived lists; the cyclic GC then runs constantly and the
    load is ~3x slower. They hold no cycles, so the collector can wait until the end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _stored_files(con: duckdb.DuckDBPyConnection, timezone: str) -> dict[str, tuple]:
    """What the warehouse holds: file -> (entity path, hash, read, loaded, quarantined).
    Rows loaded under another time zone or into re-shaped tables are dropped first."""
    audit_new, reshaped = tables.ensure_all(con)
    if audit_new or tables.get_state(con, "timezone") != timezone:
        reshaped = list(ENTITIES)  # everything is to be loaded again
        con.execute(f"DELETE FROM {tables.AUDIT}.load_audit")
        con.execute(f"DELETE FROM {tables.AUDIT}.quarantine")
    for entity in reshaped:
        con.execute(f"DELETE FROM {tables.raw_table(entity)}")
        for table in ("load_audit", "quarantine"):
            con.execute(f"DELETE FROM {tables.AUDIT}.{table} WHERE source = ? AND entity = ?",
                        [entity.source, entity.name])
    tables.set_state(con, "timezone", timezone)
    rows = con.execute(f"SELECT file, source || '/' || entity, file_hash, rows_read, rows_loaded, "
                       f"rows_quarantined FROM {tables.AUDIT}.load_audit").fetchall()
    return {r[0]: r[1:] for r in rows}


def _stored_stats(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """file -> (sha256, signature of the file when that hash was last checked)."""
    return {file: (file_hash, stat) for file, file_hash, stat in
            con.execute(f"SELECT file, file_hash, stat FROM {tables.AUDIT}.landing_file_stats").fetchall()}


def _record_stats(con: duckdb.DuckDBPyConnection, signatures: list[tuple[str, str, str]]) -> None:
    con.execute(f"DELETE FROM {tables.AUDIT}.landing_file_stats")
    if signatures:
        con.executemany(f"INSERT INTO {tables.AUDIT}.landing_file_stats VALUES (?, ?, ?)", signatures)


def _unchanged(lf: LandingFile, stored: tuple | None, checked: tuple[str, str] | None,
               stat: str | None) -> bool:
    if not stored:
        return False
    if stat is not None and checked == (stored[1], stat):
        return True  # untouched since its hash was last compared
    try:
        return sha256(lf.path) == stored[1]
    except OSError:
        return False  # the fingerprint below records why it cannot be read


def _load_or_skip(con, lf: LandingFile, stored: tuple | None, checked: tuple[str, str] | None,
                  stat: str | None, timezone: str) -> tuple[FileResult, str | None]:
    """The file's result and the hash its rows now come from (None: not readable). `stat` is
    taken before the file is read: a write while it is read shows up next time."""
    if _unchanged(lf, stored, checked, stat):
        log.info("%s: unchanged, skipped", lf.rel)
        return FileResult(lf.rel, lf.entity.source, lf.entity.name, SKIPPED, *stored[2:]), stored[1]
    try:
        fp, problem = fingerprint(lf.path), None
    except OSError as exc:
        fp, problem = None, f"cannot read file: {exc.strerror or exc}"
    if stored:
        delete_file_rows(con, lf.rel, lf.entity)
    result = load_file(con, lf, fp, timezone, problem)
    log.info("%s: %s, %d read, %d loaded, %d quarantined%s", lf.rel, result.status,
             result.rows_read, result.rows_loaded, result.rows_quarantined,
             f" ({result.reason})" if result.reason else "")
    return result, fp.sha256 if fp else None


def load_landing(landing_dir: Path, con: duckdb.DuckDBPyConnection,
                 timezone: str = "Europe/Paris") -> LoadReport:
    """Load every contract file of `landing_dir` into `con` (raw.*, audit.*)."""
    started = time.perf_counter()
    root = landing_root(landing_dir)
    _check_timezone(con, timezone)
    try:
        found = scan(root)
    except OSError as exc:
        raise PilotageError(f"cannot read landing directory {root}: {exc.strerror or exc}") from None
    report = LoadReport(root, timezone, ignored=found.ignored)
    for rel in found.ignored:
        log.info("ignored (not a <source>/<entity>/*.csv file of the contract): %s", rel)
    if not found.all_files:
        log.info("no landing files found in %s", root)
    with _gc_paused(), _transaction(con):
        stored = _stored_files(con, timezone)
        checked, signatures = _stored_stats(con), []
        for entity in ENTITIES:
            files = found.files.get(entity.path, [])
            if not files:
                log.info("no files for %s", entity.path)
            for lf in files:
                stat = stat_signature(lf.path)
                result, file_hash = _load_or_skip(con, lf, stored.get(lf.rel), checked.get(lf.rel), stat, timezone)
                report.files.append(result)
                if file_hash is not None and stat is not None:
                    signatures.append((lf.rel, file_hash, stat))
        present = {lf.rel for lf in found.all_files}
        for rel in sorted(set(stored) - present):
            delete_file_rows(con, rel, BY_PATH.get(stored[rel][0]))
            report.removed.append(rel)
            log.info("%s: gone from landing, its rows removed", rel)
        _record_stats(con, signatures)
    report.seconds = time.perf_counter() - started
    log.info("%s", report.summary())
    return report


def load_into_file(landing_dir, warehouse_path, timezone: str = "Europe/Paris") -> LoadReport:
    """Open (or create) the DuckDB file, load, close."""
    root = landing_root(landing_dir)  # before creating any warehouse file
    path = Path(warehouse_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duck.connect(path)
    except (OSError, duckdb.Error) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PilotageError(f"cannot open warehouse {path}: {first}") from None
    try:
        return load_landing(root, con, timezone)
    finally:
        con.close()

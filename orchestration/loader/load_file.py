"""Load one landing file: records in chunks -> typed SQL -> raw rows and quarantine rows.

A file is either loaded (each bad record quarantined with its line, reason and raw text) or
rejected whole (one quarantine row with line_number NULL). Either way it gets one audit row
with rows_read = rows_loaded + rows_quarantined.
"""
from __future__ import annotations

import datetime as dt
import time
from typing import Iterator

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from ..contract import Entity
from .csvstream import CsvStream, Records, Rejected
from .discover import LandingFile
from .fingerprint import Fingerprint, count_data_lines
from .prefetch import prefetch
from .report import LOADED, REJECTED, FileResult
from .tables import AUDIT, raw_columns, raw_table
from .typed_sql import chunk_sql

CHUNK_ROWS = 100_000  # records per SQL batch: big enough to amortize, small enough for memory
BATCH_ROWS = 25_000


def map_header(entity: Entity, header: list[str]) -> dict[str, int]:
    """Contract column -> field index. Names trimmed, case-insensitive; others ignored."""
    positions: dict[str, int] = {}
    for i, name in enumerate(h.strip().lower() for h in header):
        if name in entity.column_names:
            if name in positions:
                raise Rejected(f"duplicate column in header: {name}")
            positions[name] = i
    missing = [c for c in entity.required_columns if c not in positions]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise Rejected(f"missing required column{plural}: {', '.join(missing)}")
    return positions


def _insert_sql(entity: Entity) -> str:
    typed = [n for n, _ in raw_columns(entity) if n not in ("_file", "_file_name", "_line")]
    cols = ", ".join(f'"{n}"' for n in typed)
    return (f"INSERT INTO {raw_table(entity)} ({cols}, _file, _file_name, _line) "
            f"SELECT {cols}, $file, $name, _line FROM _loader_typed WHERE _reason IS NULL")


def _chunks(stream: CsvStream) -> Iterator[tuple[Records, pa.Table]]:
    """Records as the Arrow table the typing SQL reads: one list of fields per record
    (DuckDB picks the fields), in several batches so DuckDB can type them on several threads."""
    for recs in stream.records(CHUNK_ROWS):
        if len(recs.fields):
            table = pa.table({"rec": recs.fields, "_line": pa.array(recs.starts, pa.int64())})
            yield recs, pa.Table.from_batches(table.to_batches(max_chunksize=BATCH_ROWS))


def _typed(con, sql: str, chunk: pa.Table) -> pa.Table:
    """Run the typing SELECT on one chunk. The result comes back as Arrow, not a temp table
    (same reason as above: replaced temp tables are kept until commit)."""
    _loader_chunk = chunk  # noqa: F841 (read by SQL)
    return con.execute(sql).to_arrow_table()


# Arrow tables reach SQL through DuckDB's replacement scan of a local variable named in the
# query: con.register() would leave each chunk referenced by the catalog until the load's
# transaction commits (memory growing with the file).

def _quarantine(con, lf: LandingFile, lines: list, reasons: list, raws: list) -> None:
    _loader_bad = pa.table({"line": pa.array(lines, pa.int64()),  # noqa: F841 (read by SQL)
                            "reason": pa.array(reasons, pa.string()), "raw": pa.array(raws, pa.string())})
    con.execute(f"INSERT INTO {AUDIT}.quarantine SELECT $source, $entity, $file, line, reason, raw "
                "FROM _loader_bad", {"source": lf.entity.source, "entity": lf.entity.name, "file": lf.rel})


def _parse(con: duckdb.DuckDBPyConnection, lf: LandingFile, timezone: str) -> tuple[int, int]:
    """Write the file's good rows to raw and bad ones to quarantine; (rows_read, quarantined)."""
    read = quarantined = 0
    with CsvStream(lf.path) as stream:
        try:
            positions = map_header(lf.entity, stream.header)
        except Rejected as rej:
            rej.raw_line = stream.header_text
            try:
                rej.rows_read = stream.count_records(CHUNK_ROWS)
            except Rejected:
                pass  # broken further down too: the caller counts physical lines
            raise
        typed = chunk_sql(lf.entity, positions, len(stream.header), timezone)
        insert = _insert_sql(lf.entity)
        for recs, chunk in prefetch(_chunks(stream), depth=1):
            _loader_typed = _typed(con, typed, chunk)
            con.execute(insert, {"file": lf.rel, "name": lf.name})
            bad = _loader_typed.filter(pc.is_valid(_loader_typed["_reason"]))
            if bad.num_rows:
                lines = bad["_line"].to_pylist()
                _quarantine(con, lf, lines, bad["_reason"].to_pylist(), [recs.raw(n) for n in lines])
            read += chunk.num_rows
            quarantined += bad.num_rows
    return read, quarantined


def delete_file_rows(con: duckdb.DuckDBPyConnection, rel: str, entity: Entity | None) -> None:
    """Forget everything a landing file put in the warehouse."""
    if entity is not None:
        con.execute(f"DELETE FROM {raw_table(entity)} WHERE _file = ?", [rel])
    con.execute(f"DELETE FROM {AUDIT}.quarantine WHERE file = ?", [rel])
    con.execute(f"DELETE FROM {AUDIT}.load_audit WHERE file = ?", [rel])


def load_file(con: duckdb.DuckDBPyConnection, lf: LandingFile, fp: Fingerprint | None,
              timezone: str, problem: str | None = None) -> FileResult:
    """`fp` None with `problem` = the file could not even be read for hashing."""
    started = time.perf_counter()
    entity = lf.entity
    try:
        problem = problem or (fp.problem if fp else None)
        if problem:
            raise Rejected(problem)
        read, quarantined = _parse(con, lf, timezone)
        result = FileResult(lf.rel, entity.source, entity.name, LOADED, read, read - quarantined,
                            quarantined)
    except (Rejected, OSError) as exc:
        rej = exc if isinstance(exc, Rejected) else Rejected(f"cannot read file: {exc.strerror or exc}")
        delete_file_rows(con, lf.rel, entity)  # rows of chunks written before the problem showed
        rows = rej.rows_read if rej.rows_read is not None else _safe_count(lf)
        _quarantine(con, lf, [None], [rej.reason], [rej.raw_line])
        result = FileResult(lf.rel, entity.source, entity.name, REJECTED, rows, 0, rows, rej.reason)
    con.execute(f"INSERT INTO {AUDIT}.load_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [entity.source, entity.name, lf.rel, result.rows_read, result.rows_loaded,
                 result.rows_quarantined, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                 fp.sha256 if fp else None])
    result.seconds = time.perf_counter() - started
    return result


def _safe_count(lf: LandingFile) -> int:
    try:
        return count_data_lines(lf.path)
    except OSError:
        return 0

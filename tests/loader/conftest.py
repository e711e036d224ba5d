"""Fixtures of the loader tests: a landing directory written inline, an in-memory warehouse,
and a `load` that also checks the audit invariants after every load."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.loader import load_landing


class Landing:
    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str | bytes, bom: bool = False) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
        return path

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()


@pytest.fixture
def landing(tmp_path) -> Landing:
    root = tmp_path / "landing"
    root.mkdir()
    return Landing(root)


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def check_invariants(con) -> None:
    """Every audit row: read = loaded + quarantined, loaded = its raw rows, quarantined = its
    quarantine rows (a file rejected whole: one row with line_number NULL, nothing loaded)."""
    tables = [t for (t,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw'").fetchall()]
    raw_counts = {}
    for t in tables:
        for file, n in con.execute(f'SELECT _file, count(*) FROM raw."{t}" GROUP BY 1').fetchall():
            raw_counts[file] = raw_counts.get(file, 0) + n
    audit = con.execute("SELECT file, rows_read, rows_loaded, rows_quarantined FROM audit.load_audit").fetchall()
    files = {f for f, *_ in audit}
    assert set(raw_counts) <= files, "raw rows of a file without an audit row"
    quarantined = dict(con.execute(
        "SELECT file, count(*) FROM audit.quarantine GROUP BY 1").fetchall())
    assert set(quarantined) <= files, "quarantine rows of a file without an audit row"
    for file, read, loaded, quar in audit:
        assert read == loaded + quar, file
        assert raw_counts.get(file, 0) == loaded, file
        whole = con.execute("SELECT count(*) FROM audit.quarantine WHERE file = ? AND line_number IS NULL",
                            [file]).fetchone()[0]
        if whole:
            assert (whole, loaded, quar, quarantined[file]) == (1, 0, read, 1), file
        else:
            assert quarantined.get(file, 0) == quar, file


@pytest.fixture
def load(landing, con):
    def run(timezone: str = "Europe/Paris"):
        report = load_landing(landing.root, con, timezone)
        check_invariants(con)
        return report
    return run


class Warehouse:
    """Read helpers on the loaded warehouse (a fixture: test files import no helpers)."""

    def __init__(self, con):
        self.con = con

    def rows(self, sql: str, params=None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def quarantine(self, file: str | None = None) -> list[tuple]:
        """(line_number, reason, raw_line) of a file, in line order."""
        where, params = ("WHERE file = ?", [file]) if file else ("", [])
        return self.rows(f"SELECT line_number, reason, raw_line FROM audit.quarantine {where} "
                         "ORDER BY line_number NULLS FIRST", params)

    def audit(self, file: str) -> tuple | None:
        """(rows_read, rows_loaded, rows_quarantined) of a file."""
        return self.con.execute("SELECT rows_read, rows_loaded, rows_quarantined FROM audit.load_audit "
                                "WHERE file = ?", [file]).fetchone()


@pytest.fixture
def wh(con) -> Warehouse:
    return Warehouse(con)

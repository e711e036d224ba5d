"""The recette's read of the build file started ahead (recette/read_ahead.py): taken only for
the same, unchanged file; otherwise None, and the recette reads on its own."""
from __future__ import annotations

import os

import duckdb
import pytest

from orchestration.recette import read_ahead
from orchestration.recette.spec import load_spec
from orchestration.recette.warehouse import read_warehouse


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.crm_alerts as select * from (values "
                    "('a1', 'late_visit', date '2026-03-01'), ('a2', 'stale_opportunity', date '2026-03-01')) "
                    "as t(alert_id, rule, as_of_date)")
    return path


def test_taken_for_the_same_file(warehouse):
    read_ahead.start(warehouse)
    got = read_ahead.take(warehouse)
    expected = read_warehouse(warehouse, load_spec())
    assert got is not None
    assert list(got.frame("marts.crm_alerts")["alert_id"]) == ["a1", "a2"]
    assert got.frame("marts.crm_alerts").equals(expected.frame("marts.crm_alerts"))
    assert got.missing == expected.missing and got.column_types == expected.column_types
    assert read_ahead.take(warehouse) is None  # taken once


def test_another_file_gets_none_and_drops_the_read(warehouse, tmp_path):
    read_ahead.start(warehouse)
    assert read_ahead.take(tmp_path / "other.duckdb") is None
    assert read_ahead.take(warehouse) is None


def test_a_file_written_after_the_start_gets_none(warehouse):
    future = read_ahead.start(warehouse)
    future.result()
    with duckdb.connect(str(warehouse)) as con:
        con.execute("insert into marts.crm_alerts values ('a3', 'late_visit', date '2026-03-01')")
    stat = warehouse.stat()
    os.utime(warehouse, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_ahead.take(warehouse) is None


def test_a_failed_read_gets_none(tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database")
    read_ahead.start(broken)
    assert read_ahead.take(broken) is None

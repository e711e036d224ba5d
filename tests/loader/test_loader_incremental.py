"""Incremental loading equals a full load: unchanged files skipped (not parsed), changed files
replaced, vanished files removed, nothing counted twice; one transaction per load."""
from __future__ import annotations

import pytest

import orchestration.loader.load as load_module
from orchestration.loader import load_landing

A = "crm/accounts/a.csv"
B = "crm/accounts/b.csv"
HEADER = "account_id,name,created_at,updated_at\n"


@pytest.fixture
def parsed(monkeypatch):
    """Files actually parsed during a load (load_file is the one place a file gets parsed)."""
    calls: list[str] = []
    real = load_module.load_file

    def spy(con, lf, *args, **kwargs):
        calls.append(lf.rel)
        return real(con, lf, *args, **kwargs)

    monkeypatch.setattr(load_module, "load_file", spy)
    return calls


def snapshot(wh) -> tuple:
    return (wh.rows("SELECT * FROM raw.crm__accounts ORDER BY ALL"),
            wh.rows("SELECT * FROM audit.load_audit ORDER BY ALL"),
            wh.rows("SELECT * FROM audit.quarantine ORDER BY ALL"))


def test_unchanged_files_are_skipped_and_not_parsed(landing, load, wh, parsed):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\nA2,,2026-01-05,2026-01-05\n")
    first = load()
    before = snapshot(wh)
    assert parsed == [A]
    second = load()
    assert parsed == [A]  # not parsed again
    assert snapshot(wh) == before  # same rows, same audit (loaded_at kept), same quarantine
    assert (second.files_read, second.files_skipped, second.rows_read) == (0, 1, 0)
    skipped = second.file(A)
    assert (skipped.status, skipped.rows_read, skipped.rows_loaded, skipped.rows_quarantined) == ("skipped", 2, 1, 1)
    assert (first.files_read, first.files_skipped) == (1, 0)


def test_changed_file_has_its_rows_audit_and_quarantine_replaced(landing, load, wh, parsed):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\nA2,,2026-01-05,2026-01-05\n")
    landing.write(B, HEADER + "B1,Beta,2026-01-05,2026-01-05\n")
    load()
    landing.write(A, HEADER + "A1,Acme v2,2026-01-05,2026-01-06\nA2,Fixed,2026-01-05,2026-01-06\n"
                              "A3,New,2026-01-05,bad\n")
    report = load()
    assert parsed == [A, B, A]  # b.csv unchanged: skipped
    assert report.file(B).status == "skipped"
    assert wh.rows("SELECT account_id, name, _file_name FROM raw.crm__accounts ORDER BY 1") == [
        ("A1", "Acme v2", "a.csv"), ("A2", "Fixed", "a.csv"), ("B1", "Beta", "b.csv")]
    assert wh.rows("SELECT file, rows_read, rows_loaded, rows_quarantined FROM audit.load_audit ORDER BY 1") == [
        (A, 3, 2, 1), (B, 1, 1, 0)]
    assert wh.quarantine() == [(4, "invalid timestamp in updated_at: 'bad'", "A3,New,2026-01-05,bad")]


def test_removed_file_has_its_rows_removed(landing, load, wh):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\nA2,,2026-01-05,2026-01-05\n")
    landing.write(B, HEADER + "B1,Beta,2026-01-05,2026-01-05\n")
    load()
    landing.remove(A)
    report = load()
    assert report.removed == [A]
    assert wh.rows("SELECT account_id FROM raw.crm__accounts") == [("B1",)]
    assert wh.rows("SELECT file FROM audit.load_audit") == [(B,)]
    assert wh.quarantine() == []


def test_incremental_equals_full_load(landing, load, wh, con, tmp_path):
    import duckdb
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    landing.write(B, HEADER + "B1,Beta,2026-01-05,2026-01-05\nB2,x,y,z\n")
    landing.write("erp/orders/o.csv", "order_id,erp_customer_id,status,ordered_at,updated_at\n"
                                      "O1,E1,open,2026-01-05,2026-01-05\n")
    load()
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-07\n")  # changed
    landing.remove("erp/orders/o.csv")  # removed
    landing.write("crm/accounts/c.csv", HEADER + "C1,Gamma,2026-01-05,2026-01-05\n")  # new
    load()
    full = duckdb.connect()
    load_landing(landing.root, full)
    for table in ("raw.crm__accounts", "raw.erp__orders", "audit.quarantine"):
        assert wh.rows(f"SELECT * FROM {table} ORDER BY ALL") == \
            full.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall(), table
    strip = "SELECT source, entity, file, rows_read, rows_loaded, rows_quarantined, file_hash FROM audit.load_audit ORDER BY ALL"
    assert wh.rows(strip) == full.execute(strip).fetchall()


def test_rejected_file_is_skipped_while_unchanged_and_reloaded_once_fixed(landing, load, wh, parsed):
    landing.write(A, "account_id,name\nA1,Acme\n")
    load()
    load()
    assert parsed == [A]
    assert wh.quarantine() == [(None, "missing required columns: created_at, updated_at", "account_id,name")]
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    load()
    assert wh.quarantine() == []
    assert wh.audit(A) == (1, 1, 0)


def test_time_zone_change_reloads_everything(landing, load, wh, parsed):
    landing.write(A, HEADER + "A1,Acme,2026-01-05T12:00:00Z,2026-01-05T12:00:00Z\n")
    load("Europe/Paris")
    assert wh.rows("SELECT updated_at::VARCHAR FROM raw.crm__accounts") == [("2026-01-05 13:00:00",)]
    report = load("UTC")
    assert parsed == [A, A] and report.file(A).status == "loaded"
    assert wh.rows("SELECT updated_at::VARCHAR FROM raw.crm__accounts") == [("2026-01-05 12:00:00",)]
    assert wh.rows("SELECT value FROM audit.loader_state WHERE key = 'timezone'") == [("UTC",)]


def test_reshaped_raw_table_is_recreated_and_its_files_reloaded(landing, load, wh, con, parsed):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    landing.write("crm/contacts/c.csv", "contact_id,created_at,updated_at\nK1,2026-01-05,2026-01-05\n")
    load()
    con.execute("ALTER TABLE raw.crm__accounts DROP COLUMN vat_number")  # e.g. an older contract
    load()
    assert parsed == [A, "crm/contacts/c.csv", A]
    assert "vat_number" in [c for (c,) in wh.rows(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'crm__accounts'")]
    assert wh.rows("SELECT account_id FROM raw.crm__accounts") == [("A1",)]


def test_a_failing_load_rolls_back_to_the_previous_state(landing, load, wh, con, monkeypatch):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    landing.write(B, HEADER + "B1,Beta,2026-01-05,2026-01-05\n")
    load()
    before = snapshot(wh)
    landing.write(A, HEADER + "A1,Changed,2026-01-05,2026-01-05\n")
    landing.remove(B)
    landing.write("crm/accounts/c.csv", HEADER + "C1,Gamma,2026-01-05,2026-01-05\n")
    real = load_module.load_file

    def crash_on_c(con_, lf, *args, **kwargs):
        if lf.name == "c.csv":
            raise RuntimeError("disk on fire")
        return real(con_, lf, *args, **kwargs)

    monkeypatch.setattr(load_module, "load_file", crash_on_c)
    with pytest.raises(RuntimeError, match="disk on fire"):
        load_landing(landing.root, con)
    assert snapshot(wh) == before
    monkeypatch.setattr(load_module, "load_file", real)
    load()  # and the next load catches up
    assert wh.rows("SELECT account_id, name FROM raw.crm__accounts ORDER BY 1") == [("A1", "Changed"), ("C1", "Gamma")]


def test_report_totals_and_summary(landing, load):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\nA2,,2026-01-05,2026-01-05\n")
    landing.write(B, "account_id\nB1\n")
    landing.write("crm/accounts/notes.txt", "x")
    report = load()
    assert (report.files_read, report.files_skipped, report.files_rejected) == (2, 0, 1)
    assert (report.rows_read, report.rows_loaded, report.rows_quarantined) == (3, 1, 2)
    assert report.seconds > 0 and report.rows_per_second > 0
    lines = report.summary().splitlines()
    assert lines[0] == f"read 2 landing files from {report.landing_dir} (1 rejected whole, 1 ignored)"
    assert lines[1].startswith("rows: 3 read, 1 loaded, 2 quarantined in ")
    assert lines[1].endswith("rows/s, time zone Europe/Paris)")
    again = load()
    assert again.summary().splitlines()[0] == (
        f"read 0 landing files from {report.landing_dir} (2 unchanged skipped, 1 ignored)")


@pytest.fixture
def hashed(monkeypatch):
    """Files whose content hash was computed to decide whether they changed."""
    calls: list[str] = []
    real = load_module.sha256

    def spy(path):
        calls.append(path.name)
        return real(path)

    monkeypatch.setattr(load_module, "sha256", spy)
    return calls


def test_a_file_untouched_since_its_last_check_is_not_hashed_again(landing, load, wh, hashed, parsed):
    import hashlib

    path = landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    load()
    load()
    load()
    assert (parsed, hashed) == ([A], [])  # new file: fingerprinted once; then its stat suffices
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert wh.rows("SELECT file, file_hash FROM audit.landing_file_stats") == [(A, digest)]
    assert wh.rows("SELECT file_hash FROM audit.load_audit") == [(digest,)]


def test_a_file_rewritten_with_its_size_and_mtime_restored_is_still_reloaded(landing, load, wh, hashed, parsed):
    import os

    path = landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    load()
    before = os.stat(path)
    landing.write(A, HEADER + "A1,Acmf,2026-01-05,2026-01-05\n")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime set back; ctime moves
    assert os.stat(path).st_size == before.st_size
    report = load()
    assert (hashed, parsed, report.file(A).status) == (["a.csv"], [A, A], "loaded")
    assert wh.rows("SELECT name FROM raw.crm__accounts") == [("Acmf",)]


def test_touched_but_identical_file_is_hashed_once_then_trusted(landing, load, hashed, parsed):
    import os

    path = landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    load()
    os.utime(path)  # e.g. copied again by the export job, same bytes
    assert load().file(A).status == "skipped"
    load()
    assert (parsed, hashed) == ([A], ["a.csv"])


def test_file_stats_follow_the_landing(landing, load, wh):
    landing.write(A, HEADER + "A1,Acme,2026-01-05,2026-01-05\n")
    landing.write(B, "not,a,valid\x00file\n")  # rejected whole, its hash still known
    load()
    assert [f for (f,) in wh.rows("SELECT file FROM audit.landing_file_stats ORDER BY 1")] == [A, B]
    landing.remove(A)
    load()
    assert wh.rows("SELECT file FROM audit.landing_file_stats") == [(B,)]

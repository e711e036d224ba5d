"""Landing directory handling: bad paths, empty landing, what is read and what is ignored,
and the exact raw/audit table layout of docs/architecture.md."""
from __future__ import annotations

import logging

import duckdb
import pytest

from orchestration.contract import ENTITIES, SQL_TYPES
from orchestration.errors import PilotageError
from orchestration.loader import load_into_file, load_landing

ACCOUNTS = "account_id,name,created_at,updated_at\nA1,Acme,2026-01-05 10:00:00,2026-01-05 10:00:00\n"


def test_missing_landing_dir_is_a_one_line_pilotage_error(tmp_path, con):
    missing = tmp_path / "nope"
    with pytest.raises(PilotageError) as err:
        load_landing(missing, con)
    assert str(err.value) == f"landing directory not found: {missing}"


def test_landing_path_that_is_a_file_is_not_found(tmp_path, con):
    path = tmp_path / "file.csv"
    path.write_text("x")
    with pytest.raises(PilotageError, match=r"^landing directory not found: .*file\.csv$"):
        load_landing(path, con)


def test_load_into_file_checks_landing_before_creating_the_warehouse(tmp_path):
    warehouse = tmp_path / "w" / "pilotage.duckdb"
    with pytest.raises(PilotageError, match="^landing directory not found: "):
        load_into_file(tmp_path / "nope", warehouse, "Europe/Paris")
    assert not warehouse.exists()


def test_unknown_time_zone_is_a_pilotage_error(landing, con):
    with pytest.raises(PilotageError, match=r"^unknown time zone 'Mars/Olympus'$"):
        load_landing(landing.root, con, "Mars/Olympus")


def test_empty_landing_loads_nothing_but_creates_every_table(landing, load, wh, caplog):
    with caplog.at_level(logging.INFO, logger="orchestration.loader"):
        report = load()
    assert report.files == [] and report.rows_read == 0
    assert report.summary() == f"no landing files found in {landing.root}"
    assert "no landing files found in" in caplog.text
    for e in ENTITIES:
        assert wh.rows(f'SELECT count(*) FROM raw."{e.raw_table}"') == [(0,)]
    assert wh.rows("SELECT count(*) FROM audit.load_audit") == [(0,)]
    assert wh.rows("SELECT count(*) FROM audit.quarantine") == [(0,)]


def test_missing_entity_folder_is_logged_and_its_table_empty(landing, load, wh, caplog):
    landing.write("crm/accounts/a.csv", ACCOUNTS)
    with caplog.at_level(logging.INFO, logger="orchestration.loader"):
        load()
    assert "no files for crm/contacts" in caplog.messages
    assert "no files for crm/accounts" not in caplog.messages
    assert wh.rows("SELECT count(*) FROM raw.crm__contacts") == [(0,)]
    assert wh.rows("SELECT account_id FROM raw.crm__accounts") == [("A1",)]


def test_only_contract_csv_files_are_read_the_rest_is_ignored_and_logged(landing, load, wh, caplog):
    landing.write("crm/accounts/a.csv", ACCOUNTS)
    landing.write("crm/accounts/B.CSV", ACCOUNTS.replace("A1", "B1"))  # extension case-insensitive
    landing.write("crm/accounts/notes.txt", "not data")
    landing.write("crm/accounts/.~lock.a.csv#", "lock")
    landing.write("crm/accounts/.hidden.csv", ACCOUNTS.replace("A1", "H1"))
    landing.write("crm/accounts/old/c.csv", ACCOUNTS.replace("A1", "C1"))  # nested: not read
    landing.write("crm/unknown_entity/x.csv", ACCOUNTS)
    landing.write("crm/Accounts/x.csv", ACCOUNTS)  # folder names are exact
    landing.write("hr/people/x.csv", ACCOUNTS)
    landing.write("README.md", "hello")
    landing.write("crm/readme.csv", ACCOUNTS)
    with caplog.at_level(logging.INFO, logger="orchestration.loader"):
        report = load()
    assert [f.file for f in report.files] == ["crm/accounts/B.CSV", "crm/accounts/a.csv"]
    assert sorted(report.ignored) == sorted([
        "README.md", "hr/", "crm/Accounts/", "crm/readme.csv", "crm/unknown_entity/",
        "crm/accounts/.hidden.csv", "crm/accounts/.~lock.a.csv#", "crm/accounts/notes.txt",
        "crm/accounts/old/"])
    assert any("ignored" in m and "crm/accounts/notes.txt" in m for m in caplog.messages)
    assert wh.rows("SELECT account_id, _file, _file_name FROM raw.crm__accounts ORDER BY 1") == [
        ("A1", "crm/accounts/a.csv", "a.csv"), ("B1", "crm/accounts/B.CSV", "B.CSV")]
    assert wh.rows("SELECT count(*) FROM audit.quarantine") == [(0,)]


def _expected_raw_columns(entity) -> list[tuple[str, str]]:
    cols = [(c.name, SQL_TYPES[c.type]) for c in entity.columns]
    cols += [(f"{c.name}_utc", "TIMESTAMP") for c in entity.columns if c.type == "ts"]
    return cols + [("_file", "VARCHAR"), ("_file_name", "VARCHAR"), ("_line", "BIGINT")]


def _columns(wh, schema: str, table: str) -> list[tuple[str, str]]:
    return wh.rows("SELECT column_name, data_type FROM information_schema.columns "
                   "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position", [schema, table])


def test_table_layout_is_the_documented_raw_layer(load, wh):
    load()
    for e in ENTITIES:
        assert _columns(wh, "raw", e.raw_table) == _expected_raw_columns(e), e.path
    assert _columns(wh, "raw", "crm__sales_reps")[-4:] == [
        ("updated_at_utc", "TIMESTAMP"), ("_file", "VARCHAR"), ("_file_name", "VARCHAR"), ("_line", "BIGINT")]
    assert _columns(wh, "audit", "load_audit") == [
        ("source", "VARCHAR"), ("entity", "VARCHAR"), ("file", "VARCHAR"), ("rows_read", "BIGINT"),
        ("rows_loaded", "BIGINT"), ("rows_quarantined", "BIGINT"), ("loaded_at", "TIMESTAMP"),
        ("file_hash", "VARCHAR")]
    assert _columns(wh, "audit", "quarantine") == [
        ("source", "VARCHAR"), ("entity", "VARCHAR"), ("file", "VARCHAR"), ("line_number", "BIGINT"),
        ("reason", "VARCHAR"), ("raw_line", "VARCHAR")]
    assert wh.rows("SELECT key, value FROM audit.loader_state") == [("timezone", "Europe/Paris")]


def test_audit_row_names_source_entity_file_and_hash(landing, load, wh):
    path = landing.write("crm/accounts/a.csv", ACCOUNTS)
    load()
    import hashlib
    assert wh.rows("SELECT source, entity, file, rows_read, rows_loaded, rows_quarantined, file_hash, "
                   "loaded_at IS NOT NULL FROM audit.load_audit") == [
        ("crm", "accounts", "crm/accounts/a.csv", 1, 1, 0, hashlib.sha256(path.read_bytes()).hexdigest(), True)]


def test_load_into_file_creates_the_warehouse_and_closes_it(landing, tmp_path):
    landing.write("crm/accounts/a.csv", ACCOUNTS)
    warehouse = tmp_path / "wh" / "pilotage.duckdb"
    report = load_into_file(landing.root, warehouse, "Europe/Paris")
    assert report.rows_loaded == 1
    with duckdb.connect(str(warehouse), read_only=True) as con:  # closed: we can open it
        assert con.execute("SELECT account_id FROM raw.crm__accounts").fetchall() == [("A1",)]

"""Data-quality rules on tiny DuckDB files: each fires on data built to break it, not on clean data."""
import datetime as dt
import os
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.checks import rules
from orchestration.checks.config import DEFAULTS, load_config

AS_OF = dt.date(2026, 3, 15)
D = dt.date.fromisoformat


def _db(tmp_path: Path, name: str = "w.duckdb") -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / name))
    for schema in ("staging", "intermediate", "marts", "audit"):
        con.execute(f"create schema if not exists {schema}")
    return con


# ---------------------------------------------------------------- contacts / accounts


def _contacts(con, rows):
    con.execute("create or replace table staging.stg_crm__contacts (contact_id varchar, email varchar, phone varchar)")
    con.executemany("insert into staging.stg_crm__contacts values (?, ?, ?)", rows)


def test_contact_completeness(tmp_path):
    con = _db(tmp_path)
    _contacts(con, [(f"c{i}", f"c{i}@x.fr", "0102") for i in range(10)])
    assert rules.contact_completeness(con, ["email", "phone"], 0.8).passed
    _contacts(con, [(f"c{i}", f"c{i}@x.fr" if i < 5 else "  ", "0102") for i in range(10)])
    out = rules.contact_completeness(con, ["email", "phone"], 0.8)
    assert not out.passed
    assert "email 50.0%" in out.description and out.metadata["email_filled_ratio"] == 0.5
    assert "phone" not in out.description.split(":")[1]  # only the failing field is named


def test_duplicate_contacts(tmp_path):
    con = _db(tmp_path)
    _contacts(con, [(f"c{i}", f"c{i}@x.fr", None) for i in range(100)] + [("d1", None, None), ("d2", "", None)])
    assert rules.duplicate_contacts(con, 0.02).passed
    _contacts(con, [(f"c{i}", f"c{i % 90}@x.fr", None) for i in range(100)]  # 10 duplicates
              + [("d", " C1@X.FR ", None)])  # same email after trim + lower
    out = rules.duplicate_contacts(con, 0.02)
    assert not out.passed and out.metadata["duplicates"] == 11 and out.metadata["contacts"] == 101


def _accounts(con, rows):
    con.execute("create or replace table staging.stg_crm__accounts (account_id varchar, name varchar, "
                "country varchar, vat_number varchar, created_at timestamp)")
    con.executemany("insert into staging.stg_crm__accounts values (?, ?, ?, ?, ?)", rows)


def test_duplicate_accounts(tmp_path):
    con = _db(tmp_path)
    t = dt.datetime(2025, 1, 1)
    clean = [(f"a{i}", f"Société {i}", "FR", f"FR{i:09d}", t) for i in range(100)]
    _accounts(con, clean + [("b1", "Société 1", "BE", None, t)])  # same name, other country: distinct
    assert rules.duplicate_accounts(con, 0.02).passed
    broken = clean + [("x1", "Autre", "FR", "FR 000000001", t), ("x2", " société 2 ", "fr", None, t),
                      ("x3", "Encore", "FR", "fr000000003", t)]
    _accounts(con, broken)
    out = rules.duplicate_accounts(con, 0.02)
    assert not out.passed and out.metadata["duplicates"] == 3


# ---------------------------------------------------------------- customer status

ORDERS = {  # account -> order dates (valid unless noted)
    "A1": ["2026-01-01", "2026-01-11", "2026-01-31"],  # gaps 10, 20 -> cycle 15, lost
    "A2": ["2026-03-01"],  # one date -> default 30, active
    "A4": ["2026-01-20", "2026-01-22"],  # gap 2 -> min 7, lost
    "A5": ["2026-02-01", "2026-02-11", "2026-02-21", "2026-02-26"],  # gaps 10, 10, 5 -> 10, inactive
    "A6": ["2026-02-01", "2026-02-05", "2026-02-15"],  # gaps 4, 10 -> mean 7, lost
}
EXPECTED = {  # account: first, last, cycle, days since, status, lost_on
    "A1": ("2026-01-01", "2026-01-31", 15.0, 43, "lost", "2026-03-03"),
    "A2": ("2026-03-01", "2026-03-01", 30.0, 14, "active", None),
    "A3": (None, None, 30.0, None, "prospect", None),
    "A4": ("2026-01-20", "2026-01-22", 7.0, 52, "lost", "2026-02-06"),
    "A5": ("2026-02-01", "2026-02-26", 10.0, 17, "inactive", None),
    "A6": ("2026-02-01", "2026-02-15", 7.0, 28, "lost", "2026-03-02"),
}


def _customer_db(tmp_path, overrides=None):
    con = _db(tmp_path)
    con.execute("create table staging.stg_erp__orders (order_id varchar, erp_customer_id varchar, "
                "status varchar, ordered_at timestamp)")
    con.execute("create table intermediate.int_erp_customer_links (erp_customer_id varchar, account_id varchar)")
    n = 0
    for account, dates in ORDERS.items():
        con.execute("insert into intermediate.int_erp_customer_links values (?, ?)", [f"E{account}", account])
        for d in dates:
            n += 1
            con.execute("insert into staging.stg_erp__orders values (?, ?, 'delivered', ?)",
                        [f"o{n}", f"E{account}", dt.datetime.fromisoformat(d + "T23:30:00")])
    # ignored: a cancelled order, an order after as_of, an order of an unlinked customer
    con.execute("insert into staging.stg_erp__orders values ('x1', 'EA2', 'cancelled', '2026-03-14 10:00:00'), "
                "('x2', 'EA2', 'open', '2026-03-20 10:00:00'), ('x3', 'EZZ', 'open', '2026-03-14 10:00:00')")
    con.execute("insert into intermediate.int_erp_customer_links values ('EZZ', null)")
    con.execute("create table marts.customer_360 (account_id varchar, account_name varchar, first_order_date date, "
                "last_order_date date, ordering_cycle_days double, days_since_last_order integer, "
                "customer_status varchar, lost_on date)")
    for account, (first, last, cycle, since, status, lost_on) in {**EXPECTED, **(overrides or {})}.items():
        con.execute("insert into marts.customer_360 values (?, ?, ?, ?, ?, ?, ?, ?)",
                    [account, account, first and D(first), last and D(last), cycle, since, status,
                     lost_on and D(lost_on)])
    return con


def test_customer_status_consistent(tmp_path):
    out = rules.customer_status_consistency(_customer_db(tmp_path), AS_OF, 30, 7)
    assert out.passed, out.description
    assert out.metadata["rows_checked"] == 6


@pytest.mark.parametrize("account,broken", [
    ("A5", ("2026-02-01", "2026-02-26", 10.0, 17, "active", None)),  # wrong status
    ("A1", ("2026-01-01", "2026-01-31", 15.0, 43, "lost", "2026-03-04")),  # wrong lost_on
    ("A6", ("2026-02-01", "2026-02-15", 10.0, 28, "lost", "2026-03-02")),  # median of 2 gaps is their mean
    ("A3", (None, None, 30.0, None, "active", None)),  # prospect shown active
])
def test_customer_status_inconsistent(tmp_path, account, broken):
    out = rules.customer_status_consistency(_customer_db(tmp_path, {account: broken}), AS_OF, 30, 7)
    assert not out.passed
    assert out.metadata["rows_inconsistent"] == 1 and account in out.description


def test_customer_status_missing_mart(tmp_path):
    out = rules.customer_status_consistency(_db(tmp_path), AS_OF, 30, 7)
    assert not out.passed and "does not exist" in out.description


# ---------------------------------------------------------------- alerts, audit, landing


def test_alert_volume_jump():
    assert rules.alert_volume_jump(100, None, 1.5, 20).passed  # first run: nothing to compare
    assert rules.alert_volume_jump(140, 100, 1.5, 20).passed
    assert rules.alert_volume_jump(29, 10, 1.5, 20).passed  # almost x3 but only +19
    assert not rules.alert_volume_jump(31, 10, 1.5, 20).passed
    assert not rules.alert_volume_jump(200, 100, 1.5, 20).passed
    assert not rules.alert_volume_jump(None, 100, 1.5, 20).passed  # mart missing


def test_alert_count(tmp_path):
    con = _db(tmp_path)
    assert rules.alert_count(con) is None
    con.execute("create table marts.crm_alerts as select range as i from range(7)")
    assert rules.alert_count(con) == 7


def _audit(con, rows):
    con.execute("create or replace table audit.load_audit (source varchar, entity varchar, file varchar, "
                "rows_read bigint, rows_loaded bigint, rows_quarantined bigint)")
    con.executemany("insert into audit.load_audit values ('crm', 'accounts', ?, ?, ?, ?)", rows)


def test_quarantine_rate(tmp_path):
    con = _db(tmp_path)
    _audit(con, [("a.csv", 1000, 995, 5), ("b.csv", 1000, 1000, 0)])
    assert rules.quarantine_rate(con, 0.01).passed
    _audit(con, [("a.csv", 1000, 900, 100), ("b.csv", 1000, 1000, 0)])
    out = rules.quarantine_rate(con, 0.01)
    assert not out.passed and out.metadata["ratio"] == 0.05


def test_audit_invariant(tmp_path):
    con = _db(tmp_path)
    _audit(con, [("a.csv", 10, 8, 2), ("b.csv", 3, 0, 3)])
    assert rules.audit_invariant(con).passed
    _audit(con, [("a.csv", 10, 8, 1), ("b.csv", 3, 0, 3), ("c.csv", None, 0, 0)])
    out = rules.audit_invariant(con)
    assert not out.passed and out.metadata["files_breaking"] == 2 and "a.csv" in out.description


def test_landing_freshness(tmp_path):
    for entity in ("crm/accounts", "erp/orders"):
        (tmp_path / entity).mkdir(parents=True)
        (tmp_path / entity / "full.csv").write_text("x\n")
    now = time.time()
    assert rules.landing_freshness(tmp_path, ["crm/accounts", "erp/orders"], 36, now=now).passed
    old = now - 48 * 3600
    os.utime(tmp_path / "erp/orders/full.csv", (old, old))
    out = rules.landing_freshness(tmp_path, ["crm/accounts", "erp/orders", "crm/contacts"], 36, now=now)
    assert not out.passed
    assert "erp/orders (newest file 48 h old)" in out.description and "crm/contacts (no file)" in out.description
    assert "crm/accounts" not in out.description


def test_non_empty(tmp_path):
    con = _db(tmp_path)
    assert not rules.non_empty(con, "marts.customer_360").passed
    con.execute("create table marts.customer_360 (account_id varchar)")
    assert not rules.non_empty(con, "marts.customer_360").passed
    con.execute("insert into marts.customer_360 values ('a')")
    assert rules.non_empty(con, "marts.customer_360").passed


# ---------------------------------------------------------------- config and severities


def test_config_defaults_match_file():
    """config/pilotage.yml states the documented defaults: loading it changes nothing."""
    assert load_config() == load_config(Path("/nonexistent.yml"))
    assert load_config()["checks"]["customer_status_consistency"]["severity"] == "error"
    assert DEFAULTS["publish"]["keep_versions"] == 3


def test_default_severities_follow_outputs_md():
    checks = load_config(Path("/nonexistent.yml"))["checks"]
    errors = {name for name, c in checks.items() if c["severity"] == "error"}
    assert errors == {"customer_status_consistency", "required_marts_non_empty", "audit_invariant", "recette"}


def test_config_override_and_validation(tmp_path, monkeypatch):
    path = tmp_path / "p.yml"
    path.write_text("checks:\n  duplicate_contacts:\n    severity: ERROR\n    max_ratio: 0.5\n")
    monkeypatch.setenv("PILOTAGE_CONFIG", str(path))
    cfg = load_config()["checks"]
    assert cfg["duplicate_contacts"] == {"severity": "error", "max_ratio": 0.5}
    assert cfg["duplicate_accounts"]["severity"] == "warn"  # untouched keys keep their default
    path.write_text("checks:\n  duplicate_contacts:\n    severity: fatal\n")
    from orchestration.errors import PilotageError
    with pytest.raises(PilotageError, match="severity must be warn or error"):
        load_config()


def test_check_severity_comes_from_config(tmp_path, monkeypatch):
    """The Dagster wrapper maps the configured severity; a WARN check can be raised to ERROR."""
    from orchestration.assets.resources import PilotageResource
    from orchestration.checks.asset_checks import CONTACTS, make_check

    build_dir = tmp_path / "wh"
    build_dir.mkdir()
    con = _db(build_dir, ".w.build.duckdb")
    _contacts(con, [("c1", "a@x.fr", None), ("c2", "a@x.fr", None)])
    con.close()
    check = make_check("duplicate_contacts", CONTACTS, "dup",
                       lambda s, c: rules.duplicate_contacts(duckdb.connect(str(s.build_path), read_only=True),
                                                             float(c["max_ratio"])))
    resource = PilotageResource(landing=str(tmp_path), warehouse=str(build_dir / "w.duckdb"),
                                as_of="2026-03-15", state_dir=str(tmp_path / "state"))
    result = check(pilotage=resource)
    assert not result.passed and result.severity == dg.AssetCheckSeverity.WARN
    path = tmp_path / "p.yml"
    path.write_text("checks:\n  duplicate_contacts:\n    severity: error\n")
    monkeypatch.setenv("PILOTAGE_CONFIG", str(path))
    result = check(pilotage=resource)
    assert not result.passed and result.severity == dg.AssetCheckSeverity.ERROR

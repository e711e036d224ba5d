"""Fixtures of the recette tests: a small hand-built warehouse with consistent numbers, its
cahier de recette, mutations of it, and the `golden_warehouse` fallback."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 3, 15)
MONTHS = [dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1),
          dt.date(2026, 3, 1)]
FORECAST_MONTHS = [dt.date(2026, 3, 1), dt.date(2026, 4, 1), dt.date(2026, 5, 1)]

DDL = """
create schema marts; create schema audit;
create table marts.kpi_observations (kpi_code varchar, module varchar, period_grain varchar,
    period_start date, dimension varchar, dimension_value varchar, value double, target double,
    unit varchar, as_of_date date);
create table marts.customer_360 (account_id varchar, account_name varchar, country varchar,
    segment varchar, owner_rep_id varchar, first_order_date date, last_order_date date,
    valid_orders bigint, ordering_cycle_days double, days_since_last_order integer,
    customer_status varchar, lost_on date, lifetime_revenue double, lifetime_gross_margin double,
    product_ranges_365d bigint, as_of_date date);
create table marts.crm_alerts (alert_rule varchar, severity varchar, entity_type varchar,
    entity_id varchar, owner_rep_id varchar, as_of_date date, message varchar);
create table audit.load_audit (source varchar, entity varchar, file varchar, rows_read bigint,
    rows_loaded bigint, rows_quarantined bigint, loaded_at timestamp, file_hash varchar);
create table audit.quarantine (source varchar, entity varchar, file varchar, line_number bigint,
    reason varchar, raw_line varchar);
"""

# account_id, country, segment, owner, status, valid_orders, last_order, cycle
ACCOUNTS = [
    ("A1", "FR", "PME", "R1", "active", 4, dt.date(2026, 3, 10), 12.5),
    ("A2", "FR", "ETI", "R2", "active", 2, dt.date(2026, 3, 1), 30.0),
    ("A3", "DE", "PME", "R1", "inactive", 3, dt.date(2026, 1, 20), 30.0),
    ("A4", None, "GE", "R2", "lost", 1, dt.date(2025, 11, 2), 30.0),
    ("A5", "FR", "TPE", None, "prospect", 0, None, 30.0),
    ("A6", "DE", "PME", "R1", "active", 6, dt.date(2026, 3, 14), 7.0),
]
ALERTS = [("opportunity_overdue", "warning", "opportunity", "O1", "R1"),
          ("opportunity_overdue", "warning", "opportunity", "O2", "R2"),
          ("duplicate_contact", "info", "contact", "C9", "R1")]
QUARANTINE = [("crm", "accounts", "crm/accounts/a.csv", 5, "bad date in created_at", "A9;x;..."),
              ("erp", "orders", "erp/orders/o.csv", None, "missing required column order_id", None)]
AUDIT = [("crm", "accounts", "crm/accounts/a.csv", 10, 9, 1),
         ("erp", "orders", "erp/orders/o.csv", 5, 0, 5)]


def _spec():
    doc = yaml.safe_load((REPO / "spec" / "kpis.yml").read_text(encoding="utf-8"))
    return doc["modules"], doc["kpis"]


def customers() -> pd.DataFrame:
    rows = []
    for account, country, segment, owner, status, orders, last, cycle in ACCOUNTS:
        rows.append({
            "account_id": account, "account_name": f"Account {account}", "country": country,
            "segment": segment, "owner_rep_id": owner,
            "first_order_date": last - dt.timedelta(days=100) if last else None,
            "last_order_date": last, "valid_orders": orders, "ordering_cycle_days": cycle,
            "days_since_last_order": (AS_OF - last).days if last else None, "customer_status": status,
            "lost_on": last + dt.timedelta(days=int(2 * cycle) + 1) if status == "lost" else None,
            "lifetime_revenue": 1000.0 * orders, "lifetime_gross_margin": 300.0 * orders,
            "product_ranges_365d": min(orders, 2), "as_of_date": AS_OF})
    return pd.DataFrame(rows)


def _counts(frame: pd.DataFrame, dims: dict[str, str]) -> dict[tuple[str, str], float]:
    out = {("total", "all"): float(len(frame))}
    for dimension, column in dims.items():
        for member, n in frame[column].fillna("unknown").value_counts().items():
            out[(dimension, member)] = float(n)
    return out


def _table_counts() -> dict[str, dict[tuple[str, str], float]]:
    c360 = customers()
    dims = {"segment": "segment", "country": "country", "sales_rep": "owner_rep_id"}
    counts = {code: _counts(c360[c360["customer_status"] == status], dims)
              for status, code in (("active", "active_customers"), ("inactive", "inactive_customers"),
                                   ("lost", "lost_customers"), ("prospect", "prospect_accounts"))}
    alerts = pd.DataFrame(ALERTS, columns=["alert_rule", "severity", "entity_type", "entity_id", "owner"])
    counts["crm_alerts_open"] = _counts(alerts, {"alert_rule": "alert_rule"})
    quarantine = pd.DataFrame({"entity": [f"{q[0]}/{q[1]}" for q in QUARANTINE]})
    counts["quarantined_rows"] = _counts(quarantine, {"entity": "entity"})
    return counts


def _additive(kpi: dict) -> bool:
    return kpi["unit"] in ("eur", "count") and kpi["code"] not in ("average_basket", "calls_per_day")


def _members(kpi: dict, month_index: int) -> dict[tuple[str, str], float]:
    """Values of one period: members m1, m2 of each dimension add up to the total; other KPIs
    are 0.5 everywhere (inside every bound)."""
    if not _additive(kpi):
        return {(d, "all" if d == "total" else m): 0.5 for d in kpi["dimensions"] for m in ("m1", "m2")}
    base = float(month_index)
    out = {("total", "all"): 3 * base}
    for d in kpi["dimensions"]:
        if d != "total":
            out[(d, "m1")], out[(d, "m2")] = base, 2 * base
    return out


def observations() -> pd.DataFrame:
    modules, kpis = _spec()
    special = _table_counts()
    rows = []

    def add(kpi, grain, start, values):
        for (dimension, member), value in values.items():
            rows.append({"kpi_code": kpi["code"], "module": kpi["module"], "period_grain": grain,
                         "period_start": start, "dimension": dimension, "dimension_value": member,
                         "value": value, "target": None, "unit": kpi["unit"], "as_of_date": AS_OF})

    for kpi in kpis:
        if kpi["code"] in special:
            add(kpi, "as_of", AS_OF, special[kpi["code"]])
        elif kpi["kind"] == "snapshot":
            add(kpi, "as_of", AS_OF, _members(kpi, 1))
        elif kpi["kind"] == "forecast":
            for i, month in enumerate(FORECAST_MONTHS, 1):
                add(kpi, "month", month, _members(kpi, i))
        else:
            sums: dict[tuple[str, dt.date], dict] = {}
            for i, month in enumerate(MONTHS, 1):
                values = _members(kpi, i)
                if "month" in kpi["grains"]:
                    add(kpi, "month", month, values)
                for grain, start in (("quarter", dt.date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)),
                                     ("year", dt.date(month.year, 1, 1))):
                    bucket = sums.setdefault((grain, start), {})
                    for k, v in values.items():
                        bucket[k] = bucket.get(k, 0.0) + v if _additive(kpi) else v
            for (grain, start), values in sums.items():
                if grain in kpi["grains"]:
                    add(kpi, grain, start, values)
    frame = pd.DataFrame(rows)
    # a ratio with a zero denominator is NULL (the cahier checks it)
    frame.loc[(frame["kpi_code"] == "gross_margin_rate") & (frame["period_grain"] == "month")
              & (frame["period_start"] == dt.date(2026, 2, 1)) & (frame["dimension"] == "total"), "value"] = None
    return frame


def build_warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    try:
        con.execute(DDL)
        seed = REPO / "seeds" / "kpi_catalogue.csv"
        con.execute(
            "create table marts.kpi_catalogue as select * from read_csv(?, header=true, columns={"
            "'kpi_code':'VARCHAR','module':'VARCHAR','level':'INTEGER','name_fr':'VARCHAR',"
            "'name_en':'VARCHAR','unit':'VARCHAR','direction':'VARCHAR','kind':'VARCHAR',"
            "'definition':'VARCHAR','grains':'VARCHAR','dimensions':'VARCHAR','has_target':'BOOLEAN'})",
            [str(seed)])
        for table, frame in (("marts.kpi_observations", observations()),
                             ("marts.customer_360", customers())):
            con.register("frame", frame)
            con.execute(f"insert into {table} select * from frame")
            con.unregister("frame")
        con.executemany("insert into marts.crm_alerts values (?, ?, ?, ?, ?, ?, 'fixture alert')",
                        [a + (AS_OF,) for a in ALERTS])
        con.executemany("insert into audit.quarantine values (?, ?, ?, ?, ?, ?)", QUARANTINE)
        con.executemany("insert into audit.load_audit values (?, ?, ?, ?, ?, ?, timestamp '2026-03-15 02:00', 'h')",
                        AUDIT)
        modules, _ = _spec()
        for module in modules:
            con.execute(f"create table marts.{module}__recette_fixture as "
                        "select date '2026-03-01' as period_start, 'all' as member, 1.0 as value")
    finally:
        con.close()
    return path


def write_cahier(path: Path, obs: pd.DataFrame) -> Path:
    """A cahier de recette for the fixture warehouse: a few values (one NULL), statuses, alerts."""
    picks = [("invoiced_revenue", "month", "2026-01-01", "total", "all"),
             ("invoiced_revenue", "quarter", "2026-01-01", "country", "m2"),
             ("win_rate", "year", "2025-01-01", "total", "all"),
             ("active_customers", "as_of", AS_OF.isoformat(), "segment", "PME"),
             ("crm_alerts_open", "as_of", AS_OF.isoformat(), "total", "all")]
    index = obs.assign(period_start=pd.to_datetime(obs["period_start"]).dt.strftime("%Y-%m-%d")).set_index(
        ["kpi_code", "period_grain", "period_start", "dimension", "dimension_value"])["value"]
    values = {key: float(index.loc[key]) for key in picks}
    values[("gross_margin_rate", "month", "2026-02-01", "total", "all")] = None  # NULL in the warehouse
    statuses = {a[0]: {"customer_status": a[4], "valid_orders": a[5]} for a in ACCOUNTS}
    alerts = {(a[0], a[2], a[3]) for a in ALERTS}
    path.write_text(
        f"AS_OF = {AS_OF.isoformat()!r}\nKPI_VALUES = {values!r}\nKPI_TARGETS = {{}}\n"
        f"CUSTOMER_360 = {statuses!r}\nCRM_ALERTS = {alerts!r}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("recette_fixture")


@pytest.fixture(scope="session")
def recette_warehouse(fixture_dir) -> Path:
    return build_warehouse(fixture_dir / "pilotage.duckdb")


@pytest.fixture(scope="session")
def recette_cahier(fixture_dir) -> Path:
    return write_cahier(fixture_dir / "cahier.py", observations())


@pytest.fixture(scope="session")
def passing_run(recette_warehouse, recette_cahier, fixture_dir):
    from orchestration.recette import run_recette

    return run_recette(recette_warehouse, out_dir=fixture_dir / "report_ok", cahier=recette_cahier)


@pytest.fixture(scope="session")
def mutate():
    """mutate(source, target, *sql): a copy of a warehouse with some SQL applied."""
    return mutated


def mutated(source: Path, target: Path, *statements: str) -> Path:
    """A copy of the fixture warehouse with some SQL applied."""
    shutil.copyfile(source, target)
    con = duckdb.connect(str(target))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
    return target


def chromium_binary() -> str | None:
    """Headless Chromium; installed with apt-get (scripts/ensure_chromium.sh) when missing."""
    binary = shutil.which("chromium")
    if binary is None:
        script = REPO / "scripts" / "ensure_chromium.sh"
        subprocess.run(["bash", str(script)], check=False, capture_output=True, timeout=900)
        binary = shutil.which("chromium")
    return binary


@pytest.fixture(scope="session")
def chromium() -> str:
    binary = chromium_binary()
    if binary is None:
        pytest.fail("chromium is not installed and could not be installed (apt-get install -y chromium)")
    return binary

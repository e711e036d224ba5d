"""The data-quality rules, as plain functions of a DuckDB connection (or the landing folder).

Each returns an Outcome; the Dagster wrappers (checks/definitions.py) add the severity from
config/pilotage.yml. Kept free of Dagster so unit tests run them on tiny DuckDB files.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb


@dataclass
class Outcome:
    passed: bool
    description: str  # one line, says what was measured against what
    metadata: dict = field(default_factory=dict)


def relation_exists(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, _, name = qualified.partition(".")
    return bool(con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, name]).fetchone()[0])


def _columns(con: duckdb.DuckDBPyConnection, qualified: str) -> set[str]:
    schema, _, name = qualified.partition(".")
    rows = con.execute("select column_name from information_schema.columns "
                       "where table_schema = ? and table_name = ?", [schema, name]).fetchall()
    return {r[0] for r in rows}


def _missing(con, qualified: str, needed: list[str]) -> Outcome | None:
    """A failed Outcome when the relation or one of its columns is missing, else None."""
    if not relation_exists(con, qualified):
        return Outcome(False, f"{qualified} does not exist in the build warehouse")
    absent = [c for c in needed if c not in _columns(con, qualified)]
    if absent:
        return Outcome(False, f"{qualified} lacks column(s) {', '.join(absent)}")
    return None


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


# ---------------------------------------------------------------- contacts and accounts

CONTACTS = "staging.stg_crm__contacts"
ACCOUNTS = "staging.stg_crm__accounts"


def contact_completeness(con, fields: list[str], min_ratio: float) -> Outcome:
    """Share of live contacts with each field filled (after trimming) >= min_ratio."""
    problem = _missing(con, CONTACTS, list(fields))
    if problem:
        return problem
    total = con.execute(f"select count(*) from {CONTACTS}").fetchone()[0]
    if not total:
        return Outcome(True, "no live contacts", {"contacts": 0})
    ratios = {}
    for f in fields:
        filled = con.execute(
            f"select count(*) from {CONTACTS} where nullif(trim(cast({f} as varchar)), '') is not null"
        ).fetchone()[0]
        ratios[f] = filled / total
    low = {f: r for f, r in ratios.items() if r < min_ratio}
    shown = ", ".join(f"{f} {_pct(r)}" for f, r in ratios.items())
    meta = {"contacts": total, **{f"{f}_filled_ratio": round(r, 4) for f, r in ratios.items()},
            "min_ratio": min_ratio}
    if low:
        return Outcome(False, f"contact completeness below {_pct(min_ratio)}: "
                       + ", ".join(f"{f} {_pct(r)}" for f, r in low.items()) + f" of {total} contacts", meta)
    return Outcome(True, f"contact completeness {shown} (min {_pct(min_ratio)})", meta)


def duplicate_contacts(con, max_ratio: float) -> Outcome:
    """Live contacts sharing an email (lower, trimmed) with an earlier one, over live contacts."""
    problem = _missing(con, CONTACTS, ["email"])
    if problem:
        return problem
    total, duplicates = con.execute(f"""
        with c as (select lower(trim(email)) as email from {CONTACTS})
        select count(*),
               count(nullif(email, '')) - count(distinct nullif(email, ''))
        from c""").fetchone()
    ratio = duplicates / total if total else 0.0
    meta = {"contacts": total, "duplicates": duplicates, "ratio": round(ratio, 4), "max_ratio": max_ratio}
    text = f"{duplicates} duplicate contacts (same email) of {total} ({_pct(ratio)}, max {_pct(max_ratio)})"
    return Outcome(ratio <= max_ratio, text, meta)


def duplicate_accounts(con, max_ratio: float) -> Outcome:
    """Live accounts sharing a VAT number, or a name and country, with an earlier account."""
    problem = _missing(con, ACCOUNTS, ["account_id", "name", "country", "vat_number", "created_at"])
    if problem:
        return problem
    total, duplicates = con.execute(f"""
        with a as (
            select account_id, created_at,
                   nullif(upper(replace(trim(vat_number), ' ', '')), '') as vat,
                   nullif(lower(trim(name)), '') as name_key,
                   coalesce(upper(trim(country)), '') as country_key
            from {ACCOUNTS}
        ),
        by_vat as (
            select account_id, row_number() over (partition by vat order by created_at, account_id) as rn
            from a where vat is not null
        ),
        by_name as (
            select account_id,
                   row_number() over (partition by name_key, country_key order by created_at, account_id) as rn
            from a where name_key is not null
        ),
        dup as (
            select account_id from by_vat where rn > 1
            union
            select account_id from by_name where rn > 1
        )
        select (select count(*) from a), (select count(*) from dup)""").fetchone()
    ratio = duplicates / total if total else 0.0
    meta = {"accounts": total, "duplicates": duplicates, "ratio": round(ratio, 4), "max_ratio": max_ratio}
    text = (f"{duplicates} duplicate accounts (same VAT, or name + country) of {total} "
            f"({_pct(ratio)}, max {_pct(max_ratio)})")
    return Outcome(ratio <= max_ratio, text, meta)


# ---------------------------------------------------------------- customer status invariant

CUSTOMER_360 = "marts.customer_360"
ORDERS = "staging.stg_erp__orders"
LINKS = "intermediate.int_erp_customer_links"


def customer_status_consistency(con, as_of: dt.date, default_cycle: float, min_cycle: float,
                                sample: int = 5) -> Outcome:
    """Every customer_360 row obeys the inactive/lost rule of spec/outputs.md, recomputed here
    from the order dates (live non-cancelled orders, local date of ordered_at, linked account)."""
    cols = ["account_id", "first_order_date", "last_order_date", "ordering_cycle_days",
            "days_since_last_order", "customer_status", "lost_on"]
    for rel, needed in ((CUSTOMER_360, cols), (ORDERS, ["erp_customer_id", "status", "ordered_at"]),
                        (LINKS, ["erp_customer_id", "account_id"])):
        problem = _missing(con, rel, needed)
        if problem:
            return problem
    rows = con.execute(f"""
        with order_dates as (
            select distinct links.account_id, cast(o.ordered_at as date) as d
            from {ORDERS} as o
            join {LINKS} as links on links.erp_customer_id = o.erp_customer_id
            where links.account_id is not null
              and o.status is distinct from 'cancelled'
              and cast(o.ordered_at as date) <= $as_of
        ),
        gaps as (
            select account_id, d, datediff('day', lag(d) over (partition by account_id order by d), d) as gap
            from order_dates
        ),
        per_account as (
            select account_id, min(d) as first_d, max(d) as last_d, count(*) as n,
                   median(gap) as median_gap
            from gaps group by account_id
        ),
        expected as (
            select c.account_id, p.first_d, p.last_d,
                   case when coalesce(p.n, 0) >= 2
                        then greatest(cast(p.median_gap as double), cast($min_cycle as double))
                        else cast($default_cycle as double) end as cycle,
                   datediff('day', p.last_d, $as_of) as since
            from {CUSTOMER_360} as c
            left join per_account as p on p.account_id = c.account_id
        ),
        expected_status as (
            select *,
                   case when last_d is null then 'prospect'
                        when since <= cycle then 'active'
                        when since <= 2 * cycle then 'inactive'
                        else 'lost' end as status
            from expected
        ),
        compared as (
            select c.account_id, c.customer_status, e.status as expected_status,
                   c.ordering_cycle_days, e.cycle as expected_cycle,
                   c.days_since_last_order, e.since as expected_since,
                   c.first_order_date, e.first_d, c.last_order_date, e.last_d,
                   c.lost_on,
                   case when e.status = 'lost'
                        then e.last_d + cast(floor(2 * e.cycle) as integer) + 1 end as expected_lost_on
            from {CUSTOMER_360} as c
            join expected_status as e on e.account_id = c.account_id
        )
        select account_id, customer_status, expected_status, ordering_cycle_days, expected_cycle,
               days_since_last_order, expected_since, lost_on, expected_lost_on
        from compared
        where customer_status is distinct from expected_status
           or coalesce(abs(cast(ordering_cycle_days as double) - expected_cycle) > 1e-6, true)
           or cast(days_since_last_order as bigint) is distinct from expected_since
           or cast(first_order_date as date) is distinct from first_d
           or cast(last_order_date as date) is distinct from last_d
           or cast(lost_on as date) is distinct from expected_lost_on
        order by account_id
    """, {"as_of": as_of, "min_cycle": float(min_cycle), "default_cycle": float(default_cycle)}).fetchall()
    total = con.execute(f"select count(*) from {CUSTOMER_360}").fetchone()[0]
    meta = {"rows_checked": total, "rows_inconsistent": len(rows), "as_of": as_of.isoformat()}
    if not rows:
        return Outcome(True, f"{total} customer_360 rows obey the status rule as of {as_of}", meta)
    shown = "; ".join(
        f"{r[0]}: {r[1]} (expected {r[2]}, cycle {r[3]} vs {r[4]}, days {r[5]} vs {r[6]}, "
        f"lost_on {r[7]} vs {r[8]})" for r in rows[:sample])
    meta["examples"] = shown
    return Outcome(False, f"{len(rows)} of {total} customer_360 rows break the status rule, e.g. {shown}", meta)


# ---------------------------------------------------------------- alerts

ALERTS = "marts.crm_alerts"


def alert_count(con) -> int | None:
    if not relation_exists(con, ALERTS):
        return None
    return con.execute(f"select count(*) from {ALERTS}").fetchone()[0]


def alert_volume_jump(current: int | None, previous: int | None, max_ratio: float, min_delta: int) -> Outcome:
    """Alerts of this build versus the previously published run."""
    if current is None:
        return Outcome(False, f"{ALERTS} does not exist in the build warehouse")
    meta = {"alerts": current, "previous_alerts": previous if previous is not None else "none",
            "max_ratio": max_ratio, "min_delta": min_delta}
    if previous is None:
        return Outcome(True, f"{current} alerts (no previously published run to compare with)", meta)
    jumped = current - previous >= min_delta and current > previous * max_ratio
    text = f"{current} alerts versus {previous} in the previously published run"
    if jumped:
        return Outcome(False, text + f" (more than x{max_ratio} and +{min_delta})", meta)
    return Outcome(True, text, meta)


# ---------------------------------------------------------------- landing and audit

LOAD_AUDIT = "audit.load_audit"


def quarantine_rate(con, max_ratio: float) -> Outcome:
    problem = _missing(con, LOAD_AUDIT, ["rows_read", "rows_quarantined"])
    if problem:
        return problem
    read, quarantined = con.execute(
        f"select coalesce(sum(rows_read), 0), coalesce(sum(rows_quarantined), 0) from {LOAD_AUDIT}").fetchone()
    ratio = quarantined / read if read else 0.0
    meta = {"rows_read": int(read), "rows_quarantined": int(quarantined), "ratio": round(ratio, 5),
            "max_ratio": max_ratio}
    text = f"{quarantined} of {read} landing rows quarantined ({_pct(ratio)}, max {_pct(max_ratio)})"
    return Outcome(ratio <= max_ratio, text, meta)


def audit_invariant(con) -> Outcome:
    problem = _missing(con, LOAD_AUDIT, ["file", "rows_read", "rows_loaded", "rows_quarantined"])
    if problem:
        return problem
    bad = con.execute(f"""
        select file, rows_read, rows_loaded, rows_quarantined from {LOAD_AUDIT}
        where rows_read is null or rows_loaded is null or rows_quarantined is null
           or rows_read <> rows_loaded + rows_quarantined
        order by file""").fetchall()
    files = con.execute(f"select count(*) from {LOAD_AUDIT}").fetchone()[0]
    meta = {"files": files, "files_breaking": len(bad)}
    if bad:
        shown = "; ".join(f"{f}: read {r} != loaded {l} + quarantined {q}" for f, r, l, q in bad[:5])
        return Outcome(False, f"load audit invariant broken for {len(bad)} file(s): {shown}", meta)
    return Outcome(True, f"rows_read = rows_loaded + rows_quarantined for all {files} files", meta)


def landing_freshness(landing: Path, expected: list[str], max_age_hours: float,
                      now: float | None = None) -> Outcome:
    """Every expected `<source>/<entity>` has a CSV file modified in the last max_age_hours."""
    now = time.time() if now is None else now
    stale, ages = [], {}
    for path in expected:
        files = list((landing / path).glob("*.csv")) if (landing / path).is_dir() else []
        if not files:
            stale.append(f"{path} (no file)")
            ages[path] = "no file"
            continue
        age_h = (now - max(f.stat().st_mtime for f in files)) / 3600
        ages[path] = f"{age_h:.1f} h"
        if age_h > max_age_hours:
            stale.append(f"{path} (newest file {age_h:.0f} h old)")
    meta = {"max_age_hours": max_age_hours, **{f"age {k}": v for k, v in ages.items()}}
    if stale:
        return Outcome(False, f"no new landing file in {max_age_hours:g} h for: " + ", ".join(stale), meta)
    return Outcome(True, f"all {len(expected)} expected entities have a file newer than {max_age_hours:g} h", meta)


def non_empty(con, qualified: str) -> Outcome:
    if not relation_exists(con, qualified):
        return Outcome(False, f"required mart {qualified} does not exist")
    rows = con.execute(f"select count(*) from {qualified}").fetchone()[0]
    return Outcome(rows > 0, f"{qualified} has {rows} rows" + ("" if rows else " (required non-empty)"),
                   {"rows": rows})

"""The cahier de recette: hand-computed values a warehouse must hold (suites `golden.*`).

A cahier is a Python file (e.g. tests/golden_expected.py) loaded by path, defining:
  AS_OF         'YYYY-MM-DD'
  KPI_VALUES    {(kpi_code, period_grain, 'YYYY-MM-DD', dimension, dimension_value): float | None}
  KPI_TARGETS   same key -> target (optional)
  CUSTOMER_360  {account_id: {column: expected value}} (optional)
  CRM_ALERTS    {(alert_rule, entity_type, entity_id)} (optional)
Each KPI value is one expectation: the observation row must exist, and hold the value to 1e-6
relative (floor 1e-6 absolute), or be NULL when the cahier says None.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .gx_import import gxe
from .spec import load_python_file
from .tables import is_true

TOLERANCE = 1e-6
Key = tuple[str, str, str, str, str]


@dataclass
class Cahier:
    path: Path
    as_of: str | None
    kpi_values: dict[Key, float | None]
    kpi_targets: dict[Key, float | None] = field(default_factory=dict)
    customer_360: dict[str, dict] = field(default_factory=dict)
    crm_alerts: set[tuple[str, str, str]] | None = None


def load_cahier(path: Path) -> Cahier:
    module = load_python_file(path, "pilotage_cahier")
    alerts = getattr(module, "CRM_ALERTS", None)
    as_of = getattr(module, "AS_OF", None)
    return Cahier(
        path=path,
        as_of=str(as_of) if as_of is not None else None,
        kpi_values={_key(k): v for k, v in dict(getattr(module, "KPI_VALUES", {})).items()},
        kpi_targets={_key(k): v for k, v in dict(getattr(module, "KPI_TARGETS", {}) or {}).items()},
        customer_360=dict(getattr(module, "CUSTOMER_360", {}) or {}),
        crm_alerts={tuple(map(str, a)) for a in alerts} if alerts is not None else None,
    )


def _key(key) -> Key:
    code, grain, start, dimension, member = key
    return (str(code), str(grain), str(start)[:10], str(dimension), str(member))


def label(key: Key) -> str:
    code, grain, start, dimension, member = key
    return f"{code} | {grain} {start} | {dimension}={member}"


def _plain(value):
    """A comparable, printable form: None for NULL, ISO text for dates, float for numbers."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        try:
            return float(value)
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def same(expected, observed) -> bool:
    e, o = _plain(expected), _plain(observed)
    if isinstance(e, float) and isinstance(o, float):
        return abs(e - o) <= TOLERANCE * max(abs(e), 1.0)
    if isinstance(e, float) != isinstance(o, float) and None not in (e, o):
        return str(e) == str(o)
    return e == o


# ------------------------------------------------------------------ KPI values and targets

def kpi_batch(cahier: Cahier, observations: pd.DataFrame, as_of: dt.date | None):
    """One-row frame with one column per checked value (absent when the row is missing),
    its expectations, and the report rows they fill in."""
    published: dict[Key, tuple[float | None, float | None]] = {}
    keys = ["kpi_code", "period_grain", "period_start", "dimension", "dimension_value"]
    if set(keys + ["value", "target"]) <= set(observations.columns):
        starts = pd.to_datetime(observations["period_start"]).dt.strftime("%Y-%m-%d")
        for row in zip(observations["kpi_code"], observations["period_grain"], starts,
                       observations["dimension"], observations["dimension_value"],
                       observations["value"], observations["target"]):
            published[tuple(map(str, row[:5]))] = (_plain(row[5]), _plain(row[6]))
    columns: dict[str, list] = {"as_of_date": [as_of.isoformat() if as_of else None]}
    exps: list = []
    rows: list[dict] = []
    if cahier.as_of:
        exps.append(gxe.ExpectColumnValuesToBeInSet(
            column="as_of_date", value_set=[cahier.as_of],
            description=f"the warehouse was built as of {cahier.as_of}, the cahier's AS_OF"))
    for what, checks, slot in (("value", cahier.kpi_values, 0), ("target", cahier.kpi_targets, 1)):
        for key, expected in checks.items():
            column = label(key) if what == "value" else f"target of {label(key)}"
            found = key in published
            observed = published[key][slot] if found else None
            if found:
                columns[column] = [observed]
            meta = {"row": len(rows)}
            if expected is None:
                exps.append(gxe.ExpectColumnValuesToBeNull(
                    column=column, meta=meta, description=f"{column} is NULL"))
            else:
                tol = TOLERANCE * max(abs(float(expected)), 1.0)
                exps.append(gxe.ExpectColumnMaxToBeBetween(
                    column=column, min_value=float(expected) - tol, max_value=float(expected) + tol,
                    meta=meta, description=f"{column} = {float(expected):.10g}"))
            code, grain, start, dimension, member = key
            rows.append({"suite": "golden.kpi_values", "check": what, "kpi_code": code,
                         "period": f"{grain} {start}", "dimension": dimension, "member": member,
                         "expected": expected, "observed": observed if found else "missing",
                         "passed": None, "severity": "critical"})
    frame = pd.DataFrame({c: pd.Series(v, dtype="float64" if c != "as_of_date" else "object")
                          for c, v in columns.items()})
    return frame, exps, rows


# ------------------------------------------------------------------ customer_360

def customer_batch(cahier: Cahier, c360: pd.DataFrame, as_of: dt.date | None):
    expected_columns = sorted({c for cols in cahier.customer_360.values() for c in cols})
    published = {}
    if "account_id" in c360.columns:
        published = {str(r["account_id"]): r for r in c360.to_dict("records")}
    accounts = sorted(set(cahier.customer_360) | set(published))
    records, rows = [], []
    for account in accounts:
        wanted = cahier.customer_360.get(account)
        got = published.get(account)
        record = {"account_id": account, "in_cahier": wanted is not None, "published": got is not None}
        for column in expected_columns:
            if wanted is None or column not in wanted:
                record[f"{column} matches"] = None
                continue
            observed = got.get(column, "missing column") if got is not None else "missing"
            ok = got is not None and column in got and same(wanted[column], observed)
            record[f"{column} matches"] = ok
            rows.append({"suite": "golden.customer_360", "check": column,
                         "kpi_code": f"customer_360.{column}",
                         "period": f"as_of {as_of.isoformat() if as_of else ''}",
                         "dimension": "account_id", "member": account,
                         "expected": _plain(wanted[column]), "observed": _plain(observed),
                         "passed": ok, "severity": "critical"})
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=["account_id", "in_cahier", "published"]
                                      + [f"{c} matches" for c in expected_columns])
    exps = [is_true("published", "every account of the cahier is in customer_360"),
            is_true("in_cahier", "customer_360 has no account the cahier does not list",
                    severity="warning")]
    exps += [is_true(f"{c} matches", f"customer_360.{c} equals the cahier for every account")
             for c in expected_columns]
    return frame, exps, rows


# ------------------------------------------------------------------ crm_alerts

def alerts_batch(cahier: Cahier, alerts: pd.DataFrame, as_of: dt.date | None):
    key = ["alert_rule", "entity_type", "entity_id"]
    published: set[tuple[str, str, str]] = set()
    if set(key) <= set(alerts.columns):
        if "as_of_date" in alerts.columns and as_of is not None:
            alerts = alerts[pd.to_datetime(alerts["as_of_date"]) == pd.Timestamp(as_of)]
        published = {tuple(map(str, r)) for r in alerts[key].itertuples(index=False)}
    expected = cahier.crm_alerts or set()
    records, rows = [], []
    for alert in sorted(expected | published):
        status = "ok" if alert in expected and alert in published else (
            "missing" if alert in expected else "unexpected")
        records.append(dict(zip(key, alert), status=status))
        rows.append({"suite": "golden.crm_alerts", "check": "alert", "kpi_code": f"crm_alerts.{alert[0]}",
                     "period": f"as_of {as_of.isoformat() if as_of else ''}",
                     "dimension": alert[1], "member": alert[2],
                     "expected": "raised" if alert in expected else "not raised",
                     "observed": "raised" if alert in published else "not raised",
                     "passed": status == "ok", "severity": "critical"})
    frame = pd.DataFrame.from_records(records, columns=key + ["status"])
    rules = sorted(set(frame["alert_rule"]))
    for rule in rules:
        frame[rule] = frame["status"].where(frame["alert_rule"] == rule)
    exps = [gxe.ExpectColumnValuesToBeInSet(
        column=rule, value_set=["ok"],
        description=f"the {rule} alerts are exactly those of the cahier (no missing, no unexpected)")
        for rule in rules]
    exps.append(gxe.ExpectTableRowCountToEqual(
        value=len(expected), description=f"{len(expected)} alerts expected, and no other",
        severity="critical"))
    return frame, exps, rows

"""The coherence comparisons, computed in pandas: one row per pair of numbers that must agree.

Each row holds `expected` (the published aggregate), `observed` (what its parts add up to) and
`rel_diff` = |expected - observed| / max(|expected|, |observed|, 1). A side with no row counts
as 0 (a KPI row exists only where its population is non-empty, so 0 is what is missing).
The suite `coherence` (expectations/coherence.py) then expects rel_diff <= 1e-6, per rule.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .periods import period_starts
from .spec import RecetteSpec
from .warehouse import Warehouse

COLUMNS = ["rule", "kpi_code", "period_grain", "period_start", "dimension", "dimension_value",
           "expected", "observed", "rel_diff"]
OBS_COLUMNS = ["kpi_code", "period_grain", "period_start", "dimension", "dimension_value", "value"]
STATUS_KPIS = {"active": "active_customers", "inactive": "inactive_customers",
               "lost": "lost_customers", "prospect": "prospect_accounts"}
STATUS_DIMENSIONS = {"segment": "segment", "country": "country", "sales_rep": "owner_rep_id"}


def _compare(rule: str, expected: pd.DataFrame, observed: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Outer-join two keyed series of numbers (column `value`), missing side = 0."""
    both = expected.rename(columns={"value": "expected"}).merge(
        observed.rename(columns={"value": "observed"}), on=keys, how="outer")
    both[["expected", "observed"]] = both[["expected", "observed"]].astype(float).fillna(0.0)
    both["rule"] = rule
    for column in COLUMNS:
        if column not in both.columns:  # NaT, not "": a datetime column concatenates without
            both[column] = pd.NaT if column == "period_start" else ""  # becoming objects
    both["rel_diff"] = (both["expected"] - both["observed"]).abs() / np.maximum.reduce(
        [both["expected"].abs(), both["observed"].abs(), np.ones(len(both))])
    return both[COLUMNS]


def _observations(wh: Warehouse) -> pd.DataFrame:
    frame = wh.frame("marts.kpi_observations")
    if not set(OBS_COLUMNS) <= set(frame.columns):
        return pd.DataFrame(columns=OBS_COLUMNS)
    obs = frame[OBS_COLUMNS].copy()
    obs["value"] = obs["value"].astype(float).fillna(0.0)
    obs["period_start"] = pd.to_datetime(obs["period_start"])
    # the key columns are categories (warehouse.CATEGORICAL): the filters, merges and
    # group-bys below work on their codes
    return obs


def dimension_sums(obs: pd.DataFrame, spec: RecetteSpec) -> pd.DataFrame:
    """For additive KPIs: the members of each additive dimension add up to the total."""
    pairs = pd.DataFrame([(code, d) for code, rule in spec.rules.items() for d in rule.additive],
                         columns=["kpi_code", "dimension"])
    sub = obs[obs["kpi_code"].isin(pairs["kpi_code"])]
    keys = ["kpi_code", "period_grain", "period_start"]
    totals = sub[sub["dimension"] == "total"][keys + ["value"]]
    # the rows of the (KPI, additive dimension) pairs: a mask over the category codes (a merge
    # with the pairs turned 600k categorical keys into objects first: 0.6 s at scale 10)
    listed = pd.MultiIndex.from_arrays([sub["kpi_code"], sub["dimension"]]).isin(
        list(pairs.itertuples(index=False, name=None)))
    members = sub[listed].groupby(keys + ["dimension"], as_index=False, observed=True)["value"].sum()
    periods = pd.concat([totals[keys], members[keys]]).drop_duplicates()
    expected = periods.merge(pairs, on="kpi_code").merge(totals, on=keys, how="left")
    out = _compare("dimension_sum", expected, members, keys + ["dimension"])
    out["dimension_value"] = "(sum of members)"
    return out


def time_sums(obs: pd.DataFrame, spec: RecetteSpec, as_of: dt.date | None) -> pd.DataFrame:
    """For time-additive KPIs: months add up to their quarter, quarters to their year, for the
    periods whose every part is published (not after the as_of month / quarter)."""
    codes = [code for code, rule in spec.rules.items() if rule.time_additive]
    sub = obs[obs["kpi_code"].isin(codes)]
    keys = ["kpi_code", "dimension", "dimension_value", "period_start"]
    horizon = pd.Timestamp(as_of).to_period("M").start_time if as_of else None
    parts = []
    for rule, part, whole, last_part in (
            ("quarter_months", "month", "quarter", pd.DateOffset(months=2)),
            ("year_quarters", "quarter", "year", pd.DateOffset(months=9))):
        pieces = sub[sub["period_grain"] == part].assign(
            period_start=lambda f: period_starts(f["period_start"], whole))
        summed = pieces.groupby(keys, as_index=False, observed=True)["value"].sum()
        wholes = sub[sub["period_grain"] == whole][keys + ["value"]]
        out = _compare(rule, wholes, summed, keys)
        if horizon is not None:
            out = out[pd.to_datetime(out["period_start"]) + last_part <= horizon]
        out["period_grain"] = whole
        parts.append(out)
    return pd.concat(parts, ignore_index=True)


def _snapshot(obs: pd.DataFrame, codes: list[str], as_of: dt.date | None) -> pd.DataFrame:
    rows = obs[obs["kpi_code"].isin(codes) & (obs["period_grain"] == "as_of")]
    if as_of is not None:
        rows = rows[rows["period_start"] == pd.Timestamp(as_of)]
    return rows


def _counts(frame: pd.DataFrame, code: str, dims: dict[str, str | None]) -> pd.DataFrame:
    """Row counts of `frame` as observation rows of KPI `code`: total and per dimension."""
    out = [pd.DataFrame({"kpi_code": [code], "dimension": ["total"], "dimension_value": ["all"],
                         "value": [float(len(frame))]})]
    for dimension, column in dims.items():
        members = frame[column].astype(object).where(frame[column].notna(), "unknown").astype(str)
        counts = members.value_counts().rename_axis("dimension_value").reset_index(name="value")
        out.append(counts.assign(kpi_code=code, dimension=dimension, value=lambda f: f["value"].astype(float)))
    return pd.concat(out, ignore_index=True)


def table_counts(obs: pd.DataFrame, wh: Warehouse, spec: RecetteSpec) -> pd.DataFrame:
    """Snapshot count KPIs equal the rows of the table they count (as of the run)."""
    keys = ["kpi_code", "dimension", "dimension_value"]
    parts = []
    c360 = wh.frame("marts.customer_360")
    if {"customer_status", *STATUS_DIMENSIONS.values()} <= set(c360.columns):
        counted = pd.concat([_counts(c360[c360["customer_status"] == status], code, STATUS_DIMENSIONS)
                             for status, code in STATUS_KPIS.items()], ignore_index=True)
        published = _snapshot(obs, list(STATUS_KPIS.values()), wh.as_of)
        published = published[published["dimension"].isin(["total", *STATUS_DIMENSIONS])]
        parts.append(_compare("customer_status_counts", counted, published[keys + ["value"]], keys))
    alerts = wh.frame("marts.crm_alerts")
    if "alert_rule" in alerts.columns:
        if "as_of_date" in alerts.columns and wh.as_of is not None:
            alerts = alerts[pd.to_datetime(alerts["as_of_date"]) == pd.Timestamp(wh.as_of)]
        counted = _counts(alerts, "crm_alerts_open", {"alert_rule": "alert_rule"})
        published = _snapshot(obs, ["crm_alerts_open"], wh.as_of)
        parts.append(_compare("crm_alerts_count", counted, published[keys + ["value"]], keys))
    quarantine = wh.frame("audit.quarantine")
    if {"source", "entity"} <= set(quarantine.columns):
        quarantine = quarantine.assign(member=quarantine["source"].astype(str) + "/" + quarantine["entity"].astype(str))
        counted = _counts(quarantine, "quarantined_rows", {"entity": "member"})
        published = _snapshot(obs, ["quarantined_rows"], wh.as_of)
        parts.append(_compare("quarantine_count", counted, published[keys + ["value"]], keys))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)
    out["period_grain"] = "as_of"
    out["period_start"] = pd.Timestamp(wh.as_of) if wh.as_of else pd.NaT
    return out


def load_audit_rows(wh: Warehouse) -> pd.DataFrame:
    """audit.load_audit: rows_read = rows_loaded + rows_quarantined, per file."""
    audit = wh.frame("audit.load_audit")
    needed = {"file", "rows_read", "rows_loaded", "rows_quarantined"}
    if not needed <= set(audit.columns):
        return pd.DataFrame(columns=COLUMNS)
    expected = pd.DataFrame({"dimension_value": audit["file"], "value": audit["rows_read"]})
    observed = pd.DataFrame({"dimension_value": audit["file"],
                             "value": audit["rows_loaded"].astype(float) + audit["rows_quarantined"].astype(float)})
    out = _compare("load_audit_rows", expected, observed, ["dimension_value"])
    return out.assign(kpi_code="audit.load_audit", dimension="file")


def comparisons(wh: Warehouse, spec: RecetteSpec) -> pd.DataFrame:
    """Every coherence comparison, one row each (see COLUMNS)."""
    obs = _observations(wh)
    frames = [dimension_sums(obs, spec), time_sums(obs, spec, wh.as_of),
              table_counts(obs, wh, spec), load_audit_rows(wh)]
    out = pd.concat([f for f in frames if not f.empty], ignore_index=True) if any(
        not f.empty for f in frames) else pd.DataFrame(columns=COLUMNS)
    out["period_start"] = pd.to_datetime(out["period_start"]).dt.strftime("%Y-%m-%d").fillna("")
    for column in ("kpi_code", "period_grain", "dimension", "dimension_value"):
        out[column] = out[column].astype(object).fillna("").astype(str)  # categories too
    return out.sort_values(["rule", "kpi_code", "period_grain", "period_start", "dimension",
                            "dimension_value"], ignore_index=True)[COLUMNS]

"""plan/targets: monthly targets for the company, each team and each field rep, for
invoiced_revenue, orders_amount, orders_count, new_customers, visits_done and
deals_won_amount, from the first month of the window to December of the --end year.

A target is the month's outcome (as the pipeline attributes it) times an ambition factor
(about +5 %, with noise), rounded: 100 EUR for amounts, units for counts. Months after --end
take the same month a year earlier plus 10 %. Reps get targets only for months they work.
The plan is set each year on 15 December of the year before."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, month_start
from .frame import NULL_TS, Frame
from .world import World

KPIS = ["invoiced_revenue", "orders_amount", "orders_count", "new_customers", "visits_done", "deals_won_amount"]
_MONEY = {"invoiced_revenue", "orders_amount", "deals_won_amount"}


def _month_index(days: np.ndarray, months: np.ndarray) -> np.ndarray:
    return np.searchsorted(months, month_start(days))


def _events(world: World) -> dict:
    """Per KPI: (day, rep index or -1, value) of the records the KPI counts."""
    f = world.facts
    acc, cust, od, inv = f["accounts"], f["customers"], f["orders"], f["invoices"]
    owner_of_cust = np.where(cust.account >= 0, acc.owner[np.maximum(cust.account, 0)], -1)
    valid = (od["status"] != 2) & (od["deleted"] == 0)
    order_rep = np.where(od["rep"] >= 0, od["rep"], owner_of_cust[od["customer"]])
    inv_order = inv["order"]
    inv_rep = np.where(inv_order >= 0, order_rep[np.maximum(inv_order, 0)], owner_of_cust[inv["customer"]])
    signed = np.where(inv["is_cn"], -inv["cents"], inv["cents"]) / 100.0
    # new customers: first valid order of linked customers
    first = np.full(len(cust), np.iinfo(np.int64).max)
    vo = np.flatnonzero(valid)
    np.minimum.at(first, od["customer"][vo], od["day"][vo])
    nc = np.flatnonzero((first < np.iinfo(np.int64).max) & (cust.account >= 0))
    act = f["activities"]
    vd = np.flatnonzero((act["type"] == 1) & (act["status"] == 1) & (act["completed"] != NULL_TS) & (act["deleted"] == 0))
    opp = f["opportunities"]
    won = np.flatnonzero((opp["stage"] == 4) & (opp["deleted"] == 0) & (opp["closed_at"] != NULL_TS))
    return {
        "invoiced_revenue": (inv["day"], inv_rep, signed),
        "orders_amount": (od["day"][vo], order_rep[vo], od["net_cents"][vo] / 100.0),
        "orders_count": (od["day"][vo], order_rep[vo], np.ones(len(vo))),
        "new_customers": (first[nc], owner_of_cust[nc], np.ones(len(nc))),
        "visits_done": (act["completed"][vd] // DAY, act["owner"][vd], np.ones(len(vd))),
        "deals_won_amount": (opp["closed_at"][won] // DAY, opp["owner"][won], np.nan_to_num(opp["amount"][won])),
    }


def build_targets(world: World) -> Frame:
    rng = world.rng("targets")
    cal, org = world.cal, world.facts["org"]
    last_month = np.datetime64(f"{np.datetime64(cal.end_day, 'D').astype('datetime64[Y]')}-12-01").astype("datetime64[D]").astype(np.int64)
    months = np.unique(month_start(np.arange(cal.start_day, last_month + 1)))
    n_m = len(months)
    n_reps = len(org.team)
    n_teams = len(org.team_names)
    in_window = months <= cal.end_day
    rows_month, rows_scope, rows_id, rows_kpi, rows_value = [], [], [], [], []
    field = np.flatnonzero(org.team >= 0)
    month_end = np.append(months[1:], months[-1] + 31) - 1
    for k, (day, rep, value) in _events(world).items():
        mi = _month_index(day, months)
        ok = (mi < n_m) & (day >= cal.start_day)
        rep_ok = ok & (rep >= 0)
        by_rep = np.zeros((n_m, n_reps))
        np.add.at(by_rep, (mi[rep_ok], rep[rep_ok]), value[rep_ok])
        total = np.bincount(mi[ok], weights=value[ok], minlength=n_m)
        by_team = np.zeros((n_m, n_teams))
        for t in range(n_teams):
            by_team[:, t] = by_rep[:, org.team == t].sum(axis=1)
        for mat in (total[:, None], by_team, by_rep):
            for i in range(n_m):
                if not in_window[i] and i >= 12:
                    mat[i] = mat[i - 12] * 1.1
        ambition = np.exp(rng.normal(0.05, 0.08, (n_m, 1 + n_teams + n_reps)))
        values = np.concatenate([total[:, None], by_team, by_rep], axis=1) * ambition
        values = np.round(values, -2) if k in _MONEY else np.round(values)
        active = (org.hired_day[None, :] <= month_end[:, None]) & (org.left_day[None, :] > months[:, None])
        for i in range(n_m):
            rows_month.append(np.full(1 + n_teams + len(field), months[i]))
            rows_scope.append(["company"] + ["team"] * n_teams + ["rep"] * len(field))
            rows_id.append(["all"] + org.team_names + org.rep_ids.take(pa.array(field)).to_pylist())
            rows_kpi.append([k] * (1 + n_teams + len(field)))
            v = np.concatenate([values[i, :1 + n_teams], np.where(active[i, field], values[i, 1 + n_teams + field], np.nan)])
            rows_value.append(v)
    month = np.concatenate(rows_month)
    value = np.concatenate(rows_value)
    scope = np.concatenate([np.array(s, dtype=object) for s in rows_scope])
    scope_id = np.concatenate([np.array(s, dtype=object) for s in rows_id])
    kpi = np.concatenate([np.array(s, dtype=object) for s in rows_kpi])
    keep = ~np.isnan(value)
    month, value, scope, scope_id, kpi = month[keep], value[keep], scope[keep], scope_id[keep], kpi[keep]
    year = month.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    plan_day = np.array([np.datetime64(f"{y - 1}-12-15").astype(np.int64) for y in range(1970, 2200)])[year - 1970]
    updated = plan_day * DAY + 18 * 3600
    frame = Frame(entity("plan/targets"), {
        "period_month": month, "scope": scope.tolist(), "scope_id": scope_id.tolist(),
        "kpi_code": kpi.tolist(), "target_value": value, "updated_at": updated,
    })
    return world.put(frame)

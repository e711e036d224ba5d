"""Split the current state of an entity into the files that carry its history.

The full extract holds, for a share of the records (MessRates.versions) and for every
tombstone, an *older* version (earlier updated_at, earlier state: an opportunity one stage
back, an order still open, a case not yet closed...). The updates file, written later, holds
their current version. A loader that keeps the greatest updated_at gets the current state.
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .frame import NULL_BOOL, NULL_TS, Frame
from .text import pick

DAY = 86400


def _earlier(cur: Frame, rng: np.random.Generator, max_days: float = 30.0) -> np.ndarray:
    upd = cur["updated_at"]
    return upd - (3600 + rng.random(len(cur)) * max_days * DAY).astype(np.int64)


def _null_str(n):
    return pa.nulls(n, pa.string())


def _opportunities(cur, rng):
    from .reference import STAGE_PROBABILITY, STAGES
    stage = np.array(cur["stage"].to_pylist(), dtype=object)
    idx = np.array([STAGES.index(s) for s in stage])
    old = np.where(idx >= 4, 3, np.maximum(idx - 1, 0))
    amount = np.round(cur["amount"] * 0.9, -1)
    return {"stage": pick(STAGES, old), "probability": np.array(STAGE_PROBABILITY)[old],
            "closed_at": np.full(len(cur), NULL_TS), "lost_reason": _null_str(len(cur)), "amount": amount}


def _orders(cur, rng):
    n = len(cur)
    return {"status": pa.array(["open"] * n, type=pa.string()), "delivered_at": np.full(n, NULL_TS),
            "updated_at": cur["ordered_at"]}


def _activities(cur, rng):
    n = len(cur)
    return {"status": pa.array(["planned"] * n, type=pa.string()), "completed_at": np.full(n, NULL_TS),
            "has_report": np.full(n, NULL_BOOL, dtype=np.int8)}


def _cases(cur, rng):
    return {"closed_at": np.full(len(cur), NULL_TS), "updated_at": cur["opened_at"]}


def _leads(cur, rng):
    status = np.array(cur["status"].to_pylist(), dtype=object)
    back = {"converted": "qualified", "qualified": "working", "disqualified": "working",
            "working": "new", "new": "new"}
    old = [back.get(s, s) for s in status]
    n = len(cur)
    qualified = np.where(np.isin(status, ["converted"]), cur["qualified_at"], NULL_TS)
    return {"status": pa.array(old, type=pa.string()), "qualified_at": qualified,
            "converted_at": np.full(n, NULL_TS), "converted_account_id": _null_str(n),
            "updated_at": cur["created_at"]}


def _quotes(cur, rng):
    status = np.array(cur["status"].to_pylist(), dtype=object)
    old = np.where(status == "sent", "draft", "sent")
    sent = np.where(old == "draft", NULL_TS, cur["sent_at"])
    return {"status": pa.array(old.tolist(), type=pa.string()), "sent_at": sent}


def _invoices(cur, rng):
    return {"paid_on": np.full(len(cur), NULL_TS)}


def _order_lines(cur, rng):
    return {"quantity": cur["quantity"] + 1}


def _accounts(cur, rng):
    n = len(cur)
    return {"industry": _null_str(n), "vat_number": _null_str(n)}


def _contacts(cur, rng):
    n = len(cur)
    return {"job_title": _null_str(n), "phone": _null_str(n)}


def _products(cur, rng):
    return {"list_price": np.round(cur["list_price"] * 0.95, 1), "unit_cost": np.round(cur["unit_cost"] * 0.95, 2)}


def _targets(cur, rng):
    return {"target_value": np.round(cur["target_value"] * 0.95, 0)}


def _sales_reps(cur, rng):
    return {"left_on": np.full(len(cur), NULL_TS)}


def _campaigns(cur, rng):
    return {"cost": np.full(len(cur), np.nan)}


def _campaign_members(cur, rng):
    n = len(cur)
    return {"clicked_at": np.full(n, NULL_TS), "responded_at": np.full(n, NULL_TS),
            "unsubscribed_at": np.full(n, NULL_TS)}


def _customers(cur, rng):
    return {"vat_number": _null_str(len(cur)), "name": pc.utf8_upper(cur["name"])}


def _projects(cur, rng):
    return {"status": pa.array(["in_progress"] * len(cur), type=pa.string()), "budget_amount": np.round(cur["budget_amount"] * 0.9, -2)}


def _timesheets(cur, rng):
    return {"hours": cur["hours"] + 1}


def _action_plans(cur, rng):
    return {"tasks_done": np.maximum(cur["tasks_done"] - 1, 0), "status": pa.array(["active"] * len(cur), type=pa.string())}


def _calls(cur, rng):
    return {"ended_at": np.full(len(cur), NULL_TS)}


OLD_VERSION = {
    "crm/opportunities": _opportunities, "erp/orders": _orders, "crm/activities": _activities,
    "crm/cases": _cases, "crm/leads": _leads, "crm/quotes": _quotes, "erp/invoices": _invoices,
    "erp/order_lines": _order_lines, "crm/accounts": _accounts, "crm/contacts": _contacts,
    "erp/products": _products, "plan/targets": _targets, "crm/sales_reps": _sales_reps,
    "crm/campaigns": _campaigns, "crm/campaign_members": _campaign_members,
    "erp/customers": _customers, "erp/projects": _projects, "erp/timesheets": _timesheets,
    "crm/action_plans": _action_plans, "crm/calls": _calls,
}


def old_versions(cur: Frame, rng: np.random.Generator) -> Frame:
    """Earlier versions of the rows of `cur`: state rolled back, updated_at strictly earlier."""
    changes = OLD_VERSION.get(cur.entity.path, lambda c, r: {})(cur, rng)
    earlier = _earlier(cur, rng)
    upd = changes.get("updated_at", earlier)
    upd = np.where(upd == NULL_TS, earlier, upd)
    changes["updated_at"] = np.minimum(upd, cur["updated_at"] - 60)
    if cur.entity.has_tombstones:
        changes["is_deleted"] = np.zeros(len(cur), dtype=np.int8)
    return cur.replace(**changes)


def split_versions(frame: Frame, rng: np.random.Generator, rate: float,
                   eligible: np.ndarray | None = None) -> tuple[Frame, Frame | None]:
    """(full extract, updates) of the current state `frame` (its tombstones go to updates)."""
    n = len(frame)
    if frame.entity.append_only or n == 0:
        return frame, None
    tomb = frame["is_deleted"] == 1 if frame.entity.has_tombstones else np.zeros(n, bool)
    pool = ~tomb if eligible is None else (~tomb & eligible)
    candidates = np.flatnonzero(pool)
    k = min(len(candidates), int(round(rate * n)))
    chosen = rng.choice(candidates, size=k, replace=False) if k else np.array([], dtype=np.int64)
    rows = np.union1d(chosen, np.flatnonzero(tomb)).astype(np.int64)
    if len(rows) == 0:
        return frame, None
    current = frame.take(rows)
    old = old_versions(current, rng)
    mask = np.zeros(n, bool)
    mask[rows] = True
    cols = {}
    for col in frame.entity.columns:
        v = frame[col.name]
        if col.type == "str":
            cols[col.name] = pc.replace_with_mask(v, pa.array(mask), old[col.name])
        else:
            v = v.copy()
            v[rows] = old[col.name]
            cols[col.name] = v
    return Frame(frame.entity, cols), current

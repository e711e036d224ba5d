"""crm/activities and crm/action_plans.

Activities are calls, e-mails, visits and meetings: some linked to an opportunity (worked
between its creation and its close), most at account level, plus planned ones due after --end.
Past activities are mostly done, some cancelled, and a few visits stay 'planned' after their
due date (late visits). Done visits usually carry a report (has_report), more so over time.
Action plans are account plans with tasks, active, completed or cancelled."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, business_seconds
from .frame import NULL_BOOL, NULL_TS, Frame
from .options import count
from .reference import ACTION_PLAN_TITLES
from .text import ids, join, pick, zpad
from .world import World

TYPES = ["call", "visit", "meeting", "email"]
_OPP_TYPES = [0.45, 0.15, 0.15, 0.25]
_ACCOUNT_TYPES = [0.35, 0.22, 0.1, 0.33]
_SEGMENT_PICK = np.array([1.0, 2.0, 4.0, 7.0])


def build_activities(world: World) -> Frame:
    rng = world.rng("activities")
    cal, org, mess = world.cal, world.facts["org"], world.opts.mess
    acc, opp, con = world.facts["accounts"], world.facts["opportunities"], world.facts["contacts"]
    n_total = world.volume("activities")
    n_future = max(20, round(0.03 * n_total))
    # linked to opportunities: about 3 each, more for deals that went further
    lam = 1.5 + 0.6 * np.minimum(opp["stage"], 3)
    k = rng.poisson(lam * min(1.0, 0.45 * n_total / max(lam.sum(), 1)))
    o = np.repeat(np.arange(len(k)), k)
    n_o = len(o)
    o_lo = opp["created"][o] // DAY
    o_hi = np.where(opp["closed_at"][o] != NULL_TS, opp["closed_at"][o] // DAY, cal.end_day)
    o_day = cal.sample_days(rng, n_o, lo=o_lo, hi=np.maximum(o_hi, o_lo))
    o_type = rng.choice(4, size=n_o, p=_OPP_TYPES)
    # account-level
    n_a = max(n_total - n_o - n_future, n_total // 3)
    w = _SEGMENT_PICK[acc.segment] * np.where(acc.is_duplicate, 0.1, 1.0)
    a_acc = rng.choice(len(acc), size=n_a, p=w / w.sum())
    a_day = cal.sample_days(rng, n_a, lo=np.maximum(acc.created[a_acc] // DAY, cal.start_day), hi=cal.end_day)
    a_type = rng.choice(4, size=n_a, p=_ACCOUNT_TYPES)
    # planned after --end
    f_acc = rng.choice(len(acc), size=n_future, p=w / w.sum())
    f_day = cal.end_day + 1 + rng.integers(0, 45, n_future)
    f_type = rng.choice(4, size=n_future, p=[0.3, 0.4, 0.2, 0.1])
    account = np.concatenate([opp["account"][o], a_acc, f_acc])
    day = np.concatenate([o_day, a_day, f_day])
    typ = np.concatenate([o_type, a_type, f_type])
    opp_idx = np.concatenate([o, np.full(n_a + n_future, -1)])
    future = np.concatenate([np.zeros(n_o + n_a, bool), np.ones(n_future, bool)])
    n = len(day)
    due = day * DAY + business_seconds(rng, n)
    owner = org.effective(acc.owner_orig[account], np.minimum(day, cal.end_day))
    owner = np.where(opp_idx >= 0, opp["owner"][np.maximum(opp_idx, 0)], owner)
    contact = con.pick_for(rng, account)
    contact = np.where(rng.random(n) < np.where(typ == 3, 0.97, 0.85), contact, -1)
    # status
    age = (cal.end_ts - due) / DAY
    r = rng.random(n)
    visit = typ == 1
    p_planned = np.where(visit, np.where(age < 60, 0.15, 0.01), np.where(age < 60, 0.02, 0.005))
    p_cancel = np.where(visit, 0.08, 0.06)
    status = np.where(r < p_planned, 0, np.where(r < p_planned + p_cancel, 2, 1))
    status = np.where(future | (due > cal.end_ts), 0, status)
    length = np.where(typ == 0, rng.integers(2, 25, n) * 60, np.where(typ == 3, 0, rng.integers(45, 150, n) * 60))
    completed = np.minimum(due + length, cal.end_ts)
    completed = np.where(status == 1, completed, NULL_TS)
    due = np.where((typ == 3) & (status == 1) & (rng.random(n) < 0.3), NULL_TS, due)
    progress = np.clip((day - cal.start_day) / max(cal.end_day - cal.start_day, 1), 0, 1)
    p_report = 0.72 + 0.16 * progress
    rr = rng.random(n)
    has_report = np.where(rr < p_report, 1, np.where(rr < 0.95, 0, NULL_BOOL))
    has_report = np.where(visit & (status == 1), has_report, NULL_BOOL).astype(np.int8)
    planned_at = np.where(due != NULL_TS, due, completed) - ((1 + rng.random(n) * 20) * DAY).astype(np.int64)
    updated = np.where(status == 1, completed + (rng.random(n) * 2 * DAY).astype(np.int64),
                       np.where(status == 2, np.where(due != NULL_TS, due, planned_at) - (rng.random(n) * 3 * DAY).astype(np.int64), planned_at))
    updated = np.minimum(updated, cal.end_ts)
    when = np.where(due != NULL_TS, due, completed)
    order = np.argsort(when, kind="stable")
    account, typ, opp_idx, due, owner, contact, status, completed, has_report, updated = (
        a[order] for a in (account, typ, opp_idx, due, owner, contact, status, completed, has_report, updated))
    deleted = np.zeros(n, dtype=np.int8)
    cancelled = np.flatnonzero(status == 2)
    kd = min(count(mess.tombstones, n, at_least=1), len(cancelled))
    deleted[rng.choice(cancelled, size=kd, replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + DAY, cal.end_ts), updated)
    frame = Frame(entity("crm/activities"), {
        "activity_id": ids("ACT-", np.arange(1, n + 1), 9),
        "activity_type": pick(TYPES, typ),
        "owner_rep_id": org.rep_ids.take(pa.array(owner)),
        "account_id": acc.ids.take(pa.array(account)),
        "contact_id": con.ids.take(pa.array(np.maximum(contact, 0), mask=contact < 0)),
        "opportunity_id": opp["ids"].take(pa.array(np.maximum(opp_idx, 0), mask=opp_idx < 0)),
        "due_at": due,
        "completed_at": completed,
        "status": pick(["planned", "done", "cancelled"], status),
        "has_report": has_report,
        "updated_at": updated,
        "is_deleted": deleted,
    })
    world.facts["activities"] = {"n": n, "type": typ, "status": status, "owner": owner, "account": account,
                                 "completed": completed, "due": due, "deleted": deleted}
    return world.put(frame)


def build_action_plans(world: World) -> Frame:
    rng = world.rng("action_plans")
    cal = world.cal
    acc, org = world.facts["accounts"], world.facts["org"]
    n = world.volume("action_plans")
    w = np.array([0.3, 1.0, 3.0, 6.0])[acc.segment] * np.where(acc.is_duplicate, 0.0, 1.0)
    account = rng.choice(len(acc), size=n, p=w / w.sum())
    starts = np.sort(cal.sample_days(rng, n, hi=cal.end_day))
    due = starts + rng.integers(45, 240, n)
    total = rng.integers(3, 16, n)
    total = np.where(rng.random(n) < 0.05, 0, total)
    past = due < cal.end_day
    r = rng.random(n)
    status = np.where(past, np.where(r < 0.6, 1, np.where(r < 0.72, 2, 0)), np.where(r < 0.9, 0, 2))
    elapsed = np.clip((cal.end_day - starts) / np.maximum(due - starts, 1), 0, 1)
    active_done = np.minimum(np.round(total * elapsed * rng.uniform(0.4, 1.1, n)), total)
    done = np.where(status == 1, total, np.where(status == 2, np.floor(total * rng.random(n)), active_done)).astype(np.int64)
    upd_day = np.where(status == 1, np.minimum(due, cal.end_day), starts + (rng.random(n) * (np.minimum(due, cal.end_day) - starts)).astype(np.int64))
    updated = np.minimum(np.maximum(upd_day, starts) * DAY + business_seconds(rng, n), cal.end_ts)
    years = starts.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    title = join(pick(ACTION_PLAN_TITLES, rng.integers(0, len(ACTION_PLAN_TITLES), n)), zpad(years, 4), sep=" ")
    frame = Frame(entity("crm/action_plans"), {
        "action_plan_id": ids("PLA-", np.arange(1, n + 1), 6),
        "owner_rep_id": org.rep_ids.take(pa.array(acc.owner[account])),
        "account_id": acc.ids.take(pa.array(account)),
        "title": title,
        "starts_on": starts,
        "due_on": due,
        "tasks_total": total,
        "tasks_done": done,
        "status": pick(["active", "completed", "cancelled"], status),
        "updated_at": updated,
    })
    return world.put(frame)

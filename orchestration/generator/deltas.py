"""Daily delta folders after --end, and `apply_delta` to drop one night into a landing dir.

Each day D = --end + i holds, in `<deltas>/<D>/<source>/<entity>/delta-<D>.csv`, what the
source systems exported that night: new orders (+ lines; store orders delivered and invoiced
at once), deliveries of open orders with their invoice, new activities and planned ones
completed, new cases and cases closed, new calls and web sessions, opportunities moving one
stage (with their stage-history event), and tombstones (an activity deleted every day, a
duplicate contact merged away while any is left). Every updated row has an updated_at on day
D, greater than any earlier version. File names are unique per day, so applying a night is
copying its files into the landing directory; nothing is ever overwritten."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa

from ..contract import entity
from ..errors import PilotageError
from .calendar import DAY, business_seconds, to_date, web_seconds
from .frame import NULL_BOOL, NULL_TS, Frame
from .orders import order_lines
from .reference import (CASE_CHANNEL_WEIGHTS, CASE_CHANNELS, CONTACT_REASONS, LOST_REASONS,
                        ORDER_CHANNELS, PRIORITIES, PRIORITY_WEIGHTS, SLA_HOURS, STAGE_PROBABILITY,
                        STAGES, WEB_CHANNEL_WEIGHTS, WEB_CHANNELS)
from .text import ids, pick
from .world import World


class DeltaState:
    """What carries over from one night to the next: id counters and queues of records."""

    def __init__(self, world: World):
        rng = world.rng("deltas.state")
        f, fr = world.facts, world.frames
        od = f["orders"]
        self.next = {"order": len(od["ids"]) + 1, "invoice": f["invoices"]["n_invoices"] + 1,
                     "activity": f["activities"]["n"] + 1, "case": len(f["cases"]["ids"]) + 1,
                     "call": len(fr["crm/calls"]) + 1, "session": len(fr["web/sessions"]) + 1}
        self.open_orders = list(np.flatnonzero((od["status"] == 0) & (od["deleted"] == 0)))
        opp = f["opportunities"]
        open_opp = np.flatnonzero((opp["stage"] <= 3) & (opp["deleted"] == 0))
        self.open_opps = list(rng.permutation(open_opp))
        cs = fr["crm/cases"]
        open_cases = np.flatnonzero((cs["closed_at"] == NULL_TS) & (cs["is_deleted"] == 0))
        self.open_cases = list(rng.permutation(open_cases))
        act = f["activities"]
        self.cancelled = list(rng.permutation(np.flatnonzero((act["status"] == 2) & (act["deleted"] == 0))))
        con = fr["crm/contacts"]
        email = con["email"].to_numpy(zero_copy_only=False)
        lower = np.array([e.strip().lower() if e is not None else None for e in email], dtype=object)
        is_dup = np.zeros(len(con), bool)
        seen = {}
        for i, e in enumerate(lower):
            if e is None:
                continue
            if e in seen:
                is_dup[i] = True
            else:
                seen[e] = i
        self.dup_contacts = list(np.flatnonzero(is_dup & (con["is_deleted"] == 0)))


def _rate(world: World, n_base: int, day: int) -> float:
    cal = world.cal
    span = slice(0, cal.end_day - cal.start_day + 1)
    mean_w = cal.weights["business"][span].mean()
    return n_base / max(cal.end_day - cal.start_day + 1, 1) * cal.weight_of(np.array([day]))[0] / mean_w


def _poisson(rng, lam: float, at_least: int = 1) -> int:
    return max(at_least, int(rng.poisson(max(lam, 0.0))))


def _take(queue: list, k: int) -> np.ndarray:
    out = np.array(queue[:k], dtype=np.int64)
    del queue[:k]
    return out


def delta_frames(world: World, state: DeltaState, day: int) -> list[Frame]:
    """Frames of new and changed rows exported on night `day` (a day number after --end)."""
    rng = world.rng(f"delta-{day}")
    out = []
    out += _orders(world, state, day, rng)
    out += _activities(world, state, day, rng)
    out += _opportunities(world, state, day, rng)
    out += _service(world, state, day, rng)
    out += _sessions(world, state, day, rng)
    out += _contacts(world, state, day, rng)
    merged: dict[str, list[Frame]] = {}
    for f in out:
        if f is not None and len(f):
            merged.setdefault(f.entity.path, []).append(f)
    return [Frame.concat(v) for v in merged.values()]


def _at(day, rng, n, web=False):
    return day * DAY + (web_seconds(rng, n) if web else business_seconds(rng, n))


def _orders(world, state, day, rng):
    f, fr = world.facts, world.frames
    cust, org, acc = f["customers"], f["org"], f["accounts"]
    od = f["orders"]
    n = _poisson(rng, _rate(world, len(od["ids"]), day))
    active = np.flatnonzero(cust.hi >= world.cal.end_day)
    w = cust.intensity[active]
    c = active[rng.choice(len(active), size=n, p=w / w.sum())]
    channel = rng.choice(4, size=n, p=[0.45, 0.25, 0.25, 0.05])
    ordered = np.sort(_at(day, rng, n))
    linked = cust.account[c] >= 0
    rep = np.where(linked & (channel <= 1), acc.owner[np.maximum(cust.account[c], 0)], -1)
    store = channel == 3
    delivered = np.where(store, ordered + 600, NULL_TS)
    num = state.next["order"] + np.arange(n)
    state.next["order"] += n
    order_ids = ids("CMD-", num, 9)
    new_orders = Frame(entity("erp/orders"), {
        "order_id": order_ids, "erp_customer_id": cust.ids.take(pa.array(c)),
        "rep_id": org.rep_ids.take(pa.array(np.maximum(rep, 0), mask=rep < 0)),
        "channel": pick(ORDER_CHANNELS, channel), "status": pick(["open", "delivered"], store.astype(np.int64)),
        "ordered_at": ordered, "requested_delivery_on": day + rng.integers(2, 15, n),
        "delivered_at": delivered, "updated_at": np.where(store, delivered, ordered), "is_deleted": np.zeros(n, np.int8),
    })
    lines, net, _ = order_lines(world, rng, c, cust.segment[c], ordered, order_ids)
    # deliveries of earlier open orders
    k = min(len(state.open_orders), _poisson(rng, _rate(world, len(od["ids"]), day) * 0.9, 0))
    idx = _take(state.open_orders, k)
    when = _at(day, rng, k)
    delivered_rows = fr["erp/orders"].take(idx).replace(
        status=pa.array(["delivered"] * k, type=pa.string()), delivered_at=when, updated_at=when)
    inv_order_ids = pa.concat_arrays([order_ids.filter(pa.array(store)), od["ids"].take(pa.array(idx))])
    inv_cust = np.concatenate([c[store], od["customer"][idx]])
    inv_cents = np.concatenate([net[store], od["net_cents"][idx]])
    m = len(inv_cents)
    seq = state.next["invoice"] + np.arange(m)
    state.next["invoice"] += m
    tax_rate = np.where(cust.country[inv_cust] == 0, 0.2, 0.0)
    invoices = Frame(entity("erp/invoices"), {
        "invoice_id": ids("FAC-", seq, 9), "order_id": inv_order_ids,
        "erp_customer_id": cust.ids.take(pa.array(inv_cust)),
        "invoice_type": pa.array(["invoice"] * m, type=pa.string()),
        "invoiced_on": np.full(m, day), "due_on": np.full(m, day + 30), "paid_on": np.full(m, NULL_TS),
        "amount_excl_tax": inv_cents / 100.0, "tax_amount": np.round(inv_cents * tax_rate) / 100.0,
        "updated_at": _at(day, rng, m) + 3600,
    })
    return [new_orders, delivered_rows, lines, invoices]


def _activities(world, state, day, rng):
    f, fr = world.facts, world.frames
    act, org, acc, con = f["activities"], f["org"], f["accounts"], f["contacts"]
    base = fr["crm/activities"]
    n = _poisson(rng, _rate(world, act["n"], day) * 0.9)
    live = np.flatnonzero((acc.deleted == 0) & ~acc.is_duplicate)
    account = live[rng.integers(0, len(live), n)]
    typ = rng.choice(4, size=n, p=[0.35, 0.22, 0.1, 0.33])
    due = np.sort(_at(day, rng, n))
    completed = due + np.where(typ == 3, 0, rng.integers(10, 90, n) * 60)
    contact = con.pick_for(rng, account)
    num = state.next["activity"] + np.arange(n)
    state.next["activity"] += n
    report = np.where(typ == 1, (rng.random(n) < 0.85).astype(np.int8), NULL_BOOL)
    new = Frame(entity("crm/activities"), {
        "activity_id": ids("ACT-", num, 9), "activity_type": pick(["call", "visit", "meeting", "email"], typ),
        "owner_rep_id": org.rep_ids.take(pa.array(acc.owner[account])), "account_id": acc.ids.take(pa.array(account)),
        "contact_id": con.ids.take(pa.array(np.maximum(contact, 0), mask=contact < 0)), "opportunity_id": None,
        "due_at": due, "completed_at": completed, "status": pa.array(["done"] * n, type=pa.string()),
        "has_report": report, "updated_at": completed + 1800, "is_deleted": np.zeros(n, np.int8),
    })
    # planned activities due today: done (most) or cancelled
    due_today = np.flatnonzero((act["status"] == 0) & (act["due"] // DAY == day) & (act["deleted"] == 0))
    k = len(due_today)
    done = rng.random(k) < 0.9
    comp = np.where(done, act["due"][due_today] + 3600, NULL_TS)
    upd = np.where(done, comp, act["due"][due_today]) + 600
    rep_t = np.where(done & (act["type"][due_today] == 1), (rng.random(k) < 0.85).astype(np.int8), NULL_BOOL)
    updates = base.take(due_today).replace(
        status=pick(["cancelled", "done"], done.astype(np.int64)), completed_at=comp, has_report=rep_t, updated_at=upd)
    # tombstone: one cancelled activity deleted every night
    t = _take(state.cancelled, 1)
    tomb = base.take(t).replace(is_deleted=np.ones(len(t), np.int8), updated_at=_at(day, rng, len(t)))
    return [new, updates, tomb]


def _opportunities(world, state, day, rng):
    f, fr = world.facts, world.frames
    opp = f["opportunities"]
    base = fr["crm/opportunities"]
    k = min(len(state.open_opps), _poisson(rng, _rate(world, len(opp["ids"]), day) * 0.8))
    idx = _take(state.open_opps, k)
    stage = opp["stage"][idx]
    r = rng.random(k)
    nxt = np.where(stage == 3, np.where(r < 0.55, 4, 5), np.where(r < 0.7, stage + 1, np.where(r < 0.85, 5, 4)))
    when = np.maximum(_at(day, rng, k), opp["last_event"][idx] + 3600)
    closed = nxt >= 4
    reason = pick(LOST_REASONS, rng.integers(0, len(LOST_REASONS), k))
    lost_reason = pa.array([x if n == 5 else None for x, n in zip(reason.to_pylist(), nxt)], type=pa.string())
    updates = base.take(idx).replace(
        stage=pick(STAGES, nxt), probability=np.array(STAGE_PROBABILITY)[nxt],
        closed_at=np.where(closed, when, NULL_TS), lost_reason=lost_reason, updated_at=when + 60)
    history = Frame(entity("crm/opportunity_stage_history"), {
        "opportunity_id": opp["ids"].take(pa.array(idx)), "stage": pick(STAGES, nxt), "entered_at": when})
    return [updates, history]


def _service(world, state, day, rng):
    f, fr = world.facts, world.frames
    cs, org, acc, cust, con = f["cases"], f["org"], f["accounts"], f["customers"], f["contacts"]
    n = _poisson(rng, _rate(world, len(cs["ids"]), day))
    linked = cust.account[cust.account >= 0]
    account = linked[rng.integers(0, len(linked), n)]
    channel = rng.choice(4, size=n, p=CASE_CHANNEL_WEIGHTS)
    opened = np.sort(_at(day, rng, n))
    priority = rng.choice(4, size=n, p=PRIORITY_WEIGHTS)
    reason = rng.choice(len(CONTACT_REASONS), size=n, p=[x[1] for x in CONTACT_REASONS])
    complaint = rng.random(n) < np.array([x[2] for x in CONTACT_REASONS])[reason]
    first = opened + rng.integers(60, 4 * 3600, n)
    closed = np.where(rng.random(n) < 0.35, first + rng.integers(600, 4 * 3600, n), NULL_TS)
    contact = con.pick_for(rng, account)
    agent = rng.integers(0, len(org.agent_ids), n)
    num = state.next["case"] + np.arange(n)
    state.next["case"] += n
    case_ids = ids("CAS-", num, 7)
    new = Frame(entity("crm/cases"), {
        "case_id": case_ids, "account_id": acc.ids.take(pa.array(account)),
        "contact_id": con.ids.take(pa.array(np.maximum(contact, 0), mask=contact < 0)),
        "channel": pick(CASE_CHANNELS, channel), "reason": pick([x[0] for x in CONTACT_REASONS], reason),
        "priority": pick(PRIORITIES, priority), "is_complaint": complaint.astype(np.int8), "opened_at": opened,
        "first_response_at": first, "closed_at": closed, "sla_due_at": opened + np.array(SLA_HOURS)[priority] * 3600,
        "agent_id": org.agent_ids.take(pa.array(agent)), "updated_at": np.where(closed != NULL_TS, closed, first),
        "is_deleted": np.zeros(n, np.int8),
    })
    k = min(len(state.open_cases), _poisson(rng, n * 0.6, 0))
    idx = _take(state.open_cases, k)
    base = fr["crm/cases"]
    when = _at(day, rng, k)
    first_b = base["first_response_at"][idx]
    closes = base.take(idx).replace(
        first_response_at=np.where(first_b == NULL_TS, when - 600, first_b), closed_at=when, updated_at=when)
    # calls: one inbound per new phone case, plus others; some abandoned, with callbacks
    phone = np.flatnonzero(channel == 0)
    m = _poisson(rng, _rate(world, len(fr["crm/calls"]), day) - len(phone), 1)
    start = np.concatenate([opened[phone] - 30, _at(day, rng, m)])
    case = np.concatenate([phone, np.full(m, -1)])
    direction = np.concatenate([np.zeros(len(phone), np.int64), (rng.random(m) < 0.3).astype(np.int64)])
    q = len(start)
    abandoned = (direction == 0) & (case < 0) & (rng.random(q) < 0.07)
    answered = np.where(abandoned, NULL_TS, start + rng.integers(5, 60, q))
    ended = np.where(abandoned, start + rng.integers(15, 120, q), answered + rng.integers(60, 600, q))
    order = np.argsort(start, kind="stable")
    start, case, direction, answered, ended, abandoned = (a[order] for a in (start, case, direction, answered, ended, abandoned))
    num = state.next["call"] + np.arange(q)
    state.next["call"] += q
    calls = Frame(entity("crm/calls"), {
        "call_id": ids("APP-", num, 9), "case_id": case_ids.take(pa.array(np.maximum(case, 0), mask=case < 0)),
        "agent_id": org.agent_ids.take(pa.array(rng.integers(0, len(org.agent_ids), q), mask=abandoned)),
        "direction": pick(["inbound", "outbound"], direction), "is_callback": np.zeros(q, np.int8),
        "started_at": start, "answered_at": answered, "ended_at": ended, "updated_at": ended,
    })
    return [new, closes, calls]


def _sessions(world, state, day, rng):
    fr = world.frames
    n = _poisson(rng, len(fr["web/sessions"]) / max(world.cal.end_day - world.cal.start_day + 1, 1))
    started = np.sort(_at(day, rng, n, web=True))
    channel = rng.choice(len(WEB_CHANNELS), size=n, p=WEB_CHANNEL_WEIGHTS)
    pageviews = rng.geometric(0.35, n)
    num = state.next["session"] + np.arange(n)
    state.next["session"] += n
    return [Frame(entity("web/sessions"), {
        "session_id": ids("WS-", num, 10), "visitor_id": ids("V-", rng.integers(1, 10 ** 6, n), 8), "contact_id": None,
        "started_at": started, "duration_s": (pageviews * rng.integers(10, 90, n)).astype(np.int64),
        "pageviews": pageviews.astype(np.int64), "channel": pick(WEB_CHANNELS, channel),
        "goal_completed": (rng.random(n) < 0.03).astype(np.int8)})]


def _contacts(world, state, day, rng):
    t = _take(state.dup_contacts, 1)
    base = world.frames["crm/contacts"]
    return [base.take(t).replace(is_deleted=np.ones(len(t), np.int8), updated_at=_at(day, rng, len(t)))]


def day_folder(deltas_dir: Path, day) -> Path:
    return Path(deltas_dir) / (day if isinstance(day, str) else day.isoformat())


def delta_file(deltas_dir: Path, day_iso: str, path: str) -> Path:
    return Path(deltas_dir) / day_iso / path / f"delta-{day_iso}.csv"


def apply_delta(deltas_dir, day, landing_dir) -> list[str]:
    """Copy the files of one night (`day`: 'YYYY-MM-DD' or a date) into the landing directory.

    Returns the landing-relative paths copied. Never overwrites: a file already there is an error.
    """
    src = day_folder(deltas_dir, day)
    if not src.is_dir():
        raise PilotageError(f"no delta folder {src}")
    landing = Path(landing_dir)
    copied = []
    files = sorted(p for p in src.rglob("*.csv") if p.is_file())
    for f in files:
        rel = f.relative_to(src)
        target = landing / rel
        if target.exists():
            raise PilotageError(f"delta file {rel} is already in {landing}")
    for f in files:
        rel = f.relative_to(src)
        target = landing / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
        copied.append(rel.as_posix())
    return copied


def delta_days(world: World) -> list[tuple[int, str]]:
    """(day number, ISO date) of each delta night."""
    return [(world.cal.end_day + i, to_date(world.cal.end_day + i).isoformat())
            for i in range(1, world.opts.delta_days + 1)]

"""crm/cases and crm/calls: customer service.

Cases arrive by phone, e-mail, chat or web form with a contact reason (French free list),
a priority that sets the SLA, a first response (minutes by phone/chat, hours by e-mail/web)
and a resolution time; recent cases are still open and a few old ones were forgotten (open
past SLA). Calls: an inbound call opens each phone case; other inbound and outbound calls,
some abandoned before answer (answered_at NULL), and outbound callbacks after abandoned calls."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, business_seconds, web_seconds
from .frame import NULL_TS, Frame
from .options import count
from .reference import (CASE_CHANNEL_WEIGHTS, CASE_CHANNELS, CONTACT_REASONS, PRIORITIES,
                        PRIORITY_WEIGHTS, SLA_HOURS)
from .text import ids, pick
from .world import World, lognormal

_FIRST_RESPONSE_H = np.array([0.03, 5.0, 0.08, 8.0])      # by CASE_CHANNELS
_RESOLUTION_H = np.array([40.0, 16.0, 4.0, 2.0])          # median by priority (SLA 120, 48, 8, 4 h)


def build_cases(world: World) -> Frame:
    rng = world.rng("cases")
    cal, org, mess = world.cal, world.facts["org"], world.opts.mess
    acc, cust, con = world.facts["accounts"], world.facts["customers"], world.facts["contacts"]
    n = world.volume("cases")
    linked = cust.account[cust.account >= 0]
    w = np.array([1.0, 2.0, 4.0, 8.0])[acc.segment[linked]]
    account = np.where(rng.random(n) < 0.9, linked[rng.choice(len(linked), size=n, p=w / w.sum())],
                       rng.integers(0, len(acc), n))
    channel = rng.choice(4, size=n, p=CASE_CHANNEL_WEIGHTS)
    day = cal.sample_days(rng, n, lo=np.maximum(acc.created[account] // DAY, cal.start_day), hi=cal.end_day)
    secs = np.where(np.isin(channel, [1, 3]) & (rng.random(n) < 0.3), web_seconds(rng, n), business_seconds(rng, n))
    opened = np.maximum(day * DAY + secs, acc.created[account])
    reason = rng.choice(len(CONTACT_REASONS), size=n, p=[r[1] for r in CONTACT_REASONS])
    complaint = rng.random(n) < np.array([r[2] for r in CONTACT_REASONS])[reason]
    priority = rng.choice(4, size=n, p=PRIORITY_WEIGHTS)
    priority = np.where(complaint & (priority == 0), 1, priority)
    sla = opened + np.array(SLA_HOURS)[priority] * 3600
    sla = np.where(rng.random(n) < 0.03, NULL_TS, sla)
    first = opened + (rng.exponential(_FIRST_RESPONSE_H[channel]) * 3600).astype(np.int64) + 30
    first = np.where((first > cal.end_ts) | (rng.random(n) < 0.02), NULL_TS, first)
    hours = lognormal(rng, _RESOLUTION_H[priority], 1.0, n) * np.where(complaint, 1.6, 1.0)
    quick = np.isin(channel, [0, 2]) & (rng.random(n) < 0.3)
    hours = np.where(quick, rng.uniform(0.05, 1.0, n), hours)
    closed = opened + (hours * 3600).astype(np.int64) + 60
    closed = np.where(first != NULL_TS, np.maximum(closed, first), closed)
    forgotten = rng.random(n) < 0.012
    closed = np.where((closed > cal.end_ts) | forgotten, NULL_TS, closed)
    agent = rng.integers(0, len(org.agent_ids), n)
    agent = np.where((first == NULL_TS) & (closed == NULL_TS) & (rng.random(n) < 0.5), -1, agent)
    contact = con.pick_for(rng, account)
    contact = np.where(rng.random(n) < 0.9, contact, -1)
    updated = np.where(closed != NULL_TS, closed, np.where(first != NULL_TS, first, opened))
    updated = np.minimum(updated, cal.end_ts)
    order = np.argsort(opened, kind="stable")
    account, channel, opened, reason, complaint, priority, sla, first, closed, agent, contact, updated = (
        a[order] for a in (account, channel, opened, reason, complaint, priority, sla, first, closed, agent, contact, updated))
    deleted = np.zeros(n, dtype=np.int8)
    pool = np.flatnonzero(channel == 3)
    pool = pool if len(pool) else np.arange(n)
    deleted[rng.choice(pool, size=min(count(mess.tombstones, n, at_least=1), len(pool)), replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + 3600, cal.end_ts), updated)
    case_ids = ids("CAS-", np.arange(1, n + 1), 7)
    frame = Frame(entity("crm/cases"), {
        "case_id": case_ids,
        "account_id": acc.ids.take(pa.array(account)),
        "contact_id": con.ids.take(pa.array(np.maximum(contact, 0), mask=contact < 0)),
        "channel": pick(CASE_CHANNELS, channel),
        "reason": pick([r[0] for r in CONTACT_REASONS], reason),
        "priority": pick(PRIORITIES, priority),
        "is_complaint": complaint.astype(np.int8),
        "opened_at": opened,
        "first_response_at": first,
        "closed_at": closed,
        "sla_due_at": sla,
        "agent_id": org.agent_ids.take(pa.array(np.maximum(agent, 0), mask=agent < 0)),
        "updated_at": updated,
        "is_deleted": deleted,
    })
    world.facts["cases"] = {"ids": case_ids, "opened": opened, "channel": channel, "closed": closed,
                            "agent": agent, "account": account}
    return world.put(frame)


def build_calls(world: World) -> Frame:
    rng = world.rng("calls")
    cal, org = world.cal, world.facts["org"]
    cs = world.facts["cases"]
    n_total = world.volume("calls")
    phone_cases = np.flatnonzero(cs["channel"] == 0)
    n_other = max(n_total - len(phone_cases), n_total // 4)
    o_day = cal.sample_days(rng, n_other, hi=cal.end_day)
    o_start = o_day * DAY + business_seconds(rng, n_other)
    o_dir = (rng.random(n_other) < 0.3).astype(np.int64)            # 1 = outbound
    # an 'other' call is about a case opened shortly before in 30 % of cases
    near = np.searchsorted(cs["opened"], o_start) - 1 - rng.integers(0, 20, n_other)
    o_case = np.where((near >= 0) & (rng.random(n_other) < 0.3), near, -1)
    o_case = np.where((o_case >= 0) & (cs["opened"][np.maximum(o_case, 0)] <= o_start), o_case, -1)
    start = np.concatenate([cs["opened"][phone_cases] - 30, o_start])
    direction = np.concatenate([np.zeros(len(phone_cases), np.int64), o_dir])
    case = np.concatenate([phone_cases, o_case])
    n = len(start)
    monday = ((start // DAY + 3) % 7) == 0
    abandoned = (direction == 0) & (rng.random(n) < np.where(monday, 0.11, 0.06))
    abandoned[: len(phone_cases)] = False                     # a case was opened: the call was answered
    no_answer = (direction == 1) & (rng.random(n) < 0.2)
    answered = start + rng.integers(5, 90, n)
    ended = answered + lognormal(rng, 240.0, 0.7, n).astype(np.int64)
    ended = np.where(abandoned | no_answer, start + rng.integers(15, 180, n), ended)
    answered = np.where(abandoned | no_answer, NULL_TS, answered)
    # callbacks: outbound calls returning most abandoned calls within two hours
    cb_src = np.flatnonzero(abandoned & (rng.random(n) < 0.7))
    cb_start = start[cb_src] + rng.integers(300, 7200, len(cb_src))
    cb_answered = np.where(rng.random(len(cb_src)) < 0.8, cb_start + rng.integers(5, 30, len(cb_src)), NULL_TS)
    cb_ended = np.where(cb_answered != NULL_TS, cb_answered + lognormal(rng, 200.0, 0.6, len(cb_src)).astype(np.int64), cb_start + 40)
    start = np.concatenate([start, cb_start])
    answered = np.concatenate([answered, cb_answered])
    ended = np.concatenate([ended, cb_ended])
    direction = np.concatenate([direction, np.ones(len(cb_src), np.int64)])
    case = np.concatenate([case, case[cb_src]])
    callback = np.concatenate([np.zeros(n, bool), np.ones(len(cb_src), bool)])
    m = len(start)
    agent = np.where(case >= 0, cs["agent"][np.maximum(case, 0)], rng.integers(0, len(org.agent_ids), m))
    agent = np.where(agent < 0, rng.integers(0, len(org.agent_ids), m), agent)
    agent = np.where(np.concatenate([abandoned, np.zeros(len(cb_src), bool)]), -1, agent)
    keep = start <= cal.end_ts
    ended = np.minimum(ended, cal.end_ts + 3600)
    updated = ended
    order = np.flatnonzero(keep)[np.argsort(start[keep], kind="stable")]
    start, answered, ended, direction, case, callback, agent, updated = (
        a[order] for a in (start, answered, ended, direction, case, callback, agent, updated))
    m = len(start)
    frame = Frame(entity("crm/calls"), {
        "call_id": ids("APP-", np.arange(1, m + 1), 9),
        "case_id": cs["ids"].take(pa.array(np.maximum(case, 0), mask=case < 0)),
        "agent_id": org.agent_ids.take(pa.array(np.maximum(agent, 0), mask=agent < 0)),
        "direction": pick(["inbound", "outbound"], direction),
        "is_callback": callback.astype(np.int8),
        "started_at": start,
        "answered_at": answered,
        "ended_at": ended,
        "updated_at": updated,
    })
    return world.put(frame)

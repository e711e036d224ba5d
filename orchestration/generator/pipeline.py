"""crm/opportunities and crm/opportunity_stage_history.

Opportunities come from converted leads (lead_id), campaign responses (campaign_id) and reps'
own prospecting. Each one walks prospecting -> qualification -> proposal -> negotiation and
ends closed_won or closed_lost (lost at any stage); stage durations grow with the segment and
a few deals get stuck. The walk is cut at --end: later events have not happened yet, so recent
deals are still open. The history holds one event per stage entered, in time order, and its
last event is the opportunity's current stage."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, business_seconds
from .frame import NULL_TS, Frame
from .options import count
from .reference import (LEAD_SOURCES, LOST_REASON_WEIGHTS, LOST_REASONS, RANGE_NAMES,
                        STAGE_PROBABILITY, STAGES)
from .text import ids, null_where, pick
from .world import World, lognormal

_P_WIN_BY_SOURCE = np.array([0.28, 0.22, 0.3, 0.45, 0.33, 0.38, 0.3])  # LEAD_SOURCES + NULL
_STAGE_DAYS = np.array([10.0, 14.0, 12.0, 10.0])
_SEGMENT_SLOWNESS = np.array([0.8, 1.0, 1.5, 2.0])
_AMOUNT_MEDIAN = np.array([2500.0, 9000.0, 30000.0, 90000.0])
_RANGE_WEIGHTS = [0.3, 0.2, 0.15, 0.2, 0.15]
_SEGMENT_PICK = np.array([1.0, 2.0, 4.0, 8.0])


def _sources(world: World, rng):
    """(account, created ts, lead index, campaign index, lead source index) of every opportunity."""
    cal = world.cal
    leads, acc = world.facts["leads"], world.facts["accounts"]
    camp = world.facts["campaign_opportunities"]
    conv = np.flatnonzero(leads.account >= 0)
    n_total = world.volume("opportunities")
    n_camp = len(camp["account"])
    n_org = max(n_total - len(conv) - n_camp, n_total // 4)
    w = _SEGMENT_PICK[acc.segment] * np.where(acc.is_duplicate, 0.1, 1.0)
    account = rng.choice(len(acc), size=n_org, p=w / w.sum())
    lo = np.maximum(acc.created[account] // DAY, cal.start_day)
    day = cal.sample_days(rng, n_org, lo=lo, hi=cal.end_day)
    created = np.maximum(day * DAY + business_seconds(rng, n_org), acc.created[account])
    src = np.where(rng.random(n_org) < 0.6, acc.lead_source[account], rng.integers(0, len(LEAD_SOURCES), n_org))
    src = np.where(rng.random(n_org) < 0.1, -1, src)
    return (np.concatenate([leads.account[conv], camp["account"], account]),
            np.concatenate([leads.converted[conv], camp["created"], created]),
            np.concatenate([conv, np.full(n_camp + n_org, -1)]),
            np.concatenate([np.full(len(conv), -1), camp["campaign"], np.full(n_org, -1)]),
            np.concatenate([leads.source[conv], camp["lead_source"], src]))


def build_opportunities(world: World) -> tuple[Frame, Frame]:
    rng = world.rng("opportunities")
    cal, org, mess = world.cal, world.facts["org"], world.opts.mess
    acc = world.facts["accounts"]
    account, created, lead, campaign, source = _sources(world, rng)
    order = np.argsort(created, kind="stable")
    account, created, lead, campaign, source = (a[order] for a in (account, created, lead, campaign, source))
    n = len(created)
    segment = acc.segment[account]
    p_win = np.where(campaign >= 0, 0.3, _P_WIN_BY_SOURCE[source])
    won = rng.random(n) < p_win
    lost_at = rng.choice(4, size=n, p=[0.35, 0.3, 0.2, 0.15])
    skip_nego = won & (rng.random(n) < 0.15)
    stuck = rng.random(n) < 0.08
    means = _STAGE_DAYS[None, :] * _SEGMENT_SLOWNESS[segment][:, None] * np.where(stuck, 6.0, 1.0)[:, None]
    durations = rng.gamma(2.0, means / 2.0)
    # event matrix: slots 0..3 = open stages, slot 4 = the closing event
    ts = np.empty((n, 5), dtype=np.int64)
    valid = np.zeros((n, 5), bool)
    ts[:, 0] = created
    valid[:, 0] = True
    last_open = np.where(won, 3, lost_at)
    last_open = np.where(skip_nego, 2, last_open)
    day = created // DAY
    prev = created
    for k in range(1, 5):
        day = day + np.maximum(np.round(durations[:, min(k, 4) - 1]), 0).astype(np.int64)
        t = np.maximum(day * DAY + business_seconds(rng, n), prev + 3600)
        if k <= 3:
            reach = k <= last_open
            ts[:, k] = np.where(reach, t, NULL_TS)
            valid[:, k] = reach
            prev = np.where(reach, t, prev)
            day = np.where(reach, day, prev // DAY)
        else:
            ts[:, 4] = t
            valid[:, 4] = True
    valid &= ts <= cal.end_ts
    valid[:, 0] = True
    closed = valid[:, 4]
    last_slot = 4 - np.argmax(valid[:, ::-1], axis=1)
    stage = np.where(closed, np.where(won, 4, 5), last_slot)
    closed_at = np.where(closed, ts[:, 4], NULL_TS)
    last_event = ts[np.arange(n), last_slot]
    updated = np.minimum(last_event + (rng.random(n) * 3 * DAY).astype(np.int64), cal.end_ts)
    updated = np.maximum(updated, last_event)
    owner = org.effective(acc.owner_orig[account], last_event // DAY)
    amount = np.round(lognormal(rng, _AMOUNT_MEDIAN[segment], 0.7, n), -1)
    amount = np.where((stage <= 1) & (rng.random(n) < 0.1), np.nan, amount)
    won_rows = np.flatnonzero(stage == 4)
    k = count(mess.missing_fields / 6, len(won_rows), at_least=1 if len(won_rows) > 5 else 0)
    amount[rng.choice(won_rows, size=k, replace=False)] = np.nan
    probability = np.array(STAGE_PROBABILITY)[stage]
    tweak = (stage <= 3) & (rng.random(n) < 0.1)
    probability = np.where(tweak, np.clip(probability + rng.choice([-10, 5, 10], size=n), 5, 95), probability)
    planned = np.sum(means, axis=1) * rng.uniform(0.6, 1.4, n)
    expected = created // DAY + planned.astype(np.int64)
    expected = np.where(rng.random(n) < 0.03, NULL_TS, expected)
    reason = rng.choice(len(LOST_REASONS), size=n, p=LOST_REASON_WEIGHTS)
    lost_reason = null_where(pick(LOST_REASONS, reason), (stage != 5) | (rng.random(n) < 0.08))
    product_range = rng.choice(len(RANGE_NAMES), size=n, p=_RANGE_WEIGHTS)
    deleted = np.zeros(n, dtype=np.int8)
    pool = np.flatnonzero((stage == 5) | (stage == 0))
    kd = min(count(mess.tombstones, n, at_least=1), len(pool))
    deleted[rng.choice(pool, size=kd, replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + DAY, cal.end_ts), updated)
    opp_ids = ids("OPP-", np.arange(1, n + 1), 7)
    leads_ids = ids("LEAD-", np.maximum(lead, 0) + 1, 7)
    camp_ids = world.facts["campaigns"]["ids"]
    frame = Frame(entity("crm/opportunities"), {
        "opportunity_id": opp_ids,
        "account_id": acc.ids.take(pa.array(account)),
        "owner_rep_id": org.rep_ids.take(pa.array(owner)),
        "lead_id": null_where(leads_ids, lead < 0),
        "campaign_id": camp_ids.take(pa.array(np.maximum(campaign, 0), mask=campaign < 0)),
        "lead_source": pa.array(LEAD_SOURCES).take(pa.array(np.maximum(source, 0), mask=source < 0)),
        "product_range": pick(RANGE_NAMES, product_range),
        "stage": pick(STAGES, stage),
        "amount": amount,
        "probability": probability,
        "created_at": created,
        "expected_close_date": expected,
        "closed_at": closed_at,
        "lost_reason": lost_reason,
        "updated_at": updated,
        "is_deleted": deleted,
    })
    # stage history: one event per valid slot, in time order per opportunity
    slot_stage = np.broadcast_to(np.arange(5), (n, 5)).copy()
    slot_stage[:, 4] = np.where(won, 4, 5)
    rows, slots = np.nonzero(valid)
    history = Frame(entity("crm/opportunity_stage_history"), {
        "opportunity_id": opp_ids.take(pa.array(rows)),
        "stage": pick(STAGES, slot_stage[rows, slots]),
        "entered_at": ts[rows, slots],
    })
    world.facts["opportunities"] = {
        "ids": opp_ids, "account": account, "created": created, "stage": stage, "owner": owner,
        "closed_at": closed_at, "amount": amount, "proposal_at": np.where(valid[:, 2], ts[:, 2], NULL_TS),
        "last_event": last_event, "deleted": deleted, "expected": expected, "won": won,
        "updated": updated, "product_range": product_range, "campaign": campaign, "source": source,
    }
    world.put(frame)
    world.put(history)
    return frame, history

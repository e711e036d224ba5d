"""crm/campaigns and crm/campaign_members: e-mailings, ads, events, mailings and social
campaigns with their cost; members are contacts who were sent, opened, clicked, responded or
unsubscribed. A share of responses becomes an opportunity carrying the campaign_id (see
pipeline.py), so campaign revenue and ROI have won deals to count."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, at, business_seconds, to_date
from .frame import NULL_TS, Frame
from .reference import (CAMPAIGN_CHANNEL_WEIGHTS, CAMPAIGN_CHANNELS, CAMPAIGN_LABELS,
                        CAMPAIGN_LEAD_SOURCE, CAMPAIGN_THEMES, LEAD_SOURCES)
from .world import World

_DURATION = {"email": (1, 10), "paid_ads": (20, 90), "event": (1, 3), "direct_mail": (7, 30), "social": (14, 60)}
_COST = {"email": (150, 2500), "paid_ads": (2000, 25000), "event": (4000, 50000),
         "direct_mail": (1500, 12000), "social": (500, 8000)}
_SIZE = np.array([3.0, 1.0, 0.6, 2.0, 1.0])        # members per campaign, by channel
_P_OPEN = np.array([0.35, 0.15, 0.5, 0.0, 0.2])
_P_RESPOND = np.array([0.05, 0.03, 0.2, 0.03, 0.02])
_P_OPPORTUNITY = np.array([0.35, 0.35, 0.5, 0.3, 0.3])
_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre"]


def build_campaigns(world: World) -> Frame:
    rng = world.rng("campaigns")
    cal = world.cal
    n = world.sublinear(150, 8, power=0.75)
    n = max(n, round(n * min((cal.end_day - cal.start_day + 1) / 1035, 3)))
    channel = rng.choice(len(CAMPAIGN_CHANNELS), size=n, p=CAMPAIGN_CHANNEL_WEIGHTS)
    channel[:5] = np.arange(5)[: min(5, n)]
    starts = np.sort(cal.sample_days(rng, n, hi=cal.end_day))
    rng.shuffle(channel)
    names, ends, cost = [], np.empty(n, dtype=np.int64), np.empty(n)
    for i in range(n):
        ch = CAMPAIGN_CHANNELS[channel[i]]
        lo, hi = _DURATION[ch]
        ends[i] = starts[i] + rng.integers(lo - 1, hi)
        c_lo, c_hi = _COST[ch]
        cost[i] = round(c_lo + rng.random() * (c_hi - c_lo), -1)
        d = to_date(starts[i])
        label = CAMPAIGN_LABELS[ch][rng.integers(0, len(CAMPAIGN_LABELS[ch]))]
        theme = CAMPAIGN_THEMES[rng.integers(0, len(CAMPAIGN_THEMES))]
        names.append(f"{label} {theme} {_MONTHS_FR[d.month - 1]} {d.year}")
    always_on = np.isin(channel, [1, 4]) & (rng.random(n) < 0.15)
    ends = np.where(always_on, NULL_TS, ends)
    cost = np.where(rng.random(n) < world.opts.mess.missing_fields, np.nan, cost)
    upd_day = np.minimum(np.where(always_on, starts + 30, ends + 3), cal.end_day)
    updated = at(np.maximum(upd_day, starts), business_seconds(rng, n))
    updated = np.minimum(np.maximum(updated, starts * DAY), cal.end_ts)
    ids = [f"CAMP-{i:05d}" for i in range(1, n + 1)]
    world.facts["campaigns"] = {"starts": starts, "ends": ends, "channel": channel, "ids": pa.array(ids)}
    frame = Frame(entity("crm/campaigns"), {
        "campaign_id": ids, "name": names,
        "channel": [CAMPAIGN_CHANNELS[c] for c in channel],
        "starts_on": starts, "ends_on": ends, "cost": cost, "updated_at": updated,
    })
    return world.put(frame)


def build_campaign_members(world: World) -> Frame:
    rng = world.rng("campaign_members")
    cal = world.cal
    camp = world.facts["campaigns"]
    con = world.facts["contacts"]
    n_target = world.volume("campaign_members")
    w = _SIZE[camp["channel"]]
    per_campaign = rng.multinomial(n_target, w / w.sum())
    living = np.flatnonzero(con.account >= 0)                 # contacts are sorted by created_at
    living_created = con.created[living]
    parts_c, parts_contact = [], []
    for ci, m in enumerate(per_campaign):
        pool = np.searchsorted(living_created, camp["starts"][ci] * DAY, side="right")
        m = min(m, pool)
        if m:
            parts_contact.append(np.sort(living[rng.choice(pool, size=m, replace=False)]))
            parts_c.append(np.full(m, ci))
    c = np.concatenate(parts_c) if parts_c else np.array([], dtype=np.int64)
    contact = np.concatenate(parts_contact) if parts_contact else np.array([], dtype=np.int64)
    n_draw = len(c)
    ch = camp["channel"][c]
    starts = camp["starts"][c]
    last = np.where(camp["ends"][c] == NULL_TS, starts + 60, camp["ends"][c])
    lo = np.where(ch == 2, starts - 21, starts)
    hi = np.where(ch == 2, starts, last)
    sent_day = lo + (rng.random(n_draw) * (hi - lo + 1)).astype(np.int64)
    sent = at(sent_day, business_seconds(rng, n_draw))
    sent = np.maximum(sent, con.created[contact] + 60)
    rows = np.flatnonzero(sent <= cal.end_ts)
    c, contact, ch, sent = c[rows], contact[rows], ch[rows], sent[rows]
    n = len(rows)
    end = cal.end_ts
    opened = sent + rng.exponential(6 * 3600, n).astype(np.int64)
    is_open = (rng.random(n) < _P_OPEN[ch]) & (opened <= end)
    clicked = opened + rng.exponential(3600, n).astype(np.int64)
    is_click = is_open & (rng.random(n) < 0.25) & (clicked <= end)
    p_resp = _P_RESPOND[ch] * np.where(is_click, 3.0, 0.6)
    responded = np.where(is_click, clicked, sent) + rng.exponential(2 * DAY, n).astype(np.int64)
    is_resp = (rng.random(n) < p_resp) & (responded <= end)
    unsub = sent + rng.exponential(DAY, n).astype(np.int64)
    is_unsub = (ch == 0) & (rng.random(n) < 0.01) & (unsub <= end)
    opened = np.where(is_open, opened, NULL_TS)
    clicked = np.where(is_click, clicked, NULL_TS)
    responded = np.where(is_resp, responded, NULL_TS)
    unsub = np.where(is_unsub, unsub, NULL_TS)
    updated = np.max(np.stack([sent, opened, clicked, responded, unsub]), axis=0)
    # responses that turn into an opportunity a few days later
    opp = is_resp & (rng.random(n) < _P_OPPORTUNITY[ch])
    opp_created = responded + ((1 + rng.random(n) * 13) * DAY).astype(np.int64)
    opp &= opp_created <= end
    lead_source = np.array([LEAD_SOURCES.index(CAMPAIGN_LEAD_SOURCE[x]) for x in CAMPAIGN_CHANNELS])[ch]
    world.facts["campaign_opportunities"] = {
        "account": con.account[contact[opp]], "created": opp_created[opp], "campaign": c[opp],
        "lead_source": lead_source[opp]}
    frame = Frame(entity("crm/campaign_members"), {
        "campaign_id": camp["ids"].take(pa.array(c)), "contact_id": con.ids.take(pa.array(contact)),
        "sent_at": sent, "opened_at": opened, "clicked_at": clicked, "responded_at": responded,
        "unsubscribed_at": unsub, "updated_at": updated,
    })
    return world.put(frame)

"""crm/leads: inbound prospects through a funnel new -> working -> qualified -> converted
(or disqualified). Conversion rates depend on the source; recent leads are still in progress.
Converted leads create most of the accounts opened during the window (see accounts.py)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, at, business_seconds
from .frame import NULL_TS, Frame
from .options import count
from .reference import COUNTRIES, LEAD_SOURCE_WEIGHTS, LEAD_SOURCES
from .text import ids, null_where, pick
from .world import World

_P_QUALIFY = np.array([0.35, 0.3, 0.4, 0.65, 0.5, 0.55])  # by LEAD_SOURCES
_P_CONVERT = 0.55


@dataclass
class LeadDraft:
    created: np.ndarray
    source: np.ndarray
    country: np.ndarray
    status: np.ndarray        # object array of status names
    qualified: np.ndarray     # ts or NULL_TS
    converted: np.ndarray     # ts or NULL_TS
    updated: np.ndarray
    owner: np.ndarray         # rep index or -1
    account: np.ndarray       # converted account index (filled by accounts.py), -1 otherwise


def draft_leads(world: World) -> LeadDraft:
    rng = world.rng("leads")
    cal, org = world.cal, world.facts["org"]
    n = world.volume("leads")
    day = np.sort(cal.sample_days(rng, n, hi=cal.end_day))
    created = at(day, business_seconds(rng, n))
    source = rng.choice(len(LEAD_SOURCES), size=n, p=LEAD_SOURCE_WEIGHTS)
    country = rng.choice(len(COUNTRIES), size=n, p=[c[1] for c in COUNTRIES])
    qual_at = created + (rng.gamma(2.0, 4.0, n) * DAY).astype(np.int64)
    conv_at = qual_at + (rng.gamma(2.0, 6.0, n) * DAY).astype(np.int64)
    qualifies = rng.random(n) < _P_QUALIFY[source]
    converts = qualifies & (rng.random(n) < _P_CONVERT)
    q_done = qualifies & (qual_at <= cal.end_ts)
    c_done = converts & q_done & (conv_at <= cal.end_ts)
    disq_at = created + ((5 + rng.random(n) * 25) * DAY).astype(np.int64)
    disq = ~qualifies & (disq_at <= cal.end_ts) & (rng.random(n) < 0.8)
    age_days = (cal.end_ts - created) / DAY
    working = rng.random(n) < np.where(age_days > 5, 0.7, 0.35)
    status = np.where(c_done, "converted", np.where(q_done, "qualified", np.where(
        disq, "disqualified", np.where(working, "working", "new")))).astype(object)
    qualified = np.where(q_done, qual_at, NULL_TS)
    converted = np.where(c_done, conv_at, NULL_TS)
    updated = np.where(c_done, conv_at, np.where(q_done, qual_at, np.where(disq, disq_at, created)))
    touched = (status == "working")
    updated = np.where(touched, created + (rng.random(n) * np.minimum(age_days, 20) * DAY).astype(np.int64), updated)
    updated = np.minimum(updated, cal.end_ts)
    # owner: a rep of the business unit serving the lead's country (none yet for most new leads)
    bu = np.where(np.array([c[0] for c in COUNTRIES])[country] == "FR", 0, 2)
    owner = np.empty(n, dtype=np.int64)
    for b in np.unique(bu):
        m = bu == b
        owners = org.owners_by_bu[b]
        owner[m] = owners[rng.integers(0, len(owners), m.sum())]
    owner = org.effective(owner, updated // DAY)
    owner = np.where((status == "new") & (rng.random(n) < 0.6), -1, owner)
    draft = LeadDraft(created, source, country, status, qualified, converted, updated, owner,
                      np.full(n, -1, dtype=np.int64))
    world.facts["leads"] = draft
    return draft


def leads_frame(world: World) -> Frame:
    rng = world.rng("leads.frame")
    d: LeadDraft = world.facts["leads"]
    org = world.facts["org"]
    acc_ids = world.facts["accounts"].ids
    n = len(d.created)
    deleted = np.zeros(n, dtype=np.int8)
    spam = np.flatnonzero(np.isin(d.status, ["new", "disqualified"]))
    k = count(world.opts.mess.tombstones, n, at_least=1)
    if len(spam):
        deleted[rng.choice(spam, size=min(k, len(spam)), replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(d.updated + DAY, world.cal.end_ts), d.updated)
    country = pick([c[0] for c in COUNTRIES], d.country)
    country = null_where(country, rng.random(n) < world.opts.mess.missing_fields)
    frame = Frame(entity("crm/leads"), {
        "lead_id": ids("LEAD-", np.arange(1, n + 1), 7),
        "created_at": d.created,
        "source": pick(["email", "paid_ads", "organic", "referral", "event", "partner"], d.source),
        "country": country,
        "owner_rep_id": org.rep_ids.take(pa.array(np.maximum(d.owner, 0), mask=d.owner < 0)),
        "status": pa.array(d.status.tolist(), type=pa.string()),
        "qualified_at": d.qualified,
        "converted_at": d.converted,
        "converted_account_id": acc_ids.take(pa.array(np.maximum(d.account, 0), mask=d.account < 0)),
        "updated_at": updated,
        "is_deleted": deleted,
    })
    return world.put(frame)

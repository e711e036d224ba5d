"""crm/quotes: a quote when an opportunity reaches the proposal stage (sometimes a revised
second one), plus a few direct quotes without opportunity. Status follows the deal (won ->
accepted, lost -> rejected/expired, open -> sent or draft); follow_up_on is a week or two
after sending, and missing on some sent quotes (an alert)."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, business_seconds
from .frame import NULL_TS, Frame
from .options import count
from .text import ids
from .world import World, lognormal

_STATUSES = ["draft", "sent", "accepted", "rejected", "expired"]


def build_quotes(world: World) -> Frame:
    rng = world.rng("quotes")
    cal, mess = world.cal, world.opts.mess
    opp = world.facts["opportunities"]
    acc = world.facts["accounts"]
    org = world.facts["org"]
    has = np.flatnonzero(opp["proposal_at"] != NULL_TS)
    second = has[rng.random(len(has)) < 0.2]
    o = np.concatenate([has, second])
    revision = np.concatenate([np.zeros(len(has), bool), np.ones(len(second), bool)])
    n_o = len(o)
    base = opp["proposal_at"][o] + np.where(revision, (5 + rng.random(n_o) * 15) * DAY, 0).astype(np.int64)
    sent = (base // DAY + rng.integers(0, 4, n_o)) * DAY + business_seconds(rng, n_o)
    sent = np.maximum(sent, base + 600)
    stage = opp["stage"][o]
    closed = opp["closed_at"][o]
    # a revision sent after the deal closed did not happen
    keep = ~(revision & (closed != NULL_TS) & (sent >= closed))
    o, revision, sent, stage, closed = o[keep], revision[keep], sent[keep], stage[keep], closed[keep]
    n_o = len(o)
    is_sent = (sent <= cal.end_ts) & ((closed == NULL_TS) | (sent < closed))
    latest = np.where(revision, True, ~np.isin(o, o[revision]))
    status = np.where(~is_sent, 0, 1)
    status = np.where(is_sent & (stage == 4), np.where(latest, 2, 3), status)
    status = np.where(is_sent & (stage == 5), np.where(rng.random(n_o) < 0.7, 3, 4), status)
    old_open = is_sent & (stage <= 3) & (cal.end_ts - sent > 75 * DAY)
    status = np.where(old_open & (rng.random(n_o) < 0.4), 4, status)
    sent = np.where(is_sent, sent, NULL_TS)
    amount = opp["amount"][o] * rng.uniform(0.9, 1.1, n_o)
    amount = np.where(np.isnan(amount), lognormal(rng, 8000.0, 0.8, n_o), amount)
    amount = np.round(amount, -1)
    account = opp["account"][o]
    owner = opp["owner"][o]
    # a few direct quotes to existing accounts, without opportunity
    n_d = max(3, round(0.08 * n_o))
    d_acc = rng.integers(0, len(acc), n_d)
    d_day = cal.sample_days(rng, n_d, lo=np.maximum(acc.created[d_acc] // DAY, cal.start_day), hi=cal.end_day)
    d_sent = np.maximum(d_day * DAY + business_seconds(rng, n_d), acc.created[d_acc])
    d_status = np.where(cal.end_ts - d_sent > 45 * DAY, rng.choice([2, 3, 4], size=n_d, p=[0.45, 0.35, 0.2]), 1)
    sent = np.concatenate([sent, d_sent])
    status = np.concatenate([status, d_status])
    amount = np.concatenate([amount, np.round(lognormal(rng, 3000.0, 0.8, n_d), -1)])
    account = np.concatenate([account, d_acc])
    owner = np.concatenate([owner, org.effective(acc.owner_orig[d_acc], d_day)])
    o = np.concatenate([o, np.full(n_d, -1)])
    created = np.where(sent != NULL_TS, sent, np.concatenate([opp["proposal_at"][o[:n_o]], d_sent]))
    n = len(o)
    follow = np.where(sent != NULL_TS, sent // DAY + rng.integers(5, 16, n), NULL_TS)
    sent_rows = np.flatnonzero(status == 1)
    no_follow = np.zeros(n, bool)
    no_follow[rng.choice(sent_rows, size=count(0.08, len(sent_rows), at_least=1), replace=False)] = True
    follow = np.where(no_follow, NULL_TS, follow)
    closed_all = np.where(o >= 0, opp["closed_at"][np.maximum(o, 0)], NULL_TS)
    updated = np.where(np.isin(status, [2, 3]) & (closed_all != NULL_TS), closed_all,
                       np.where(status == 4, sent + 60 * DAY, created))
    updated = np.where(status == 4, np.minimum(updated, cal.end_ts), updated)
    updated = np.where((status == 3) & (closed_all == NULL_TS), np.minimum(sent + 20 * DAY, cal.end_ts), updated)
    updated = np.where((status == 2) & (closed_all == NULL_TS), np.minimum(sent + 10 * DAY, cal.end_ts), updated)
    updated = np.minimum(np.maximum(updated, created), cal.end_ts)
    order = np.argsort(created, kind="stable")
    o, status, sent, follow, amount, account, owner, updated = (
        a[order] for a in (o, status, sent, follow, amount, account, owner, updated))
    deleted = np.zeros(n, dtype=np.int8)
    drafts = np.flatnonzero(status == 0)
    pool = drafts if len(drafts) else np.arange(n)
    deleted[rng.choice(pool, size=min(count(mess.tombstones, n, at_least=1), len(pool)), replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + DAY, cal.end_ts), updated)
    frame = Frame(entity("crm/quotes"), {
        "quote_id": ids("QUO-", np.arange(1, n + 1), 7),
        "opportunity_id": opp["ids"].take(pa.array(np.maximum(o, 0), mask=o < 0)),
        "account_id": acc.ids.take(pa.array(account)),
        "owner_rep_id": org.rep_ids.take(pa.array(owner)),
        "amount": amount,
        "sent_at": sent,
        "follow_up_on": follow,
        "status": pa.array(_STATUSES).take(pa.array(status)),
        "updated_at": updated,
        "is_deleted": deleted,
    })
    return world.put(frame)


"""erp/orders and erp/order_lines.

Each customer orders at its own pace (by segment, with heterogeneity) between the day it may
first order and --end, or until it churns; days follow the business calendar (growth, August
and Christmas dips). Channels depend on the segment (field reps for big accounts, web for
small ones, weekend orders on the web). Orders are delivered after a lead time, so the last
days are still open; a few are cancelled, a few stay open as backorders. Lines pick products
mostly in the customer's favourite ranges; quantities, negotiated prices and discounts vary
by segment; some lines have no discount (NULL = 0) or no unit cost stamped."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, business_seconds, dow_of, web_seconds
from .frame import NULL_TS, Frame
from .options import count
from .reference import ORDER_CHANNELS, PRODUCT_RANGES
from .text import ids, pick
from .world import World

_CHANNEL_BY_SEGMENT = np.array([[0.25, 0.3, 0.35, 0.1], [0.45, 0.25, 0.25, 0.05],
                                [0.6, 0.2, 0.18, 0.02], [0.7, 0.15, 0.15, 0.0]])
_LINES_MEAN = np.array([1.9, 2.5, 3.1, 3.6])
_RANGE_W = np.array([r[1] for r in PRODUCT_RANGES])
_QTY_MEAN = np.array([0.3, 8.0, 2.0, 1.5, 4.0])
_QTY_SEGMENT = np.array([1.0, 1.5, 2.5, 4.0])
_DISCOUNTS = np.array([0, 5, 10, 15, 20])
_DISCOUNT_BY_SEGMENT = np.array([[0.85, 0.15, 0, 0, 0], [0.6, 0.3, 0.1, 0, 0],
                                 [0.3, 0.3, 0.3, 0.1, 0], [0, 0.2, 0.3, 0.3, 0.2]])


def _choice_rows(rng, probs: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each row r, an index drawn from probs[r] (rows of a small probability table)."""
    cdf = np.cumsum(probs, axis=1)[rows]
    u = rng.random(len(rows))[:, None]
    return np.minimum((u > cdf).sum(axis=1), probs.shape[1] - 1)


def build_orders(world: World) -> tuple[Frame, Frame]:
    rng = world.rng("orders")
    cal, org, mess = world.cal, world.facts["org"], world.opts.mess
    cust, acc = world.facts["customers"], world.facts["accounts"]
    n_target = world.volume("orders")
    active = cust.hi >= cust.lo
    years = np.where(active, (cust.hi - cust.lo + 1) / 365.25, 0.0)
    expected = cust.intensity * years
    forced = np.flatnonzero(cust.new & active)
    n_free = max(n_target - len(forced), 0)
    counts = rng.multinomial(n_free, expected / expected.sum())
    c = np.concatenate([np.repeat(np.arange(len(cust)), counts), forced])
    n = len(c)
    day = cal.sample_days(rng, n, lo=cust.lo[c], hi=cust.hi[c])
    day[n - len(forced):] = np.minimum(cust.lo[forced] + rng.integers(0, 21, len(forced)), cust.hi[forced])
    segment = cust.segment[c]
    channel = _choice_rows(rng, _CHANNEL_BY_SEGMENT, segment)
    weekend = dow_of(day) >= 5
    channel = np.where(weekend, np.where(rng.random(n) < 0.9, 2, 3), channel)
    secs = np.where(channel == 2, web_seconds(rng, n), business_seconds(rng, n))
    ordered = day * DAY + secs
    linked = cust.account[c] >= 0
    acc_idx = np.maximum(cust.account[c], 0)
    regions = org.owners_by_bu[0]
    rep = np.where(linked, org.effective(acc.owner_orig[acc_idx], day), regions[rng.integers(0, len(regions), n)])
    with_rep = (channel == 0) | ((channel == 1) & (rng.random(n) < 0.6) & linked)
    rep = np.where(with_rep, rep, -1)
    # delivery
    lead = np.where(channel == 3, 0, np.where(channel == 2, rng.integers(2, 6, n), 1 + np.round(rng.gamma(2.0, 2.5, n))))
    delivered = (day + lead.astype(np.int64)) * DAY + business_seconds(rng, n)
    delivered = np.where(channel == 3, ordered + 600, np.maximum(delivered, ordered + 3600))
    r = rng.random(n)
    cancelled = r < 0.03
    backorder = (r > 0.985) & (cal.end_ts - ordered > 30 * DAY)
    status = np.where(cancelled, 2, np.where(backorder | (delivered > cal.end_ts), 0, 1))
    delivered = np.where(status == 1, delivered, NULL_TS)
    requested = np.where(rng.random(n) < 0.12, NULL_TS, day + rng.integers(2, 22, n))
    updated = np.where(status == 1, delivered, np.where(
        status == 2, ordered + ((0.2 + rng.random(n) * 5) * DAY).astype(np.int64), ordered + (rng.random(n) * DAY).astype(np.int64)))
    updated = np.minimum(updated, cal.end_ts)
    order = np.argsort(ordered, kind="stable")
    c, day, channel, ordered, rep, status, delivered, requested, updated, segment = (
        a[order] for a in (c, day, channel, ordered, rep, status, delivered, requested, updated, segment))
    deleted = np.zeros(n, dtype=np.int8)
    pool = np.flatnonzero(status == 2)
    kd = min(count(mess.tombstones / 5, n, at_least=1), len(pool))
    deleted[rng.choice(pool, size=kd, replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + DAY, cal.end_ts), updated)
    order_ids = ids("CMD-", np.arange(1, n + 1), 9)
    orders = Frame(entity("erp/orders"), {
        "order_id": order_ids,
        "erp_customer_id": cust.ids.take(pa.array(c)),
        "rep_id": org.rep_ids.take(pa.array(np.maximum(rep, 0), mask=rep < 0)),
        "channel": pick(ORDER_CHANNELS, channel),
        "status": pick(["open", "delivered", "cancelled"], status),
        "ordered_at": ordered,
        "requested_delivery_on": requested,
        "delivered_at": delivered,
        "updated_at": updated,
        "is_deleted": deleted,
    })
    lines, net_cents, line_facts = order_lines(world, rng, c, segment, ordered, order_ids)
    world.facts["order_lines"] = line_facts
    world.facts["orders"] = {"ids": order_ids, "customer": c, "day": day, "ordered": ordered, "rep": rep,
                             "status": status, "delivered": delivered, "deleted": deleted,
                             "net_cents": net_cents, "channel": channel, "updated": updated}
    world.put(orders)
    world.put(lines)
    return orders, lines


def order_lines(world: World, rng, c, segment, ordered, order_ids):
    """Lines of orders c (customer index per order): (frame, net cents per order, facts)."""
    cust, cat = world.facts["customers"], world.facts["catalog"]
    n_orders = len(c)
    k = 1 + rng.poisson(_LINES_MEAN[segment] - 1)
    o = np.repeat(np.arange(n_orders), k)
    n = len(o)
    starts = np.concatenate([[0], np.cumsum(k)[:-1]])
    line_no = np.arange(n) - np.repeat(starts, k) + 1
    # favourite ranges per customer
    n_cust = len(cust)
    fav1 = rng.choice(len(_RANGE_W), size=n_cust, p=_RANGE_W)
    fav2 = rng.choice(len(_RANGE_W), size=n_cust, p=_RANGE_W)
    oc = c[o]
    r = rng.random(n)
    rng_idx = np.where(r < 0.6, fav1[oc], np.where(r < 0.85, fav2[oc], rng.choice(len(_RANGE_W), size=n, p=_RANGE_W)))
    product = np.empty(n, dtype=np.int64)
    u = rng.random(n)
    for ri in range(len(_RANGE_W)):
        m = rng_idx == ri
        pos = np.minimum(np.searchsorted(cat.popularity[ri], u[m]), len(cat.by_range[ri]) - 1)
        product[m] = cat.by_range[ri][pos]
    seg = segment[o]
    qty = 1 + rng.poisson(_QTY_MEAN[rng_idx] * _QTY_SEGMENT[seg])
    price = cat.price_cents[product]
    negotiated = rng.random(n) < 0.08
    price = np.where(negotiated, np.maximum(20, np.round(price * rng.uniform(0.85, 0.98, n) / 20) * 20), price).astype(np.int64)
    disc = _DISCOUNTS[_choice_rows(rng, _DISCOUNT_BY_SEGMENT, seg)]
    line_cents = qty * price * (100 - disc) // 100
    net_cents = np.bincount(o, weights=line_cents, minlength=n_orders).round().astype(np.int64)
    discount = np.where((disc == 0) & (rng.random(n) < 0.4), np.nan, disc.astype(float))
    unit_cost = np.where(rng.random(n) < 0.08, np.nan, cat.unit_cost[product])
    updated = ordered[o] + rng.integers(0, 600, n)
    lines = Frame(entity("erp/order_lines"), {
        "order_id": order_ids.take(pa.array(o)),
        "line_no": line_no,
        "product_id": ids("PRD-", product + 1, 5),
        "quantity": qty.astype(float),
        "unit_price": price / 100.0,
        "discount_pct": discount,
        "unit_cost": unit_cost,
        "updated_at": np.minimum(updated, world.cal.end_ts),
    })
    facts = {"order": o, "product": product, "qty": qty, "price_cents": price, "disc": disc, "line_cents": line_cents}
    return lines, net_cents, facts



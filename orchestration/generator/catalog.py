"""erp/products: the catalogue, in five ranges (équipements, consommables, pièces détachées,
services, logiciels) with categories, list prices and unit costs (a few costs unknown).
List prices are multiples of 0.20 EUR so that every discounted line amount is a whole number
of cents (discounts are multiples of 5 %): invoice totals then equal order totals exactly."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..contract import entity
from .calendar import DAY, business_seconds
from .frame import Frame
from .options import count
from .reference import PRODUCT_RANGES
from .world import World, zipf_weights

_RANGE_SHARE = [0.25, 0.35, 0.2, 0.1, 0.1]


@dataclass
class Catalog:
    range_: np.ndarray        # range index per product
    price_cents: np.ndarray   # list price in cents (multiple of 20)
    unit_cost: np.ndarray     # NaN when unknown
    by_range: list            # product indices per range, most popular first
    popularity: list          # cumulative pick probabilities per range


def build_products(world: World) -> Frame:
    rng = world.rng("products")
    cal, mess = world.cal, world.opts.mess
    n = world.sublinear(400, 40)
    per_range = np.maximum(3, np.round(np.array(_RANGE_SHARE) * n)).astype(int)
    names, categories, ranges, prices, costs = [], [], [], [], []
    for r, (rname, _, cats, median, margin) in enumerate(PRODUCT_RANGES):
        for i in range(per_range[r]):
            cat, items = cats[i % len(cats)]
            item = items[rng.integers(0, len(items))]
            code = f"{rname[:2].upper()}{rng.integers(100, 999)}-{i + 1:03d}"
            names.append(f"{item} {code}")
            categories.append(cat)
            ranges.append(r)
            price = max(median * float(np.exp(0.6 * rng.standard_normal())), 1.0)
            price_c = max(20, int(round(price * 5)) * 20)
            prices.append(price_c)
            costs.append(round(price_c / 100 * (1 - margin * rng.uniform(0.7, 1.3)), 2))
    n = len(names)
    range_ = np.array(ranges)
    price_cents = np.array(prices, dtype=np.int64)
    unit_cost = np.array(costs)
    unknown = rng.choice(n, size=count(mess.missing_fields, n, at_least=1), replace=False)
    unit_cost[unknown] = np.nan
    days = np.where(rng.random(n) < 0.5, cal.start_day - rng.integers(1, 400, n),
                    cal.start_day + (rng.random(n) * max(cal.end_day - cal.start_day, 1)).astype(np.int64))
    updated = np.minimum(days * DAY + business_seconds(rng, n), cal.end_ts)
    by_range, popularity = [], []
    for r in range(len(PRODUCT_RANGES)):
        members = np.flatnonzero(range_ == r)
        members = members[rng.permutation(len(members))]
        by_range.append(members)
        popularity.append(np.cumsum(zipf_weights(len(members), 1.0)))
    world.facts["catalog"] = Catalog(range_, price_cents, unit_cost, by_range, popularity)
    frame = Frame(entity("erp/products"), {
        "product_id": [f"PRD-{i:05d}" for i in range(1, n + 1)],
        "name": names,
        "product_range": [PRODUCT_RANGES[r][0] for r in ranges],
        "category": categories,
        "list_price": price_cents / 100.0,
        "unit_cost": unit_cost,
        "updated_at": updated,
    })
    return world.put(frame)

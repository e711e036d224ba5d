"""erp/invoices: one invoice per delivered order, issued on or a few days after delivery,
amount_excl_tax = the order's net amount to the cent; VAT by customer country (0 for export
and intra-EU reverse charge); paid around the due date, some late or unpaid. Plus credit
notes (positive amounts, invoice_type credit_note) for part or all of some invoices."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, business_seconds
from .frame import NULL_TS, Frame
from .options import count
from .reference import COUNTRIES
from .text import ids, pick, where
from .world import World

_TAX = np.array([c[4] for c in COUNTRIES])


def build_invoices(world: World) -> Frame:
    rng = world.rng("invoices")
    cal, mess = world.cal, world.opts.mess
    od, cust = world.facts["orders"], world.facts["customers"]
    eligible = np.flatnonzero((od["status"] == 1) & (od["deleted"] == 0))
    deliv_day = od["delivered"][eligible] // DAY
    delay = rng.choice([0, 1, 2, 3, 5, 7], size=len(eligible), p=[0.5, 0.2, 0.1, 0.08, 0.07, 0.05])
    delay = np.where(od["channel"][eligible] == 3, 0, delay)
    inv_day = deliv_day + delay
    ok = inv_day <= cal.end_day
    o, inv_day = eligible[ok], inv_day[ok]
    n = len(o)
    cents = od["net_cents"][o]
    customer = od["customer"][o]
    tax_rate = _TAX[cust.country[customer]]
    terms = np.where(cust.segment[customer] >= 2, 45, 30)
    due = inv_day + terms
    late = rng.normal(-3, 12, n).round().astype(np.int64)
    paid_day = np.clip(due + late, inv_day, None)
    paid = np.where(due <= cal.end_day, rng.random(n) < 0.92, rng.random(n) < 0.35)
    paid_day = np.where(due > cal.end_day, inv_day + (rng.random(n) * (cal.end_day - inv_day + 1)).astype(np.int64), paid_day)
    paid = paid & (paid_day <= cal.end_day)
    paid_on = np.where(paid, paid_day, NULL_TS)
    # credit notes
    k = count(0.02, n, at_least=1)
    src = rng.choice(n, size=min(k, n), replace=False)
    cn_day = inv_day[src] + rng.integers(3, 46, len(src))
    keep = cn_day <= cal.end_day
    src, cn_day = src[keep], cn_day[keep]
    share = rng.choice([0.1, 0.25, 0.5, 1.0], size=len(src), p=[0.35, 0.3, 0.2, 0.15])
    cn_cents = np.maximum(np.round(cents[src] * share), 1).astype(np.int64)
    cn_paid = np.where(cn_day + 20 <= cal.end_day, cn_day + rng.integers(0, 21, len(src)), NULL_TS)
    cn_order = np.where(rng.random(len(src)) < 0.9, o[src], -1)
    all_day = np.concatenate([inv_day, cn_day])
    all_cents = np.concatenate([cents, cn_cents])
    all_rate = np.concatenate([tax_rate, tax_rate[src]])
    all_order = np.concatenate([o, cn_order])
    all_cust = np.concatenate([customer, customer[src]])
    all_due = np.concatenate([due, cn_day])
    all_paid = np.concatenate([paid_on, cn_paid])
    is_cn = np.concatenate([np.zeros(n, bool), np.ones(len(src), bool)])
    last = np.where(all_paid != NULL_TS, all_paid, all_day)
    m = len(all_day)
    updated = np.minimum(last * DAY + business_seconds(rng, m), cal.end_ts)
    order = np.lexsort((is_cn, all_day))
    all_day, all_cents, all_rate, all_order, all_cust, all_due, all_paid, is_cn, updated = (
        a[order] for a in (all_day, all_cents, all_rate, all_order, all_cust, all_due, all_paid, is_cn, updated))
    seq_inv = np.cumsum(~is_cn)
    seq_cn = np.cumsum(is_cn)
    inv_ids = ids("FAC-", seq_inv, 9)
    cn_ids = ids("AVO-", seq_cn, 9)
    invoice_id = where(is_cn, cn_ids, inv_ids)
    tax = np.round(all_cents * all_rate) / 100.0
    frame = Frame(entity("erp/invoices"), {
        "invoice_id": invoice_id,
        "order_id": od["ids"].take(pa.array(np.maximum(all_order, 0), mask=all_order < 0)),
        "erp_customer_id": cust.ids.take(pa.array(all_cust)),
        "invoice_type": pick(["invoice", "credit_note"], is_cn.astype(np.int64)),
        "invoiced_on": all_day,
        "due_on": all_due,
        "paid_on": all_paid,
        "amount_excl_tax": all_cents / 100.0,
        "tax_amount": tax,
        "updated_at": updated,
    })
    world.facts["invoices"] = {"order": all_order, "day": all_day, "cents": all_cents, "is_cn": is_cn,
                               "customer": all_cust, "n_invoices": int((~is_cn).sum()), "n_credit_notes": int(is_cn.sum())}
    world.note("credit_notes", int(is_cn.sum()))
    return world.put(frame)



"""erp/customers and the CRM<->ERP link (accounts.erp_customer_id is filled here too).

Customers are most legacy accounts (more often the bigger ones), accounts that won a deal
(they order after the close) and some that order directly. The link is mostly both ways;
some ERP customers are linked only through accounts.erp_customer_id, some only through
crm_account_id. Mess: ERP customers linked to no account (they still order), accounts whose
erp_customer_id names no ERP customer, and linked pairs whose countries differ."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..contract import entity
from .calendar import DAY, business_seconds
from .frame import NULL_TS, Frame
from .names import company_names, vat_numbers
from .options import count
from .reference import COUNTRIES, INDUSTRIES
from .text import ids, null_where, take, where
from .world import World

COUNTRY_CODES = [c[0] for c in COUNTRIES]
_P_CUSTOMER = np.array([0.55, 0.7, 0.8, 0.9])
_ORDERS_PER_YEAR = np.array([4.0, 10.0, 24.0, 55.0])


@dataclass
class Customers:
    ids: pa.Array
    account: np.ndarray     # linked account index, -1 if unlinked
    segment: np.ndarray
    country: np.ndarray     # ERP country index
    lo: np.ndarray          # first day it may order
    hi: np.ndarray          # last day it orders (churn) or --end
    intensity: np.ndarray   # orders per year
    new: np.ndarray         # became a customer during the window

    def __len__(self):
        return len(self.lo)


def build_customers(world: World) -> Frame:
    rng = world.rng("customers")
    cal, mess = world.cal, world.opts.mess
    acc, opp = world.facts["accounts"], world.facts["opportunities"]
    n_acc = len(acc)
    live = (acc.deleted == 0) & ~acc.is_duplicate
    legacy = acc.created < cal.start_day * DAY
    # first won deal of each account
    won = np.flatnonzero((opp["stage"] == 4) & (opp["deleted"] == 0))
    first_won = np.full(n_acc, np.iinfo(np.int64).max)
    np.minimum.at(first_won, opp["account"][won], opp["closed_at"][won] // DAY)
    is_cust = np.zeros(n_acc, bool)
    lo = np.full(n_acc, cal.start_day, dtype=np.int64)
    legacy_cust = live & legacy & (rng.random(n_acc) < _P_CUSTOMER[acc.segment])
    is_cust |= legacy_cust
    won_cust = live & ~legacy & (first_won < np.iinfo(np.int64).max)
    lo = np.where(won_cust, first_won + rng.integers(3, 21, n_acc), lo)
    direct = live & ~legacy & ~won_cust & (rng.random(n_acc) < 0.25)
    lo = np.where(direct, acc.created // DAY + rng.integers(0, 31, n_acc), lo)
    is_cust |= won_cust | direct
    is_cust &= lo <= cal.end_day
    churn = legacy_cust & (rng.random(n_acc) < 0.18)
    hi = np.where(churn, cal.start_day + (rng.random(n_acc) * max(cal.end_day - cal.start_day, 1)).astype(np.int64), cal.end_day)
    cust_acc = np.flatnonzero(is_cust)
    n_link = len(cust_acc)
    n_unlinked = count(mess.unlinked_customers, n_link, at_least=1)
    # unlinked ERP customers: small companies created in the ERP only
    u_ind = rng.choice(len(INDUSTRIES), size=n_unlinked)
    u_country = np.zeros(n_unlinked, dtype=np.int64)
    u_name, _ = company_names(rng, u_ind, u_country)
    segment = np.concatenate([acc.segment[cust_acc], rng.choice(2, size=n_unlinked)])
    country = np.concatenate([acc.country[cust_acc], u_country])
    c_lo = np.concatenate([np.maximum(lo[cust_acc], cal.start_day), cal.start_day + rng.integers(0, max(cal.end_day - cal.start_day, 1), n_unlinked)])
    c_hi = np.concatenate([np.maximum(hi[cust_acc], lo[cust_acc]), np.full(n_unlinked, cal.end_day)])
    new = np.concatenate([~legacy[cust_acc], np.ones(n_unlinked, bool)])
    account = np.concatenate([cust_acc, np.full(n_unlinked, -1)])
    n = len(account)
    intensity = _ORDERS_PER_YEAR[segment] * np.exp(0.6 * rng.standard_normal(n))
    acc_created = np.where(account >= 0, acc.created[np.maximum(account, 0)], c_lo * DAY)
    created = np.where(new, np.maximum(c_lo * DAY - (rng.random(n) * 3 * DAY).astype(np.int64), acc_created),
                       acc_created + (rng.random(n) * 30 * DAY).astype(np.int64))
    created = np.minimum((created // DAY) * DAY + business_seconds(rng, n), cal.end_ts)
    order = np.argsort(created, kind="stable")
    account, segment, country, c_lo, c_hi, new, intensity, created = (
        a[order] for a in (account, segment, country, c_lo, c_hi, new, intensity, created))
    cust_ids = ids("CLI-", np.arange(1, n + 1), 7)
    linked = account >= 0
    # link modes of linked customers: both ways / only accounts.erp_customer_id / only crm_account_id
    mode = np.where(linked, rng.choice(3, size=n, p=[0.9, 0.04, 0.06]), 3)
    crm_account_id = acc.ids.take(pa.array(np.maximum(account, 0), mask=(mode == 1) | (mode == 3)))
    erp_of_account = np.full(n_acc, -1, dtype=np.int64)
    named = linked & (mode != 2)
    erp_of_account[account[named]] = np.flatnonzero(named)
    # accounts naming an ERP customer that does not exist
    prospects = np.flatnonzero(~is_cust & (acc.deleted == 0))
    k_broken = min(count(mess.broken_crm_links, n_acc, at_least=1), len(prospects))
    broken = rng.choice(prospects, size=k_broken, replace=False) if k_broken else np.array([], dtype=np.int64)
    account_erp = cust_ids.take(pa.array(np.maximum(erp_of_account, 0), mask=erp_of_account < 0))
    if len(broken):
        bmask = np.zeros(n_acc, bool)
        bmask[broken] = True
        fake = ids("CLI-9", rng.integers(0, 999_999, n_acc), 6)
        account_erp = where(bmask, fake, account_erp)
    # ERP country differs from the CRM one for a few linked pairs
    erp_country = country.copy()
    both = np.flatnonzero(mode == 0)
    k_mis = min(count(mess.country_mismatches, len(both), at_least=1), len(both))
    mis = rng.choice(both, size=k_mis, replace=False)
    erp_country[mis] = (country[mis] + 1 + rng.integers(0, len(COUNTRY_CODES) - 1, k_mis)) % len(COUNTRY_CODES)
    # names: the CRM name, often upper-cased by the ERP; unlinked ones their own
    src_name = acc.name.take(pa.array(np.maximum(account, 0)))
    if n_unlinked:
        name = where(linked, src_name, take(u_name, np.where(linked, 0, order - n_link)))
    else:
        name = src_name
    name = where(rng.random(n) < 0.4, pc.utf8_upper(name), name)
    vat = where(linked, acc.vat.take(pa.array(np.maximum(account, 0))), vat_numbers(rng, COUNTRY_CODES, erp_country))
    vat = null_where(vat, rng.random(n) < 0.05)
    span = np.maximum(cal.end_ts - created, 0)
    updated = created + (rng.random(n) * np.where(rng.random(n) < 0.5, span, np.minimum(span, 10 * DAY))).astype(np.int64)
    updated = np.minimum(updated, cal.end_ts)
    frame = Frame(entity("erp/customers"), {
        "erp_customer_id": cust_ids,
        "crm_account_id": crm_account_id,
        "name": name,
        "country": pa.array(COUNTRY_CODES).take(pa.array(erp_country)),
        "vat_number": vat,
        "created_at": np.where(rng.random(n) < 0.02, NULL_TS, created),
        "updated_at": updated,
    })
    world.facts["customers"] = Customers(cust_ids, account, segment, country, c_lo, c_hi, intensity, new)
    world.facts["account_erp_customer_id"] = account_erp
    world.note("unlinked_customers", n_unlinked)
    world.note("broken_crm_links", len(broken))
    world.note("country_mismatches", k_mis)
    world.note("customers_linked_only_by_account", int((mode == 1).sum()))
    return world.put(frame)

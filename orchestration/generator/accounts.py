"""crm/accounts: the customer and prospect base. Most accounts pre-date the window; those
opened during it come mostly from converted leads (created_at = the lead's converted_at).
Each account belongs to a business unit (non-French -> International, GE and most ETI ->
Grands Comptes, others -> Régions) and is owned by a rep of that unit. A few accounts are
re-entered duplicates (name in another case/punctuation), some of them later deleted."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..contract import entity
from .calendar import DAY, at, business_seconds
from .frame import Frame
from .names import company_names, vat_numbers
from .options import count
from .reference import COUNTRIES, INDUSTRIES, LEAD_SOURCE_WEIGHTS, LEAD_SOURCES, SEGMENT_WEIGHTS, SEGMENTS
from .text import ids, null_where, pick, take, where
from .world import World

COUNTRY_CODES = [c[0] for c in COUNTRIES]


@dataclass
class Accounts:
    ids: pa.Array
    created: np.ndarray
    updated: np.ndarray
    country: np.ndarray
    segment: np.ndarray
    industry: np.ndarray
    lead_source: np.ndarray   # index in LEAD_SOURCES, -1 = NULL
    owner_orig: np.ndarray    # rep who owned it first
    owner: np.ndarray         # current owner (rep index)
    name: pa.Array
    domain: pa.Array
    vat: pa.Array
    is_duplicate: np.ndarray
    deleted: np.ndarray

    def __len__(self):
        return len(self.created)


def _business_unit(country: np.ndarray, segment: np.ndarray, rng) -> np.ndarray:
    fr = np.array(COUNTRY_CODES)[country] == "FR"
    big = (segment == 3) | ((segment == 2) & (rng.random(len(segment)) < 0.7))
    return np.where(~fr, 2, np.where(big, 1, 0))


def _owners(org, bu: np.ndarray, rng) -> np.ndarray:
    owner = np.empty(len(bu), dtype=np.int64)
    for b in range(3):
        m = bu == b
        pool = org.owners_by_bu[b]
        owner[m] = pool[rng.integers(0, len(pool), m.sum())]
    return owner


def _name_variant(name: pa.Array, rng) -> pa.Array:
    """Same name for the duplicate rule (lower-case, letters and digits only), spelled differently."""
    r = rng.random(len(name))
    return where(r < 0.4, pc.utf8_upper(name),
                 where(r < 0.7, pc.replace_substring(name, " ", "-"), pc.binary_join_element_wise(name, " ", "")))


def build_accounts(world: World) -> Accounts:
    rng = world.rng("accounts")
    cal, org, mess = world.cal, world.facts["org"], world.opts.mess
    leads = world.facts["leads"]
    n_total = world.volume("accounts")
    n_dup = count(mess.duplicate_accounts, n_total, at_least=1)
    n_main = n_total - n_dup
    conv = np.flatnonzero(leads.converted != np.iinfo(np.int64).min)
    n_new = round(0.3 * n_main)
    m = min(round(0.75 * len(conv)), n_new)
    to_new = np.sort(rng.choice(conv, size=m, replace=False)) if m else np.array([], dtype=np.int64)
    n_manual = n_new - m
    n_old = n_main - n_new
    # created_at: converted leads, manual creations during the window, legacy accounts before it
    manual_day = cal.sample_days(rng, n_manual, hi=cal.end_day)
    old_day = cal.start_day - 1 - (rng.random(n_old) ** 1.5 * 3650).astype(np.int64)
    created = np.concatenate([leads.converted[to_new],
                              at(manual_day, business_seconds(rng, n_manual)),
                              at(old_day, business_seconds(rng, n_old))])
    from_lead = np.zeros(n_main, bool)
    from_lead[:m] = True
    country = rng.choice(len(COUNTRIES), size=n_main, p=[c[1] for c in COUNTRIES])
    country[:m] = leads.country[to_new]
    segment = rng.choice(4, size=n_main, p=SEGMENT_WEIGHTS)
    segment[:m] = rng.choice(4, size=m, p=[0.5, 0.38, 0.1, 0.02])
    industry = rng.choice(len(INDUSTRIES), size=n_main, p=[i[1] for i in INDUSTRIES])
    source = rng.choice(len(LEAD_SOURCES), size=n_main, p=LEAD_SOURCE_WEIGHTS)
    source[:m] = leads.source[to_new]
    source[m + n_manual:] = np.where(rng.random(n_old) < 0.15, -1, source[m + n_manual:])
    # duplicates of existing accounts, entered again later
    dup_of = rng.integers(0, n_main, n_dup)
    dup_created = created[dup_of] + ((30 + rng.random(n_dup) * 670) * DAY).astype(np.int64)
    dup_created = np.where(dup_created > cal.end_ts, created[dup_of] + (rng.random(n_dup) * np.maximum(cal.end_ts - created[dup_of], 1)).astype(np.int64), dup_created)
    dup_created = np.minimum(dup_created, cal.end_ts)
    created = np.concatenate([created, dup_created])
    country = np.concatenate([country, country[dup_of]])
    segment = np.concatenate([segment, segment[dup_of]])
    industry = np.concatenate([industry, industry[dup_of]])
    source = np.concatenate([source, np.full(n_dup, -1)])
    is_dup = np.concatenate([np.zeros(n_main, bool), np.ones(n_dup, bool)])
    bu = _business_unit(country, segment, rng)
    owner_orig = _owners(org, bu, rng)
    name_main, domain_main = company_names(rng, industry[:n_main], country[:n_main])
    name = pa.concat_arrays([name_main, _name_variant(take(name_main, dup_of), rng)])
    domain = pa.concat_arrays([domain_main, take(domain_main, dup_of)])
    vat = vat_numbers(rng, COUNTRY_CODES, country)
    vat = null_where(vat, rng.random(n_total) < np.where(segment == 0, 0.3, 0.08) + is_dup * 0.5)
    # chronological ids
    order = np.argsort(created, kind="stable")
    rank = np.empty(n_total, dtype=np.int64)
    rank[order] = np.arange(n_total)
    lead_account = np.full(len(leads.created), -1, dtype=np.int64)
    lead_account[to_new] = rank[np.arange(m)]
    rest = np.setdiff1d(conv, to_new)
    legacy = rank[m + n_manual + np.arange(n_old)] if n_old else rank[:1]
    lead_account[rest] = legacy[rng.integers(0, len(legacy), len(rest))]
    leads.account = lead_account

    def sort(a):
        return a.take(pa.array(order)) if isinstance(a, pa.Array) else a[order]

    created, country, segment, industry, source = map(sort, (created, country, segment, industry, source))
    is_dup, owner_orig, name, domain, vat = map(sort, (is_dup, owner_orig, name, domain, vat))
    span = np.maximum(cal.end_ts - created, 0)
    touched = rng.random(n_total) < 0.6
    updated = created + (rng.random(n_total) * np.where(touched, span, np.minimum(span, 30 * DAY))).astype(np.int64)
    owner = org.current_owner(owner_orig, rng)
    # tombstones: some duplicates merged away, plus a few others; at least one
    deleted = np.zeros(n_total, dtype=np.int8)
    dups = np.flatnonzero(is_dup)
    k_dup = round(0.4 * len(dups))
    deleted[dups[:k_dup]] = 1
    k_other = max(0, count(world.opts.mess.tombstones, n_total, at_least=1) - k_dup)
    others = np.flatnonzero(~is_dup)
    deleted[rng.choice(others, size=min(k_other, len(others)), replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + ((1 + rng.random(n_total) * 60) * DAY).astype(np.int64), cal.end_ts), updated)
    updated = np.maximum(updated, created)
    acc = Accounts(ids=ids("ACC-", np.arange(1, n_total + 1), 7), created=created, updated=updated,
                   country=country, segment=segment, industry=industry, lead_source=source,
                   owner_orig=owner_orig, owner=owner, name=name, domain=domain, vat=vat,
                   is_duplicate=is_dup, deleted=deleted)
    world.facts["accounts"] = acc
    world.note("duplicate_accounts", n_dup)
    world.note("deleted_accounts", int(deleted.sum()))
    return acc


def accounts_frame(world: World, erp_customer_id: pa.Array) -> Frame:
    rng = world.rng("accounts.frame")
    acc: Accounts = world.facts["accounts"]
    org = world.facts["org"]
    miss = world.opts.mess.missing_fields
    n = len(acc)
    frame = Frame(entity("crm/accounts"), {
        "account_id": acc.ids,
        "name": acc.name,
        "country": null_where(pick(COUNTRY_CODES, acc.country), rng.random(n) < miss / 3),
        "segment": null_where(pick(SEGMENTS, acc.segment), rng.random(n) < miss / 2),
        "industry": null_where(pick([i[0] for i in INDUSTRIES], acc.industry), rng.random(n) < miss),
        "owner_rep_id": null_where(org.rep_ids.take(pa.array(acc.owner)), rng.random(n) < miss / 3),
        "lead_source": LEAD_SOURCES_ARRAY.take(pa.array(np.maximum(acc.lead_source, 0), mask=acc.lead_source < 0)),
        "erp_customer_id": erp_customer_id,
        "vat_number": acc.vat,
        "created_at": acc.created,
        "updated_at": acc.updated,
        "is_deleted": acc.deleted,
    })
    return world.put(frame)


LEAD_SOURCES_ARRAY = pa.array(LEAD_SOURCES, type=pa.string())

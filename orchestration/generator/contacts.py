"""crm/contacts: people at the accounts (bigger accounts have more of them), with the usual
gaps (no job title, no phone...), some invalid e-mails/phones, re-entered duplicates (same
e-mail in another case or with spaces) and a few orphans whose account_id names no account."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..contract import entity
from .calendar import DAY
from .frame import Frame
from .names import emails, person_names, phones
from .options import count
from .reference import COUNTRIES, FIRST_NAMES, JOBS, LAST_NAMES
from .text import ids, join, null_where, pick, take, where
from .world import World

_SEGMENT_WEIGHT = np.array([1.0, 2.5, 5.0, 10.0])


@dataclass
class Contacts:
    ids: pa.Array
    account: np.ndarray      # account index, -1 for orphans
    created: np.ndarray
    has_email: np.ndarray
    opt_in: np.ndarray       # 1/0/-1
    by_account_order: np.ndarray
    by_account_start: np.ndarray
    by_account_count: np.ndarray

    def pick_for(self, rng: np.random.Generator, account: np.ndarray) -> np.ndarray:
        """A random contact of each account (-1 where the account has none)."""
        account = np.asarray(account)
        cnt = self.by_account_count[account]
        off = self.by_account_start[account] + (rng.random(len(account)) * cnt).astype(np.int64)
        return np.where(cnt > 0, self.by_account_order[np.minimum(off, len(self.by_account_order) - 1)], -1)


def build_contacts(world: World) -> Frame:
    rng = world.rng("contacts")
    cal, mess = world.cal, world.opts.mess
    acc = world.facts["accounts"]
    n_total = world.volume("contacts")
    n_dup = count(mess.duplicate_contacts, n_total, at_least=1)
    n_orphan = count(mess.orphan_contacts, n_total, at_least=1)
    n = n_total - n_dup - n_orphan
    w = _SEGMENT_WEIGHT[acc.segment] * np.where(acc.is_duplicate, 0.3, 1.0)
    account = rng.choice(len(acc), size=n, p=w / w.sum())
    first_contact = np.zeros(n, bool)
    _, first_idx = np.unique(account, return_index=True)
    first_contact[first_idx] = True
    acc_created = acc.created[account]
    span = np.maximum(cal.end_ts - acc_created, 0)
    delay = np.where(first_contact, 0, np.minimum(rng.exponential(200 * DAY, n), span * rng.random(n))).astype(np.int64)
    created = acc_created + delay
    first, last = person_names(rng, n)
    email = emails(rng, first, last, take(acc.domain, account))
    country = acc.country[account]
    phone = phones(rng, [c[0] for c in COUNTRIES], country)
    job = rng.integers(0, len(JOBS), n)
    # orphans: contacts of accounts deleted for good in the CRM (their account_id names nothing)
    o_first, o_last = person_names(rng, n_orphan)
    o_created = cal.start_day * DAY + (rng.random(n_orphan) * max(cal.end_ts - cal.start_day * DAY, 1)).astype(np.int64)
    o_email = emails(rng, o_first, o_last, pa.array(["ancien-client.fr"] * n_orphan, type=pa.string()))
    o_phone = phones(rng, [c[0] for c in COUNTRIES], np.zeros(n_orphan, dtype=np.int64))
    # duplicates: the same person entered again later, e-mail typed differently
    src = rng.choice(n, size=n_dup, replace=n_dup > n)
    d_span = np.maximum(cal.end_ts - created[src], 1)
    d_created = created[src] + np.minimum((1 + rng.random(n_dup) * 400) * DAY, d_span * rng.random(n_dup)).astype(np.int64) + 60
    d_created = np.minimum(d_created, cal.end_ts)
    src_email = take(email, src)
    r = rng.random(n_dup)
    d_email = where(r < 0.4, pc.utf8_upper(src_email),
                    where(r < 0.7, join(" ", src_email, " "), pc.utf8_capitalize(src_email)))
    all_first = np.concatenate([first, first[src], o_first])
    all_last = np.concatenate([last, last[src], o_last])
    all_job = np.concatenate([job, job[src], rng.integers(0, len(JOBS), n_orphan)])
    account_all = np.concatenate([account, account[src], np.full(n_orphan, -1)])
    created_all = np.concatenate([created, d_created, o_created])
    email_all = pa.concat_arrays([email, d_email, o_email])
    phone_all = pa.concat_arrays([phone, null_where(take(phone, src), rng.random(n_dup) < 0.5), o_phone])
    kind = np.concatenate([np.zeros(n, np.int8), np.ones(n_dup, np.int8), np.full(n_orphan, 2, np.int8)])
    N = len(created_all)
    # gaps and invalid values
    miss = mess.missing_fields
    bad = mess.invalid_contact_data
    r = np.where(kind == 1, 1.0, rng.random(N))
    email_all = where(r < bad / 2, pc.replace_substring_regex(email_all, r"\.[a-z]+$", ""),
                      where(r < bad, pc.replace_substring(email_all, "@", " at "), email_all))
    r = rng.random(N)
    phone_all = where(r < bad, pc.utf8_slice_codeunits(phone_all, 0, 8), phone_all)
    email_null = (rng.random(N) < 0.03 + miss) & (kind != 1)
    phone_null = rng.random(N) < 0.10 + miss
    email_all = null_where(email_all, email_null)
    phone_all = null_where(phone_all, phone_null)
    job_title = null_where(pick([j[0] for j in JOBS], all_job), rng.random(N) < 0.05 + miss)
    department = null_where(pick([j[1] for j in JOBS], all_job), rng.random(N) < 0.08 + miss)
    first_name = null_where(pick(FIRST_NAMES, all_first), rng.random(N) < miss / 3)
    opt = rng.random(N)
    opt_in = np.where(opt < 0.55, 1, np.where(opt < 0.95, 0, -1)).astype(np.int8)
    span = np.maximum(cal.end_ts - created_all, 0)
    touched = rng.random(N) < 0.5
    updated = created_all + (rng.random(N) * np.where(touched, span, np.minimum(span, 7 * DAY))).astype(np.int64)
    order = np.argsort(created_all, kind="stable")
    account_all, created_all, updated, opt_in, kind, email_null = (
        a[order] for a in (account_all, created_all, updated, opt_in, kind, email_null))
    t = pa.array(order)
    email_all, phone_all, job_title, department, first_name = (
        a.take(t) for a in (email_all, phone_all, job_title, department, first_name))
    last_name = pick(LAST_NAMES, all_last[order])
    contact_ids = ids("CON-", np.arange(1, N + 1), 8)
    orphan_ids = ids("ACC-9", rng.integers(0, 999_999, N), 6)
    account_id = where(account_all >= 0, acc.ids.take(pa.array(np.maximum(account_all, 0))), orphan_ids)
    deleted = np.zeros(N, dtype=np.int8)
    k = count(mess.tombstones, N, at_least=1)
    deleted[rng.choice(np.flatnonzero(kind != 1), size=min(k, int((kind != 1).sum())), replace=False)] = 1
    updated = np.where(deleted == 1, np.minimum(updated + 3 * DAY, cal.end_ts), updated)
    frame = Frame(entity("crm/contacts"), {
        "contact_id": contact_ids, "account_id": account_id, "first_name": first_name,
        "last_name": last_name, "job_title": job_title, "department": department,
        "email": email_all, "phone": phone_all, "email_opt_in": opt_in,
        "created_at": created_all, "updated_at": updated, "is_deleted": deleted,
    })
    live = account_all >= 0
    srt = np.argsort(np.where(live, account_all, len(acc)), kind="stable")
    cnt = np.bincount(account_all[live], minlength=len(acc))
    start = np.concatenate([[0], np.cumsum(cnt)[:-1]])
    world.facts["contacts"] = Contacts(contact_ids, account_all, created_all, ~email_null, opt_in,
                                       srt, start, cnt)
    world.note("duplicate_contacts", n_dup)
    world.note("orphan_contacts", n_orphan)
    world.note("deleted_contacts", int(deleted.sum()))
    return world.put(frame)

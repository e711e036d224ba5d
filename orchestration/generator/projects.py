"""erp/projects and erp/timesheets: service projects (installations, software roll-outs,
maintenance contracts, audits, trainings) for bigger customers, with the hours logged by
project staff. Billable share and hourly rate depend on the kind of project; some projects
are under-priced (rate below cost), so project margins range from healthy to negative."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, dow_of
from .frame import NULL_TS, Frame
from .reference import PROJECT_KINDS
from .text import ids, join, pick, take
from .world import World

_HOURS = np.array([1.0, 2.0, 3.5, 4.0, 6.0, 7.0, 7.5, 8.0])
_HOURS_P = np.array([0.08, 0.14, 0.12, 0.18, 0.1, 0.14, 0.1, 0.14])


def build_projects(world: World) -> tuple[Frame, Frame]:
    rng = world.rng("projects")
    cal, org = world.cal, world.facts["org"]
    cust = world.facts["customers"]
    n = world.volume("projects")
    w = np.array([0.2, 1.0, 3.0, 5.0])[cust.segment] * (cust.hi >= cust.lo)
    c = rng.choice(len(cust), size=n, p=w / w.sum())
    kind = rng.choice(len(PROJECT_KINDS), size=n)
    lo = np.maximum(cust.lo[c] - 30, cal.start_day)
    starts = cal.sample_days(rng, n, lo=lo, hi=np.maximum(cal.end_day - 10, lo))
    length = rng.integers(30, 300, n)
    ends = starts + length
    open_ended = (kind == 2) & (rng.random(n) < 0.3)
    ends_on = np.where(open_ended, NULL_TS, ends)
    last_work = np.minimum(np.where(open_ended, cal.end_day, ends), cal.end_day)
    r = rng.random(n)
    status = np.where(ends < cal.end_day, np.where(r < 0.92, "completed", "cancelled"), "in_progress")
    status = np.where(open_ended, "in_progress", status)
    status = np.where(starts > cal.end_day - 15, np.where(r < 0.5, "planned", "in_progress"), status)
    median_rate = np.array([k[2] for k in PROJECT_KINDS])[kind]
    rate = np.round(median_rate * rng.uniform(0.85, 1.15, n), 2)
    cheap = rng.random(n) < 0.12
    rate = np.where(cheap, np.round(rate * 0.45, 2), rate)
    billable_share = np.array([k[1] for k in PROJECT_KINDS])[kind]
    team_size = rng.integers(1, 5, n)
    team = rng.integers(0, len(org.employee_ids), (n, 4))
    # timesheets: proportional to worked days x team size
    worked = np.maximum(last_work - starts + 1, 1) * team_size
    n_ts = world.volume("timesheets")
    counts = rng.multinomial(n_ts, worked / worked.sum())
    p = np.repeat(np.arange(n), counts)
    m = len(p)
    work_day = cal.sample_days(rng, m, lo=starts[p], hi=np.maximum(last_work[p], starts[p]))
    work_day = np.where(dow_of(work_day) >= 5, work_day - (dow_of(work_day) - 4), work_day)
    work_day = np.maximum(work_day, starts[p])
    emp = team[p, (rng.random(m) * team_size[p]).astype(np.int64)]
    hours = rng.choice(_HOURS, size=m, p=_HOURS_P / _HOURS_P.sum())
    billable = rng.random(m) < billable_share[p]
    cost = np.where(rng.random(m) < 0.01, np.nan, org.employee_cost[emp])
    hourly_rate = np.where(billable | (rng.random(m) < 0.4), rate[p], np.nan)
    hourly_rate = np.where(rng.random(m) < 0.01, np.nan, hourly_rate)
    friday = work_day + (4 - dow_of(work_day)) % 7
    ts_updated = np.minimum(friday * DAY + 17 * 3600 + rng.integers(0, 7200, m), cal.end_ts)
    ts_updated = np.maximum(ts_updated, work_day * DAY)
    order = np.argsort(work_day, kind="stable")
    p, work_day, emp, hours, billable, cost, hourly_rate, ts_updated = (
        a[order] for a in (p, work_day, emp, hours, billable, cost, hourly_rate, ts_updated))
    budget = np.round(length * team_size * 3.5 * rate * rng.uniform(0.8, 1.3, n), -2)
    budget = np.where(rng.random(n) < 0.05, np.nan, budget)
    upd_day = np.minimum(np.where(status == "completed", ends, last_work), cal.end_day)
    p_updated = np.minimum(np.maximum(upd_day, starts) * DAY + 10 * 3600, cal.end_ts)
    project_ids = ids("PRJ-", np.arange(1, n + 1), 6)
    cust_names = take(world.frames["erp/customers"]["name"], c)
    name = join(pick([k[0] for k in PROJECT_KINDS], kind), cust_names, sep=" - ")
    projects = Frame(entity("erp/projects"), {
        "project_id": project_ids,
        "erp_customer_id": cust.ids.take(pa.array(c)),
        "name": name,
        "starts_on": starts,
        "ends_on": ends_on,
        "budget_amount": budget,
        "status": pa.array(status.tolist(), type=pa.string()),
        "updated_at": p_updated,
    })
    timesheets = Frame(entity("erp/timesheets"), {
        "timesheet_id": ids("TS-", np.arange(1, m + 1), 9),
        "project_id": project_ids.take(pa.array(p)),
        "employee_id": org.employee_ids.take(pa.array(emp)),
        "work_date": work_day,
        "hours": hours,
        "is_billable": billable.astype(np.int8),
        "hourly_cost": cost,
        "hourly_rate": hourly_rate,
        "updated_at": ts_updated,
    })
    world.put(projects)
    world.put(timesheets)
    return projects, timesheets

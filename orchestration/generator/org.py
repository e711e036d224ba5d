"""crm/sales_reps: a sales director, business units, teams with a manager each, field reps,
a few reps who left (each replaced by a successor hired shortly before), plus the service
agents (cases, calls) and project staff (timesheets), who are not sales reps."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY
from .frame import NULL_TS, Frame
from .reference import (BU_TEAM_SHARE, BUSINESS_UNITS, COMPANY_DOMAIN, DIRECTION_TEAM,
                        FIRST_NAMES, LAST_NAMES, TEAM_NAMES)
from .text import ascii_word, ids, join, pick
from .world import World, ceil_div

NEVER = np.iinfo(np.int64).max // (2 * DAY)


@dataclass
class Org:
    rep_ids: pa.Array
    team: np.ndarray          # team index per rep (-1 for the director)
    bu: np.ndarray            # business unit index per rep (-1 for the director)
    left_day: np.ndarray      # day the rep left, NEVER if still there
    hired_day: np.ndarray
    successor: np.ndarray     # rep index taking over after left_day (self if none)
    team_names: list
    team_bu: np.ndarray       # BU index per team
    owners_by_bu: list        # per BU: rep indices that own accounts (managers + field reps, not successors)
    agent_ids: pa.Array
    employee_ids: pa.Array
    employee_cost: np.ndarray

    def effective(self, rep: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Who actually works an account owned by `rep` on `days` (the successor after a departure)."""
        rep = np.asarray(rep)
        return np.where(np.asarray(days) >= self.left_day[rep], self.successor[rep], rep)

    def current_owner(self, rep: np.ndarray, rng: np.random.Generator, stale_share: float = 0.2) -> np.ndarray:
        """CRM owner today: the successor of a departed rep, except some accounts never reassigned."""
        rep = np.asarray(rep)
        left = self.left_day[rep] < NEVER
        keep = left & (rng.random(len(rep)) < stale_share)
        return np.where(left & ~keep, self.successor[rep], rep)


def _team_counts(n_teams: int) -> list[int]:
    counts = [max(1, round(s * n_teams)) for s in BU_TEAM_SHARE]
    counts[0] += n_teams - sum(counts)
    if counts[0] < 1:
        counts[0] = 1
    return counts


def _team_names(counts: list[int]) -> tuple[list[str], list[int]]:
    names, bus = [], []
    for b, (bu, c) in enumerate(zip(BUSINESS_UNITS, counts)):
        pool = TEAM_NAMES[bu]
        for i in range(c):
            base = pool[i % len(pool)]
            names.append(base if i < len(pool) else f"{base} {i // len(pool) + 1}")
            bus.append(b)
    return names, bus


def build_org(world: World) -> Org:
    rng = world.rng("org")
    cal = world.cal
    n_field = world.sublinear(60, 8)
    n_teams = max(3, ceil_div(n_field, 8))
    names, team_bu = _team_names(_team_counts(n_teams))
    team_bu = np.array(team_bu)
    n_teams = len(names)
    # rep 0 = director, 1..n_field = field reps (the first of each team is its manager)
    field_team = np.arange(n_field) % n_teams
    is_manager = np.zeros(n_field, bool)
    is_manager[:n_teams] = True
    n_left = max(1, round(0.1 * n_field))
    left_pool = np.flatnonzero(~is_manager)
    left = rng.choice(left_pool, size=min(n_left, len(left_pool)), replace=False)
    span = max(cal.end_day - cal.start_day, 1)
    left_day_field = np.full(n_field, NEVER, dtype=np.int64)
    left_day_field[left] = cal.start_day + 30 + (rng.random(len(left)) * max(span - 60, 1)).astype(np.int64)
    n_succ = len(left)
    n = 1 + n_field + n_succ
    team = np.concatenate([[-1], field_team, field_team[left]])
    bu = np.where(team >= 0, team_bu[np.maximum(team, 0)], -1)
    left_day = np.concatenate([[NEVER], left_day_field, np.full(n_succ, NEVER)])
    successor = np.arange(n)
    successor[1 + left] = 1 + n_field + np.arange(n_succ)
    hired = cal.start_day - 365 * 2 - (rng.random(n) * 365 * 12).astype(np.int64)
    hired[1 + n_field:] = left_day_field[left] - rng.integers(5, 30, n_succ)
    hired[0] = cal.start_day - 365 * 15
    manager_idx = np.full(n, -1)
    team_manager = 1 + np.arange(n_teams)            # rep index of each team's manager
    manager_idx[1:] = team_manager[team[1:]]
    manager_idx[1:1 + n_teams] = 0                   # managers report to the director
    country = np.array(["FR"] * n, dtype=object)
    intl = np.array([BUSINESS_UNITS[b] == "International" for b in team_bu])
    for t in np.flatnonzero(intl):
        code = {"Benelux": "BE", "Suisse": "CH", "DACH": "DE"}.get(names[t].split(" ")[0], "FR")
        country[team == t] = code
    first = rng.integers(0, len(FIRST_NAMES), n)
    last = rng.integers(0, len(LAST_NAMES), n)
    rep_ids = ids("REP-", np.arange(1, n + 1), 4)
    email = join(pick([ascii_word(f) for f in FIRST_NAMES], first), ".",
                 pick([ascii_word(x) for x in LAST_NAMES], last), "@" + COMPANY_DOMAIN)
    team_text = pick([DIRECTION_TEAM] + names, team + 1)
    bu_text = pick(["Direction"] + BUSINESS_UNITS, bu + 1)
    updated_day = np.where(left_day < NEVER, left_day, np.maximum(hired, cal.start_day - 30) + rng.integers(0, 60, n))
    updated_day = np.minimum(updated_day, cal.end_day)
    frame = Frame(entity("crm/sales_reps"), {
        "rep_id": rep_ids,
        "full_name": join(pick(FIRST_NAMES, first), pick(LAST_NAMES, last), sep=" "),
        "email": email,
        "team": team_text,
        "business_unit": bu_text,
        "manager_rep_id": rep_ids.take(pa.array(np.maximum(manager_idx, 0), mask=manager_idx < 0)),
        "country": pa.array(country.tolist(), type=pa.string()),
        "hired_on": hired,
        "left_on": np.where(left_day < NEVER, left_day, NULL_TS),
        "updated_at": updated_day * DAY + 9 * 3600 + rng.integers(0, 9 * 3600, n),
    })
    world.put(frame)
    owners_by_bu = []
    for b in range(len(BUSINESS_UNITS)):
        owners = 1 + np.flatnonzero(team_bu[field_team] == b)
        owners_by_bu.append(owners)
    n_agents = world.sublinear(25, 4)
    n_emp = world.sublinear(60, 5)
    org = Org(rep_ids=rep_ids, team=team, bu=bu, left_day=left_day, hired_day=hired,
              successor=successor, team_names=names, team_bu=team_bu, owners_by_bu=owners_by_bu,
              agent_ids=ids("AGT-", np.arange(1, n_agents + 1), 3),
              employee_ids=ids("EMP-", np.arange(1, n_emp + 1), 4),
              employee_cost=np.round(35 + rng.random(n_emp) * 40, 2))
    world.facts["org"] = org
    return org

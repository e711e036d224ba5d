"""Shared state of one generation run: options, calendar, random streams, volumes, and the
facts each step leaves for the next (who the reps are, which accounts are customers...)."""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

import numpy as np

from .calendar import Calendar
from .frame import Frame
from .options import Options

# Rows at scale 1 (a company of about 10k accounts); linear in the scale factor.
BASE_VOLUMES = {
    "accounts": 10_000, "contacts": 30_000, "leads": 20_000, "opportunities": 40_000,
    "activities": 300_000, "action_plans": 3_000, "campaign_members": 100_000, "cases": 30_000,
    "calls": 60_000, "orders": 200_000, "projects": 1_500, "timesheets": 150_000,
    "sessions": 400_000,
}
# Floors so that tiny scales (0.001-0.01) still populate every entity and KPI population.
MIN_VOLUMES = {
    "accounts": 40, "contacts": 120, "leads": 80, "opportunities": 150, "activities": 900,
    "action_plans": 12, "campaign_members": 400, "cases": 120, "calls": 240, "orders": 600,
    "projects": 6, "timesheets": 300, "sessions": 1500,
}
FUTURE_DAYS = 120  # planned activities, due dates... reach this far after --end


@dataclass
class World:
    opts: Options
    cal: Calendar
    facts: dict = field(default_factory=dict)    # name -> arrays left by a step for later steps
    frames: dict = field(default_factory=dict)   # entity path -> current-state Frame
    mess_counts: dict = field(default_factory=dict)

    @classmethod
    def create(cls, opts: Options) -> "World":
        return cls(opts, Calendar(opts.start, opts.end, opts.delta_days + FUTURE_DAYS))

    def rng(self, name: str) -> np.random.Generator:
        """An independent, reproducible random stream per step name."""
        return np.random.default_rng(np.random.SeedSequence([self.opts.seed & 0xFFFFFFFF, zlib.crc32(name.encode())]))

    def volume(self, name: str) -> int:
        """Row count of a scaled entity, proportional to the window length (base = 34 months)."""
        months = max((self.cal.end_day - self.cal.start_day + 1) / 30.44, 1.0)
        time_factor = 1.0 if name in ("accounts", "contacts", "projects") else min(months / 34.0, 3.0) ** 0.9
        n = round(BASE_VOLUMES[name] * self.opts.scale * max(time_factor, 0.05))
        return max(MIN_VOLUMES[name], n)

    def sublinear(self, base: float, minimum: int, power: float = 0.5) -> int:
        return max(minimum, round(base * self.opts.scale ** power))

    def note(self, key: str, value: int) -> None:
        self.mess_counts[key] = self.mess_counts.get(key, 0) + int(value)

    def put(self, frame: Frame) -> Frame:
        self.frames[frame.entity.path] = frame
        return frame


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def zipf_weights(n: int, s: float = 1.1) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def lognormal(rng: np.random.Generator, median, sigma, size) -> np.ndarray:
    return np.asarray(median) * np.exp(sigma * rng.standard_normal(size))


def sqrt_scale(x: float) -> float:
    return math.sqrt(x)

"""Business calendar of the generated company: which days get activity, and how much.

A day's weight = growth (about +12 % a year) x month seasonality (August and the Christmas
fortnight dip) x weekday (B2B: weekends nearly empty; web: weekends still busy) x French
public holidays. Every sampler draws days from these weights, optionally inside per-row
bounds [lo, hi], so all entities share one seasonal shape.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

EPOCH = dt.date(1970, 1, 1)
DAY = 86400

# Jan..Dec
_MONTH_BUSINESS = np.array([0.95, 1.0, 1.08, 1.0, 0.92, 1.05, 0.88, 0.45, 1.05, 1.08, 1.03, 0.92])
_MONTH_WEB = np.array([1.05, 1.0, 1.02, 0.98, 0.95, 0.95, 0.85, 0.7, 1.02, 1.05, 1.1, 0.95])
_DOW_BUSINESS = np.array([1.0, 1.05, 1.05, 1.0, 0.85, 0.05, 0.02])  # Mon..Sun
_DOW_WEB = np.array([1.1, 1.05, 1.0, 1.0, 0.9, 0.65, 0.7])
GROWTH_PER_YEAR = 0.12


def day_number(d: dt.date) -> int:
    return (d - EPOCH).days


def to_date(day: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(day))


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = ((h + ell - 7 * m + 114) % 31) + 1
    return dt.date(year, month, day)


def french_holidays(years) -> set[int]:
    out = set()
    for y in years:
        for m, d in ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)):
            out.add(day_number(dt.date(y, m, d)))
        easter = _easter(y)
        for delta in (1, 39, 50):
            out.add(day_number(easter + dt.timedelta(days=delta)))
    return out


def month_of(days: np.ndarray) -> np.ndarray:
    """1..12 for day numbers."""
    return (np.asarray(days).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12) + 1


def month_start(days: np.ndarray) -> np.ndarray:
    """Day number of the first day of the month of each day."""
    return np.asarray(days).astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def dow_of(days: np.ndarray) -> np.ndarray:
    """0 = Monday .. 6 = Sunday."""
    return (np.asarray(days, dtype=np.int64) + 3) % 7


class Calendar:
    """Days start..last (inclusive), with sampling weights per kind ('business', 'web', 'flat')."""

    def __init__(self, start: dt.date, end: dt.date, horizon_days: int):
        self.start_day = day_number(start)
        self.end_day = day_number(end)
        self.last_day = self.end_day + horizon_days
        self.days = np.arange(self.start_day, self.last_day + 1, dtype=np.int64)
        self.end_ts = (self.end_day + 1) * DAY - 1  # last second of the end day
        years = (self.days - self.start_day) / 365.25
        growth = (1 + GROWTH_PER_YEAR) ** years
        month = month_of(self.days)
        dom = self.days - month_start(self.days) + 1
        dow = dow_of(self.days)
        xmas = (month == 12) & (dom >= 22)
        new_year = (month == 1) & (dom <= 2)
        holidays = np.isin(self.days, list(french_holidays(range(start.year - 1, to_date(self.last_day).year + 2))))
        business = growth * _MONTH_BUSINESS[month - 1] * _DOW_BUSINESS[dow]
        business = business * np.where(xmas | new_year, 0.3, 1.0) * np.where(holidays, 0.08, 1.0)
        web = growth * _MONTH_WEB[month - 1] * _DOW_WEB[dow] * np.where(xmas, 0.7, 1.0)
        self.weights = {"business": business, "web": web, "flat": np.ones(len(self.days))}
        self._cdf = {k: np.cumsum(w) for k, w in self.weights.items()}

    def sample_days(self, rng: np.random.Generator, n: int, lo=None, hi=None, kind: str = "business") -> np.ndarray:
        """n day numbers drawn from the weights of `kind`, each inside its [lo, hi] (inclusive)."""
        cdf = self._cdf[kind]
        lo = np.full(n, self.start_day) if lo is None else np.broadcast_to(np.asarray(lo, dtype=np.int64), (n,))
        hi = np.full(n, self.last_day) if hi is None else np.broadcast_to(np.asarray(hi, dtype=np.int64), (n,))
        lo_i = np.clip(lo - self.start_day, 0, len(cdf) - 1)
        hi_i = np.clip(hi - self.start_day, 0, len(cdf) - 1)
        hi_i = np.maximum(hi_i, lo_i)
        a = np.where(lo_i > 0, cdf[np.maximum(lo_i - 1, 0)], 0.0)
        b = cdf[hi_i]
        u = a + rng.random(n) * (b - a)
        idx = np.searchsorted(cdf, u, side="left")
        idx = np.clip(idx, lo_i, hi_i)
        return self.days[idx]

    def expected_share(self, lo: int, hi: int, kind: str = "business") -> float:
        """Share of the total weight of `kind` in days [lo, hi]."""
        w = self.weights[kind]
        i, j = max(lo - self.start_day, 0), min(hi - self.start_day, len(w) - 1)
        return float(w[i:j + 1].sum() / w.sum()) if j >= i else 0.0

    def weight_of(self, days: np.ndarray, kind: str = "business") -> np.ndarray:
        i = np.clip(np.asarray(days) - self.start_day, 0, len(self.days) - 1)
        return self.weights[kind][i]


def business_seconds(rng: np.random.Generator, n: int) -> np.ndarray:
    """Time of day in office hours (08:00-12:30, 13:30-18:30), rounded to the minute."""
    morning = rng.random(n) < 0.55
    start = np.where(morning, 8 * 3600, 13.5 * 3600)
    span = np.where(morning, 4.5 * 3600, 5 * 3600)
    return ((start + rng.random(n) * span) // 60 * 60).astype(np.int64)


_WEB_HOURS = np.array([0.4, 0.2, 0.1, 0.1, 0.1, 0.3, 0.8, 1.6, 3.0, 4.2, 4.5, 4.3, 3.6, 3.8, 4.3,
                       4.4, 4.2, 3.8, 3.2, 2.8, 2.6, 2.2, 1.6, 0.9])


def web_seconds(rng: np.random.Generator, n: int) -> np.ndarray:
    """Time of day of web visits (any hour, daytime-heavy), to the second."""
    hours = rng.choice(24, size=n, p=_WEB_HOURS / _WEB_HOURS.sum())
    return (hours * 3600 + rng.integers(0, 3600, n)).astype(np.int64)


def at(days: np.ndarray, seconds: np.ndarray) -> np.ndarray:
    """Timestamp (local seconds) of day numbers at seconds-of-day."""
    return np.asarray(days, dtype=np.int64) * DAY + np.asarray(seconds, dtype=np.int64)

"""The period start of each date, for the recette's frames of a million rows."""
from __future__ import annotations

import pandas as pd

FREQUENCIES = {"month": "M", "quarter": "Q", "year": "Y"}


def period_starts(days: pd.Series, grain: str) -> pd.Series:
    """First day of the month / quarter / year (grain) holding each date, NaT for NaT, in the
    dates' dtype. Computed on the distinct dates (a few hundred), then mapped: to_period over
    every row of kpi_observations took 0.4 s at scale 10."""
    if days.empty:  # (map would take an empty mapping for floats)
        return days.copy()
    distinct = pd.Series(days.unique())
    starts = distinct.dt.to_period(FREQUENCIES[grain]).dt.start_time.to_numpy()
    return days.map(pd.Series(starts, index=distinct)).astype(days.dtype)

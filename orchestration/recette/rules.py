"""The recette decision for one KPI: its bounds, whether it may be absent, how it adds up.

Each module suite under `expectations/<module>.py` maps every KPI code of the module to a
`Kpi`. The decisions are written there, one line per KPI, so a reviewer reads them next to
the catalogue; this module only defines their shape.
"""
from __future__ import annotations

from dataclasses import dataclass

Bounds = tuple[float | None, float | None]

SHARE: Bounds = (0.0, 1.0)          # a part of a whole: a count of a subset / a count of the set
NON_NEGATIVE: Bounds = (0.0, None)  # a count, or a quotient of counts
AT_MOST_ONE: Bounds = (None, 1.0)


@dataclass(frozen=True)
class Kpi:
    """How the recette checks one KPI of `marts.kpi_observations`.

    bounds         range every non-NULL value holds for ANY data that loads under the landing
                   contract (it follows from the definition): a value outside is a pipeline bug,
                   the expectation is critical.
    clean_bounds   range that holds on clean data only (negative quantities, prices, hours or
                   amounts load as they are, see the landing contract): a value outside is an
                   anomaly worth a look, the expectation is a warning.
    may_be_empty   the KPI's population is often empty (it counts exceptions: alerts,
                   duplicates, late visits...). Documentation only: the absence of any KPI is a
                   warning, since on arbitrary data any population may be empty.
    additive       dimensions whose members add up to the `total` member (each record belongs
                   to exactly one member; multi-member dimensions are left out on purpose).
    time_additive  month values add up to the quarter, quarter values to the year.
    why            one line for the reviewer: the reason of a non-obvious choice.
    """

    bounds: Bounds | None = None
    clean_bounds: Bounds | None = None
    may_be_empty: bool = False
    additive: tuple[str, ...] = ()
    time_additive: bool = False
    why: str = ""


def describe_bounds(bounds: Bounds) -> str:
    low, high = bounds
    if low is not None and high is not None:
        return f"within [{low:g}, {high:g}]"
    if low is not None:
        return f">= {low:g}"
    return f"<= {high:g}"

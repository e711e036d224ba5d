"""The module suites `sanity.<module>`: the decisions of expectations/<module>.py as GX
expectations over marts.kpi_observations.

Each suite validates a batch of its module's rows: the observation keys plus, per bound (e.g.
`pipeline: within [0, 1]`), a column holding the value on the rows of the KPIs with that bound
and NULL elsewhere. A bound is then one plain column expectation (GX skips NULLs) whose failing
rows the report names by kpi_code, period and member; presence is one expectation on the set of
kpi_code values. (One batch per module, not one for all nine: GX fingerprints the whole frame of
a batch for every suite it validates.)
"""
from __future__ import annotations

import pandas as pd

from .gx_import import gxe
from .rules import Bounds, describe_bounds
from .spec import RecetteSpec

INDEX = ["kpi_code", "period_grain", "period_start", "dimension", "dimension_value"]


def bound_classes(spec: RecetteSpec, module: str) -> dict[tuple[Bounds, str], list[str]]:
    """(bounds, severity) -> KPI codes of the module held to it."""
    classes: dict[tuple[Bounds, str], list[str]] = {}
    for code in spec.module_kpis(module):
        rule = spec.rule(code)
        if rule.bounds is not None:
            classes.setdefault((rule.bounds, "critical"), []).append(code)
        if rule.clean_bounds is not None:
            classes.setdefault((rule.clean_bounds, "warning"), []).append(code)
    return classes


def column_name(module: str, bounds: Bounds, severity: str) -> str:
    return f"{module}: {describe_bounds(bounds)}" + (" (clean data)" if severity == "warning" else "")


def module_frame(observations: pd.DataFrame, spec: RecetteSpec, module: str) -> pd.DataFrame:
    if not set(INDEX + ["value"]) <= set(observations.columns):
        observations = pd.DataFrame(columns=INDEX + ["value"])
    rows = observations[observations["kpi_code"].isin(spec.module_kpis(module))]
    value = rows["value"].astype(float)
    masked = {column_name(module, bounds, severity): value.where(rows["kpi_code"].isin(codes))
              for (bounds, severity), codes in bound_classes(spec, module).items()}
    return rows[INDEX].assign(**masked).reset_index(drop=True)


def module_expectations(spec: RecetteSpec, module: str) -> list:
    # Presence is a warning: on arbitrary data a KPI's population can be legitimately empty
    # (no campaign-led first win, no complaint this year...), and the recette must not stop the
    # publish for it. The golden cahier, whose populations are known, asserts every KPI's values.
    codes = spec.module_kpis(module)
    exps: list = [gxe.ExpectColumnDistinctValuesToContainSet(
        column="kpi_code", value_set=codes, severity="warning",
        description=f"every {module} KPI has at least one row (warning only: a population may be "
                    f"empty): {', '.join(codes)}")]
    for (bounds, severity), members in bound_classes(spec, module).items():
        low, high = bounds
        note = " on clean data (warning only)" if severity == "warning" else ""
        exps.append(gxe.ExpectColumnValuesToBeBetween(
            column=column_name(module, bounds, severity), min_value=low, max_value=high,
            severity=severity,
            description=f"values {describe_bounds(bounds)}{note}: {', '.join(members)}"))
    return exps

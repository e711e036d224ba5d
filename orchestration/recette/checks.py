"""The report's KPI table: one row per KPI check (sanity per KPI, coherence comparisons,
golden values), each a dict: suite, check, kpi_code, period, dimension, member, expected,
observed, passed, severity. Failures first."""
from __future__ import annotations

import pandas as pd

from .gx_run import Outcome
from .rules import describe_bounds
from .spec import RecetteSpec

TOLERANCE = 1e-6


def sanity_rows(observations: pd.DataFrame, spec: RecetteSpec) -> list[dict]:
    """Per KPI: its presence, and each bound it is held to (the suites sanity.<module> check
    the same, per module)."""
    counts, ranges = {}, {}
    if {"kpi_code", "value"} <= set(observations.columns):
        counts = observations["kpi_code"].value_counts().to_dict()
        values = observations.assign(value=observations["value"].astype(float))
        stats = values.groupby("kpi_code")["value"].agg(["min", "max"])
        ranges = {code: (r["min"], r["max"]) for code, r in stats.iterrows()}
    rows = []
    for code, kpi in spec.kpis.items():
        rule = spec.rule(code)
        suite = f"sanity.{kpi['module']}"
        base = {"suite": suite, "kpi_code": code, "period": "all", "dimension": "all", "member": "all"}
        n = counts.get(code, 0)
        rows.append({**base, "check": "present", "expected": ">= 1 row", "observed": f"{n} rows",
                     "passed": n > 0, "severity": "warning"})  # see kpi_sanity.module_expectations
        low, high = ranges.get(code, (float("nan"), float("nan")))
        for bounds, severity in ((rule.bounds, "critical"), (rule.clean_bounds, "warning")):
            if bounds is None:
                continue
            ok = (pd.isna(low) or bounds[0] is None or low >= bounds[0]) and (
                pd.isna(high) or bounds[1] is None or high <= bounds[1])
            rows.append({**base, "check": "bounds" if severity == "critical" else "bounds (clean data)",
                         "expected": describe_bounds(bounds),
                         "observed": "no value" if pd.isna(low) else f"[{low:.6g}, {high:.6g}]",
                         "passed": bool(ok), "severity": severity})
    return rows


def coherence_rows(comparisons: pd.DataFrame) -> list[dict]:
    # built column-wise: 225 k comparisons at scale 10 (1.1 s through itertuples, 0.35 s so)
    frame = pd.DataFrame({
        "suite": "coherence", "check": comparisons["rule"], "kpi_code": comparisons["kpi_code"],
        "period": (comparisons["period_grain"] + " " + comparisons["period_start"]).str.strip(),
        "dimension": comparisons["dimension"], "member": comparisons["dimension_value"],
        "expected": comparisons["expected"], "observed": comparisons["observed"],
        "passed": comparisons["rel_diff"] <= TOLERANCE, "severity": "critical"})
    keys = list(frame.columns)
    return [dict(zip(keys, values)) for values in zip(*(frame[k].tolist() for k in keys))]


def fill_golden(rows: list[dict], outcomes: list[Outcome]) -> None:
    """golden.kpi_values rows take their verdict from GX (meta `row` = index in rows)."""
    golden = [r for r in rows if r["suite"] == "golden.kpi_values"]
    for o in outcomes:
        if o.suite == "golden.kpi_values" and "row" in o.meta:
            golden[o.meta["row"]]["passed"] = o.success


def ordered(rows: list[dict]) -> list[dict]:
    """Critical failures, then warnings, then passes; stable within each group."""
    def rank(row):
        if row["passed"]:
            return 2
        return 0 if row["severity"] == "critical" else 1
    return sorted(rows, key=rank)

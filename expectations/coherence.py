"""Suite `coherence`: numbers that must agree, agree (to 1e-6 relative, floor 1e-6 absolute).

The comparisons are computed in pandas (orchestration/recette/coherence.py): one row per pair,
with rel_diff = |expected - observed| / max(|expected|, |observed|, 1). `prepare` copies each
rule's rel_diff into a column of its own, so each rule is one expectation whose failing rows
the report names (kpi_code, period, dimension, member).
"""
import great_expectations.expectations as gxe
import pandas as pd

TOLERANCE = 1e-6

RULES = {
    "dimension_sum": "additive KPIs: the members of each additive dimension add up to the total",
    "quarter_months": "time-additive KPIs: the months of a quarter add up to the quarter",
    "year_quarters": "time-additive KPIs: the quarters of a year add up to the year",
    "customer_status_counts": "customer_360 rows per customer_status equal active_customers, "
                              "inactive_customers, lost_customers, prospect_accounts (as_of)",
    "crm_alerts_count": "crm_alerts rows of the as_of equal crm_alerts_open (total and per rule)",
    "quarantine_count": "audit.quarantine rows equal quarantined_rows (total and per entity)",
    "load_audit_rows": "audit.load_audit: rows_read = rows_loaded + rows_quarantined, per file",
}

INDEX = ["rule", "kpi_code", "period_grain", "period_start", "dimension", "dimension_value"]


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    masked = {rule: frame["rel_diff"].where(frame["rule"] == rule) for rule in RULES}
    return frame.assign(**masked)


def expectations() -> list:
    return [gxe.ExpectColumnValuesToBeBetween(
        column=rule, min_value=0, max_value=TOLERANCE,
        description=f"{text} (relative difference <= {TOLERANCE:g})")
        for rule, text in RULES.items()]

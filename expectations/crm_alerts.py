"""Suites `structure.crm_alerts` and `sanity.crm_alerts` (outputs.md alert rules)."""
import great_expectations.expectations as gxe
import pandas as pd

from orchestration.recette.tables import TableSpec, is_true

TABLE = TableSpec(
    name="marts.crm_alerts",
    columns={"alert_rule": "text", "severity": "text", "entity_type": "text", "entity_id": "text",
             "owner_rep_id": "text", "as_of_date": "date", "message": "text"},
    key=("alert_rule", "entity_type", "entity_id", "as_of_date"), not_null=("severity",),
    index=("alert_rule", "entity_type", "entity_id"))

RULE_SEVERITY = {
    "opportunity_overdue": "warning", "won_without_amount": "error",
    "lost_without_reason": "warning", "stale_opportunity": "warning",
    "visit_without_report": "warning", "quote_without_follow_up": "warning",
    "contact_unreachable": "warning", "duplicate_contact": "info",
    "order_without_account": "error", "case_past_sla": "error",
}


def prepare(frame: pd.DataFrame, spec) -> pd.DataFrame:
    if not {"alert_rule", "severity"} <= set(frame.columns) or frame.empty:
        return frame
    return frame.assign(check_severity_of_rule=(
        frame["severity"] == frame["alert_rule"].map(RULE_SEVERITY)).astype(bool))


def sanity(spec) -> list:
    return [
        gxe.ExpectColumnValuesToBeInSet(column="alert_rule", value_set=list(RULE_SEVERITY)),
        gxe.ExpectColumnValuesToBeInSet(column="severity", value_set=["info", "warning", "error"]),
        is_true("check_severity_of_rule", "severity is the one of the rule in outputs.md"),
    ]

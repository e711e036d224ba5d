"""Suite `sanity.data_quality`: the data quality KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "data_quality"

KPIS = {
    "contact_completeness_rate": Kpi(bounds=SHARE),
    "data_quality_index": Kpi(bounds=(0.0, 100.0), why="100 x a mean of shares"),
    "duplicate_contacts": Kpi(bounds=NON_NEGATIVE, may_be_empty=True),
    "duplicate_accounts": Kpi(bounds=NON_NEGATIVE, may_be_empty=True),
    "new_prospects": Kpi(
        bounds=NON_NEGATIVE, additive=("country", "lead_source", "sales_rep"), time_additive=True),
    "crm_alerts_open": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=("alert_rule",)),
    "crm_erp_sync_errors": Kpi(
        bounds=NON_NEGATIVE, may_be_empty=True, additive=("sync_error_type",),
        why="the three error types are disjoint record sets"),
    "data_freshness_days": Kpi(
        clean_bounds=NON_NEGATIVE, why="a record updated after as_of would give a negative age"),
    "quarantined_rows": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=("entity",)),
}

"""Suite `sanity.service`: the customer service KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "service"

CASES = ("contact_reason", "case_channel", "priority")

KPIS = {
    "cases_opened": Kpi(bounds=NON_NEGATIVE, additive=CASES, time_additive=True),
    "cases_closed": Kpi(bounds=NON_NEGATIVE, additive=CASES, time_additive=True),
    "same_day_closure_rate": Kpi(bounds=SHARE),
    "avg_resolution_hours": Kpi(clean_bounds=NON_NEGATIVE, why="closed before opened loads as it is"),
    "complaint_resolution_hours": Kpi(clean_bounds=NON_NEGATIVE, may_be_empty=True),
    "sla_compliance_rate": Kpi(bounds=SHARE),
    "first_response_hours": Kpi(clean_bounds=NON_NEGATIVE),
    "open_cases_past_sla": Kpi(
        bounds=NON_NEGATIVE, may_be_empty=True, additive=("contact_reason", "priority")),
    "inbound_calls": Kpi(bounds=NON_NEGATIVE, time_additive=True),
    "calls_per_day": Kpi(bounds=NON_NEGATIVE, why="a daily average: not additive"),
    "abandoned_call_rate": Kpi(bounds=SHARE),
    "avg_handle_time_s": Kpi(clean_bounds=NON_NEGATIVE),
    "callbacks": Kpi(bounds=NON_NEGATIVE, time_additive=True),
}

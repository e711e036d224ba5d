"""Suite `sanity.pipeline`: the pipeline and forecast KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "pipeline"

OPEN = ("stage", "sales_rep", "team", "product_range")
WON = ("sales_rep", "team", "lead_source", "product_range", "segment")

KPIS = {
    "open_pipeline_amount": Kpi(
        clean_bounds=NON_NEGATIVE, additive=OPEN, why="a negative amount loads as it is"),
    "weighted_pipeline": Kpi(clean_bounds=NON_NEGATIVE, additive=OPEN),
    "open_opportunities": Kpi(bounds=NON_NEGATIVE, additive=OPEN),
    "pipeline_forecast": Kpi(
        clean_bounds=NON_NEGATIVE, additive=("sales_rep", "team"), why="monthly only: no time sum"),
    "opportunities_created": Kpi(
        bounds=NON_NEGATIVE, additive=("lead_source", "sales_rep", "team"), time_additive=True),
    "deals_won": Kpi(bounds=NON_NEGATIVE, additive=WON, time_additive=True),
    "deals_won_amount": Kpi(
        clean_bounds=NON_NEGATIVE, additive=WON, time_additive=True,
        why="won_without_amount alerts on amounts <= 0: they load"),
    "deals_lost": Kpi(
        bounds=NON_NEGATIVE, additive=("sales_rep", "team", "lost_reason"), time_additive=True),
    "win_rate": Kpi(bounds=SHARE),
    "sales_cycle_days": Kpi(clean_bounds=NON_NEGATIVE, why="closed before created loads as it is"),
    "stage_duration_days": Kpi(bounds=NON_NEGATIVE, why="events are ordered by entered_at"),
    "leads_created": Kpi(
        bounds=NON_NEGATIVE, additive=("lead_source", "country"), time_additive=True),
    "qualified_leads": Kpi(
        bounds=NON_NEGATIVE, additive=("lead_source", "sales_rep"), time_additive=True),
    "lead_conversion_rate": Kpi(bounds=SHARE),
}

"""Suite `sanity.profitability`: the project profitability KPIs of marts.kpi_observations."""
from orchestration.recette.rules import AT_MOST_ONE, NON_NEGATIVE, SHARE, Kpi

MODULE = "profitability"

PROJECT = ("project", "segment")

KPIS = {
    "project_revenue": Kpi(clean_bounds=NON_NEGATIVE, additive=PROJECT, time_additive=True),
    "project_cost": Kpi(clean_bounds=NON_NEGATIVE, additive=PROJECT, time_additive=True),
    "project_margin": Kpi(
        additive=PROJECT, time_additive=True,
        why="no bound: negative when costs exceed revenue; a difference of sums, so additive"),
    "project_margin_rate": Kpi(clean_bounds=AT_MOST_ONE, why="negative when costs exceed revenue"),
    "utilization_rate": Kpi(clean_bounds=SHARE, why="negative hours load as they are"),
}

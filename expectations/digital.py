"""Suite `sanity.digital`: the website KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "digital"

KPIS = {
    "web_sessions": Kpi(bounds=NON_NEGATIVE, additive=("web_channel",), time_additive=True),
    "pageviews": Kpi(
        clean_bounds=NON_NEGATIVE, additive=("web_channel",), time_additive=True,
        why="a sum of the sessions' pageviews field, which may load negative"),
    "avg_session_duration_s": Kpi(clean_bounds=NON_NEGATIVE),
    "goal_completion_rate": Kpi(bounds=SHARE),
}

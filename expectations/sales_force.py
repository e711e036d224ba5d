"""Suite `sanity.sales_force`: the sales force KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "sales_force"

KPIS = {
    "visits_done": Kpi(bounds=NON_NEGATIVE, additive=("sales_rep", "team"), time_additive=True),
    "visit_report_rate": Kpi(bounds=SHARE),
    "visit_to_order_ratio": Kpi(bounds=NON_NEGATIVE, why="orders per visit: above 1 is normal"),
    "late_visits": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=("sales_rep", "team")),
    "quotes_to_follow_up": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=("sales_rep",)),
    "open_orders_backlog": Kpi(
        clean_bounds=NON_NEGATIVE, may_be_empty=True, additive=("sales_rep", "segment")),
    "action_plan_progress_rate": Kpi(
        clean_bounds=SHARE, may_be_empty=True,
        why="tasks_done > tasks_total loads as it is: [0, 1] on clean data only"),
    "calls_per_opportunity": Kpi(bounds=NON_NEGATIVE, why="calls per opportunity: above 1 is normal"),
}

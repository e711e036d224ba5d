"""Suite `sanity.customer`: the customer 360 KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "customer"

STATUS = ("segment", "country", "sales_rep")

KPIS = {
    "active_customers": Kpi(bounds=NON_NEGATIVE, additive=STATUS),
    "inactive_customers": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=STATUS),
    "lost_customers": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=STATUS),
    "prospect_accounts": Kpi(bounds=NON_NEGATIVE, may_be_empty=True, additive=STATUS),
    "customers_lost": Kpi(
        bounds=NON_NEGATIVE, may_be_empty=True, additive=("segment",), time_additive=True),
    "customer_lifetime_value": Kpi(
        clean_bounds=NON_NEGATIVE, why="an account with more credit notes than invoices is negative"),
    "retention_rate": Kpi(bounds=SHARE),
    "cross_sell_ratio": Kpi(bounds=NON_NEGATIVE, why="an average count of ranges: above 1 is normal"),
}

"""Suite `sanity.management`: the management KPIs of marts.kpi_observations."""
from orchestration.recette.rules import AT_MOST_ONE, NON_NEGATIVE, Kpi

MODULE = "management"

KPIS = {
    "invoiced_revenue": Kpi(
        additive=("country", "segment", "sales_rep", "team", "business_unit"), time_additive=True,
        why="no bound: credit notes make it negative"),
    "revenue_target_attainment": Kpi(
        why="no bound: above 1 when the target is beaten, negative with credit notes"),
    "orders_amount": Kpi(
        clean_bounds=NON_NEGATIVE,
        additive=("country", "segment", "product_range", "order_channel", "sales_rep", "team"),
        time_additive=True,
        why="product_range adds up: only the lines of the range count, an order without lines adds 0"),
    "orders_count": Kpi(
        bounds=NON_NEGATIVE,
        additive=("country", "segment", "order_channel", "sales_rep", "team"), time_additive=True,
        why="product_range left out: an order with lines of two ranges counts in both"),
    "average_basket": Kpi(clean_bounds=NON_NEGATIVE),
    "gross_margin": Kpi(
        additive=("country", "segment", "product_range", "order_channel"), time_additive=True,
        why="no bound: negative when sold below cost"),
    "gross_margin_rate": Kpi(
        clean_bounds=AT_MOST_ONE, why="negative below cost; above 1 only with negative costs"),
    "new_customers": Kpi(
        bounds=NON_NEGATIVE,
        additive=("country", "segment", "order_channel", "sales_rep"), time_additive=True),
}

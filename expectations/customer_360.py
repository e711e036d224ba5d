"""Suites `structure.customer_360` and `sanity.customer_360` (outputs.md customer status rule)."""
import great_expectations.expectations as gxe
import pandas as pd

from orchestration.recette.tables import TableSpec, is_true

TABLE = TableSpec(
    name="marts.customer_360",
    columns={"account_id": "text", "account_name": "text", "country": "text", "segment": "text",
             "owner_rep_id": "text", "first_order_date": "date", "last_order_date": "date",
             "valid_orders": "integer", "ordering_cycle_days": "number",
             "days_since_last_order": "integer", "customer_status": "text", "lost_on": "date",
             "lifetime_revenue": "number", "lifetime_gross_margin": "number",
             "product_ranges_365d": "integer"},
    key=("account_id",), not_null=("customer_status",), min_rows=1, index=("account_id",))

STATUSES = ["prospect", "active", "inactive", "lost"]


def prepare(frame: pd.DataFrame, spec) -> pd.DataFrame:
    needed = {"customer_status", "lost_on", "valid_orders", "last_order_date"}
    if not needed <= set(frame.columns) or frame.empty:
        return frame
    status = frame["customer_status"]
    no_order = frame["valid_orders"].fillna(0) == 0
    return frame.assign(
        check_lost_on_iff_lost=((status == "lost") == frame["lost_on"].notna()).astype(bool),
        check_prospect_iff_no_order=((status == "prospect") == no_order).astype(bool),
        check_last_order_iff_ordered=(frame["last_order_date"].isna() == no_order).astype(bool),
    )


def sanity(spec) -> list:
    return [
        gxe.ExpectColumnValuesToBeInSet(column="customer_status", value_set=STATUSES),
        gxe.ExpectColumnValuesToBeBetween(column="valid_orders", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="days_since_last_order", min_value=0,
                                          description="days_since_last_order >= 0 (orders after as_of are left out)"),
        gxe.ExpectColumnValuesToBeBetween(column="ordering_cycle_days", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="product_ranges_365d", min_value=0),
        is_true("check_lost_on_iff_lost", "lost_on is set exactly for lost customers"),
        is_true("check_prospect_iff_no_order", "prospect exactly when there is no valid order"),
        is_true("check_last_order_iff_ordered", "last_order_date is set exactly when there is a valid order"),
    ]

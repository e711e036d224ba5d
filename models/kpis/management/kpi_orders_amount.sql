-- orders_amount: sum of line net amounts of valid orders, by ordered_at.
-- For product_range, only the lines of that range. A valid order without live lines is in
-- the population with amount 0 (it counts in the other dimensions, under no product_range).
-- Orders of unlinked ERP customers count under `unknown` for country and segment;
-- rep = orders.rep_id, else the account owner.
with valid_order_lines as (
    select * from {{ ref('int_valid_order_lines') }}
),

population as (
    select
        ordered_on as kpi_date,
        order_id,
        line_no,
        account_country as country,
        account_segment as segment,
        product_range,
        channel as order_channel,
        rep_id as sales_rep,
        rep_team as team,
        coalesce(line_net_amount, 0) as line_net_amount
    from valid_order_lines
)

{{ kpi_observations(
    'orders_amount', 'population',
    numerator='sum(line_net_amount)',
    dimension_filters={'product_range': 'line_no is not null'}
) }}

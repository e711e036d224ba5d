-- average_basket: orders_amount / orders_count for the same period and member.
-- Same population as both components (lines of valid orders, plus one row per valid order
-- without live lines): by product_range, amount of the lines of that range / orders with at
-- least one line of that range.
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
    'average_basket', 'population',
    numerator='sum(line_net_amount)',
    denominator='count(distinct order_id)',
    dimension_filters={'product_range': 'line_no is not null'}
) }}

-- average_basket: orders_amount / orders_count for the same period and member.
-- Same population as both components (lines of valid orders, plus one row per valid order
-- without live lines): by product_range, amount of the lines of that range / orders with at
-- least one line of that range.
with {{ valid_order_lines_population() }}

{{ kpi_observations(
    'average_basket', 'population',
    numerator='sum(line_net_amount)',
    denominator='count(distinct order_id)',
    dimension_filters={'product_range': 'line_no is not null'}
) }}

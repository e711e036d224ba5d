-- average_basket: orders_amount / orders_count for the same period and member.
-- Same population as both components (valid orders by product range of their live lines,
-- plus one row per valid order without live lines): by product_range, amount of the lines
-- of that range / orders with at least one line of that range.
with {{ valid_order_ranges_population() }}

{{ kpi_observations(
    'average_basket', 'population',
    numerator='sum(line_net_amount)',
    denominator='count(distinct order_id)',
    dimension_filters={'product_range': 'has_live_line = true'}
) }}

-- average_basket: orders_amount / orders_count for the same period and member.
-- Same populations as both components (one row per valid order; for product_range, one row
-- per order x range of its live lines): by product_range, amount of the lines of that range /
-- orders with at least one line of that range.
with {{ valid_order_ranges_population() }}

{{ kpi_observations(
    'average_basket', 'population',
    numerator='sum(net_amount)',
    denominator='sum(orders)',
    dimension_populations={'product_range': 'range_population'}
) }}

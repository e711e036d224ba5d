-- gross_margin_rate: gross_margin / sum of line net amounts of the same lines (lines of valid
-- orders with a known cost), recomputed from both sums at every grain. Same populations as
-- gross_margin.
with {{ valid_order_ranges_population(known_cost_only=true) }}

{{ kpi_observations(
    'gross_margin_rate', 'population',
    numerator='sum(known_cost_margin)',
    denominator='sum(known_cost_net_amount)',
    dimension_populations={'product_range': 'range_population'}
) }}

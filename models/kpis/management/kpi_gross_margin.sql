-- gross_margin: sum over lines of valid orders with a known cost of
-- (line net amount - line cost), by ordered_at. Lines whose line and product unit costs are
-- both NULL are left out. Read from the per-order (per order x range for product_range) sums
-- of those lines: an order or range without such a line is not in the population.
with {{ valid_order_ranges_population(known_cost_only=true) }}

{{ kpi_observations(
    'gross_margin', 'population',
    numerator='sum(known_cost_margin)',
    dimension_populations={'product_range': 'range_population'}
) }}

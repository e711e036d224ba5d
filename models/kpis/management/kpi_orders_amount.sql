-- orders_amount: sum of line net amounts of valid orders, by ordered_at.
-- For product_range, only the lines of that range. A valid order without live lines is in
-- the population with amount 0 (it counts in the other dimensions, under no product_range).
-- Orders of unlinked ERP customers count under `unknown` for country and segment;
-- rep = orders.rep_id, else the account owner.
with {{ valid_order_ranges_population() }}

{{ kpi_observations(
    'orders_amount', 'population',
    numerator='sum(net_amount)',
    dimension_populations={'product_range': 'range_population'}
) }}

-- orders_count: count of valid orders, by ordered_at.
-- For product_range, orders with at least one live line of that range (an order with lines
-- of two ranges counts once in each); an order without live lines counts in total and the
-- other dimensions but under no product_range. Unlinked ERP customers: `unknown` country and
-- segment; rep = orders.rep_id, else the account owner. The population is cells of orders
-- (one order x range for product_range) of a month and members: sum(orders) counts orders.
with {{ valid_order_ranges_population() }}

{{ kpi_observations(
    'orders_count', 'population',
    numerator='sum(orders)',
    dimension_populations={'product_range': 'range_population'}
) }}

-- active_customers (snapshot): Customers with customer_status 'active' (customer status rule, outputs.md). Rep = account owner.
with {{ customer_status_population('active') }}

{{ kpi_observations('active_customers', 'population', numerator='count(*)') }}

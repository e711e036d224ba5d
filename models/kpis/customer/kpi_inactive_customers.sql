-- inactive_customers (snapshot): Customers with customer_status 'inactive'. Rep = account owner.
with {{ customer_status_population('inactive') }}

{{ kpi_observations('inactive_customers', 'population', numerator='count(*)') }}

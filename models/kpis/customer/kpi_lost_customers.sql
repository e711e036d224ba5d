-- lost_customers (snapshot): Customers with customer_status 'lost'. Rep = account owner.
with {{ customer_status_population('lost') }}

{{ kpi_observations('lost_customers', 'population', numerator='count(*)') }}

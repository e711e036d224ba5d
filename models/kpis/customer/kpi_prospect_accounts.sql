-- prospect_accounts (snapshot): Customers with customer_status 'prospect' (no valid order on or before as_of). Rep = account owner.
with {{ customer_status_population('prospect') }}

{{ kpi_observations('prospect_accounts', 'population', numerator='count(*)') }}

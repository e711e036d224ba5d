-- Level 2 (advanced): customer status counts and lifetime value by account country, one set per as_of snapshot.
-- Grain: one row per period_start x country member (period_grain as_of).
{{ kpi_wide(['active_customers', 'inactive_customers', 'lost_customers', 'prospect_accounts', 'customer_lifetime_value'], 'country', 'as_of') }}

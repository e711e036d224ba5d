-- Level 2 (advanced): customer status counts by account owner, one set per as_of snapshot.
-- Grain: one row per period_start x sales_rep member (period_grain as_of).
{{ kpi_wide(['active_customers', 'inactive_customers', 'lost_customers', 'prospect_accounts'], 'sales_rep', 'as_of') }}

-- Level 2 (advanced): customer status counts, lifetime value and cross-sell by account segment, one set per as_of snapshot.
-- Grain: one row per period_start x segment member (period_grain as_of).
{{ kpi_wide(['active_customers', 'inactive_customers', 'lost_customers', 'prospect_accounts', 'customer_lifetime_value', 'cross_sell_ratio'], 'segment', 'as_of') }}

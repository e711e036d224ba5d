-- Level 2 (advanced): monthly retention rate and customers lost by account segment.
-- Grain: one row per period_start x segment member (period_grain month).
{{ kpi_wide(['retention_rate', 'customers_lost'], 'segment', 'month') }}

-- Level 2 (advanced): new prospect accounts by month and accounts.lead_source.
-- Grain: one row per period_start x lead_source member (period_grain month).
{{ kpi_wide(['new_prospects'], 'lead_source', 'month') }}

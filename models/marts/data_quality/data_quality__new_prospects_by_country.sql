-- Level 2 (advanced): new prospect accounts by month and account country.
-- Grain: one row per period_start x country member (period_grain month).
{{ kpi_wide(['new_prospects'], 'country', 'month') }}

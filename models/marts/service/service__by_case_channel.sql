-- Level 2 (advanced): monthly case KPIs by case channel.
-- Grain: one row per period_start x case_channel member (period_grain month).
{{ kpi_wide(['cases_opened', 'cases_closed', 'same_day_closure_rate', 'avg_resolution_hours', 'first_response_hours'], 'case_channel', 'month') }}

-- Level 2 (advanced): monthly call-centre KPIs (dimension total only: column total is always 'all').
-- Grain: one row per period_start x total member (period_grain month).
{{ kpi_wide(['inbound_calls', 'calls_per_day', 'abandoned_call_rate', 'avg_handle_time_s', 'callbacks'], 'total', 'month') }}

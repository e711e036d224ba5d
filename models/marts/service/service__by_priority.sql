-- Level 2 (advanced): monthly case KPIs by case priority.
-- Grain: one row per period_start x priority member (period_grain month).
{{ kpi_wide(['cases_opened', 'cases_closed', 'avg_resolution_hours', 'sla_compliance_rate'], 'priority', 'month') }}

-- Level 2 (advanced): monthly case KPIs by contact reason (cases.reason).
-- Grain: one row per period_start x contact_reason member (period_grain month).
{{ kpi_wide(['cases_opened', 'cases_closed', 'same_day_closure_rate', 'avg_resolution_hours', 'complaint_resolution_hours', 'sla_compliance_rate'], 'contact_reason', 'month') }}

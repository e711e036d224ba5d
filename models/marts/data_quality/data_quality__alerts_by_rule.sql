-- Level 2 (advanced): open CRM alerts by alert rule, one set per as_of snapshot.
-- Grain: one row per period_start x alert_rule member (period_grain as_of).
{{ kpi_wide(['crm_alerts_open'], 'alert_rule', 'as_of') }}

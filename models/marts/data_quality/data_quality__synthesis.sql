-- Level 1 (synthetic): level-1 KPIs of module data_quality, member total, last 13 months (monthly rows)
-- plus the latest snapshot. Grain: one row per KPI x period_grain x period_start.
{{ module_synthesis('data_quality') }}

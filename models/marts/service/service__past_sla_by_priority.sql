-- Level 2 (advanced): open cases past SLA by case priority, one set per as_of snapshot.
-- Grain: one row per period_start x priority member (period_grain as_of).
{{ kpi_wide(['open_cases_past_sla'], 'priority', 'as_of') }}

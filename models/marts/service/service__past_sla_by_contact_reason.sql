-- Level 2 (advanced): open cases past SLA by contact reason, one set per as_of snapshot.
-- Grain: one row per period_start x contact_reason member (period_grain as_of).
{{ kpi_wide(['open_cases_past_sla'], 'contact_reason', 'as_of') }}

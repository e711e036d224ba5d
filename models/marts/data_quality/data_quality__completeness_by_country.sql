-- Level 2 (advanced): contact completeness by country of the contact's account, one set per as_of snapshot.
-- Grain: one row per period_start x country member (period_grain as_of).
{{ kpi_wide(['contact_completeness_rate'], 'country', 'as_of') }}

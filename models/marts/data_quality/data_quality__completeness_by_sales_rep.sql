-- Level 2 (advanced): contact completeness by owner of the contact's account, one set per as_of snapshot.
-- Grain: one row per period_start x sales_rep member (period_grain as_of).
{{ kpi_wide(['contact_completeness_rate'], 'sales_rep', 'as_of') }}

-- Level 2 (advanced): quarantined rows by landing entity (source/entity), one set per as_of snapshot.
-- Grain: one row per period_start x entity member (period_grain as_of).
{{ kpi_wide(['quarantined_rows'], 'entity', 'as_of') }}

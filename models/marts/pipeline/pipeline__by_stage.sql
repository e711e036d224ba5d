-- Level 2: average time in stage by stage, monthly (period of the interval's closing event).
{{ kpi_wide(['stage_duration_days'], 'stage', 'month') }}

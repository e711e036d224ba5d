-- Level 2: open pipeline snapshots by stage, one set per as_of date kept in kpi_observations.
{{ kpi_wide(['open_pipeline_amount', 'weighted_pipeline', 'open_opportunities'], 'stage', 'as_of') }}

-- Level 2: campaign ROI snapshots by campaign, one set per as_of date kept in kpi_observations.
{{ kpi_wide(['campaign_roi'], 'campaign', 'as_of') }}

-- Level 2: sales forecast (weighted open pipeline by expected close month) by sales rep.
{{ kpi_wide(['pipeline_forecast'], 'sales_rep', 'month') }}

-- Level 2: profitability KPIs by project. Grain: one row per month x project.
{{ kpi_wide(['project_revenue', 'project_cost', 'project_margin', 'project_margin_rate',
             'utilization_rate'], 'project', 'month') }}

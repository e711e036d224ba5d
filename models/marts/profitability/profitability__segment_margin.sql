-- Level 2: project profitability KPIs by customer segment. Grain: one row per month x segment.
{{ kpi_wide(['project_revenue', 'project_cost', 'project_margin', 'project_margin_rate'],
            'segment', 'month') }}

-- Level 2: field activity KPIs by team. Grain: one row per month x team.
{{ kpi_wide(['visits_done', 'visit_report_rate', 'visit_to_order_ratio', 'calls_per_opportunity',
             'orders_count'], 'team', 'month') }}

-- Level 2: field activity KPIs by sales rep. Grain: one row per month x sales_rep.
{{ kpi_wide(['visits_done', 'visit_report_rate', 'visit_to_order_ratio', 'calls_per_opportunity',
             'orders_count'], 'sales_rep', 'month') }}

-- Level 2: management KPIs by sales rep. Grain: one row per month x sales_rep.
{{ kpi_wide(['invoiced_revenue', 'revenue_target_attainment', 'orders_amount', 'orders_count',
             'average_basket', 'new_customers'], 'sales_rep', 'month') }}

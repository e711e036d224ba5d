-- Level 2: management KPIs by account segment. Grain: one row per month x segment.
{{ kpi_wide(['invoiced_revenue', 'orders_amount', 'orders_count', 'average_basket',
             'gross_margin', 'gross_margin_rate', 'new_customers'], 'segment', 'month') }}

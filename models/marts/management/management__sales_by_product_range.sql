-- Level 2: order and margin KPIs by product range. Grain: one row per month x product_range.
{{ kpi_wide(['orders_amount', 'orders_count', 'average_basket', 'gross_margin',
             'gross_margin_rate'], 'product_range', 'month') }}

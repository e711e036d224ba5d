-- Level 2: pipeline KPIs by sales rep (opportunity owner; lead owner for qualified_leads), monthly.
{{ kpi_wide(['opportunities_created', 'deals_won', 'deals_won_amount', 'deals_lost', 'win_rate',
             'sales_cycle_days', 'qualified_leads'], 'sales_rep', 'month') }}

-- Level 2: pipeline KPIs by team of the opportunity owner, monthly.
{{ kpi_wide(['opportunities_created', 'deals_won', 'deals_won_amount', 'deals_lost', 'win_rate'],
            'team', 'month') }}

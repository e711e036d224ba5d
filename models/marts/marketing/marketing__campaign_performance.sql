-- Level 2: campaign KPIs by campaign, monthly.
{{ kpi_wide(['campaign_messages_sent', 'campaign_responses', 'campaign_response_rate',
             'campaign_won_deals', 'campaign_revenue', 'campaign_new_customers'], 'campaign', 'month') }}

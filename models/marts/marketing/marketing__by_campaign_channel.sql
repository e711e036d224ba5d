-- Level 2: campaign KPIs by campaign channel, monthly.
{{ kpi_wide(['campaigns_active', 'campaign_messages_sent', 'campaign_responses',
             'campaign_response_rate', 'campaign_won_deals', 'campaign_revenue'], 'campaign_channel', 'month') }}

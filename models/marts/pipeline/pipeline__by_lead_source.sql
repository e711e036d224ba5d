-- Level 2: lead and opportunity KPIs by lead source (leads.source for lead KPIs,
-- opportunities.lead_source for opportunity KPIs), monthly.
{{ kpi_wide(['leads_created', 'qualified_leads', 'lead_conversion_rate', 'opportunities_created',
             'deals_won', 'deals_won_amount', 'win_rate', 'sales_cycle_days'], 'lead_source', 'month') }}

-- invoiced_revenue: sum of invoiced revenue of live invoices, by invoiced_on.
-- Rep = rep of the invoice (landing contract); credit notes count negative. Summed into
-- month x member cells first (kpi_month_cells).
with invoices as (
    select * from {{ ref('int_invoices') }}
),

population as (
    select
        invoiced_on as kpi_date,
        account_country as country,
        account_segment as segment,
        rep_id as sales_rep,
        rep_team as team,
        rep_business_unit as business_unit,
        invoiced_revenue
    from invoices
),

{{ kpi_month_cells('cells', 'population', ['country', 'segment', 'sales_rep', 'team', 'business_unit'],
                   {'invoiced_revenue': 'sum(invoiced_revenue)'}) }}

{{ kpi_observations('invoiced_revenue', 'cells', numerator='sum(invoiced_revenue)') }}

-- sales_cycle_days: average of the days between created_at and closed_at local dates over
-- the deals_won population (by closed_at local date).
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        lead_source,
        owner_rep_id as sales_rep,
        account_segment as segment,
        {{ days_between('created_on', 'closed_on') }} as cycle_days
    from opportunities
    where is_won = true
      and closed_on is not null
)

{{ kpi_observations('sales_cycle_days', 'population', numerator='sum(cycle_days)', denominator='count(*)') }}

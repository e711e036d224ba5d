-- deals_won_amount: sum of coalesce(amount, 0) over the deals_won population (live closed_won
-- opportunities by closed_at local date).
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        owner_rep_id as sales_rep,
        owner_team as team,
        lead_source,
        product_range,
        account_segment as segment,
        coalesce(amount, 0) as amount
    from opportunities
    where is_won = true
      and closed_on is not null
)

{{ kpi_observations('deals_won_amount', 'population', numerator='sum(amount)') }}

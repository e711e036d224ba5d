-- campaign_revenue: sum of coalesce(amount, 0) over campaign_won_deals.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        campaign_id as campaign,
        campaign_channel,
        coalesce(amount, 0) as amount
    from opportunities
    where is_won = true
      and closed_on is not null
      and campaign_id is not null
)

{{ kpi_observations('campaign_revenue', 'population', numerator='sum(amount)') }}

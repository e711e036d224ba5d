-- campaign_won_deals: the deals_won population (live closed_won opportunities by closed_at
-- local date) restricted to opportunities with a campaign_id.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        campaign_id as campaign,
        campaign_channel
    from opportunities
    where is_won = true
      and closed_on is not null
      and campaign_id is not null
)

{{ kpi_observations('campaign_won_deals', 'population', numerator='count(*)') }}

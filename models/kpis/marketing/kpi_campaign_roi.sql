-- campaign_roi: over campaigns with starts_on <= as_of and cost > 0:
-- (sum of amounts of live closed_won opportunities carrying their campaign_id with closed_at
-- local date <= as_of - sum of cost) / sum of cost. Snapshot as of as_of.
with campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

opportunities as (
    select * from {{ ref('int_opportunities') }}
),

won_amounts as (
    select
        campaign_id,
        sum(coalesce(amount, 0)) as won_amount
    from opportunities
    where is_won = true
      and campaign_id is not null
      and closed_on <= {{ as_of_date() }}
    group by campaign_id
),

population as (
    select
        campaigns.campaign_id as campaign,
        campaigns.channel as campaign_channel,
        campaigns.cost,
        coalesce(won_amounts.won_amount, 0) as won_amount
    from campaigns
    left join won_amounts on won_amounts.campaign_id = campaigns.campaign_id
    where campaigns.starts_on <= {{ as_of_date() }}
      and campaigns.cost > 0
)

{{ kpi_observations('campaign_roi', 'population', numerator='sum(won_amount) - sum(cost)', denominator='sum(cost)') }}

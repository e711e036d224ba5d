-- Level 3: every campaign with its cost, audience, responses and, as of as_of, its won
-- deals, won amount and ROI (same rule as campaign_roi: starts_on <= as_of and cost > 0).
-- Grain: one row per campaign.
with campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

members as (
    select * from {{ ref('int_campaign_members') }}
),

opportunities as (
    select * from {{ ref('int_opportunities') }}
),

-- counts, BIGINT: DuckDB sums integers into a HUGEINT, slow to scan once stored
member_counts as (
    select
        campaign_id,
        count(*) as members,
        count(case when sent_on is not null then 1 end) as messages_sent,
        count(case when sent_on is not null and has_responded = true then 1 end) as sent_with_response,
        count(case when has_responded = true then 1 end) as responses
    from members
    group by campaign_id
),

won_deals as (
    select
        campaign_id,
        count(*) as won_deals,
        sum(coalesce(amount, 0)) as won_amount
    from opportunities
    where is_won = true
      and campaign_id is not null
      and closed_on <= {{ as_of_date() }}
    group by campaign_id
),

detail as (
    select
        campaigns.campaign_id,
        campaigns.name as campaign_name,
        campaigns.channel as campaign_channel,
        campaigns.starts_on,
        campaigns.ends_on,
        campaigns.cost,
        coalesce(
            campaigns.starts_on <= {{ as_of_date() }}
            and (campaigns.ends_on is null or campaigns.ends_on >= {{ as_of_date() }}),
            false
        ) as is_active_on_as_of,
        coalesce(member_counts.members, 0) as members,
        coalesce(member_counts.messages_sent, 0) as messages_sent,
        coalesce(member_counts.responses, 0) as responses,
        cast(member_counts.sent_with_response as {{ double_type() }})
            / nullif(member_counts.messages_sent, 0) as response_rate,
        coalesce(won_deals.won_deals, 0) as won_deals,
        coalesce(won_deals.won_amount, 0) as won_amount,
        case
            when campaigns.starts_on <= {{ as_of_date() }} and campaigns.cost > 0
                then (coalesce(won_deals.won_amount, 0) - campaigns.cost) / campaigns.cost
        end as roi,
        {{ as_of_date() }} as as_of_date
    from campaigns
    left join member_counts on member_counts.campaign_id = campaigns.campaign_id
    left join won_deals on won_deals.campaign_id = campaigns.campaign_id
)

select * from detail

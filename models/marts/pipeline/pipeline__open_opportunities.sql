-- Level 3: open opportunities as of as_of (live, stage not closed, created on or before
-- as_of), with their weighted amount, owner, team, age and forecast month.
-- Grain: one row per open opportunity.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

open_opportunities as (
    select
        opportunities.opportunity_id,
        opportunities.account_id,
        accounts.account_name,
        opportunities.account_segment,
        opportunities.account_country,
        opportunities.owner_rep_id,
        opportunities.owner_team,
        opportunities.stage,
        opportunities.product_range,
        opportunities.lead_source,
        opportunities.campaign_id,
        opportunities.amount,
        opportunities.probability,
        coalesce(opportunities.amount, 0) * coalesce(opportunities.probability, 0) / 100.0 as weighted_amount,
        opportunities.created_on,
        {{ days_between('opportunities.created_on', as_of_date()) }} as age_days,
        opportunities.expected_close_date,
        {{ period_start('month', "case when opportunities.expected_close_date is null or opportunities.expected_close_date < " ~ as_of_date() ~ " then " ~ as_of_date() ~ " else opportunities.expected_close_date end") }} as forecast_month,
        coalesce(opportunities.expected_close_date < {{ as_of_date() }}, false) as is_overdue,
        {{ as_of_date() }} as as_of_date
    from opportunities
    left join accounts on accounts.account_id = opportunities.account_id
    where {{ is_open_opportunity('opportunities') }}
)

select * from open_opportunities

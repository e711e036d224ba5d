-- Grain: one row per live opportunity, with its account's segment and country, its
-- owner's team, its campaign's channel, local dates and won/lost flags. Whether it is open as
-- of as_of is the macro is_open_opportunity() over these columns, evaluated by the readers:
-- the model does not read as_of.
{%- set touched = {'opportunity_id': ['crm__opportunities']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the opportunities a delta's opportunity files touch
-- (macros/incremental/merge_touched.sql); a change of accounts, reps or campaigns rebuilds it
-- whole.
with opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
    {{- where_touched(touched) }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

enriched as (
    select
        opportunities.opportunity_id,
        opportunities.account_id,
        accounts.segment as account_segment,
        accounts.country as account_country,
        opportunities.owner_rep_id,
        reps.team as owner_team,
        reps.business_unit as owner_business_unit,
        opportunities.lead_id,
        opportunities.lead_source,
        opportunities.campaign_id,
        campaigns.channel as campaign_channel,
        opportunities.product_range,
        opportunities.stage,
        opportunities.amount,
        opportunities.probability,
        opportunities.expected_close_date,
        opportunities.lost_reason,
        opportunities.created_at,
        cast(opportunities.created_at as date) as created_on,
        opportunities.closed_at,
        cast(opportunities.closed_at as date) as closed_on,
        opportunities.stage = 'closed_won' as is_won,
        opportunities.stage = 'closed_lost' as is_lost
    from opportunities
    left join accounts on accounts.account_id = opportunities.account_id
    left join reps on reps.rep_id = opportunities.owner_rep_id
    left join campaigns on campaigns.campaign_id = opportunities.campaign_id
)

select * from enriched

-- Level 3: campaign members with their campaign, contact account and response facts.
-- Grain: one row per campaign member (campaign_id, contact_id).
{%- set merge = merge_declaration('campaign_members') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the members int_campaign_members merged
-- (macros/incremental/merge_declarations.sql).
with members as (
    select * from {{ ref('int_campaign_members') }}
    {{- where_touched(merge.touched, merge.through) }}
),

detail as (
    select
        campaign_id,
        campaign_name,
        campaign_channel,
        contact_id,
        account_id,
        account_country,
        account_owner_rep_id,
        sent_at,
        sent_on,
        opened_at,
        clicked_at,
        responded_at,
        responded_on,
        unsubscribed_at,
        has_responded,
        {{ days_between('sent_on', 'responded_on') }} as days_to_response
    from members
)

select * from detail

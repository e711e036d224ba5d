-- Grain: one row per campaign member (campaign_id, contact_id), current version, with its
-- campaign's name and channel, the live contact's account (country, owner) and the local
-- dates of sending and response (period attribution of the campaign KPIs).
-- campaign_members has no tombstone: every current member counts, whatever its contact.
{%- set merge = merge_declaration('campaign_members') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the members of the campaigns and contacts a delta touches
-- (macros/incremental/merge_declarations.sql).
with members as (
    select * from {{ ref('stg_crm__campaign_members') }}
    {{- where_touched(merge.touched, merge.through) }}
),

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

contacts as (
    select * from {{ ref('int_contacts') }}
),

enriched as (
    select
        members.campaign_id,
        campaigns.name as campaign_name,
        campaigns.channel as campaign_channel,
        members.contact_id,
        contacts.account_id,
        contacts.account_country,
        contacts.account_owner_rep_id,
        members.sent_at,
        cast(members.sent_at as date) as sent_on,
        members.opened_at,
        members.clicked_at,
        members.responded_at,
        cast(members.responded_at as date) as responded_on,
        members.unsubscribed_at,
        members.responded_at is not null as has_responded
    from members
    left join campaigns on campaigns.campaign_id = members.campaign_id
    left join contacts on contacts.contact_id = members.contact_id
)

select * from enriched

-- Grain: one row per live CRM lead, with the local dates of its creation, qualification and
-- conversion (period attribution of leads_created, qualified_leads, lead_conversion_rate)
-- and its owner's team.
with leads as (
    select * from {{ ref('stg_crm__leads') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

leads_with_owner as (
    select
        leads.lead_id,
        leads.source as lead_source,
        leads.country,
        leads.owner_rep_id,
        reps.team as owner_team,
        leads.status,
        leads.created_at,
        cast(leads.created_at as date) as created_on,
        leads.qualified_at,
        cast(leads.qualified_at as date) as qualified_on,
        leads.converted_at,
        cast(leads.converted_at as date) as converted_on,
        leads.converted_account_id,
        leads.converted_at is not null as is_converted
    from leads
    left join reps on reps.rep_id = leads.owner_rep_id
)

select * from leads_with_owner

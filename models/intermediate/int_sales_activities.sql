{%- set touched = {'activity_id': ['crm__activities']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the activities a delta of crm/activities touches
-- (macros/incremental/merge_touched.sql).
-- Grain: one row per live CRM activity (call, visit, meeting, email), with its owner's team
-- and business unit (NULL when the owner is unknown to crm/sales_reps) and the local dates
-- of due_at and completed_at. Shared by the sales_force KPIs and marts.
with activities as (
    select * from {{ ref('stg_crm__activities') }}
    {{- where_touched(touched) }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

activities_with_owner as (
    select
        activities.activity_id,
        activities.activity_type,
        activities.status,
        activities.owner_rep_id,
        reps.team as owner_team,
        reps.business_unit as owner_business_unit,
        activities.account_id,
        activities.contact_id,
        activities.opportunity_id,
        activities.due_at,
        cast(activities.due_at as date) as due_on,
        activities.completed_at,
        cast(activities.completed_at as date) as completed_on,
        activities.has_report
    from activities
    left join reps on reps.rep_id = activities.owner_rep_id
)

select * from activities_with_owner

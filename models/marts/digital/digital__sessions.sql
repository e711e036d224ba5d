{%- set touched = {'session_id': ['web__sessions'], 'contact_id': ['crm__contacts']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the sessions a delta of web/sessions touches and those of the contacts a
-- delta of crm/contacts touches (their account) (macros/incremental/merge_touched.sql).
-- Level 3: web session events (append-only web/sessions, exact duplicates once) with the
-- live CRM contact and account they belong to when known. Grain: one row per distinct
-- session event (normally one per session_id).
with sessions as (
    select * from {{ ref('stg_web__sessions') }}
    {{- where_touched(touched) }}
),

contacts as (
    select * from {{ ref('int_contacts') }}
),

final as (
    select
        sessions.session_id,
        sessions.visitor_id,
        sessions.contact_id,
        contacts.account_id,
        sessions.started_at,
        cast(sessions.started_at as date) as started_on,
        {{ period_start('month', 'cast(sessions.started_at as date)') }} as started_month,
        sessions.channel as web_channel,
        sessions.duration_s,
        sessions.pageviews,
        coalesce(sessions.goal_completed, false) as goal_completed
    from sessions
    left join contacts on contacts.contact_id = sessions.contact_id
)

select * from final

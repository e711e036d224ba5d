{{ config(**staging_config('web__sessions')) }}
-- Grain: one row per distinct event of landing `web/sessions` (append-only: exact duplicates count once).

with source as (
    select * from {{ source('raw', 'web__sessions') }}
    {{- where_touched_by_delta('web__sessions') }}
),

distinct_events as (
    select distinct
        session_id,
        visitor_id,
        contact_id,
        started_at,
        started_at_utc,
        duration_s,
        pageviews,
        channel,
        goal_completed
    from source
)

select * from distinct_events

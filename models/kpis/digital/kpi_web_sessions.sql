-- web_sessions: distinct sessions (count(distinct session_id)) by started_at. web/sessions is
-- append-only; staging already counts exact duplicate rows once. The distinct count is split
-- (macro count_distinct_split): sessions with one event are counted as rows.
with session_events as (
    select * from {{ ref('int_web_session_events') }}
),

population as (
    select
        started_on as kpi_date,
        session_id,
        is_only_event,
        channel as web_channel
    from session_events
)

{{ kpi_observations('web_sessions', 'population',
                    numerator=count_distinct_split('session_id', 'is_only_event')) }}

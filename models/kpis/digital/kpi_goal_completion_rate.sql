-- goal_completion_rate: sessions with goal_completed = true / sessions, by started_at, both
-- counted as distinct session_id (the web_sessions denominator); a session counts as
-- completed when any of its rows has goal_completed = true (NULL = not completed).
-- Distinct counts split as in web_sessions (macro count_distinct_split).
with session_events as (
    select * from {{ ref('int_web_session_events') }}
),

population as (
    select
        started_on as kpi_date,
        session_id,
        is_only_event,
        goal_completed,
        channel as web_channel
    from session_events
)

{{ kpi_observations(
    'goal_completion_rate', 'population',
    numerator=count_distinct_split('session_id', 'is_only_event', 'goal_completed = true'),
    denominator=count_distinct_split('session_id', 'is_only_event')
) }}

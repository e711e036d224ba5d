-- goal_completion_rate: sessions with goal_completed = true / sessions, by started_at, both
-- counted as distinct session_id (the web_sessions denominator); a session counts as
-- completed when any of its rows has goal_completed = true (NULL = not completed).
with sessions as (
    select * from {{ ref('stg_web__sessions') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        session_id,
        channel as web_channel,
        case when goal_completed = true then session_id end as completed_session_id
    from sessions
)

{{ kpi_observations(
    'goal_completion_rate', 'population',
    numerator='count(distinct completed_session_id)',
    denominator='count(distinct session_id)'
) }}

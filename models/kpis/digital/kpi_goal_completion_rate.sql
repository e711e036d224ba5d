-- goal_completion_rate: sessions with goal_completed = true / sessions, by started_at, both
-- counted as distinct session_id (the web_sessions denominator); a session counts as
-- completed when any of its rows has goal_completed = true (NULL = not completed).
-- Distinct counts split as in web_sessions (macro count_distinct_split), over the same month x
-- channel cells (kpi_month_cells), which also keep goal_completed.
with session_events as (
    select * from {{ ref('int_web_session_events') }}
),

population as (
    select
        started_on as kpi_date,
        case when is_only_event then null else session_id end as repeated_session_id,
        is_only_event,
        goal_completed,
        channel as web_channel
    from session_events
),

{{ kpi_month_cells('cells', 'population',
                   ['web_channel', 'is_only_event', 'goal_completed', 'repeated_session_id'],
                   {'events': 'count(*)'}) }}

{{ kpi_observations(
    'goal_completion_rate', 'cells',
    numerator=count_distinct_split('repeated_session_id', 'is_only_event', 'goal_completed = true', weight='events'),
    denominator=count_distinct_split('repeated_session_id', 'is_only_event', weight='events')
) }}

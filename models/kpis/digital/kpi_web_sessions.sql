-- web_sessions: distinct sessions (count(distinct session_id)) by started_at. web/sessions is
-- append-only; staging already counts exact duplicate rows once. The distinct count is split
-- (macro count_distinct_split): sessions with one event are counted as rows, summed into
-- month x channel cells (kpi_month_cells); a session with several events keeps its id in its
-- cell, so it is counted once per period and channel.
with session_events as (
    select * from {{ ref('int_web_session_events') }}
),

population as (
    select
        started_on as kpi_date,
        case when is_only_event then null else session_id end as repeated_session_id,
        is_only_event,
        channel as web_channel
    from session_events
),

{{ kpi_month_cells('cells', 'population', ['web_channel', 'is_only_event', 'repeated_session_id'],
                   {'events': 'count(*)'}) }}

{{ kpi_observations('web_sessions', 'cells',
                    numerator=count_distinct_split('repeated_session_id', 'is_only_event', weight='events')) }}

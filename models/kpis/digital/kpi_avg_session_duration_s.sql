-- avg_session_duration_s: average duration_s over sessions (distinct event rows of
-- web/sessions) with duration_s not NULL, by started_at: sum / count at every grain.
with sessions as (
    select * from {{ ref('stg_web__sessions') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        session_id,
        channel as web_channel,
        duration_s
    from sessions
    where duration_s is not null
)

{{ kpi_observations(
    'avg_session_duration_s', 'population',
    numerator='sum(duration_s)',
    denominator='count(duration_s)'
) }}

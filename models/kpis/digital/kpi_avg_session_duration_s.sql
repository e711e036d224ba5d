-- avg_session_duration_s: average duration_s over sessions (distinct event rows of
-- web/sessions) with duration_s not NULL, by started_at: sum / count at every grain, over
-- month x channel cells (kpi_month_cells).
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
),

{{ kpi_month_cells('cells', 'population', ['web_channel'],
                   {'duration_s': 'sum(duration_s)', 'sessions': 'count(duration_s)'}) }}

{{ kpi_observations(
    'avg_session_duration_s', 'cells',
    numerator='sum(duration_s)',
    denominator='sum(sessions)'
) }}

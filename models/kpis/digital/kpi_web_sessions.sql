-- web_sessions: distinct sessions (count(distinct session_id)) by started_at. web/sessions is
-- append-only; staging already counts exact duplicate rows once.
with sessions as (
    select * from {{ ref('stg_web__sessions') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        session_id,
        channel as web_channel
    from sessions
)

{{ kpi_observations('web_sessions', 'population', numerator='count(distinct session_id)') }}

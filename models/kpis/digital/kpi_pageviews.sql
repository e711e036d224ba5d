-- pageviews: sum of coalesce(pageviews, 0) over sessions (every distinct event row of
-- web/sessions), by started_at; summed into month x channel cells first (kpi_month_cells).
with sessions as (
    select * from {{ ref('stg_web__sessions') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        session_id,
        channel as web_channel,
        coalesce(pageviews, 0) as pageviews
    from sessions
),

{{ kpi_month_cells('cells', 'population', ['web_channel'], {'pageviews': 'sum(pageviews)'}) }}

{{ kpi_observations('pageviews', 'cells', numerator='sum(pageviews)') }}

-- avg_handle_time_s (period): average elapsed seconds from answered_at to ended_at (real
-- time between the instants) over calls, any direction, with both not NULL, by started_at
-- local date.
with calls as (
    select * from {{ ref('stg_crm__calls') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        call_id,
        cast({{ seconds_between('answered_at_utc', 'ended_at_utc') }} as {{ double_type() }}) as handle_seconds
    from calls
    where answered_at is not null
      and ended_at is not null
)

{{ kpi_observations('avg_handle_time_s', 'population',
                    numerator='sum(handle_seconds)', denominator='count(*)') }}

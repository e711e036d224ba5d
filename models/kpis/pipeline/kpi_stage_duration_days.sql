-- stage_duration_days: from the stage history of live opportunities (events ordered by
-- entered_at), each event but the last opens an interval closed by the next event; duration
-- = real elapsed time in fractional days, attributed to the period of the closing event and
-- to the stage of the opening event; value = average duration. Dimension stage only.
with intervals as (
    select * from {{ ref('int_opportunity_stage_intervals') }}
),

population as (
    select
        closed_on as kpi_date,
        stage,
        duration_days
    from intervals
)

{{ kpi_observations('stage_duration_days', 'population', numerator='sum(duration_days)', denominator='count(*)') }}

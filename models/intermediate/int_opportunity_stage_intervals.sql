-- Grain: one row per stage interval of a live opportunity: each stage-history event but
-- the last opens an interval that the next event (by entered_at instant) closes.
-- duration_days is real elapsed time; the interval belongs to the stage of its opening
-- event and to the local date of its closing event.
{%- set merge = merge_declaration('opportunity_intervals') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the opportunities a delta touches: an opportunity's intervals change with
-- its events and with whether it is live, nothing else (declaration `opportunity_intervals`,
-- macros/incremental/merge_declarations.sql).
with history as (
    select * from {{ ref('stg_crm__opportunity_stage_history') }}
    {{- where_touched(merge.touched) }}
),

live_opportunities as (
    select opportunity_id from {{ ref('stg_crm__opportunities') }}
),

ranked_history as (
    -- events at the same instant follow the pipeline's order of stages
    select
        history.*,
        case history.stage
            when 'prospecting' then 1
            when 'qualification' then 2
            when 'proposal' then 3
            when 'negotiation' then 4
            when 'closed_won' then 5
            when 'closed_lost' then 5
            else 6
        end as stage_rank
    from history
),

ordered_events as (
    select
        history.opportunity_id,
        history.stage,
        history.entered_at,
        history.entered_at_utc,
        lead(history.entered_at) over (
            partition by history.opportunity_id
            order by history.entered_at_utc, history.stage_rank, history.stage
        ) as next_entered_at,
        lead(history.entered_at_utc) over (
            partition by history.opportunity_id
            order by history.entered_at_utc, history.stage_rank, history.stage
        ) as next_entered_at_utc
    from ranked_history as history
    inner join live_opportunities
        on live_opportunities.opportunity_id = history.opportunity_id
)

select
    opportunity_id,
    stage,
    entered_at as opened_at,
    next_entered_at as closed_at,
    cast(next_entered_at as date) as closed_on,
    cast({{ seconds_between('entered_at_utc', 'next_entered_at_utc') }} as {{ double_type() }}) / 86400.0 as duration_days
from ordered_events
where next_entered_at_utc is not null

-- Level 3: every stage interval of live opportunities (int_opportunity_stage_intervals) with
-- the opportunity's owner, team, product range and current stage.
-- Grain: one row per interval (opening stage-history event that a later event closes).
{%- set merge = merge_declaration('opportunity_intervals') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the opportunities a delta touches (declaration `opportunity_intervals`,
-- macros/incremental/merge_declarations.sql).
with intervals as (
    select * from {{ ref('int_opportunity_stage_intervals') }}
    {{- where_touched(merge.touched) }}
),

opportunities as (
    select * from {{ ref('int_opportunities') }}
),

enriched as (
    select
        intervals.opportunity_id,
        intervals.stage,
        intervals.opened_at as interval_started_at,
        intervals.closed_at as interval_ended_at,
        intervals.closed_on as interval_ended_on,
        {{ period_start('month', 'intervals.closed_on') }} as period_month,
        intervals.duration_days,
        opportunities.stage as current_stage,
        opportunities.owner_rep_id,
        opportunities.owner_team,
        opportunities.product_range,
        opportunities.account_id
    from intervals
    inner join opportunities on opportunities.opportunity_id = intervals.opportunity_id
)

select * from enriched

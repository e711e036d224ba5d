-- Level 3: every stage interval of live opportunities (int_opportunity_stage_intervals) with
-- the opportunity's owner, team, product range and current stage.
-- Grain: one row per interval (opening stage-history event that a later event closes).
{%- set touched = {'opportunity_id': ['crm__opportunity_stage_history', 'crm__opportunities']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the opportunities a delta touches, as int_opportunity_stage_intervals and
-- int_opportunities do (an interval row changes with its opportunity's events and attributes).
with intervals as (
    select * from {{ ref('int_opportunity_stage_intervals') }}
    {{- where_touched(touched) }}
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

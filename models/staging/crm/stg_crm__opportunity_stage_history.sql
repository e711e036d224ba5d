{{ config(**staging_config('crm__opportunity_stage_history')) }}
-- Grain: one row per distinct event of landing `crm/opportunity_stage_history` (append-only: exact duplicates count once).

with source as (
    select * from {{ source('raw', 'crm__opportunity_stage_history') }}
    {{- where_touched_by_delta('crm__opportunity_stage_history') }}
),

distinct_events as (
    select distinct
        opportunity_id,
        stage,
        entered_at,
        entered_at_utc
    from source
)

select * from distinct_events

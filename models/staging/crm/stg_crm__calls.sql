{{ config(**staging_config('crm__calls')) }}
-- Grain: one row per call_id — the current version of each record of landing `crm/calls`.

with source as (
    select * from {{ source('raw', 'crm__calls') }}
    {{- where_touched_by_delta('crm__calls') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__calls')) }}
)

select
        call_id,
        case_id,
        agent_id,
        direction,
        is_callback,
        started_at,
        started_at_utc,
        answered_at,
        answered_at_utc,
        ended_at,
        ended_at_utc,
        updated_at,
        updated_at_utc
from current_versions

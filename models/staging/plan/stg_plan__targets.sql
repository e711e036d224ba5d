{{ config(**staging_config('plan__targets')) }}
-- Grain: one row per period_month, scope, scope_id, kpi_code — the current version of each record of landing `plan/targets`.

with source as (
    select * from {{ source('raw', 'plan__targets') }}
    {{- where_touched_by_delta('plan__targets') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('plan__targets')) }}
)

select
        period_month,
        scope,
        scope_id,
        kpi_code,
        target_value,
        updated_at,
        updated_at_utc
from current_versions

{{ config(**staging_config('plan__targets', ['period_month', 'scope', 'scope_id', 'kpi_code'])) }}
-- Grain: one row per period_month, scope, scope_id, kpi_code — the current version of each record of landing `plan/targets`.

with source as (
    select * from {{ source('raw', 'plan__targets') }}
    {{- where_touched_by_delta('plan__targets', ['period_month', 'scope', 'scope_id', 'kpi_code']) }}
),

current_versions as (
    {{ latest_version('source', ['period_month', 'scope', 'scope_id', 'kpi_code']) }}
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

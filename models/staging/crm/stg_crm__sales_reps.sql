{{ config(**staging_config('crm__sales_reps')) }}
-- Grain: one row per rep_id — the current version of each record of landing `crm/sales_reps`.

with source as (
    select * from {{ source('raw', 'crm__sales_reps') }}
    {{- where_touched_by_delta('crm__sales_reps') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__sales_reps')) }}
)

select
        rep_id,
        full_name,
        email,
        team,
        business_unit,
        manager_rep_id,
        country,
        hired_on,
        left_on,
        updated_at,
        updated_at_utc
from current_versions

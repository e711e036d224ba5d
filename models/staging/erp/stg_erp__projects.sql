{{ config(**staging_config('erp__projects')) }}
-- Grain: one row per project_id — the current version of each record of landing `erp/projects`.

with source as (
    select * from {{ source('raw', 'erp__projects') }}
    {{- where_touched_by_delta('erp__projects') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__projects')) }}
)

select
        project_id,
        erp_customer_id,
        name,
        starts_on,
        ends_on,
        budget_amount,
        status,
        updated_at,
        updated_at_utc
from current_versions

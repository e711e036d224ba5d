{{ config(**staging_config('erp__customers')) }}
-- Grain: one row per erp_customer_id — the current version of each record of landing `erp/customers`.

with source as (
    select * from {{ source('raw', 'erp__customers') }}
    {{- where_touched_by_delta('erp__customers') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__customers')) }}
)

select
        erp_customer_id,
        crm_account_id,
        name,
        country,
        vat_number,
        created_at,
        created_at_utc,
        updated_at,
        updated_at_utc
from current_versions

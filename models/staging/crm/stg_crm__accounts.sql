{{ config(**staging_config('crm__accounts')) }}
-- Grain: one row per account_id — the current version of each live record of landing `crm/accounts`.

with source as (
    select * from {{ source('raw', 'crm__accounts') }}
    {{- where_touched_by_delta('crm__accounts') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__accounts')) }}
)

select
        account_id,
        name,
        country,
        segment,
        industry,
        owner_rep_id,
        lead_source,
        erp_customer_id,
        vat_number,
        created_at,
        created_at_utc,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted

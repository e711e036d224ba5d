{{ config(**staging_config('crm__leads')) }}
-- Grain: one row per lead_id — the current version of each live record of landing `crm/leads`.

with source as (
    select * from {{ source('raw', 'crm__leads') }}
    {{- where_touched_by_delta('crm__leads') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__leads')) }}
)

select
        lead_id,
        created_at,
        created_at_utc,
        source,
        country,
        owner_rep_id,
        status,
        qualified_at,
        qualified_at_utc,
        converted_at,
        converted_at_utc,
        converted_account_id,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted

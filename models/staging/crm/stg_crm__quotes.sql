{{ config(**staging_config('crm__quotes')) }}
-- Grain: one row per quote_id — the current version of each live record of landing `crm/quotes`.

with source as (
    select * from {{ source('raw', 'crm__quotes') }}
    {{- where_touched_by_delta('crm__quotes') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__quotes')) }}
)

select
        quote_id,
        opportunity_id,
        account_id,
        owner_rep_id,
        amount,
        sent_at,
        sent_at_utc,
        follow_up_on,
        status,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted

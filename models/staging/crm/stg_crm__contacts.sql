{{ config(**staging_config('crm__contacts')) }}
-- Grain: one row per contact_id — the current version of each live record of landing `crm/contacts`.

with source as (
    select * from {{ source('raw', 'crm__contacts') }}
    {{- where_touched_by_delta('crm__contacts') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__contacts')) }}
)

select
        contact_id,
        account_id,
        first_name,
        last_name,
        job_title,
        department,
        email,
        phone,
        email_opt_in,
        created_at,
        created_at_utc,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted

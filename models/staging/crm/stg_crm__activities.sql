{{ config(**staging_config('crm__activities')) }}
-- Grain: one row per activity_id — the current version of each live record of landing `crm/activities`.

with source as (
    select * from {{ source('raw', 'crm__activities') }}
    {{- where_touched_by_delta('crm__activities') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__activities')) }}
)

select
        activity_id,
        activity_type,
        owner_rep_id,
        account_id,
        contact_id,
        opportunity_id,
        due_at,
        due_at_utc,
        completed_at,
        completed_at_utc,
        status,
        has_report,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted
